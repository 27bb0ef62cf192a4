/* onramp-json-cache.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_JSON_CACHE (onramp_json_cache_get_type ())

G_DECLARE_FINAL_TYPE (OnrampJsonCache, onramp_json_cache, ONRAMP, JSON_CACHE, GObject)

OnrampJsonCache *onramp_json_cache_new           (const char           *directory);
const char      *onramp_json_cache_get_directory (OnrampJsonCache      *self);
gboolean         onramp_json_cache_name_is_valid (const char           *name);
void             onramp_json_cache_save_async    (OnrampJsonCache      *self,
                                                  const char           *name,
                                                  JsonNode             *node,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean         onramp_json_cache_save_finish   (OnrampJsonCache      *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void             onramp_json_cache_load_async    (OnrampJsonCache      *self,
                                                  const char           *name,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
JsonNode        *onramp_json_cache_load_finish   (OnrampJsonCache      *self,
                                                  GAsyncResult         *result,
                                                  GDateTime           **saved_at,
                                                  GError              **error);

G_END_DECLS

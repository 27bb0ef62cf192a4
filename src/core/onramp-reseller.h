/* onramp-reseller.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_RESELLER (onramp_reseller_get_type ())

G_DECLARE_FINAL_TYPE (OnrampReseller, onramp_reseller, ONRAMP, RESELLER, GObject)

OnrampReseller *onramp_reseller_new              (const char     *id,
                                                  const char     *name,
                                                  const char     *mpn_id,
                                                  const char     *location);
OnrampReseller *onramp_reseller_new_from_json    (JsonObject     *object);
const char     *onramp_reseller_get_id           (OnrampReseller *self);
const char     *onramp_reseller_get_name         (OnrampReseller *self);
const char     *onramp_reseller_get_mpn_id       (OnrampReseller *self);
const char     *onramp_reseller_get_location     (OnrampReseller *self);
const char     *onramp_reseller_get_search_text  (OnrampReseller *self);

G_END_DECLS

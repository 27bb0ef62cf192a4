/* onramp-demo-server.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "onramp-demo-auth.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_DEMO_SERVER (onramp_demo_server_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDemoServer, onramp_demo_server, ONRAMP, DEMO_SERVER, GObject)

OnrampDemoServer *onramp_demo_server_new       (void);
gboolean          onramp_demo_server_start     (OnrampDemoServer  *self,
                                                GError           **error);
void              onramp_demo_server_stop      (OnrampDemoServer  *self);
const char       *onramp_demo_server_get_url   (OnrampDemoServer  *self);
void              onramp_demo_server_take_domain (OnrampDemoServer *self,
                                                  const char       *domain);

OnrampDemoAuth   *onramp_demo_server_get_auth  (OnrampDemoServer  *self);

G_END_DECLS

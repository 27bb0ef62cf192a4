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

OnrampDemoServer *onramp_demo_server_new              (void);
gboolean          onramp_demo_server_start            (OnrampDemoServer  *self,
                                                       GError           **error);
void              onramp_demo_server_stop             (OnrampDemoServer  *self);
const char       *onramp_demo_server_get_url          (OnrampDemoServer  *self);
void              onramp_demo_server_take_domain      (OnrampDemoServer  *self,
                                                       const char        *domain);
void              onramp_demo_server_add_access_token (OnrampDemoServer  *self,
                                                       const char        *token);
void              onramp_demo_server_remove_access_token (OnrampDemoServer *self,
                                                       const char        *token);
gboolean          onramp_demo_server_set_faults       (OnrampDemoServer  *self,
                                                       const char        *spec,
                                                       GError           **error);
guint             onramp_demo_server_get_n_customers  (OnrampDemoServer  *self);
guint             onramp_demo_server_count_requests   (OnrampDemoServer  *self,
                                                       const char        *request_id);

OnrampDemoAuth   *onramp_demo_server_get_auth  (OnrampDemoServer  *self);

G_END_DECLS

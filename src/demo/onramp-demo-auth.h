/* onramp-demo-auth.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_DEMO_AUTH (onramp_demo_auth_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDemoAuth, onramp_demo_auth, ONRAMP, DEMO_AUTH, GObject)

OnrampDemoAuth *onramp_demo_auth_new                   (void);
void            onramp_demo_auth_add_handlers          (OnrampDemoAuth *self,
                                                        SoupServer     *server);
gboolean        onramp_demo_auth_handles               (OnrampDemoAuth *self,
                                                        const char     *path);
void            onramp_demo_auth_handle                (OnrampDemoAuth    *self,
                                                        SoupServer        *server,
                                                        SoupServerMessage *msg,
                                                        const char        *path,
                                                        GHashTable        *query);

gboolean        onramp_demo_auth_approve               (OnrampDemoAuth *self,
                                                        const char     *user_code);
gboolean        onramp_demo_auth_deny                  (OnrampDemoAuth *self,
                                                        const char     *user_code);
const char     *onramp_demo_auth_get_last_user_code    (OnrampDemoAuth *self);
const char     *onramp_demo_auth_get_last_device_code  (OnrampDemoAuth *self);
gboolean        onramp_demo_auth_check_bearer          (OnrampDemoAuth *self,
                                                        const char     *authorization_header);

void            onramp_demo_auth_set_auto_approve      (OnrampDemoAuth *self,
                                                        guint           delay_ms);
void            onramp_demo_auth_set_interval          (OnrampDemoAuth *self,
                                                        guint           seconds);
void            onramp_demo_auth_set_code_lifetime     (OnrampDemoAuth *self,
                                                        guint           seconds);
void            onramp_demo_auth_set_token_lifetime    (OnrampDemoAuth *self,
                                                        guint           seconds);
void            onramp_demo_auth_set_time_scale        (OnrampDemoAuth *self,
                                                        double          scale);
void            onramp_demo_auth_revoke_refresh_tokens (OnrampDemoAuth *self);
guint           onramp_demo_auth_get_slow_down_count   (OnrampDemoAuth *self);
guint           onramp_demo_auth_get_refresh_count     (OnrampDemoAuth *self);

G_END_DECLS

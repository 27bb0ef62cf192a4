/* onramp-auth.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onramp-keyring.h"

G_BEGIN_DECLS

/**
 * OnrampAuthState:
 * @ONRAMP_AUTH_STATE_SIGNED_OUT: no session
 * @ONRAMP_AUTH_STATE_AWAITING_USER: a device code is out; the user must enter
 *   #OnrampAuth:user-code at #OnrampAuth:verification-uri
 * @ONRAMP_AUTH_STATE_SIGNED_IN: a session is there (its access token may need a refresh)
 * @ONRAMP_AUTH_STATE_ERROR: the last sign-in failed; see onramp_auth_get_error()
 */
typedef enum
{
  ONRAMP_AUTH_STATE_SIGNED_OUT,
  ONRAMP_AUTH_STATE_AWAITING_USER,
  ONRAMP_AUTH_STATE_SIGNED_IN,
  ONRAMP_AUTH_STATE_ERROR,
} OnrampAuthState;

#define ONRAMP_TYPE_AUTH_STATE (onramp_auth_state_get_type ())
GType onramp_auth_state_get_type (void) G_GNUC_CONST;

#define ONRAMP_AUTH_SCOPE "https://api.partnercenter.microsoft.com/user_impersonation offline_access"
#define ONRAMP_AUTH_AUTHORITY_COMMERCIAL "https://login.microsoftonline.com"
#define ONRAMP_AUTH_AUTHORITY_US_GOVERNMENT "https://login.microsoftonline.us"

#define ONRAMP_TYPE_AUTH (onramp_auth_get_type ())

G_DECLARE_FINAL_TYPE (OnrampAuth, onramp_auth, ONRAMP, AUTH, GObject)

OnrampAuth      *onramp_auth_new                   (OnrampKeyring        *keyring,
                                                    const char           *cloud,
                                                    const char           *client_id);

const char      *onramp_auth_get_cloud             (OnrampAuth           *self);
const char      *onramp_auth_get_authority         (OnrampAuth           *self);
void             onramp_auth_set_authority         (OnrampAuth           *self,
                                                    const char           *authority);
const char      *onramp_auth_get_client_id         (OnrampAuth           *self);
void             onramp_auth_set_client_id         (OnrampAuth           *self,
                                                    const char           *client_id);
OnrampAuthState  onramp_auth_get_state             (OnrampAuth           *self);
const char      *onramp_auth_get_user_code         (OnrampAuth           *self);
const char      *onramp_auth_get_verification_uri  (OnrampAuth           *self);
const char      *onramp_auth_get_account           (OnrampAuth           *self);
const GError    *onramp_auth_get_error             (OnrampAuth           *self);
double           onramp_auth_get_time_scale        (OnrampAuth           *self);
void             onramp_auth_set_time_scale        (OnrampAuth           *self,
                                                    double                scale);

gboolean         onramp_auth_is_allowed_url        (const char           *url);
const char      *onramp_auth_get_environment_token (void);

void             onramp_auth_sign_in_async         (OnrampAuth           *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         onramp_auth_sign_in_finish        (OnrampAuth           *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             onramp_auth_get_access_token_async (OnrampAuth          *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char            *onramp_auth_get_access_token_finish (OnrampAuth         *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
void             onramp_auth_refresh_async         (OnrampAuth           *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         onramp_auth_refresh_finish        (OnrampAuth           *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             onramp_auth_sign_out_async        (OnrampAuth           *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         onramp_auth_sign_out_finish       (OnrampAuth           *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void             onramp_auth_restore_async         (OnrampAuth           *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         onramp_auth_restore_finish        (OnrampAuth           *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS

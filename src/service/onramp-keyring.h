/* onramp-keyring.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * OnrampTokens:
 * @access_token: the bearer token for Partner Center
 * @refresh_token: (nullable): the refresh token (offline_access)
 * @expires_at: when @access_token expires, in seconds since the epoch
 * @account: (nullable): who signed in, for display (e.g. a UPN)
 *
 * One signed-in session. Every field but @account is a secret: never log it.
 */
typedef struct
{
  char   *access_token;
  char   *refresh_token;
  gint64  expires_at;
  char   *account;
} OnrampTokens;

#define ONRAMP_TYPE_TOKENS (onramp_tokens_get_type ())

GType         onramp_tokens_get_type (void) G_GNUC_CONST;
OnrampTokens *onramp_tokens_new      (const char         *access_token,
                                      const char         *refresh_token,
                                      gint64              expires_at,
                                      const char         *account);
OnrampTokens *onramp_tokens_copy     (const OnrampTokens *tokens);
void          onramp_tokens_free     (OnrampTokens       *tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampTokens, onramp_tokens_free)

#define ONRAMP_TYPE_KEYRING (onramp_keyring_get_type ())

G_DECLARE_FINAL_TYPE (OnrampKeyring, onramp_keyring, ONRAMP, KEYRING, GObject)

OnrampKeyring *onramp_keyring_new                         (void);
guint          onramp_keyring_get_timeout                 (OnrampKeyring        *self);
void           onramp_keyring_set_timeout                 (OnrampKeyring        *self,
                                                           guint                 seconds);

void           onramp_keyring_store_tokens_async          (OnrampKeyring        *self,
                                                           const char           *cloud,
                                                           const OnrampTokens   *tokens,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean       onramp_keyring_store_tokens_finish         (OnrampKeyring        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void           onramp_keyring_lookup_tokens_async         (OnrampKeyring        *self,
                                                           const char           *cloud,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
OnrampTokens  *onramp_keyring_lookup_tokens_finish        (OnrampKeyring        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void           onramp_keyring_clear_tokens_async          (OnrampKeyring        *self,
                                                           const char           *cloud,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean       onramp_keyring_clear_tokens_finish         (OnrampKeyring        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void           onramp_keyring_store_admin_password_async  (OnrampKeyring        *self,
                                                           const char           *customer_id,
                                                           const char           *user_name,
                                                           const char           *password,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean       onramp_keyring_store_admin_password_finish (OnrampKeyring        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void           onramp_keyring_lookup_admin_password_async (OnrampKeyring        *self,
                                                           const char           *customer_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
char          *onramp_keyring_lookup_admin_password_finish (OnrampKeyring       *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void           onramp_keyring_clear_admin_password_async  (OnrampKeyring        *self,
                                                           const char           *customer_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean       onramp_keyring_clear_admin_password_finish (OnrampKeyring        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS

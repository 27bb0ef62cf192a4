/* onramp-keyring.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "onramp-error.h"
#include "onramp-keyring.h"

/* The desktop keyring (libsecret), through its asynchronous API only: a
 * keyring that shows an unlock prompt must never freeze the window.
 *
 * Every call runs under a timeout, because with no visible prompter (a
 * headless session, a broken gcr) a prompt can wait forever; the timeout
 * cancels the call and reports the keyring as unavailable.
 *
 * The raw libsecret error goes to g_debug(); the caller gets an ONRAMP_ERROR
 * with a translated message that says drafting keeps working. Secrets
 * themselves are never logged.
 */

#define TOKEN_SCHEMA_VERSION "1"
#define DEFAULT_TIMEOUT_SECONDS 120

struct _OnrampKeyring
{
  GObject  parent_instance;

  guint    timeout;
  GQueue   pending;
  GTask   *running;
};

G_DEFINE_FINAL_TYPE (OnrampKeyring, onramp_keyring, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (OnrampTokens, onramp_tokens, onramp_tokens_copy, onramp_tokens_free)

enum {
  PROP_0,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Raising "version" when the stored format changes makes old items simply
 * stop matching (GOA's "credentials generation"). */
static const SecretSchema token_schema = {
  .name = "io.github.onrampcsp.Onramp.Token",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { "version", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "cloud", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static const SecretSchema admin_password_schema = {
  .name = "io.github.onrampcsp.Onramp.AdminPassword",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { "customer-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user-name", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* Overwrites a secret before freeing it, so it does not linger in freed heap */
static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

typedef char char_wiped;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (char_wiped, wipe_free)

OnrampTokens *
onramp_tokens_new (const char *access_token,
                   const char *refresh_token,
                   gint64      expires_at,
                   const char *account)
{
  OnrampTokens *tokens;

  g_return_val_if_fail (access_token != NULL, NULL);

  tokens = g_new0 (OnrampTokens, 1);
  tokens->access_token = g_strdup (access_token);
  tokens->refresh_token = g_strdup (refresh_token);
  tokens->expires_at = expires_at;
  tokens->account = g_strdup (account);

  return tokens;
}

OnrampTokens *
onramp_tokens_copy (const OnrampTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, NULL);

  return onramp_tokens_new (tokens->access_token, tokens->refresh_token,
                            tokens->expires_at, tokens->account);
}

void
onramp_tokens_free (OnrampTokens *tokens)
{
  if (tokens == NULL)
    return;

  wipe_free (tokens->access_token);
  wipe_free (tokens->refresh_token);
  g_free (tokens->account);
  g_free (tokens);
}

/* One keyring call: the caller's cancellable and the timeout both cancel
 * the inner cancellable that libsecret sees. */
typedef struct
{
  GCancellable *inner;
  GCancellable *outer;
  gulong        outer_id;
  guint         timeout_id;
  gboolean      timed_out;

  void        (*start) (GTask *task);
  GHashTable   *attributes;
  char         *label;
  char         *secret;
} Call;

static void
call_free (Call *call)
{
  if (call->outer_id != 0)
    g_cancellable_disconnect (call->outer, call->outer_id);
  g_clear_object (&call->outer);
  g_clear_handle_id (&call->timeout_id, g_source_remove);
  g_clear_object (&call->inner);
  g_clear_pointer (&call->attributes, g_hash_table_unref);
  g_clear_pointer (&call->label, g_free);
  g_clear_pointer (&call->secret, wipe_free);
  g_free (call);
}

static void
on_outer_cancelled_cb (GCancellable *outer,
                       GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static gboolean
on_call_timeout_cb (gpointer user_data)
{
  Call *call = user_data;

  call->timeout_id = 0;
  call->timed_out = TRUE;
  g_cancellable_cancel (call->inner);

  return G_SOURCE_REMOVE;
}

/* One libsecret call at a time: overlapping clear and store calls on the
 * same items race inside the secret service (an item deleted twice), so
 * calls queue up in the order they were made. */
static void onramp_keyring_run_next (OnrampKeyring *self);

static void
on_call_completed_cb (GTask      *task,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  OnrampKeyring *self = g_task_get_source_object (task);

  if (self->running != task)
    return;

  g_clear_object (&self->running);
  onramp_keyring_run_next (self);
}

static void
onramp_keyring_run_next (OnrampKeyring *self)
{
  GTask *task;
  Call *call;

  if (self->running != NULL || (task = g_queue_pop_head (&self->pending)) == NULL)
    return;

  self->running = task;
  call = g_task_get_task_data (task);
  g_signal_connect (task, "notify::completed", G_CALLBACK (on_call_completed_cb), NULL);
  call->start (g_object_ref (task));
}

static void
onramp_keyring_queue_call (OnrampKeyring  *self,
                           GTask          *task,
                           void          (*start) (GTask *task))
{
  Call *call = g_task_get_task_data (task);

  call->start = start;
  g_queue_push_tail (&self->pending, task);
  onramp_keyring_run_next (self);
}

static GTask *
onramp_keyring_start_call (OnrampKeyring       *self,
                           GHashTable          *attributes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data,
                           gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  call->inner = g_cancellable_new ();
  call->attributes = attributes;
  if (cancellable != NULL)
    {
      call->outer = g_object_ref (cancellable);
      call->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled_cb),
                                              g_object_ref (call->inner), g_object_unref);
    }
  if (self->timeout > 0)
    call->timeout_id = g_timeout_add_seconds (self->timeout, on_call_timeout_cb, call);
  g_task_set_task_data (task, call, (GDestroyNotify)call_free);

  return g_steal_pointer (&task);
}

/* Turns libsecret's error into one the user can act on. */
static GError *
onramp_keyring_translate_error (Call         *call,
                                const GError *raw)
{
  g_debug ("Keyring call failed: %s (%s, %d)", raw->message,
           g_quark_to_string (raw->domain), raw->code);

  if (call->outer != NULL && g_cancellable_is_cancelled (call->outer))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, raw->message);

  if (call->timed_out)
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_KEYRING_UNAVAILABLE,
                                _("The keyring did not answer. You can keep drafting; "
                                  "unlock or start your keyring, then sign in again."));

  if (g_error_matches (raw, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_KEYRING_LOCKED,
                                _("The keyring is locked. You can keep drafting; "
                                  "unlock the keyring to sign in."));

  if (g_error_matches (raw, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_DISMISSED,
                                _("The keyring prompt was closed. You can keep drafting "
                                  "and sign in later."));

  /* No session bus (the autolaunch failure is a G_IO_ERROR), nothing that
   * provides org.freedesktop.secrets, or no default collection. */
  if (raw->domain == G_DBUS_ERROR || raw->domain == G_IO_ERROR)
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_KEYRING_UNAVAILABLE,
                                _("No keyring service is running (such as GNOME Keyring), so "
                                  "your sign-in cannot be kept. You can keep drafting."));

  return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                              _("The keyring could not be used. You can keep drafting "
                                "and try again later."));
}

static void
onramp_keyring_return_error (GTask        *task,
                             const GError *raw)
{
  g_task_return_error (task, onramp_keyring_translate_error (g_task_get_task_data (task), raw));
}

static GHashTable *
token_attributes (const char *cloud,
                  const char *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (char *)"version", g_strdup (TOKEN_SCHEMA_VERSION));
  g_hash_table_insert (attributes, (char *)"cloud", g_strdup (cloud));
  if (account != NULL)
    g_hash_table_insert (attributes, (char *)"account", g_strdup (account));

  return attributes;
}

static char *
tokens_serialize (const OnrampTokens *tokens)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) variant = NULL;

  g_variant_builder_add (&builder, "{sv}", "access-token", g_variant_new_string (tokens->access_token));
  if (tokens->refresh_token != NULL)
    g_variant_builder_add (&builder, "{sv}", "refresh-token", g_variant_new_string (tokens->refresh_token));
  g_variant_builder_add (&builder, "{sv}", "expires-at", g_variant_new_int64 (tokens->expires_at));
  if (tokens->account != NULL)
    g_variant_builder_add (&builder, "{sv}", "account", g_variant_new_string (tokens->account));
  variant = g_variant_ref_sink (g_variant_builder_end (&builder));

  return g_variant_print (variant, FALSE);
}

static OnrampTokens *
tokens_parse (const char *text)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  const char *access_token = NULL;
  const char *refresh_token = NULL;
  const char *account = NULL;
  gint64 expires_at = 0;

  variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &error);
  if (variant == NULL)
    {
      /* The message quotes the text: keep it out of the log. */
      g_debug ("Stored sign-in is not a dictionary (%d)", error->code);
      return NULL;
    }

  if (!g_variant_lookup (variant, "access-token", "&s", &access_token) ||
      !g_variant_lookup (variant, "expires-at", "x", &expires_at))
    return NULL;
  g_variant_lookup (variant, "refresh-token", "&s", &refresh_token);
  g_variant_lookup (variant, "account", "&s", &account);

  return onramp_tokens_new (access_token, refresh_token, expires_at, account);
}

/* Tokens: one session per cloud. A store first clears any older item for
 * the cloud, so a lookup by cloud finds the latest account. */

static void
on_stored_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    onramp_keyring_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_old_tokens_cleared_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Call *call = g_task_get_task_data (task);

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      onramp_keyring_return_error (task, error);
      return;
    }

  secret_password_storev (&token_schema, call->attributes, SECRET_COLLECTION_DEFAULT,
                          call->label, call->secret, call->inner,
                          on_stored_cb, g_steal_pointer (&task));
}

static void
start_store_tokens (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autoptr(GHashTable) by_cloud = NULL;

  by_cloud = token_attributes (g_hash_table_lookup (call->attributes, "cloud"), NULL);
  secret_password_clearv (&token_schema, by_cloud, call->inner, on_old_tokens_cleared_cb, task);
}

void
onramp_keyring_store_tokens_async (OnrampKeyring       *self,
                                   const char          *cloud,
                                   const OnrampTokens  *tokens,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (cloud != NULL);
  g_return_if_fail (tokens != NULL && tokens->access_token != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, token_attributes (cloud, tokens->account ? tokens->account : ""),
                                    cancellable, callback, user_data,
                                    onramp_keyring_store_tokens_async);
  call = g_task_get_task_data (task);
  call->secret = tokens_serialize (tokens);
  /* Translators: the keyring item's label; %s is the account, such as agent@contoso.com */
  call->label = g_strdup_printf (_("Onramp: Partner Center sign-in for %s"),
                                 tokens->account && *tokens->account ? tokens->account : cloud);

  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_store_tokens);
}

gboolean
onramp_keyring_store_tokens_finish (OnrampKeyring  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_tokens_looked_up_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(char_wiped) text = secret_password_lookup_finish (result, &error);
  OnrampTokens *tokens;

  if (error != NULL)
    {
      onramp_keyring_return_error (task, error);
      return;
    }

  if (text == NULL)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                               _("You are not signed in."));
      return;
    }

  tokens = tokens_parse (text);
  if (tokens == NULL)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                               _("The saved sign-in could not be read. Sign in again."));
      return;
    }

  g_task_return_pointer (task, tokens, (GDestroyNotify)onramp_tokens_free);
}

static void
start_lookup_tokens (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  secret_password_lookupv (&token_schema, call->attributes, call->inner,
                           on_tokens_looked_up_cb, task);
}

void
onramp_keyring_lookup_tokens_async (OnrampKeyring       *self,
                                    const char          *cloud,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (cloud != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, token_attributes (cloud, NULL), cancellable,
                                    callback, user_data, onramp_keyring_lookup_tokens_async);
  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_lookup_tokens);
}

/**
 * onramp_keyring_lookup_tokens_finish:
 *
 * Returns: (transfer full): the stored session, or %NULL with
 *   %ONRAMP_ERROR_NOT_SIGNED_IN when there is none (or it cannot be read)
 */
OnrampTokens *
onramp_keyring_lookup_tokens_finish (OnrampKeyring  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE with no error means there was nothing to clear: that is success */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    onramp_keyring_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_clear_tokens (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  secret_password_clearv (&token_schema, call->attributes, call->inner,
                          on_cleared_cb, task);
}

void
onramp_keyring_clear_tokens_async (OnrampKeyring       *self,
                                   const char          *cloud,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (cloud != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, token_attributes (cloud, NULL), cancellable,
                                    callback, user_data, onramp_keyring_clear_tokens_async);
  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_clear_tokens);
}

gboolean
onramp_keyring_clear_tokens_finish (OnrampKeyring  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* One-time admin passwords of newly created customers, keyed by customer id */

static GHashTable *
admin_attributes (const char *customer_id,
                  const char *user_name)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (char *)"customer-id", g_strdup (customer_id));
  if (user_name != NULL)
    g_hash_table_insert (attributes, (char *)"user-name", g_strdup (user_name));

  return attributes;
}

static void
start_store_admin_password (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  secret_password_storev (&admin_password_schema, call->attributes, SECRET_COLLECTION_DEFAULT,
                          call->label, call->secret, call->inner,
                          on_stored_cb, task);
}

void
onramp_keyring_store_admin_password_async (OnrampKeyring       *self,
                                           const char          *customer_id,
                                           const char          *user_name,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (user_name != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, admin_attributes (customer_id, user_name), cancellable,
                                    callback, user_data, onramp_keyring_store_admin_password_async);
  call = g_task_get_task_data (task);
  /* Translators: the keyring item's label; %s is an admin user name, such as admin@contoso.onmicrosoft.com */
  call->label = g_strdup_printf (_("Onramp: one-time password for %s"), user_name);
  call->secret = g_strdup (password);
  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_store_admin_password);
}

gboolean
onramp_keyring_store_admin_password_finish (OnrampKeyring  *self,
                                            GAsyncResult   *result,
                                            GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_admin_password_looked_up_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    onramp_keyring_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify)wipe_free);
}

static void
start_lookup_admin_password (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  secret_password_lookupv (&admin_password_schema, call->attributes, call->inner,
                           on_admin_password_looked_up_cb, task);
}

void
onramp_keyring_lookup_admin_password_async (OnrampKeyring       *self,
                                            const char          *customer_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, admin_attributes (customer_id, NULL), cancellable,
                                    callback, user_data, onramp_keyring_lookup_admin_password_async);
  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_lookup_admin_password);
}

/**
 * onramp_keyring_lookup_admin_password_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL with no error
 *   when none is stored for the customer. Free it with a wipe, not a plain
 *   g_free(), where that matters.
 */
char *
onramp_keyring_lookup_admin_password_finish (OnrampKeyring  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
start_clear_admin_password (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  secret_password_clearv (&admin_password_schema, call->attributes, call->inner,
                          on_cleared_cb, task);
}

void
onramp_keyring_clear_admin_password_async (OnrampKeyring       *self,
                                           const char          *customer_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_KEYRING (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = onramp_keyring_start_call (self, admin_attributes (customer_id, NULL), cancellable,
                                    callback, user_data, onramp_keyring_clear_admin_password_async);
  onramp_keyring_queue_call (self, g_steal_pointer (&task), start_clear_admin_password);
}

gboolean
onramp_keyring_clear_admin_password_finish (OnrampKeyring  *self,
                                            GAsyncResult   *result,
                                            GError        **error)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
onramp_keyring_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OnrampKeyring *self = ONRAMP_KEYRING (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_keyring_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OnrampKeyring *self = ONRAMP_KEYRING (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      onramp_keyring_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_keyring_finalize (GObject *object)
{
  OnrampKeyring *self = (OnrampKeyring *)object;

  /* Each queued task holds a reference to the keyring: none is left here */
  g_assert (g_queue_is_empty (&self->pending));
  g_assert (self->running == NULL);

  G_OBJECT_CLASS (onramp_keyring_parent_class)->finalize (object);
}

static void
onramp_keyring_class_init (OnrampKeyringClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_keyring_finalize;
  object_class->get_property = onramp_keyring_get_property;
  object_class->set_property = onramp_keyring_set_property;

  /**
   * OnrampKeyring:timeout:
   *
   * Seconds a keyring call may take, prompts included, before it fails
   * with %ONRAMP_ERROR_KEYRING_UNAVAILABLE. 0 waits forever.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_keyring_init (OnrampKeyring *self)
{
  self->timeout = DEFAULT_TIMEOUT_SECONDS;
}

OnrampKeyring *
onramp_keyring_new (void)
{
  return g_object_new (ONRAMP_TYPE_KEYRING, NULL);
}

guint
onramp_keyring_get_timeout (OnrampKeyring *self)
{
  g_return_val_if_fail (ONRAMP_IS_KEYRING (self), 0);

  return self->timeout;
}

void
onramp_keyring_set_timeout (OnrampKeyring *self,
                            guint          seconds)
{
  g_return_if_fail (ONRAMP_IS_KEYRING (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

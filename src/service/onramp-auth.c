/* onramp-auth.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-auth"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "onramp-auth.h"
#include "onramp-error.h"
#include "onramp-json.h"

/* Sign-in to Partner Center: OAuth 2.0 device authorization grant on
 * Microsoft Entra ID's v2 endpoints (partner-center-api.md §9, §10), and the
 * lifetime of the resulting session.
 *
 *   POST {authority}/organizations/oauth2/v2.0/devicecode   -> user code
 *   POST {authority}/organizations/oauth2/v2.0/token         <- polled
 *
 * A desktop app is a public client, so there is no secret to ship: the user
 * types a short code in a browser, where MFA happens, and the app polls.
 * Access tokens are refreshed when less than five minutes remain. The
 * session lives in the keyring only (OnrampKeyring).
 *
 * Never log a token, a refresh token, the device code or the user code. */

#define DEVICE_CODE_PATH "/organizations/oauth2/v2.0/devicecode"
#define TOKEN_PATH "/organizations/oauth2/v2.0/token"
#define DEVICE_CODE_GRANT "urn:ietf:params:oauth:grant-type:device_code"
#define REFRESH_MARGIN_SECONDS (5 * 60)
#define DEFAULT_INTERVAL_SECONDS 5
#define SLOW_DOWN_SECONDS 5
#define DEFAULT_CODE_LIFETIME_SECONDS 900

struct _OnrampAuth
{
  GObject          parent_instance;

  OnrampKeyring   *keyring;
  SoupSession     *session;
  GCancellable    *cancellable;

  char            *cloud;
  char            *authority;
  char            *client_id;
  double           time_scale;

  OnrampAuthState  state;
  char            *user_code;
  char            *verification_uri;
  char            *account;
  GError          *error;

  OnrampTokens    *tokens;
  guint            generation;
  GCancellable    *sign_in_cancellable;
  GPtrArray       *refresh_waiters;
};

G_DEFINE_FINAL_TYPE (OnrampAuth, onramp_auth, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OnrampAuthState, onramp_auth_state,
  G_DEFINE_ENUM_VALUE (ONRAMP_AUTH_STATE_SIGNED_OUT, "signed-out"),
  G_DEFINE_ENUM_VALUE (ONRAMP_AUTH_STATE_AWAITING_USER, "awaiting-user"),
  G_DEFINE_ENUM_VALUE (ONRAMP_AUTH_STATE_SIGNED_IN, "signed-in"),
  G_DEFINE_ENUM_VALUE (ONRAMP_AUTH_STATE_ERROR, "error"))

enum {
  PROP_0,
  PROP_KEYRING,
  PROP_CLOUD,
  PROP_AUTHORITY,
  PROP_CLIENT_ID,
  PROP_TIME_SCALE,
  PROP_STATE,
  PROP_USER_CODE,
  PROP_VERIFICATION_URI,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void onramp_auth_poll (GTask *task);

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
onramp_auth_set_state (OnrampAuth      *self,
                       OnrampAuthState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
onramp_auth_set_device_code_info (OnrampAuth *self,
                                  const char *user_code,
                                  const char *verification_uri)
{
  if (set_string (&self->user_code, user_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_CODE]);
  if (set_string (&self->verification_uri, verification_uri))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFICATION_URI]);
}

static void
onramp_auth_set_account (OnrampAuth *self,
                         const char *account)
{
  if (set_string (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/* Ends the session in memory (not in the keyring) */
static void
onramp_auth_forget_session (OnrampAuth *self)
{
  self->generation++;
  g_clear_pointer (&self->tokens, onramp_tokens_free);
  onramp_auth_set_account (self, NULL);
}

/**
 * onramp_auth_is_allowed_url:
 * @url: a service or sign-in address
 *
 * Only https:// is accepted, except on loopback (the demo server and the
 * tests), so a token or a device code never travels in clear text.
 */
gboolean
onramp_auth_is_allowed_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* An address, not a name: 127.0.0.1.example.com is not loopback */
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * onramp_auth_get_environment_token:
 *
 * For automation with onramp-cli: an access token handed over in the
 * ONRAMP_ACCESS_TOKEN environment variable, used as is (no refresh, no
 * keyring). It is never written anywhere or logged. Prefer a short-lived
 * token, and beware that other processes of the same user can read the
 * environment.
 *
 * Returns: (nullable): the token, or %NULL when the variable is unset or empty
 */
const char *
onramp_auth_get_environment_token (void)
{
  const char *token = g_getenv ("ONRAMP_ACCESS_TOKEN");

  return token != NULL && *token != '\0' ? token : NULL;
}

/* JSON replies, read defensively: a hostile or broken reply must not crash */

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* v2 sends numbers; v1 and some proxies send strings */
static gint64
json_seconds (JsonObject *object,
              const char *member,
              gint64      fallback)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  GType type;
  gint64 value = fallback;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = (gint64)json_node_get_double (node);
  else if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end = NULL;

      value = g_ascii_strtoll (text, &end, 10);
      if (end == text || *end != '\0')
        value = fallback;
    }

  return CLAMP (value, 0, G_MAXINT32);
}

/* The display name in the access token's claims. It is only shown, never
 * trusted: the token is not verified here (the service does that). */
static char *
account_from_access_token (const char *access_token)
{
  g_auto(GStrv) parts = g_strsplit (access_token, ".", 4);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree guchar *payload = NULL;
  g_autoptr(GString) base64 = NULL;
  static const char * const claims[] = { "preferred_username", "upn", "unique_name", "email" };
  JsonNode *root;
  gsize length = 0;

  if (g_strv_length (parts) != 3)
    return NULL;

  base64 = g_string_new (parts[1]);
  g_strdelimit (base64->str, "-", '+');
  g_strdelimit (base64->str, "_", '/');
  while (base64->len % 4 != 0)
    g_string_append_c (base64, '=');
  payload = g_base64_decode (base64->str, &length);

  parser = json_parser_new ();
  if (length == 0 || !json_parser_load_from_data (parser, (const char *)payload, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      const char *value = json_string (json_node_get_object (root), claims[i]);

      if (value != NULL && *value != '\0' && g_utf8_validate (value, -1, NULL))
        return g_strdup (value);
    }

  return NULL;
}

/* One POST of a form to the authority */

typedef void (*ReplyFunc) (GTask        *task,
                           guint         status,
                           JsonObject   *body,
                           const GError *error);

typedef struct
{
  GTask       *task;
  SoupMessage *message;
  ReplyFunc    func;
} Post;

static void
on_post_sent_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Post *post = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = NULL;
  gsize size = 0;
  const char *data;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      /* The identity platform's answer is read like any other untrusted
       * JSON: json-glib alone does not survive every body a server sends */
      if (size > 0)
        root = onramp_json_parse_untrusted (data, size, NULL);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        body = json_node_get_object (root);
      /* The reply holds tokens: do not leave them in freed memory */
      if (size > 0 && g_bytes_get_data (bytes, NULL) != NULL)
        explicit_bzero ((gpointer)data, size);
    }

  post->func (post->task, soup_message_get_status (post->message), body, error);

  g_object_unref (post->task);
  g_object_unref (post->message);
  g_free (post);
}

static void
form_add (GString    *form,
          const char *name,
          const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (form->len > 0)
    g_string_append_c (form, '&');
  g_string_append_printf (form, "%s=%s", name, escaped);
  explicit_bzero (escaped, strlen (escaped));
}

static void
onramp_auth_post (OnrampAuth   *self,
                  const char   *path,
                  GString      *form,
                  GTask        *task,
                  GCancellable *cancellable,
                  ReplyFunc     func)
{
  g_autofree char *url = g_strconcat (onramp_auth_get_authority (self), path, NULL);
  g_autoptr(GBytes) body = NULL;
  Post *post = g_new0 (Post, 1);
  gsize length = form->len;
  char *data = g_string_free (form, FALSE);

  /* The form carries the device code or the refresh token: wiped when freed */
  body = g_bytes_new_with_free_func (data, length, (GDestroyNotify)wipe_free, data);

  /* Checked on every request, refreshes included: a secret never goes out
   * in clear text, even if the authority changed after sign-in */
  if (!onramp_auth_is_allowed_url (url))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     "Not an https:// or loopback address");

      g_free (post);
      func (task, 0, NULL, error);
      return;
    }

  post->task = g_object_ref (task);
  post->func = func;
  post->message = soup_message_new (SOUP_METHOD_POST, url);
  g_assert (post->message != NULL);
  soup_message_set_request_body_from_bytes (post->message, "application/x-www-form-urlencoded", body);
  soup_message_headers_replace (soup_message_get_request_headers (post->message),
                                "Accept", "application/json");
  soup_session_send_and_read_async (self->session, post->message, G_PRIORITY_DEFAULT,
                                    cancellable, on_post_sent_cb, post);
}

/* Turns a transport failure or an error reply in the AAD shape
 * ({"error", "error_description", "error_codes", "trace_id", …}) into an
 * error the user can act on. */
static GError *
reply_error (guint         status,
             JsonObject   *body,
             const GError *transport)
{
  const char *code;
  const char *description;

  if (transport != NULL)
    {
      g_debug ("Sign-in request failed: %s (%s, %d)", transport->message,
               g_quark_to_string (transport->domain), transport->code);
      if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return g_error_copy (transport);
      if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                    _("The sign-in address is not secure (https://), "
                                      "so Onramp did not connect."));
      if (transport->domain == G_TLS_ERROR)
        return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                    _("The sign-in service’s certificate could not be "
                                      "verified, so Onramp did not connect. You can keep drafting."));
      return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                  _("Could not reach the Microsoft sign-in service. Check the "
                                    "network connection; you can keep drafting meanwhile."));
    }

  code = json_string (body, "error");
  description = json_string (body, "error_description");
  g_debug ("Sign-in service answered HTTP %u, error “%s”, trace id %s",
           status, code ? code : "(none)", json_string (body, "trace_id") ?: "(none)");

  if (code == NULL)
    return g_error_new (ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                        /* Translators: %u is an HTTP status code, such as 502 */
                        _("The sign-in service sent a reply Onramp cannot read (HTTP %u). Try again later."),
                        status);

  if (g_str_equal (code, "expired_token") || g_str_equal (code, "code_expired"))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                _("The sign-in code expired before it was used. Try again "
                                  "and enter the new code."));

  if (g_str_equal (code, "access_denied") || g_str_equal (code, "authorization_declined"))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                _("Sign-in was declined in the browser. Try again to sign "
                                  "in with another account."));

  if (g_str_equal (code, "invalid_client") || g_str_equal (code, "unauthorized_client"))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                _("This application (client) ID cannot sign in to Partner "
                                  "Center. Check the client ID in the preferences."));

  if (g_str_equal (code, "invalid_grant") || g_str_equal (code, "interaction_required"))
    return g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                                _("Your sign-in has expired. Sign in again."));

  /* Translators: %s is the sign-in service's own explanation, which may be in English */
  return g_error_new (ONRAMP_ERROR, ONRAMP_ERROR_FAILED, _("Sign-in failed: %s"),
                      description && g_utf8_validate (description, -1, NULL) ? description : code);
}

static OnrampTokens *
tokens_from_reply (JsonObject *body,
                   const char *previous_refresh_token)
{
  const char *access_token = json_string (body, "access_token");
  const char *refresh_token = json_string (body, "refresh_token");
  const char *token_type = json_string (body, "token_type");
  g_autofree char *account = NULL;

  if (access_token == NULL || *access_token == '\0' ||
      (token_type != NULL && g_ascii_strcasecmp (token_type, "Bearer") != 0))
    return NULL;

  account = account_from_access_token (access_token);

  /* The service may or may not rotate the refresh token */
  return onramp_tokens_new (access_token,
                            refresh_token ? refresh_token : previous_refresh_token,
                            now_seconds () + json_seconds (body, "expires_in", 3600),
                            account);
}

static void
on_tokens_kept_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!onramp_keyring_store_tokens_finish (ONRAMP_KEYRING (object), result, &error))
    g_debug ("Session not kept in the keyring: %s", error->message);
}

/* Device-code sign-in */

typedef struct
{
  char         *device_code;
  gint64        interval;
  gint64        deadline;
  GSource      *timeout_source;
  GSource      *cancel_source;
  GCancellable *outer;
  gulong        outer_id;
} SignIn;

static void
sign_in_stop_waiting (SignIn *sign_in)
{
  if (sign_in->timeout_source != NULL)
    g_source_destroy (sign_in->timeout_source);
  g_clear_pointer (&sign_in->timeout_source, g_source_unref);
  if (sign_in->cancel_source != NULL)
    g_source_destroy (sign_in->cancel_source);
  g_clear_pointer (&sign_in->cancel_source, g_source_unref);
}

static void
sign_in_free (SignIn *sign_in)
{
  sign_in_stop_waiting (sign_in);
  if (sign_in->outer_id != 0)
    g_cancellable_disconnect (sign_in->outer, sign_in->outer_id);
  g_clear_object (&sign_in->outer);
  g_clear_pointer (&sign_in->device_code, wipe_free);
  g_free (sign_in);
}

static guint
onramp_auth_scaled_ms (OnrampAuth *self,
                       gint64      seconds)
{
  return (guint)CLAMP (seconds * 1000 * self->time_scale, 1, G_MAXINT32);
}

static void
sign_in_return_error (GTask  *task,
                      GError *error)
{
  OnrampAuth *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);

  sign_in_stop_waiting (sign_in);
  if (self->sign_in_cancellable == g_task_get_cancellable (task))
    g_clear_object (&self->sign_in_cancellable);
  onramp_auth_set_device_code_info (self, NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      onramp_auth_set_state (self, self->tokens ? ONRAMP_AUTH_STATE_SIGNED_IN
                                                : ONRAMP_AUTH_STATE_SIGNED_OUT);
    }
  else
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      onramp_auth_set_state (self, ONRAMP_AUTH_STATE_ERROR);
    }

  g_task_return_error (task, error);
}

static void
on_sign_in_kept_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OnrampAuth *self = g_task_get_source_object (task);

  /* Without a keyring the session still works until the app quits;
   * drafting and submitting go on. */
  if (!onramp_keyring_store_tokens_finish (ONRAMP_KEYRING (object), result, &error))
    g_debug ("Session not kept in the keyring: %s", error->message);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->sign_in_cancellable == g_task_get_cancellable (task))
    g_clear_object (&self->sign_in_cancellable);
  onramp_auth_set_device_code_info (self, NULL, NULL);
  g_clear_error (&self->error);
  onramp_auth_set_state (self, ONRAMP_AUTH_STATE_SIGNED_IN);
  g_task_return_boolean (task, TRUE);
}

static void
sign_in_return_tokens (GTask        *task,
                       OnrampTokens *tokens)
{
  OnrampAuth *self = g_task_get_source_object (task);

  onramp_auth_forget_session (self);
  self->tokens = tokens;
  onramp_auth_set_account (self, tokens->account);
  g_debug ("Signed in; the access token expires in %" G_GINT64_FORMAT " s",
           tokens->expires_at - now_seconds ());

  onramp_keyring_store_tokens_async (self->keyring, self->cloud, tokens,
                                     g_task_get_cancellable (task),
                                     on_sign_in_kept_cb, g_object_ref (task));
}

static gboolean
on_wait_over_cb (gpointer user_data)
{
  GTask *task = user_data;

  sign_in_stop_waiting (g_task_get_task_data (task));
  onramp_auth_poll (task);

  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;

  sign_in_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                   "Sign-in cancelled"));

  return G_SOURCE_REMOVE;
}

/* Waits the polling interval, or less if the user cancels meanwhile */
static void
sign_in_wait (GTask *task)
{
  OnrampAuth *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GMainContext *context = g_task_get_context (task);

  sign_in->timeout_source = g_timeout_source_new (onramp_auth_scaled_ms (self, sign_in->interval));
  g_source_set_callback (sign_in->timeout_source, on_wait_over_cb, g_object_ref (task), g_object_unref);
  g_source_attach (sign_in->timeout_source, context);

  sign_in->cancel_source = g_cancellable_source_new (g_task_get_cancellable (task));
  g_source_set_callback (sign_in->cancel_source, G_SOURCE_FUNC (on_wait_cancelled_cb),
                         g_object_ref (task), g_object_unref);
  g_source_attach (sign_in->cancel_source, context);
}

static void
on_token_polled_cb (GTask        *task,
                    guint         status,
                    JsonObject   *body,
                    const GError *error)
{
  SignIn *sign_in = g_task_get_task_data (task);
  OnrampTokens *tokens;
  const char *code;

  if (error != NULL)
    {
      sign_in_return_error (task, reply_error (status, body, error));
      return;
    }

  if (status == SOUP_STATUS_OK)
    {
      tokens = tokens_from_reply (body, NULL);
      if (tokens == NULL)
        sign_in_return_error (task, g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                                                         _("The sign-in service sent a reply Onramp "
                                                           "cannot use. Try again later.")));
      else
        sign_in_return_tokens (task, tokens);
      return;
    }

  code = json_string (body, "error");
  if (g_strcmp0 (code, "authorization_pending") == 0)
    {
      sign_in_wait (task);
    }
  else if (g_strcmp0 (code, "slow_down") == 0)
    {
      /* RFC 8628 §3.5: every later poll waits five seconds more */
      sign_in->interval += SLOW_DOWN_SECONDS;
      g_debug ("Asked to slow down; polling every %" G_GINT64_FORMAT " s", sign_in->interval);
      sign_in_wait (task);
    }
  else
    {
      sign_in_return_error (task, reply_error (status, body, NULL));
    }
}

static void
onramp_auth_poll (GTask *task)
{
  OnrampAuth *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  GString *form;

  if (g_get_monotonic_time () >= sign_in->deadline)
    {
      g_autoptr(JsonObject) expired = json_object_new ();

      json_object_set_string_member (expired, "error", "expired_token");
      sign_in_return_error (task, reply_error (SOUP_STATUS_BAD_REQUEST, expired, NULL));
      return;
    }

  form = g_string_new (NULL);
  form_add (form, "grant_type", DEVICE_CODE_GRANT);
  form_add (form, "client_id", self->client_id);
  form_add (form, "device_code", sign_in->device_code);
  onramp_auth_post (self, TOKEN_PATH, form, task, g_task_get_cancellable (task), on_token_polled_cb);
}

static void
on_device_code_cb (GTask        *task,
                   guint         status,
                   JsonObject   *body,
                   const GError *error)
{
  OnrampAuth *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  const char *user_code = json_string (body, "user_code");
  const char *device_code = json_string (body, "device_code");
  const char *verification_uri = json_string (body, "verification_uri");
  gint64 expires_in;

  if (error != NULL || status != SOUP_STATUS_OK)
    {
      sign_in_return_error (task, reply_error (status, body, error));
      return;
    }

  /* v1 endpoints spell it verification_url */
  if (verification_uri == NULL)
    verification_uri = json_string (body, "verification_url");

  if (user_code == NULL || *user_code == '\0' || !g_utf8_validate (user_code, -1, NULL) ||
      device_code == NULL || *device_code == '\0' ||
      !onramp_auth_is_allowed_url (verification_uri))
    {
      sign_in_return_error (task, g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                                                       _("The sign-in service sent a reply Onramp "
                                                         "cannot use. Try again later.")));
      return;
    }

  sign_in->device_code = g_strdup (device_code);
  sign_in->interval = MAX (1, json_seconds (body, "interval", DEFAULT_INTERVAL_SECONDS));
  expires_in = json_seconds (body, "expires_in", DEFAULT_CODE_LIFETIME_SECONDS);
  sign_in->deadline = g_get_monotonic_time () + (gint64)onramp_auth_scaled_ms (self, expires_in) * 1000;
  g_debug ("Device code issued: valid %" G_GINT64_FORMAT " s, polling every %" G_GINT64_FORMAT " s",
           expires_in, sign_in->interval);

  g_clear_error (&self->error);
  onramp_auth_set_device_code_info (self, user_code, verification_uri);
  onramp_auth_set_state (self, ONRAMP_AUTH_STATE_AWAITING_USER);

  sign_in_wait (task);
}

static void
on_outer_cancelled_cb (GCancellable *outer,
                       GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

/**
 * onramp_auth_sign_in_async:
 *
 * Starts a device-code sign-in. #OnrampAuth:state becomes
 * %ONRAMP_AUTH_STATE_AWAITING_USER with #OnrampAuth:user-code and
 * #OnrampAuth:verification-uri set; show them to the user. Completes once
 * signed in (the session is then in the keyring, when there is one), on
 * failure, or with %G_IO_ERROR_CANCELLED when @cancellable is cancelled or
 * the user signs out meanwhile.
 */
void
onramp_auth_sign_in_async (OnrampAuth          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) inner = g_cancellable_new ();
  SignIn *sign_in = g_new0 (SignIn, 1);
  GString *form;

  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, inner, callback, user_data);
  g_task_set_source_tag (task, onramp_auth_sign_in_async);
  g_task_set_task_data (task, sign_in, (GDestroyNotify)sign_in_free);
  if (cancellable != NULL)
    {
      sign_in->outer = g_object_ref (cancellable);
      sign_in->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (on_outer_cancelled_cb),
                                                 g_object_ref (inner), g_object_unref);
    }

  if (self->sign_in_cancellable != NULL)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                               _("A sign-in is already in progress."));
      return;
    }

  if (self->client_id == NULL || *self->client_id == '\0')
    {
      sign_in_return_error (task,
                            g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                                 _("No application (client) ID is set, so Onramp "
                                                   "cannot sign in. Set one in the preferences.")));
      return;
    }

  if (!onramp_auth_is_allowed_url (onramp_auth_get_authority (self)))
    {
      sign_in_return_error (task,
                            g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                                 _("The sign-in address is not secure (https://), "
                                                   "so Onramp did not connect.")));
      return;
    }

  self->sign_in_cancellable = g_object_ref (inner);

  form = g_string_new (NULL);
  form_add (form, "client_id", self->client_id);
  form_add (form, "scope", ONRAMP_AUTH_SCOPE);
  onramp_auth_post (self, DEVICE_CODE_PATH, form, task, inner, on_device_code_cb);
}

gboolean
onramp_auth_sign_in_finish (OnrampAuth    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Access tokens and refresh */

static gboolean
tokens_still_valid (const OnrampTokens *tokens)
{
  /* Some slack for the clock and the request's flight */
  return tokens != NULL && tokens->expires_at > now_seconds () + 30;
}

static void
onramp_auth_complete_refresh_waiters (OnrampAuth   *self,
                                      const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->refresh_waiters);

  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (g_task_get_source_tag (task) == onramp_auth_get_access_token_async)
        {
          /* A failed refresh (say, offline) still leaves a usable token */
          if (error == NULL || tokens_still_valid (self->tokens))
            g_task_return_pointer (task, g_strdup (self->tokens->access_token), (GDestroyNotify)wipe_free);
          else
            g_task_return_error (task, g_error_copy (error));
        }
      else
        {
          if (error == NULL)
            g_task_return_boolean (task, TRUE);
          else
            g_task_return_error (task, g_error_copy (error));
        }
    }
}

static void
on_session_cleared_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!onramp_keyring_clear_tokens_finish (ONRAMP_KEYRING (object), result, &error))
    g_debug ("Could not remove the ended session from the keyring: %s", error->message);
}

/* The refresh token is no longer accepted: the user must sign in again */
static void
onramp_auth_end_session (OnrampAuth *self)
{
  onramp_auth_forget_session (self);
  onramp_keyring_clear_tokens_async (self->keyring, self->cloud, self->cancellable,
                                     on_session_cleared_cb, NULL);
  onramp_auth_set_state (self, ONRAMP_AUTH_STATE_SIGNED_OUT);
}

static void
on_refreshed_cb (GTask        *task,
                 guint         status,
                 JsonObject   *body,
                 const GError *transport)
{
  OnrampAuth *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  OnrampTokens *tokens;

  g_task_return_boolean (task, TRUE);

  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->generation)
    {
      /* Signed out or in again meanwhile: this answer is stale */
      error = g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                                   _("Sign in to Partner Center first."));
    }
  else if (transport == NULL && status == SOUP_STATUS_OK &&
           (tokens = tokens_from_reply (body, self->tokens->refresh_token)) != NULL)
    {
      g_debug ("Access token refreshed; it expires in %" G_GINT64_FORMAT " s",
               tokens->expires_at - now_seconds ());
      if (tokens->account == NULL && self->tokens->account != NULL)
        tokens->account = g_strdup (self->tokens->account);
      g_clear_pointer (&self->tokens, onramp_tokens_free);
      self->tokens = tokens;
      onramp_auth_set_account (self, tokens->account);
      onramp_keyring_store_tokens_async (self->keyring, self->cloud, tokens, self->cancellable,
                                         on_tokens_kept_cb, NULL);
    }
  else
    {
      error = reply_error (status, body, transport);
      if (status == SOUP_STATUS_OK)
        {
          g_clear_error (&error);
          error = g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                                       _("The sign-in service sent a reply Onramp cannot use. "
                                         "Try again later."));
        }
      if (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN))
        onramp_auth_end_session (self);
    }

  onramp_auth_complete_refresh_waiters (self, error);
}

static void
onramp_auth_queue_refresh (OnrampAuth *self,
                           GTask      *waiter)
{
  g_autoptr(GTask) task = NULL;
  GString *form;

  g_ptr_array_add (self->refresh_waiters, waiter);
  if (self->refresh_waiters->len > 1)
    return;

  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);

  form = g_string_new (NULL);
  form_add (form, "grant_type", "refresh_token");
  form_add (form, "client_id", self->client_id ? self->client_id : "");
  form_add (form, "refresh_token", self->tokens->refresh_token);
  form_add (form, "scope", ONRAMP_AUTH_SCOPE);
  onramp_auth_post (self, TOKEN_PATH, form, task, self->cancellable, on_refreshed_cb);
}

static gboolean
onramp_auth_check_signed_in (OnrampAuth *self,
                             GTask      *task)
{
  if (self->tokens != NULL)
    return TRUE;

  g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                           _("Sign in to Partner Center first."));
  return FALSE;
}

/**
 * onramp_auth_get_access_token_async:
 *
 * Gets a bearer token for Partner Center, refreshing it first when less
 * than five minutes remain. Fails with %ONRAMP_ERROR_NOT_SIGNED_IN when
 * there is no session or it has ended.
 */
void
onramp_auth_get_access_token_async (OnrampAuth          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_auth_get_access_token_async);

  if (!onramp_auth_check_signed_in (self, task))
    return;

  if (self->tokens->expires_at - now_seconds () > REFRESH_MARGIN_SECONDS)
    {
      g_task_return_pointer (task, g_strdup (self->tokens->access_token), (GDestroyNotify)wipe_free);
      return;
    }

  if (self->tokens->refresh_token == NULL)
    {
      if (tokens_still_valid (self->tokens))
        {
          g_task_return_pointer (task, g_strdup (self->tokens->access_token), (GDestroyNotify)wipe_free);
          return;
        }
      onramp_auth_end_session (self);
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                               _("Your sign-in has expired. Sign in again."));
      return;
    }

  onramp_auth_queue_refresh (self, g_steal_pointer (&task));
}

/**
 * onramp_auth_get_access_token_finish:
 *
 * Returns: (transfer full): the access token; a secret, never log it
 */
char *
onramp_auth_get_access_token_finish (OnrampAuth    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * onramp_auth_refresh_async:
 *
 * Refreshes the access token now, for example after the service answered
 * 401 to a token that looked valid.
 */
void
onramp_auth_refresh_async (OnrampAuth          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_auth_refresh_async);

  if (!onramp_auth_check_signed_in (self, task))
    return;

  if (self->tokens->refresh_token == NULL)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                               _("Your sign-in has expired. Sign in again."));
      return;
    }

  onramp_auth_queue_refresh (self, g_steal_pointer (&task));
}

gboolean
onramp_auth_refresh_finish (OnrampAuth    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Sign-out and restore */

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!onramp_keyring_clear_tokens_finish (ONRAMP_KEYRING (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * onramp_auth_sign_out_async:
 *
 * Cancels any sign-in in progress, forgets the session and removes it from
 * the keyring. The app is signed out even when the keyring call fails; the
 * error then says the keyring may still hold the session.
 */
void
onramp_auth_sign_out_async (OnrampAuth          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_auth_sign_out_async);

  if (self->sign_in_cancellable != NULL)
    g_cancellable_cancel (self->sign_in_cancellable);
  onramp_auth_forget_session (self);
  onramp_auth_set_device_code_info (self, NULL, NULL);
  g_clear_error (&self->error);
  onramp_auth_set_state (self, ONRAMP_AUTH_STATE_SIGNED_OUT);
  g_debug ("Signed out");

  onramp_keyring_clear_tokens_async (self->keyring, self->cloud, cancellable,
                                     on_signed_out_cb, g_steal_pointer (&task));
}

gboolean
onramp_auth_sign_out_finish (OnrampAuth    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampAuth *self = g_task_get_source_object (task);
  GError *error = NULL;
  OnrampTokens *tokens;

  tokens = onramp_keyring_lookup_tokens_finish (ONRAMP_KEYRING (object), result, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A sign-in or sign-out that happened meanwhile wins */
  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) != self->generation ||
      self->state == ONRAMP_AUTH_STATE_AWAITING_USER)
    {
      onramp_tokens_free (tokens);
      if (self->tokens != NULL)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN,
                                 _("You are not signed in."));
      return;
    }

  self->generation++;
  self->tokens = tokens;
  onramp_auth_set_account (self, tokens->account);
  onramp_auth_set_state (self, ONRAMP_AUTH_STATE_SIGNED_IN);
  g_debug ("Session restored from the keyring");
  g_task_return_boolean (task, TRUE);
}

/**
 * onramp_auth_restore_async:
 *
 * Reads the session kept in the keyring, at start. Never blocks: a keyring
 * that prompts, or does not answer, only delays the signed-in state.
 * Finishes with %TRUE when a session was restored, and otherwise with
 * %ONRAMP_ERROR_NOT_SIGNED_IN or the keyring's error (state stays
 * signed-out; drafting works either way).
 */
void
onramp_auth_restore_async (OnrampAuth          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_auth_restore_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);

  onramp_keyring_lookup_tokens_async (self->keyring, self->cloud, cancellable,
                                      on_restored_cb, g_steal_pointer (&task));
}

gboolean
onramp_auth_restore_finish (OnrampAuth    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
onramp_auth_dispose (GObject *object)
{
  OnrampAuth *self = (OnrampAuth *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->sign_in_cancellable != NULL)
    g_cancellable_cancel (self->sign_in_cancellable);
  g_clear_object (&self->sign_in_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->keyring);

  G_OBJECT_CLASS (onramp_auth_parent_class)->dispose (object);
}

static void
onramp_auth_finalize (GObject *object)
{
  OnrampAuth *self = (OnrampAuth *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->refresh_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->tokens, onramp_tokens_free);
  g_clear_pointer (&self->cloud, g_free);
  g_clear_pointer (&self->authority, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->user_code, g_free);
  g_clear_pointer (&self->verification_uri, g_free);
  g_clear_pointer (&self->account, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (onramp_auth_parent_class)->finalize (object);
}

static void
onramp_auth_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OnrampAuth *self = ONRAMP_AUTH (object);

  switch (prop_id)
    {
    case PROP_KEYRING:
      g_value_set_object (value, self->keyring);
      break;

    case PROP_CLOUD:
      g_value_set_string (value, self->cloud);
      break;

    case PROP_AUTHORITY:
      g_value_set_string (value, onramp_auth_get_authority (self));
      break;

    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;

    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_USER_CODE:
      g_value_set_string (value, self->user_code);
      break;

    case PROP_VERIFICATION_URI:
      g_value_set_string (value, self->verification_uri);
      break;

    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_auth_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OnrampAuth *self = ONRAMP_AUTH (object);

  switch (prop_id)
    {
    case PROP_KEYRING:
      self->keyring = g_value_dup_object (value);
      break;

    case PROP_CLOUD:
      self->cloud = g_value_dup_string (value);
      break;

    case PROP_AUTHORITY:
      onramp_auth_set_authority (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_ID:
      onramp_auth_set_client_id (self, g_value_get_string (value));
      break;

    case PROP_TIME_SCALE:
      onramp_auth_set_time_scale (self, g_value_get_double (value));
      break;

    case PROP_STATE:
    case PROP_USER_CODE:
    case PROP_VERIFICATION_URI:
    case PROP_ACCOUNT:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_auth_constructed (GObject *object)
{
  OnrampAuth *self = (OnrampAuth *)object;

  G_OBJECT_CLASS (onramp_auth_parent_class)->constructed (object);

  if (self->keyring == NULL)
    self->keyring = onramp_keyring_new ();
  if (self->cloud == NULL || *self->cloud == '\0')
    set_string (&self->cloud, "commercial");
}

static void
onramp_auth_class_init (OnrampAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = onramp_auth_constructed;
  object_class->dispose = onramp_auth_dispose;
  object_class->finalize = onramp_auth_finalize;
  object_class->get_property = onramp_auth_get_property;
  object_class->set_property = onramp_auth_set_property;

  properties[PROP_KEYRING] =
    g_param_spec_object ("keyring", NULL, NULL, ONRAMP_TYPE_KEYRING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * OnrampAuth:cloud:
   *
   * "commercial" or "us-government" (the GSettings key's nicks); picks the
   * authority and keys the session in the keyring, so each cloud keeps its own.
   */
  properties[PROP_CLOUD] =
    g_param_spec_string ("cloud", NULL, NULL, "commercial",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * OnrampAuth:authority:
   *
   * The sign-in service's base URL. %NULL means the cloud's own; the demo
   * server and the tests set their loopback URL. Only https:// is used,
   * except on loopback.
   */
  properties[PROP_AUTHORITY] =
    g_param_spec_string ("authority", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * OnrampAuth:time-scale:
   *
   * Multiplies every wait the sign-in service asks for (the polling
   * interval, slow_down, the code's lifetime). 1 except in tests.
   */
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL, 0.0001, 1000.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ONRAMP_TYPE_AUTH_STATE, ONRAMP_AUTH_STATE_SIGNED_OUT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_USER_CODE] =
    g_param_spec_string ("user-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VERIFICATION_URI] =
    g_param_spec_string ("verification-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_auth_init (OnrampAuth *self)
{
  self->time_scale = 1.0;
  self->cancellable = g_cancellable_new ();
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  /* TLS errors fail closed: nothing handles accept-certificate */
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 NULL);
}

/**
 * onramp_auth_new:
 * @keyring: (nullable): where the session is kept; %NULL for a new one
 * @cloud: (nullable): "commercial" (the default) or "us-government"
 * @client_id: (nullable): the Entra application (client) ID
 */
OnrampAuth *
onramp_auth_new (OnrampKeyring *keyring,
                 const char    *cloud,
                 const char    *client_id)
{
  g_return_val_if_fail (!keyring || ONRAMP_IS_KEYRING (keyring), NULL);

  return g_object_new (ONRAMP_TYPE_AUTH,
                       "keyring", keyring,
                       "cloud", cloud,
                       "client-id", client_id,
                       NULL);
}

const char *
onramp_auth_get_cloud (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->cloud;
}

/**
 * onramp_auth_get_authority:
 *
 * Returns: the base URL sign-in uses, without a trailing slash
 */
const char *
onramp_auth_get_authority (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  if (self->authority != NULL)
    return self->authority;

  /* partner-center-api.md §10 */
  if (g_strcmp0 (self->cloud, "us-government") == 0)
    return ONRAMP_AUTH_AUTHORITY_US_GOVERNMENT;

  return ONRAMP_AUTH_AUTHORITY_COMMERCIAL;
}

void
onramp_auth_set_authority (OnrampAuth *self,
                           const char *authority)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (ONRAMP_IS_AUTH (self));

  if (authority != NULL && *authority != '\0')
    {
      trimmed = g_strdup (authority);
      while (g_str_has_suffix (trimmed, "/"))
        trimmed[strlen (trimmed) - 1] = '\0';
    }

  if (set_string (&self->authority, trimmed))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITY]);
}

const char *
onramp_auth_get_client_id (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->client_id;
}

void
onramp_auth_set_client_id (OnrampAuth *self,
                           const char *client_id)
{
  g_return_if_fail (ONRAMP_IS_AUTH (self));

  if (set_string (&self->client_id, client_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
}

OnrampAuthState
onramp_auth_get_state (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), ONRAMP_AUTH_STATE_SIGNED_OUT);

  return self->state;
}

/**
 * onramp_auth_get_user_code:
 *
 * Returns: (nullable): the code to show the user while awaiting them
 */
const char *
onramp_auth_get_user_code (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->user_code;
}

/**
 * onramp_auth_get_verification_uri:
 *
 * Returns: (nullable): the page where the user enters the code
 */
const char *
onramp_auth_get_verification_uri (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->verification_uri;
}

/**
 * onramp_auth_get_account:
 *
 * Returns: (nullable): who is signed in, for display
 */
const char *
onramp_auth_get_account (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->account;
}

/**
 * onramp_auth_get_error:
 *
 * Returns: (nullable): why the last sign-in failed, in state
 *   %ONRAMP_AUTH_STATE_ERROR
 */
const GError *
onramp_auth_get_error (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), NULL);

  return self->error;
}

double
onramp_auth_get_time_scale (OnrampAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_AUTH (self), 1.0);

  return self->time_scale;
}

void
onramp_auth_set_time_scale (OnrampAuth *self,
                            double      scale)
{
  g_return_if_fail (ONRAMP_IS_AUTH (self));
  g_return_if_fail (scale > 0);

  if (self->time_scale == scale)
    return;

  self->time_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
}

/* onramp-demo-auth.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-auth"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "onramp-demo-auth.h"

/* The demo server's Microsoft Entra ID: the OAuth 2.0 device authorization
 * grant at the same paths as login.microsoftonline.com, so in demo mode the
 * authority is simply the demo server's URL.
 *
 *   POST /organizations/oauth2/v2.0/devicecode   a user code and a device code
 *   POST /organizations/oauth2/v2.0/token        device_code and refresh_token grants
 *   GET  /devicelogin                            a page that asks for the code
 *   POST /devicelogin                            approves (or declines) it
 *
 * Replies and errors follow AAD's shapes (error, error_description with an
 * AADSTS code, error_codes, trace_id, correlation_id, timestamp). Tokens are
 * random and live in memory; onramp_demo_auth_check_bearer() lets the demo
 * API endpoints accept exactly the access tokens issued here.
 *
 * Waits (the polling interval, the code's lifetime) are multiplied by a time
 * scale so the tests run fast. Nothing secret is ever logged. */

#define DEMO_ACCOUNT "agent@onrampdemo.onmicrosoft.com"
#define DEMO_SCOPE "https://api.partnercenter.microsoft.com/user_impersonation offline_access"
#define DEVICE_CODE_GRANT "urn:ietf:params:oauth:grant-type:device_code"
#define USER_CODE_ALPHABET "BCDFGHJKLMNPQRSTVWXZ23456789"
#define USER_CODE_LENGTH 9

typedef struct
{
  OnrampDemoAuth *self;
  char           *user_code;
  char           *device_code;
  gint64          expires_at;
  gint64          last_poll;
  gboolean        approved;
  gboolean        denied;
  gboolean        redeemed;
  guint           auto_approve_id;
} DeviceEntry;

struct _OnrampDemoAuth
{
  GObject     parent_instance;

  GHashTable *by_user_code;     /* user code -> DeviceEntry, owned */
  GHashTable *by_device_code;   /* device code -> DeviceEntry */
  GHashTable *access_tokens;    /* token -> gint64 expiry (monotonic µs) */
  GHashTable *refresh_tokens;   /* set */
  char       *last_user_code;
  char       *last_device_code;

  guint       auto_approve_ms;
  guint       interval;
  guint       code_lifetime;
  guint       token_lifetime;
  double      time_scale;
  guint       slow_downs;
  guint       refreshes;
};

G_DEFINE_FINAL_TYPE (OnrampDemoAuth, onramp_demo_auth, G_TYPE_OBJECT)

static void
device_entry_free (DeviceEntry *entry)
{
  g_clear_handle_id (&entry->auto_approve_id, g_source_remove);
  g_free (entry->user_code);
  g_free (entry->device_code);
  g_free (entry);
}

static gint64
onramp_demo_auth_scaled_us (OnrampDemoAuth *self,
                            guint           seconds)
{
  return (gint64)(seconds * self->time_scale * G_USEC_PER_SEC);
}

static char *
random_token (gsize bytes)
{
  g_autofree guint32 *words = g_new (guint32, (bytes + 3) / 4);
  g_autofree char *base64 = NULL;

  for (gsize i = 0; i < (bytes + 3) / 4; i++)
    words[i] = g_random_int ();
  base64 = g_base64_encode ((const guchar *)words, bytes);
  g_strdelimit (base64, "+", '-');
  g_strdelimit (base64, "/", '_');
  g_strdelimit (base64, "=", '\0');

  return g_steal_pointer (&base64);
}

static char *
random_user_code (void)
{
  char *code = g_new0 (char, USER_CODE_LENGTH + 1);

  for (guint i = 0; i < USER_CODE_LENGTH; i++)
    code[i] = USER_CODE_ALPHABET[g_random_int_range (0, strlen (USER_CODE_ALPHABET))];

  return code;
}

static char *
base64url (const char *text)
{
  char *encoded = g_base64_encode ((const guchar *)text, strlen (text));

  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  g_strdelimit (encoded, "=", '\0');

  return encoded;
}

/* Shaped like an Entra ID access token (a JWT) so the app can read who
 * signed in; the "signature" is random, which makes every token unique. */
static char *
onramp_demo_auth_new_access_token (OnrampDemoAuth *self)
{
  g_autofree char *header = base64url ("{\"typ\":\"JWT\",\"alg\":\"none\"}");
  g_autofree char *claims_json = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *signature = random_token (32);

  claims_json = g_strdup_printf ("{\"aud\":\"https://api.partnercenter.microsoft.com\","
                                 "\"iss\":\"onramp-demo\",\"name\":\"Demo Agent\","
                                 "\"upn\":\"" DEMO_ACCOUNT "\",\"preferred_username\":\"" DEMO_ACCOUNT "\","
                                 "\"exp\":%" G_GINT64_FORMAT "}",
                                 g_get_real_time () / G_USEC_PER_SEC + self->token_lifetime);
  claims = base64url (claims_json);

  return g_strjoin (".", header, claims, signature, NULL);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonBuilder       *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, data, length);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
}

/* AAD's error shape */
static void
reply_oauth_error (SoupServerMessage *msg,
                   const char        *error,
                   guint              aadsts,
                   const char        *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format_iso8601 (now);
  g_autofree char *trace_id = g_uuid_string_random ();
  g_autofree char *correlation_id = g_uuid_string_random ();
  g_autofree char *full = NULL;

  full = g_strdup_printf ("AADSTS%u: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s",
                          aadsts, description, trace_id, correlation_id, timestamp);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, full);
  json_builder_set_member_name (builder, "error_codes");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, aadsts);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "timestamp");
  json_builder_add_string_value (builder, timestamp);
  json_builder_set_member_name (builder, "trace_id");
  json_builder_add_string_value (builder, trace_id);
  json_builder_set_member_name (builder, "correlation_id");
  json_builder_add_string_value (builder, correlation_id);
  json_builder_set_member_name (builder, "error_uri");
  json_builder_add_string_value (builder, "https://login.microsoftonline.com/error");
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_BAD_REQUEST, builder);
}

static GHashTable *
read_form (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  return soup_form_decode (text);
}

static gboolean
require_post (SoupServerMessage *msg)
{
  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_POST) == 0)
    return TRUE;

  soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
  return FALSE;
}

static void
onramp_demo_auth_purge_expired (OnrampDemoAuth *self)
{
  GHashTableIter iter;
  DeviceEntry *entry;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, self->by_user_code);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&entry))
    {
      /* Kept a minute longer, so late polls still hear "expired" */
      if (entry->expires_at + 60 * G_USEC_PER_SEC < now || entry->redeemed)
        {
          g_hash_table_remove (self->by_device_code, entry->device_code);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static gboolean
on_auto_approve_cb (gpointer user_data)
{
  DeviceEntry *entry = user_data;

  entry->auto_approve_id = 0;
  entry->approved = TRUE;
  g_debug ("Demo sign-in approved automatically");

  return G_SOURCE_REMOVE;
}

static void
on_device_code_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  OnrampDemoAuth *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *verification_uri = NULL;
  g_autofree char *message = NULL;
  const char *client_id;
  const char *scope;
  GUri *uri = soup_server_message_get_uri (msg);
  DeviceEntry *entry;

  if (!require_post (msg))
    return;

  form = read_form (msg);
  client_id = form ? g_hash_table_lookup (form, "client_id") : NULL;
  scope = form ? g_hash_table_lookup (form, "scope") : NULL;
  if (client_id == NULL || *client_id == '\0')
    {
      reply_oauth_error (msg, "invalid_request", 900144,
                         "The request body must contain the following parameter: 'client_id'.");
      return;
    }
  if (scope == NULL || strstr (scope, "/user_impersonation") == NULL)
    {
      reply_oauth_error (msg, "invalid_scope", 70011,
                         "The provided request must include a 'scope' input parameter.");
      return;
    }

  onramp_demo_auth_purge_expired (self);

  entry = g_new0 (DeviceEntry, 1);
  entry->self = self;
  do
    {
      g_free (entry->user_code);
      entry->user_code = random_user_code ();
    }
  while (g_hash_table_contains (self->by_user_code, entry->user_code));
  entry->device_code = random_token (48);
  entry->expires_at = g_get_monotonic_time () + onramp_demo_auth_scaled_us (self, self->code_lifetime);
  /* The first poll, too, must wait one interval */
  entry->last_poll = g_get_monotonic_time ();
  g_hash_table_insert (self->by_user_code, entry->user_code, entry);
  g_hash_table_insert (self->by_device_code, entry->device_code, entry);
  g_free (self->last_user_code);
  self->last_user_code = g_strdup (entry->user_code);
  g_free (self->last_device_code);
  self->last_device_code = g_strdup (entry->device_code);

  if (self->auto_approve_ms > 0)
    entry->auto_approve_id = g_timeout_add (self->auto_approve_ms, on_auto_approve_cb, entry);

  verification_uri = g_strdup_printf ("http://%s:%d/devicelogin", g_uri_get_host (uri), g_uri_get_port (uri));
  message = g_strdup_printf ("To sign in, use a web browser to open the page %s and enter the code %s "
                             "to authenticate.", verification_uri, entry->user_code);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user_code");
  json_builder_add_string_value (builder, entry->user_code);
  json_builder_set_member_name (builder, "device_code");
  json_builder_add_string_value (builder, entry->device_code);
  json_builder_set_member_name (builder, "verification_uri");
  json_builder_add_string_value (builder, verification_uri);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->code_lifetime);
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, self->interval);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);

  g_debug ("Demo device code issued");
  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
reply_tokens (OnrampDemoAuth    *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *access_token = onramp_demo_auth_new_access_token (self);
  g_autofree char *refresh_token = random_token (64);
  gint64 *expiry = g_new (gint64, 1);

  *expiry = g_get_monotonic_time () + (gint64)self->token_lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (self->access_tokens, g_strdup (access_token), expiry);
  g_hash_table_add (self->refresh_tokens, g_strdup (refresh_token));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, "https://api.partnercenter.microsoft.com/user_impersonation");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->token_lifetime);
  json_builder_set_member_name (builder, "ext_expires_in");
  json_builder_add_int_value (builder, self->token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_end_object (builder);

  reply_json (msg, SOUP_STATUS_OK, builder);
}

static void
onramp_demo_auth_device_code_grant (OnrampDemoAuth    *self,
                                    SoupServerMessage *msg,
                                    const char        *device_code)
{
  DeviceEntry *entry = device_code ? g_hash_table_lookup (self->by_device_code, device_code) : NULL;
  gint64 now = g_get_monotonic_time ();
  gint64 since_last;

  if (entry == NULL)
    {
      reply_oauth_error (msg, "bad_verification_code", 70000, "The device code is not valid.");
      return;
    }

  if (entry->redeemed)
    {
      reply_oauth_error (msg, "invalid_grant", 54005, "The device code was already redeemed.");
      return;
    }

  if (now >= entry->expires_at)
    {
      reply_oauth_error (msg, "expired_token", 70019,
                         "Verification code expired. The user must sign in again.");
      return;
    }

  since_last = now - entry->last_poll;
  entry->last_poll = now;
  if (since_last < onramp_demo_auth_scaled_us (self, self->interval))
    {
      self->slow_downs++;
      reply_oauth_error (msg, "slow_down", 70016, "Polling too fast. Slow down.");
      return;
    }

  if (entry->denied)
    {
      reply_oauth_error (msg, "authorization_declined", 70000, "The end user declined the sign-in.");
      return;
    }

  if (!entry->approved)
    {
      reply_oauth_error (msg, "authorization_pending", 70016,
                         "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
      return;
    }

  entry->redeemed = TRUE;
  g_debug ("Demo device code redeemed");
  reply_tokens (self, msg);
}

static void
onramp_demo_auth_refresh_grant (OnrampDemoAuth    *self,
                                SoupServerMessage *msg,
                                const char        *refresh_token)
{
  /* Refresh tokens rotate: the old one is spent */
  if (refresh_token == NULL || !g_hash_table_remove (self->refresh_tokens, refresh_token))
    {
      reply_oauth_error (msg, "invalid_grant", 70008,
                         "The provided authorization code or refresh token has expired due to "
                         "inactivity. Send a new interactive authorization request.");
      return;
    }

  self->refreshes++;
  g_debug ("Demo token refreshed");
  reply_tokens (self, msg);
}

static void
on_token_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  OnrampDemoAuth *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  const char *grant_type;
  const char *client_id;

  if (!require_post (msg))
    return;

  form = read_form (msg);
  grant_type = form ? g_hash_table_lookup (form, "grant_type") : NULL;
  client_id = form ? g_hash_table_lookup (form, "client_id") : NULL;

  if (client_id == NULL || *client_id == '\0')
    reply_oauth_error (msg, "invalid_request", 900144,
                       "The request body must contain the following parameter: 'client_id'.");
  else if (g_strcmp0 (grant_type, DEVICE_CODE_GRANT) == 0)
    onramp_demo_auth_device_code_grant (self, msg, g_hash_table_lookup (form, "device_code"));
  else if (g_strcmp0 (grant_type, "refresh_token") == 0)
    onramp_demo_auth_refresh_grant (self, msg, g_hash_table_lookup (form, "refresh_token"));
  else
    reply_oauth_error (msg, "unsupported_grant_type", 70003,
                       "The app requested an unsupported grant type.");
}

/* The verification page, for a person with a browser */

static void
reply_page (SoupServerMessage *msg,
            const char        *notice)
{
  g_autofree char *title = g_markup_escape_text (_("Onramp demo sign-in"), -1);
  g_autofree char *prompt = g_markup_escape_text (_("Enter the code that Onramp shows to sign in "
                                                    "to the demo Partner Center. No Microsoft "
                                                    "account is involved."), -1);
  /* Translators: on the demo's sign-in web page: the label of the field for the sign-in code */
  g_autofree char *label = g_markup_escape_text (_("Code"), -1);
  /* Translators: on the demo's sign-in web page: buttons that allow or refuse the sign-in */
  g_autofree char *approve = g_markup_escape_text (_("Approve"), -1);
  /* Translators: on the demo's sign-in web page: refuses the sign-in */
  g_autofree char *decline = g_markup_escape_text (_("Decline"), -1);
  g_autofree char *escaped_notice = notice ? g_markup_escape_text (notice, -1) : g_strdup ("");
  char *page;

  page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s</title><style>"
                          "body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}"
                          "input{font-size:1.5em;letter-spacing:.1em;text-transform:uppercase;width:100%%}"
                          "button{font-size:1em;margin:1em .5em 0 0;padding:.5em 1em}"
                          ".notice{font-weight:bold}</style></head><body>"
                          "<h1>%s</h1><p class=\"notice\">%s</p><p>%s</p>"
                          "<form method=\"post\" action=\"/devicelogin\">"
                          "<label for=\"user_code\">%s</label>"
                          "<input id=\"user_code\" name=\"user_code\" autocomplete=\"off\" autofocus required>"
                          "<button type=\"submit\" name=\"action\" value=\"approve\">%s</button>"
                          "<button type=\"submit\" name=\"action\" value=\"decline\">%s</button>"
                          "</form></body></html>\n",
                          title, title, escaped_notice, prompt, label, approve, decline);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, page, strlen (page));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
}

static void
on_device_login_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  OnrampDemoAuth *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *code = NULL;
  const char *action;
  gboolean done;

  if (g_strcmp0 (method, SOUP_METHOD_GET) == 0)
    {
      reply_page (msg, NULL);
      return;
    }
  if (!require_post (msg))
    return;

  form = read_form (msg);
  code = form && g_hash_table_lookup (form, "user_code")
    ? g_ascii_strup (g_strstrip (g_hash_table_lookup (form, "user_code")), -1) : g_strdup ("");
  action = form ? g_hash_table_lookup (form, "action") : NULL;

  if (g_strcmp0 (action, "decline") == 0)
    {
      done = onramp_demo_auth_deny (self, code);
      reply_page (msg, done ? _("Sign-in declined. You can close this page.")
                            : _("That code is not valid or has expired. Check the code Onramp shows."));
    }
  else
    {
      done = onramp_demo_auth_approve (self, code);
      reply_page (msg, done ? _("You are signed in to the demo. You can close this page and return to Onramp.")
                            : _("That code is not valid or has expired. Check the code Onramp shows."));
    }
}

static void
onramp_demo_auth_finalize (GObject *object)
{
  OnrampDemoAuth *self = (OnrampDemoAuth *)object;

  g_clear_pointer (&self->by_device_code, g_hash_table_unref);
  g_clear_pointer (&self->by_user_code, g_hash_table_unref);
  g_clear_pointer (&self->access_tokens, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->last_user_code, g_free);
  g_clear_pointer (&self->last_device_code, g_free);

  G_OBJECT_CLASS (onramp_demo_auth_parent_class)->finalize (object);
}

static void
onramp_demo_auth_class_init (OnrampDemoAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_demo_auth_finalize;
}

static void
onramp_demo_auth_init (OnrampDemoAuth *self)
{
  self->by_user_code = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)device_entry_free);
  self->by_device_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Entra ID's own values */
  self->interval = 5;
  self->code_lifetime = 900;
  self->token_lifetime = 3599;
  self->time_scale = 1.0;

  /* `onramp --demo` sets this too, for a newcomer without a browser */
  if (g_strcmp0 (g_getenv ("ONRAMP_DEMO_AUTO_APPROVE"), "1") == 0)
    self->auto_approve_ms = 2000;
}

OnrampDemoAuth *
onramp_demo_auth_new (void)
{
  return g_object_new (ONRAMP_TYPE_DEMO_AUTH, NULL);
}

static const struct
{
  const char        *path;
  SoupServerCallback callback;
} auth_endpoints[] = {
  { "/organizations/oauth2/v2.0/devicecode", on_device_code_cb },
  { "/organizations/oauth2/v2.0/token", on_token_cb },
  { "/devicelogin", on_device_login_cb },
};

/**
 * onramp_demo_auth_add_handlers:
 *
 * Serves the device-code endpoints and the verification page on @server.
 */
void
onramp_demo_auth_add_handlers (OnrampDemoAuth *self,
                               SoupServer     *server)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));
  g_return_if_fail (SOUP_IS_SERVER (server));

  for (guint i = 0; i < G_N_ELEMENTS (auth_endpoints); i++)
    soup_server_add_handler (server, auth_endpoints[i].path, auth_endpoints[i].callback, self, NULL);
}

/**
 * onramp_demo_auth_handles:
 *
 * Returns: whether @path is one of the sign-in endpoints, for a server that
 *   routes requests itself (the demo server does, to slow them down as
 *   its fault rules say)
 */
gboolean
onramp_demo_auth_handles (OnrampDemoAuth *self,
                          const char     *path)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (auth_endpoints); i++)
    if (g_strcmp0 (path, auth_endpoints[i].path) == 0)
      return TRUE;

  return FALSE;
}

/**
 * onramp_demo_auth_handle:
 *
 * Answers @msg, a request for one of the paths onramp_demo_auth_handles()
 * accepts; anything else gets 404.
 */
void
onramp_demo_auth_handle (OnrampDemoAuth    *self,
                         SoupServer        *server,
                         SoupServerMessage *msg,
                         const char        *path,
                         GHashTable        *query)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));

  for (guint i = 0; i < G_N_ELEMENTS (auth_endpoints); i++)
    {
      if (g_strcmp0 (path, auth_endpoints[i].path) == 0)
        {
          auth_endpoints[i].callback (server, msg, path, query, self);
          return;
        }
    }

  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static DeviceEntry *
onramp_demo_auth_find_live (OnrampDemoAuth *self,
                            const char     *user_code)
{
  DeviceEntry *entry = g_hash_table_lookup (self->by_user_code, user_code);

  if (entry == NULL || entry->redeemed || g_get_monotonic_time () >= entry->expires_at)
    return NULL;

  return entry;
}

/**
 * onramp_demo_auth_approve:
 *
 * What the user does on the verification page, for the tests.
 *
 * Returns: %FALSE when the code is unknown, used or expired
 */
gboolean
onramp_demo_auth_approve (OnrampDemoAuth *self,
                          const char     *user_code)
{
  DeviceEntry *entry;

  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), FALSE);
  g_return_val_if_fail (user_code != NULL, FALSE);

  if ((entry = onramp_demo_auth_find_live (self, user_code)) == NULL || entry->denied)
    return FALSE;

  entry->approved = TRUE;
  return TRUE;
}

gboolean
onramp_demo_auth_deny (OnrampDemoAuth *self,
                       const char     *user_code)
{
  DeviceEntry *entry;

  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), FALSE);
  g_return_val_if_fail (user_code != NULL, FALSE);

  if ((entry = onramp_demo_auth_find_live (self, user_code)) == NULL || entry->approved)
    return FALSE;

  entry->denied = TRUE;
  return TRUE;
}

/**
 * onramp_demo_auth_get_last_user_code:
 *
 * Returns: (nullable): the user code issued last, for the tests
 */
const char *
onramp_demo_auth_get_last_user_code (OnrampDemoAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), NULL);

  return self->last_user_code;
}

/**
 * onramp_demo_auth_get_last_device_code:
 *
 * Returns: (nullable): the device code issued last, so the tests can check
 *   that it never reaches the log
 */
const char *
onramp_demo_auth_get_last_device_code (OnrampDemoAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), NULL);

  return self->last_device_code;
}

/**
 * onramp_demo_auth_check_bearer:
 * @authorization_header: (nullable): the request's Authorization header
 *
 * Returns: %TRUE for "Bearer <token>" with a live access token issued here
 */
gboolean
onramp_demo_auth_check_bearer (OnrampDemoAuth *self,
                               const char     *authorization_header)
{
  const gint64 *expiry;
  const char *token;

  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), FALSE);

  if (authorization_header == NULL || g_ascii_strncasecmp (authorization_header, "Bearer ", 7) != 0)
    return FALSE;

  token = authorization_header + 7;
  while (*token == ' ')
    token++;
  expiry = g_hash_table_lookup (self->access_tokens, token);

  return expiry != NULL && g_get_monotonic_time () < *expiry;
}

/**
 * onramp_demo_auth_set_auto_approve:
 * @delay_ms: how long after a code is issued it is approved; 0 turns this off
 *
 * Lets someone without a browser walk through demo sign-in.
 */
void
onramp_demo_auth_set_auto_approve (OnrampDemoAuth *self,
                                   guint           delay_ms)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));

  self->auto_approve_ms = delay_ms;
}

void
onramp_demo_auth_set_interval (OnrampDemoAuth *self,
                               guint           seconds)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));

  self->interval = seconds;
}

void
onramp_demo_auth_set_code_lifetime (OnrampDemoAuth *self,
                                    guint           seconds)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));

  self->code_lifetime = seconds;
}

/**
 * onramp_demo_auth_set_token_lifetime:
 *
 * The access tokens' lifetime in real seconds (not scaled): below five
 * minutes, the app refreshes the token at its next use.
 */
void
onramp_demo_auth_set_token_lifetime (OnrampDemoAuth *self,
                                     guint           seconds)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));

  self->token_lifetime = seconds;
}

/**
 * onramp_demo_auth_set_time_scale:
 *
 * Multiplies the polling interval and the device code's lifetime, as
 * #OnrampAuth:time-scale does on the app's side.
 */
void
onramp_demo_auth_set_time_scale (OnrampDemoAuth *self,
                                 double          scale)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));
  g_return_if_fail (scale > 0);

  self->time_scale = scale;
}

/**
 * onramp_demo_auth_revoke_refresh_tokens:
 *
 * As when an admin revokes the user's sessions: the next refresh fails
 * with invalid_grant.
 */
void
onramp_demo_auth_revoke_refresh_tokens (OnrampDemoAuth *self)
{
  g_return_if_fail (ONRAMP_IS_DEMO_AUTH (self));

  g_hash_table_remove_all (self->refresh_tokens);
}

guint
onramp_demo_auth_get_slow_down_count (OnrampDemoAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), 0);

  return self->slow_downs;
}

guint
onramp_demo_auth_get_refresh_count (OnrampDemoAuth *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_AUTH (self), 0);

  return self->refreshes;
}

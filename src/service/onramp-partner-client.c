/* onramp-partner-client.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-partner-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "onramp-partner-client-private.h"
#include "onramp-service-error-private.h"

/* The Partner Center REST client's transport (partner-center-api.md §0,
 * §11): one SoupSession, the documented headers, retries and errors.
 *
 * Retries: a 429 waits Retry-After (capped); 408, 5xx, timeouts and
 * dropped connections back off exponentially with jitter. Every attempt of
 * one call sends the same MS-RequestId, so the service can recognise a
 * repeated creation; MS-CorrelationId is fresh per call.
 *
 * Never logged: the Authorization header, tokens, or bodies (which can hold
 * the customer's one-time password).
 */

#define COMMERCIAL_URL "https://api.partnercenter.microsoft.com"

struct _OnrampPartnerClient
{
  GObject             parent_instance;

  OnrampPartnerCloud  cloud;
  SoupSession        *session;
  char               *base_url;
  char               *access_token;
  char               *locale;
  guint               max_attempts;
  guint               backoff_ms;
  guint               retry_after_cap_ms;
};

typedef struct
{
  char            *method;
  char            *path;
  GBytes          *body;
  char            *request_id;
  char            *correlation_id;
  OnrampCallFlags  flags;
  guint            attempt;
  SoupMessage     *message;
} OnrampCall;

G_DEFINE_FINAL_TYPE (OnrampPartnerClient, onramp_partner_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOUD,
  PROP_BASE_URL,
  PROP_ACCESS_TOKEN,
  PROP_LOCALE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void onramp_partner_client_send (GTask *task);

static void
onramp_call_free (OnrampCall *call)
{
  g_free (call->method);
  g_free (call->path);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->request_id);
  g_free (call->correlation_id);
  g_clear_object (&call->message);
  g_free (call);
}

void
_onramp_partner_reply_free (OnrampPartnerReply *reply)
{
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply->request_id);
  g_free (reply->correlation_id);
  g_free (reply);
}

/* Returns: (transfer full): the error for an answer of the wrong shape */
GError *
_onramp_partner_reply_invalid (OnrampPartnerReply *reply)
{
  return _onramp_service_error_new (ONRAMP_SERVICE_ERROR_INVALID_REPLY,
                                    _("Partner Center sent an answer that could not be read."),
                                    reply->status, NULL, NULL, reply->request_id, reply->correlation_id);
}

/**
 * onramp_partner_url_is_allowed:
 *
 * Only https is accepted, except on loopback (127.0.0.0/8, ::1,
 * localhost) where the demo server and the tests run over http.
 */
gboolean
onramp_partner_url_is_allowed (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0)
    return FALSE;

  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * onramp_partner_locale_from_language_names:
 *
 * Returns: (transfer full): the UI language as an X-Locale value, such as
 *   "zh-TW" for zh_TW.UTF-8; "en-US" in the C locale
 */
char *
onramp_partner_locale_from_language_names (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup (names[i]);

      name[strcspn (name, ".@")] = '\0';
      if (name[0] == '\0' || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
        continue;
      g_strdelimit (name, "_", '-');
      return g_steal_pointer (&name);
    }

  return g_strdup ("en-US");
}

static void
onramp_partner_client_finalize (GObject *object)
{
  OnrampPartnerClient *self = (OnrampPartnerClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->locale, g_free);

  G_OBJECT_CLASS (onramp_partner_client_parent_class)->finalize (object);
}

static void
onramp_partner_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OnrampPartnerClient *self = ONRAMP_PARTNER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CLOUD:
      g_value_set_int (value, self->cloud);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_LOCALE:
      g_value_set_string (value, self->locale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_partner_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OnrampPartnerClient *self = ONRAMP_PARTNER_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CLOUD:
      self->cloud = g_value_get_int (value);
      break;
    case PROP_ACCESS_TOKEN:
      onramp_partner_client_set_access_token (self, g_value_get_string (value));
      break;
    case PROP_LOCALE:
      onramp_partner_client_set_locale (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

enum {
  TOKEN_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
onramp_partner_client_class_init (OnrampPartnerClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_partner_client_finalize;
  object_class->get_property = onramp_partner_client_get_property;
  object_class->set_property = onramp_partner_client_set_property;

  properties [PROP_CLOUD] =
    g_param_spec_int ("cloud", NULL, NULL,
                      ONRAMP_PARTNER_CLOUD_COMMERCIAL, ONRAMP_PARTNER_CLOUD_US_GOVERNMENT,
                      ONRAMP_PARTNER_CLOUD_COMMERCIAL,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Write-only: nothing reads a token back out of the client */
  properties [PROP_ACCESS_TOKEN] =
    g_param_spec_string ("access-token", NULL, NULL, NULL,
                         (G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOCALE] =
    g_param_spec_string ("locale", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampPartnerClient::token-refused:
   *
   * The service refused the access token (HTTP 401) although it looked
   * current — revoked, or the session ended elsewhere. Whoever keeps the
   * session refreshes it, or ends it so that nobody looks signed in.
   */
  signals [TOKEN_REFUSED] =
    g_signal_new ("token-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
onramp_partner_client_init (OnrampPartnerClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 30,
                                                 "user-agent", "Onramp/" PACKAGE_VERSION,
                                                 NULL);
  /* Both clouds use the same API host (§10) */
  self->base_url = g_strdup (COMMERCIAL_URL);
  self->locale = onramp_partner_locale_from_language_names ();
  self->max_attempts = 4;
  self->backoff_ms = 500;
  self->retry_after_cap_ms = 60 * 1000;
}

OnrampPartnerClient *
onramp_partner_client_new (OnrampPartnerCloud cloud)
{
  return g_object_new (ONRAMP_TYPE_PARTNER_CLIENT, "cloud", cloud, NULL);
}

OnrampPartnerCloud
onramp_partner_client_get_cloud (OnrampPartnerClient *self)
{
  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (self), ONRAMP_PARTNER_CLOUD_COMMERCIAL);

  return self->cloud;
}

const char *
onramp_partner_client_get_base_url (OnrampPartnerClient *self)
{
  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * onramp_partner_client_set_base_url:
 * @base_url: such as the demo server's http://127.0.0.1:41234
 *
 * Points the client at another host. Refuses anything but https, except
 * loopback (onramp_partner_url_is_allowed()).
 */
gboolean
onramp_partner_client_set_base_url (OnrampPartnerClient  *self,
                                    const char           *base_url,
                                    GError              **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (self), FALSE);
  g_return_val_if_fail (base_url != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!onramp_partner_url_is_allowed (base_url))
    {
      g_set_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_INVALID_URL,
                   /* Translators: %s is a web address */
                   _("“%s” is not a secure Partner Center address: only https is allowed."),
                   base_url);
      return FALSE;
    }

  trimmed = g_strdup (base_url);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  if (g_strcmp0 (trimmed, self->base_url) != 0)
    {
      g_free (self->base_url);
      self->base_url = g_steal_pointer (&trimmed);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASE_URL]);
    }

  return TRUE;
}

/**
 * onramp_partner_client_set_access_token:
 * @access_token: (nullable): the bearer token of the signed-in user
 */
void
onramp_partner_client_set_access_token (OnrampPartnerClient *self,
                                        const char          *access_token)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));

  if (g_strcmp0 (self->access_token, access_token) == 0)
    return;

  g_free (self->access_token);
  self->access_token = g_strdup (access_token);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCESS_TOKEN]);
}

const char *
onramp_partner_client_get_locale (OnrampPartnerClient *self)
{
  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (self), NULL);

  return self->locale;
}

/**
 * onramp_partner_client_set_locale:
 * @locale: (nullable): an X-Locale value such as "zh-TW"; %NULL for the
 *   UI language
 */
void
onramp_partner_client_set_locale (OnrampPartnerClient *self,
                                  const char          *locale)
{
  g_autofree char *value = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));

  value = locale != NULL ? g_strdup (locale) : onramp_partner_locale_from_language_names ();
  if (g_strcmp0 (self->locale, value) == 0)
    return;

  g_free (self->locale);
  self->locale = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCALE]);
}

/**
 * onramp_partner_client_set_retry_policy:
 * @max_attempts: attempts per call, at least 1 (default 4)
 * @backoff_ms: the first back-off delay, doubled each time (default 500)
 * @retry_after_cap_ms: the longest Retry-After honoured (default 60 s)
 *
 * Tests shrink the delays; the app keeps the defaults.
 */
void
onramp_partner_client_set_retry_policy (OnrampPartnerClient *self,
                                        guint                max_attempts,
                                        guint                backoff_ms,
                                        guint                retry_after_cap_ms)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  self->max_attempts = max_attempts;
  self->backoff_ms = backoff_ms;
  self->retry_after_cap_ms = retry_after_cap_ms;
}

/**
 * onramp_partner_client_set_timeout:
 * @seconds: how long one attempt may wait for an answer (default 30)
 *
 * An attempt that times out is retried like a 5xx, with the same
 * MS-RequestId, so a creation that did happen is answered, not repeated.
 */
void
onramp_partner_client_set_timeout (OnrampPartnerClient *self,
                                   guint                seconds)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (seconds >= 1);

  g_object_set (self->session, "timeout", seconds, NULL);
}

static const char *
onramp_call_answered_id (OnrampCall *call,
                         const char *header,
                         const char *fallback)
{
  const char *value = NULL;

  if (call->message != NULL)
    value = soup_message_headers_get_one (soup_message_get_response_headers (call->message), header);

  return value != NULL ? value : fallback;
}

static GError *
onramp_call_error (OnrampCall             *call,
                   OnrampServiceErrorCode  code,
                   const char             *message,
                   guint                   status,
                   const char             *service_code,
                   const char             *description)
{
  return _onramp_service_error_new (code, message, status, service_code, description,
                                    onramp_call_answered_id (call, "MS-RequestId", call->request_id),
                                    onramp_call_answered_id (call, "MS-CorrelationId", call->correlation_id));
}

static GError *
onramp_call_error_from_reply (OnrampCall *call,
                              GBytes     *body)
{
  guint status = soup_message_get_status (call->message);
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  GError *error = _onramp_service_error_new_from_reply (status, data, length,
                                                        onramp_call_answered_id (call, "MS-RequestId", call->request_id),
                                                        onramp_call_answered_id (call, "MS-CorrelationId", call->correlation_id));
  const char *service_code = onramp_service_error_get_service_code (error);

  g_debug ("%s %s failed: HTTP %u, code %s", call->method, call->path, status, service_code ? service_code : "none");

  return error;
}

static GError *
onramp_call_error_from_transport (OnrampCall   *call,
                                  const GError *transport)
{
  g_debug ("%s %s failed: %s", call->method, call->path, transport->message);

  if (transport->domain == G_TLS_ERROR)
    return onramp_call_error (call, ONRAMP_SERVICE_ERROR_TLS,
                              _("The connection to Partner Center is not secure: its certificate was not accepted."),
                              0, NULL, transport->message);

  return onramp_call_error (call, ONRAMP_SERVICE_ERROR_NETWORK,
                            _("Could not reach Partner Center. Check your network connection and try again."),
                            0, NULL, transport->message);
}

static gboolean
on_retry_due_cb (gpointer user_data)
{
  GTask *task = user_data;

  /* onramp_partner_client_send() takes over the reference */
  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    onramp_partner_client_send (task);

  return G_SOURCE_REMOVE;
}

/* The cancellable child only wakes the timeout up; GLib also calls the
 * child's own callback, so it needs one */
static gboolean
on_retry_cancelled_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits @delay_ms, or less if the call is cancelled meanwhile */
static void
onramp_partner_client_retry_later (GTask *task,
                                   guint  delay_ms)
{
  g_autoptr(GSource) timeout = g_timeout_source_new (delay_ms);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_callback (cancelled, G_SOURCE_FUNC (on_retry_cancelled_cb), NULL, NULL);
      g_source_add_child_source (timeout, cancelled);
    }
  g_source_set_callback (timeout, on_retry_due_cb, task, NULL);
  g_source_attach (timeout, g_main_context_get_thread_default ());
}

static guint
onramp_partner_client_backoff_ms (OnrampPartnerClient *self,
                                  guint                attempt)
{
  guint delay = self->backoff_ms << MIN (attempt - 1, 10);

  return delay + g_random_int_range (0, self->backoff_ms / 2 + 1);
}

static guint
onramp_partner_client_retry_after_ms (OnrampPartnerClient *self,
                                      OnrampCall          *call)
{
  const char *header = soup_message_headers_get_one (soup_message_get_response_headers (call->message), "Retry-After");
  guint64 seconds;

  if (header == NULL || !g_ascii_string_to_unsigned (header, 10, 0, G_MAXUINT / 1000, &seconds, NULL))
    return MIN (onramp_partner_client_backoff_ms (self, call->attempt), self->retry_after_cap_ms);

  return MIN ((guint) seconds * 1000, self->retry_after_cap_ms);
}

static gboolean
onramp_partner_status_is_transient (guint status)
{
  return status == SOUP_STATUS_REQUEST_TIMEOUT || status == 500 || status == 502 || status == 503 || status == 504;
}

static void
onramp_partner_client_answer (GTask      *task,
                              OnrampCall *call,
                              GBytes     *body)
{
  g_autoptr(OnrampPartnerReply) reply = g_new0 (OnrampPartnerReply, 1);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  reply->status = soup_message_get_status (call->message);
  reply->request_id = g_strdup (onramp_call_answered_id (call, "MS-RequestId", call->request_id));
  reply->correlation_id = g_strdup (onramp_call_answered_id (call, "MS-CorrelationId", call->correlation_id));
  if (data != NULL && length > 0)
    {
      reply->json = onramp_partner_json_parse (data, length, NULL);
      if (reply->json == NULL)
        {
          g_task_return_error (task, _onramp_partner_reply_invalid (reply));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) _onramp_partner_reply_free);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampPartnerClient *self = g_task_get_source_object (task);
  OnrampCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  gboolean can_retry = call->attempt < self->max_attempts;
  guint status;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (error->domain != G_TLS_ERROR && can_retry)
        onramp_partner_client_retry_later (g_steal_pointer (&task), onramp_partner_client_backoff_ms (self, call->attempt));
      else
        g_task_return_error (task, onramp_call_error_from_transport (call, error));
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s -> HTTP %u (MS-RequestId %s, MS-CorrelationId %s, attempt %u)",
           call->method, call->path, status, call->request_id, call->correlation_id, call->attempt);

  if (status == 429 && can_retry)
    onramp_partner_client_retry_later (g_steal_pointer (&task), onramp_partner_client_retry_after_ms (self, call));
  else if (onramp_partner_status_is_transient (status) && can_retry)
    onramp_partner_client_retry_later (g_steal_pointer (&task), onramp_partner_client_backoff_ms (self, call->attempt));
  else if (SOUP_STATUS_IS_SUCCESSFUL (status) ||
           (status == SOUP_STATUS_NOT_FOUND && (call->flags & ONRAMP_CALL_NOT_FOUND_ANSWERS)))
    onramp_partner_client_answer (task, call, body);
  else
    {
      g_task_return_error (task, onramp_call_error_from_reply (call, body));
      if (status == SOUP_STATUS_UNAUTHORIZED)
        g_signal_emit (self, signals[TOKEN_REFUSED], 0);
    }
}

static void
onramp_partner_client_set_headers (OnrampPartnerClient *self,
                                   OnrampCall          *call,
                                   SoupMessageHeaders  *headers)
{
  if (self->access_token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->access_token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "MS-RequestId", call->request_id);
  soup_message_headers_replace (headers, "MS-CorrelationId", call->correlation_id);
  soup_message_headers_replace (headers, "X-Locale", self->locale);
  soup_message_headers_replace (headers, "MS-PartnerCenter-Application", "Onramp");
}

static void
onramp_partner_client_send (GTask *task)
{
  OnrampPartnerClient *self = g_task_get_source_object (task);
  OnrampCall *call = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (self->base_url, call->path, NULL);

  call->attempt++;
  g_clear_object (&call->message);
  call->message = soup_message_new (call->method, url);
  if (call->message == NULL)
    {
      g_task_return_error (task, onramp_call_error (call, ONRAMP_SERVICE_ERROR_INVALID_URL,
                                                    _("The Partner Center address is not valid."), 0, NULL, NULL));
      g_object_unref (task);
      return;
    }

  onramp_partner_client_set_headers (self, call, soup_message_get_request_headers (call->message));
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", call->body);

  g_debug ("%s %s (MS-RequestId %s, attempt %u)", call->method, call->path, call->request_id, call->attempt);
  soup_session_send_and_read_async (self->session, call->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_sent_cb, task);
}

/**
 * _onramp_partner_client_call_async:
 * @path: the path and query after the base URL, such as /v1/customers,
 *   with every variable part escaped
 * @body: (nullable): the JSON to send
 * @request_id: (nullable): the MS-RequestId of a call that creates
 *   something; %NULL mints a fresh one
 *
 * Sends one logical call, retrying as the header comment says.
 */
void
_onramp_partner_client_call_async (OnrampPartnerClient *self,
                                   const char          *method,
                                   const char          *path,
                                   JsonNode            *body,
                                   const char          *request_id,
                                   OnrampCallFlags      flags,
                                   gpointer             source_tag,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  OnrampCall *call = g_new0 (OnrampCall, 1);

  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->request_id = request_id != NULL ? g_strdup (request_id) : g_uuid_string_random ();
  call->correlation_id = g_uuid_string_random ();
  call->flags = flags;
  if (body != NULL)
    {
      gsize length;
      char *text = json_to_string (body, FALSE);

      length = strlen (text);
      call->body = g_bytes_new_take (text, length);
    }

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) onramp_call_free);
  onramp_partner_client_send (g_steal_pointer (&task));
}

OnrampPartnerReply *
_onramp_partner_client_call_finish (OnrampPartnerClient  *self,
                                    GAsyncResult         *result,
                                    gpointer              source_tag,
                                    GError              **error)
{
  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Completes a call that was refused before anything was sent */
void
_onramp_partner_client_fail_async (OnrampPartnerClient *self,
                                   GError              *error,
                                   gpointer             source_tag,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_error (task, error);
}

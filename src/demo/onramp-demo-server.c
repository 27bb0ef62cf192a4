/* onramp-demo-server.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-server"

#include "config.h"

#include <string.h>

#include "onramp-demo-auth.h"
#include "onramp-demo-private.h"

/* A local Partner Center emulator (partner-center-api.md). It listens on a
 * random loopback port only, keeps its state in memory, and answers with the
 * documented shapes and status codes, so the app and the tests can walk the
 * whole journey with no Microsoft account.
 *
 * This file holds the object, the routing, bearer-token checks, MS-RequestId
 * replay and fault injection (syntax in onramp-demo-faults.c; the
 * ONRAMP_DEMO_FAULTS environment variable takes the same spec at start).
 * The endpoints live in onramp-demo-customers.c and onramp-demo-commerce.c.
 *
 * Every /v1 call needs "Authorization: Bearer <token>" with a token given to
 * onramp_demo_server_add_access_token(); else 401 with WWW-Authenticate.
 * A POST that carries an MS-RequestId already seen gets the first answer
 * again and changes nothing (the idempotency of §1).
 */

typedef struct
{
  guint   status;
  GBytes *body;
} OnrampDemoReply;

typedef struct
{
  OnrampDemoServer  *self;   /* unowned: stopping the server drops us */
  SoupServerMessage *msg;
  char              *path;
  GHashTable        *query;
  guint              source_id;
} OnrampDemoDelayed;

G_DEFINE_FINAL_TYPE (OnrampDemoServer, onramp_demo_server, G_TYPE_OBJECT)

static const char * const initially_taken[] = {
  "contoso.onmicrosoft.com",
  "fabrikam.onmicrosoft.com",
  "northwindtraders.onmicrosoft.com",
  "adatum.onmicrosoft.com",
  "tailspintoys.onmicrosoft.com",
  "wingtiptoys.onmicrosoft.com",
};

static void
onramp_demo_reply_free (gpointer data)
{
  OnrampDemoReply *reply = data;

  g_bytes_unref (reply->body);
  g_free (reply);
}

static void
onramp_demo_server_echo_ids (SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *request_id = soup_message_headers_get_one (request, "MS-RequestId");
  const char *correlation_id = soup_message_headers_get_one (request, "MS-CorrelationId");
  g_autofree char *generated = NULL;

  if (request_id == NULL)
    request_id = generated = g_uuid_string_random ();

  soup_message_headers_replace (response, "MS-RequestId", request_id);
  if (correlation_id != NULL)
    soup_message_headers_replace (response, "MS-CorrelationId", correlation_id);
}

static void
onramp_demo_server_count (OnrampDemoServer  *self,
                          SoupServerMessage *msg)
{
  const char *request_id = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "MS-RequestId");
  guint count;

  if (request_id == NULL)
    return;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, request_id));
  g_hash_table_insert (self->request_counts, g_strdup (request_id), GUINT_TO_POINTER (count + 1));
}

static gboolean
onramp_demo_server_is_authorized (OnrampDemoServer  *self,
                                  SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return FALSE;

  /* Tokens the demo sign-in issued, and those tests hand in directly */
  return g_hash_table_contains (self->access_tokens, header + 7) ||
         onramp_demo_auth_check_bearer (self->auth, header);
}

/* Returns: whether @fault answered the request */
static gboolean
onramp_demo_server_reply_fault (SoupServerMessage *msg,
                                OnrampDemoFault    fault)
{
  switch (fault.kind)
    {
    case ONRAMP_DEMO_FAULT_STATUS:
      _onramp_demo_reply_fault (msg, fault.value, fault.value, "The service is temporarily unavailable (injected fault).", NULL);
      return TRUE;
    case ONRAMP_DEMO_FAULT_THROTTLE:
      _onramp_demo_reply_throttled (msg, fault.value);
      return TRUE;
    case ONRAMP_DEMO_FAULT_UNAUTHORIZED:
      _onramp_demo_reply_unauthorized (msg);
      return TRUE;
    case ONRAMP_DEMO_FAULT_FORBIDDEN:
      _onramp_demo_reply_forbidden (msg);
      return TRUE;
    case ONRAMP_DEMO_FAULT_NONE:
    case ONRAMP_DEMO_FAULT_LATENCY:
    case ONRAMP_DEMO_FAULT_DROP:
    default:
      return FALSE;
    }
}

/* Returns: (transfer full) (nullable): the captured segments when
 * @segments match @pattern */
static GStrv
onramp_demo_route_match (const char  *pattern,
                         char       **segments)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  g_autoptr(GStrvBuilder) captured = g_strv_builder_new ();
  guint i;

  for (i = 0; parts[i] != NULL && segments[i] != NULL; i++)
    {
      if (strcmp (parts[i], "*") == 0 && segments[i][0] != '\0')
        {
          g_autofree char *unescaped = g_uri_unescape_string (segments[i], NULL);

          if (unescaped == NULL)
            return NULL;
          g_strv_builder_add (captured, unescaped);
        }
      else if (g_ascii_strcasecmp (parts[i], segments[i]) != 0)
        return NULL;
    }
  if (parts[i] != NULL || segments[i] != NULL)
    return NULL;

  return g_strv_builder_end (captured);
}

static void
onramp_demo_server_route (OnrampDemoServer  *self,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query)
{
  const OnrampDemoRoute *tables[] = { _onramp_demo_customer_routes, _onramp_demo_commerce_routes };
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) segments = g_strsplit (path + strlen ("/v1/"), "/", -1);
  gboolean path_known = FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (const OnrampDemoRoute *route = tables[t]; route->method != NULL; route++)
        {
          g_auto(GStrv) args = onramp_demo_route_match (route->pattern, segments);

          if (args == NULL)
            continue;
          path_known = TRUE;
          if (strcmp (route->method, method) == 0)
            {
              route->handler (self, msg, query, args);
              return;
            }
        }
    }

  if (path_known)
    soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
  else
    _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, "Resource not found.", path);
}

static char *
onramp_demo_server_replay_key (SoupServerMessage *msg,
                               const char        *path)
{
  const char *request_id = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "MS-RequestId");

  if (request_id == NULL || strcmp (soup_server_message_get_method (msg), SOUP_METHOD_POST) != 0)
    return NULL;

  return g_strconcat (path, " ", request_id, NULL);
}

static void
onramp_demo_server_replay (SoupServerMessage *msg,
                           OnrampDemoReply   *reply)
{
  gsize length;
  gconstpointer data = g_bytes_get_data (reply->body, &length);

  soup_server_message_set_status (msg, reply->status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, length);
}

static void
onramp_demo_server_remember (OnrampDemoServer  *self,
                             SoupServerMessage *msg,
                             char              *key)
{
  OnrampDemoReply *reply = g_new0 (OnrampDemoReply, 1);

  reply->status = soup_server_message_get_status (msg);
  reply->body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  g_hash_table_insert (self->replies, key, reply);
}

/* Closes the connection without an answer, after the work is done: the
 * client cannot know whether its request took effect */
static void
onramp_demo_server_drop (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_debug ("Dropping the connection of %s %s", soup_server_message_get_method (msg),
           g_uri_get_path (soup_server_message_get_uri (msg)));
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

/* Returns: %FALSE when the connection was dropped instead of answered */
static gboolean
onramp_demo_server_dispatch (OnrampDemoServer  *self,
                             SoupServerMessage *msg,
                             const char        *path,
                             GHashTable        *query)
{
  OnrampDemoFault fault;
  g_autofree char *replay_key = NULL;
  OnrampDemoReply *earlier;

  if (!onramp_demo_server_is_authorized (self, msg))
    {
      _onramp_demo_reply_unauthorized (msg);
      return TRUE;
    }

  fault = _onramp_demo_faults_take (self->faults, soup_server_message_get_method (msg), path);
  if (onramp_demo_server_reply_fault (msg, fault))
    return TRUE;

  replay_key = onramp_demo_server_replay_key (msg, path);
  earlier = replay_key != NULL ? g_hash_table_lookup (self->replies, replay_key) : NULL;
  if (earlier != NULL)
    onramp_demo_server_replay (msg, earlier);
  else
    onramp_demo_server_route (self, msg, path, query);

  if (earlier == NULL && replay_key != NULL)
    onramp_demo_server_remember (self, msg, g_steal_pointer (&replay_key));

  if (fault.kind == ONRAMP_DEMO_FAULT_DROP)
    {
      onramp_demo_server_drop (msg);
      return FALSE;
    }

  return TRUE;
}

static void
onramp_demo_delayed_free (gpointer data)
{
  OnrampDemoDelayed *delayed = data;

  g_clear_handle_id (&delayed->source_id, g_source_remove);
  g_object_unref (delayed->msg);
  g_free (delayed->path);
  g_clear_pointer (&delayed->query, g_hash_table_unref);
  g_free (delayed);
}

/* The sign-in endpoints and the API, one way for both, so that a latency
 * rule for every path (a slash then a star) slows every request the app
 * makes */
static gboolean
onramp_demo_server_serve (OnrampDemoServer  *self,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query)
{
  if (g_str_has_prefix (path, "/v1/"))
    return onramp_demo_server_dispatch (self, msg, path, query);

  onramp_demo_auth_handle (self->auth, self->server, msg, path, query);
  return TRUE;
}

static gboolean
on_latency_elapsed_cb (gpointer user_data)
{
  OnrampDemoDelayed *delayed = user_data;

  delayed->source_id = 0;
  if (onramp_demo_server_serve (delayed->self, delayed->msg, delayed->path, delayed->query))
    soup_server_message_unpause (delayed->msg);
  g_ptr_array_remove_fast (delayed->self->delayed, delayed);

  return G_SOURCE_REMOVE;
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  OnrampDemoServer *self = user_data;
  OnrampDemoDelayed *delayed;
  guint latency;

  onramp_demo_server_echo_ids (msg);
  onramp_demo_server_count (self, msg);

  if (!g_str_has_prefix (path, "/v1/") && !onramp_demo_auth_handles (self->auth, path))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, "Resource not found.", path);
      return;
    }

  latency = _onramp_demo_faults_take_latency (self->faults, soup_server_message_get_method (msg), path);
  if (latency == 0)
    {
      onramp_demo_server_serve (self, msg, path, query);
      return;
    }

  delayed = g_new0 (OnrampDemoDelayed, 1);
  delayed->self = self;
  delayed->msg = g_object_ref (msg);
  delayed->path = g_strdup (path);
  delayed->query = query != NULL ? g_hash_table_ref (query) : NULL;
  soup_server_message_pause (msg);
  delayed->source_id = g_timeout_add (latency, on_latency_elapsed_cb, delayed);
  g_ptr_array_add (self->delayed, delayed);
}

static void
onramp_demo_server_finalize (GObject *object)
{
  OnrampDemoServer *self = (OnrampDemoServer *)object;

  onramp_demo_server_stop (self);
  g_clear_pointer (&self->taken_domains, g_hash_table_unref);
  g_clear_pointer (&self->access_tokens, g_hash_table_unref);
  g_clear_pointer (&self->customers, g_hash_table_unref);
  g_clear_pointer (&self->agreements, g_hash_table_unref);
  g_clear_pointer (&self->carts, g_hash_table_unref);
  g_clear_pointer (&self->replies, g_hash_table_unref);
  g_clear_pointer (&self->request_counts, g_hash_table_unref);
  g_clear_pointer (&self->faults, _onramp_demo_faults_free);
  g_clear_pointer (&self->delayed, g_ptr_array_unref);
  g_clear_object (&self->auth);

  G_OBJECT_CLASS (onramp_demo_server_parent_class)->finalize (object);
}

static void
onramp_demo_server_class_init (OnrampDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_demo_server_finalize;
}

static void
onramp_demo_server_init (OnrampDemoServer *self)
{
  self->taken_domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->access_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  self->agreements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_array_unref);
  self->carts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  self->replies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, onramp_demo_reply_free);
  self->request_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->faults = _onramp_demo_faults_new ();
  self->delayed = g_ptr_array_new_with_free_func (onramp_demo_delayed_free);
  self->auth = onramp_demo_auth_new ();

  for (guint i = 0; i < G_N_ELEMENTS (initially_taken); i++)
    onramp_demo_server_take_domain (self, initially_taken[i]);
}

OnrampDemoServer *
onramp_demo_server_new (void)
{
  return g_object_new (ONRAMP_TYPE_DEMO_SERVER, NULL);
}

/**
 * onramp_demo_server_start:
 *
 * Listens on 127.0.0.1 at a port the system picks. Loopback only: the demo
 * server must never be reachable from another machine. Applies the faults
 * of ONRAMP_DEMO_FAULTS, if set; a malformed spec fails the start.
 */
gboolean
onramp_demo_server_start (OnrampDemoServer  *self,
                          GError           **error)
{
  GSList *uris;
  GUri *uri;

  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  if (g_getenv ("ONRAMP_DEMO_FAULTS") != NULL &&
      !onramp_demo_server_set_faults (self, g_getenv ("ONRAMP_DEMO_FAULTS"), error))
    return FALSE;

  self->server = soup_server_new ("server-header", "onramp-demo", NULL);
  /* One handler for all: it routes sign-in requests to self->auth itself,
   * after the latency the fault rules give them */
  soup_server_add_handler (self->server, NULL, on_request_cb, self, NULL);

  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  uri = uris->data;
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_debug ("Demo server listening at %s", self->url);

  return TRUE;
}

void
onramp_demo_server_stop (OnrampDemoServer *self)
{
  g_return_if_fail (ONRAMP_IS_DEMO_SERVER (self));

  /* Answer what latency still holds, so libsoup can finish those messages */
  for (guint i = 0; self->delayed != NULL && i < self->delayed->len; i++)
    {
      OnrampDemoDelayed *delayed = g_ptr_array_index (self->delayed, i);

      soup_server_message_set_status (delayed->msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (delayed->msg);
    }
  if (self->delayed != NULL)
    g_ptr_array_set_size (self->delayed, 0);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->url, g_free);
}

/**
 * onramp_demo_server_get_url:
 *
 * Returns: (nullable): the base URL, such as http://127.0.0.1:41234, while
 *   the server runs
 */
const char *
onramp_demo_server_get_url (OnrampDemoServer *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), NULL);

  return self->url;
}

void
onramp_demo_server_take_domain (OnrampDemoServer *self,
                                const char       *domain)
{
  g_return_if_fail (ONRAMP_IS_DEMO_SERVER (self));
  g_return_if_fail (domain != NULL);

  g_hash_table_add (self->taken_domains, g_ascii_strdown (domain, -1));
}

/**
 * onramp_demo_server_add_access_token:
 *
 * Makes @token a valid bearer token for the API endpoints, as if the demo
 * sign-in had issued it.
 */
void
onramp_demo_server_add_access_token (OnrampDemoServer *self,
                                     const char       *token)
{
  g_return_if_fail (ONRAMP_IS_DEMO_SERVER (self));
  g_return_if_fail (token != NULL && token[0] != '\0');

  g_hash_table_add (self->access_tokens, g_strdup (token));
}

void
onramp_demo_server_remove_access_token (OnrampDemoServer *self,
                                        const char       *token)
{
  g_return_if_fail (ONRAMP_IS_DEMO_SERVER (self));
  g_return_if_fail (token != NULL);

  g_hash_table_remove (self->access_tokens, token);
}

/**
 * onramp_demo_server_set_faults:
 * @spec: (nullable): rules as documented in onramp-demo-faults.c, such as
 *   "POST /v1/customers=drop*1;/v1/products*=latency:500"; %NULL clears
 *
 * Returns: %FALSE, with nothing changed, when @spec is malformed
 */
gboolean
onramp_demo_server_set_faults (OnrampDemoServer  *self,
                               const char        *spec,
                               GError           **error)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _onramp_demo_faults_parse (self->faults, spec, error);
}

guint
onramp_demo_server_get_n_customers (OnrampDemoServer *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), 0);

  return g_hash_table_size (self->customers);
}

/**
 * onramp_demo_server_count_requests:
 *
 * Returns: how many requests arrived with this MS-RequestId, retries
 *   included: tests check that a retry reuses the ID
 */
guint
onramp_demo_server_count_requests (OnrampDemoServer *self,
                                   const char       *request_id)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), 0);
  g_return_val_if_fail (request_id != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, request_id));
}

/**
 * onramp_demo_server_get_auth:
 *
 * Returns: (transfer none): the demo's sign-in service, whose authority is
 *   onramp_demo_server_get_url()
 */
OnrampDemoAuth *
onramp_demo_server_get_auth (OnrampDemoServer *self)
{
  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), NULL);

  return self->auth;
}

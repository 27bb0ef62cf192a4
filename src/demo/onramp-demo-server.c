/* onramp-demo-server.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-server"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "onramp-demo-auth.h"
#include "onramp-demo-server.h"

/* A local Partner Center emulator (partner-center-api.md). It listens on a
 * random loopback port only, keeps its state in memory, and answers with the
 * documented shapes and status codes, so the app and the tests can walk the
 * whole journey with no Microsoft account.
 *
 * Served so far:
 *   HEAD|GET /v1/domains/{domain}   200 = taken, 404 = available (§2)
 */
struct _OnrampDemoServer
{
  GObject     parent_instance;

  SoupServer *server;
  char       *url;
  GHashTable *taken_domains;
  OnrampDemoAuth *auth;
};

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
onramp_demo_server_reply_error (SoupServerMessage *msg,
                                guint              status,
                                int                code,
                                const char        *description)
{
  g_autofree char *body = NULL;
  g_autofree char *escaped = g_strescape (description, NULL);

  body = g_strdup_printf ("{\"code\":%d,\"description\":\"%s\",\"data\":[],\"source\":\"PartnerFD\"}",
                          code, escaped);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
on_domains_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  OnrampDemoServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *domain = NULL;

  onramp_demo_server_echo_ids (msg);

  if (strcmp (method, SOUP_METHOD_HEAD) != 0 && strcmp (method, SOUP_METHOD_GET) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  domain = g_ascii_strdown (path + strlen ("/v1/domains/"), -1);
  if (domain[0] == '\0' || strchr (domain, '/') != NULL)
    {
      onramp_demo_server_reply_error (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The domain is missing or invalid.");
      return;
    }

  soup_server_message_set_status (msg,
                                  g_hash_table_contains (self->taken_domains, domain)
                                    ? SOUP_STATUS_OK : SOUP_STATUS_NOT_FOUND,
                                  NULL);
}

static void
onramp_demo_server_finalize (GObject *object)
{
  OnrampDemoServer *self = (OnrampDemoServer *)object;

  onramp_demo_server_stop (self);
  g_clear_pointer (&self->taken_domains, g_hash_table_unref);
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
 * server must never be reachable from another machine.
 */
gboolean
onramp_demo_server_start (OnrampDemoServer  *self,
                          GError           **error)
{
  GSList *uris;
  GUri *uri;

  g_return_val_if_fail (ONRAMP_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "onramp-demo", NULL);
  soup_server_add_handler (self->server, "/v1/domains/", on_domains_cb, self, NULL);
  onramp_demo_auth_add_handlers (self->auth, self->server);

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

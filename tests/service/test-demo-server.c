/* test-demo-server.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "onramp-demo-server.h"

typedef struct
{
  OnrampDemoServer *server;
  SoupSession      *session;
  GMainLoop        *loop;
  SoupMessage      *reply;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  onramp_demo_server_add_access_token (f->server, "demo-token");
  f->session = soup_session_new ();
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->reply);
  g_clear_object (&f->session);
  g_clear_object (&f->server);
  g_clear_pointer (&f->loop, g_main_loop_unref);
}

static void
on_sent_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  g_assert_no_error (error);
  g_main_loop_quit (f->loop);
}

/* The async API only: a synchronous call to an in-process server deadlocks */
static guint
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *request_id)
{
  g_autofree char *url = g_strconcat (onramp_demo_server_get_url (f->server), path, NULL);

  g_clear_object (&f->reply);
  f->reply = soup_message_new (method, url);
  soup_message_headers_replace (soup_message_get_request_headers (f->reply), "Authorization", "Bearer demo-token");
  if (request_id)
    soup_message_headers_replace (soup_message_get_request_headers (f->reply), "MS-RequestId", request_id);
  soup_session_send_and_read_async (f->session, f->reply, G_PRIORITY_DEFAULT, NULL, on_sent_cb, f);
  g_main_loop_run (f->loop);

  return soup_message_get_status (f->reply);
}

static void
test_listens_on_loopback_only (Fixture       *f,
                               gconstpointer  data)
{
  const char *url = onramp_demo_server_get_url (f->server);

  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_cmpstr (url, !=, "http://127.0.0.1:0");
}

static void
test_domain_availability (Fixture       *f,
                          gconstpointer  data)
{
  /* 200 = exists = taken; 404 = available (partner-center-api.md §2) */
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contoso.onmicrosoft.com", NULL), ==, 200);
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/CONTOSO.onmicrosoft.com", NULL), ==, 200);
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contosopharma2026.onmicrosoft.com", NULL), ==, 404);

  onramp_demo_server_take_domain (f->server, "contosopharma2026.onmicrosoft.com");
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contosopharma2026.onmicrosoft.com", NULL), ==, 200);
}

static void
test_echoes_request_id (Fixture       *f,
                        gconstpointer  data)
{
  SoupMessageHeaders *headers;

  request (f, "HEAD", "/v1/domains/fabrikam.onmicrosoft.com", "5b1a8d2e-1c4f-4f7e-9a36-0c1d2e3f4a5b");
  headers = soup_message_get_response_headers (f->reply);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "MS-RequestId"), ==,
                   "5b1a8d2e-1c4f-4f7e-9a36-0c1d2e3f4a5b");
}

static void
test_rejects_other_methods (Fixture       *f,
                            gconstpointer  data)
{
  g_assert_cmpuint (request (f, "POST", "/v1/domains/contoso.onmicrosoft.com", NULL), ==, 405);
  g_assert_cmpuint (request (f, "GET", "/v1/domains/", NULL), ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo-server/loopback-only", Fixture, NULL, fixture_setup, test_listens_on_loopback_only, fixture_teardown);
  g_test_add ("/demo-server/domain-availability", Fixture, NULL, fixture_setup, test_domain_availability, fixture_teardown);
  g_test_add ("/demo-server/echoes-request-id", Fixture, NULL, fixture_setup, test_echoes_request_id, fixture_teardown);
  g_test_add ("/demo-server/rejects-other-methods", Fixture, NULL, fixture_setup, test_rejects_other_methods, fixture_teardown);

  return g_test_run ();
}

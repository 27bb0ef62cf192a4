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

static void
test_requires_bearer_token (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *url = g_strconcat (onramp_demo_server_get_url (f->server), "/v1/countryvalidationrules/US", NULL);

  g_clear_object (&f->reply);
  f->reply = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (f->reply), "Authorization", "Bearer forged");
  soup_session_send_and_read_async (f->session, f->reply, G_PRIORITY_DEFAULT, NULL, on_sent_cb, f);
  g_main_loop_run (f->loop);

  g_assert_cmpuint (soup_message_get_status (f->reply), ==, 401);
  g_assert_nonnull (soup_message_headers_get_one (soup_message_get_response_headers (f->reply), "WWW-Authenticate"));
  g_assert_cmpuint (request (f, "GET", "/v1/countryvalidationrules/US", NULL), ==, 200);
}

/* A latency rule for every path slows sign-in too (a test of the app's
 * main loop needs every request slow), and only where it matches */
static void
test_latency_slows_sign_in (Fixture       *f,
                            gconstpointer  data)
{
  gint64 before;

  g_assert_true (onramp_demo_server_set_faults (f->server, "/*=latency:300", NULL));
  before = g_get_monotonic_time ();
  /* No client_id: refused, but after the latency */
  g_assert_cmpuint (request (f, "POST", "/organizations/oauth2/v2.0/token", NULL), ==, 400);
  g_assert_cmpint (g_get_monotonic_time () - before, >=, 300 * 1000);
  g_assert_cmpuint (request (f, "GET", "/devicelogin", NULL), ==, 200);
  g_assert_cmpuint (request (f, "GET", "/elsewhere", NULL), ==, 404);

  g_assert_true (onramp_demo_server_set_faults (f->server, "/v1/*=latency:300", NULL));
  before = g_get_monotonic_time ();
  g_assert_cmpuint (request (f, "GET", "/devicelogin", NULL), ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - before, <, 300 * 1000);
}

static void
test_fault_specs (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *spec; gboolean valid; } cases[] = {
    { "POST /v1/customers=drop*1", TRUE },
    { "/v1/products*=latency:20;GET /v1/domains/*=status:503*2", TRUE },
    { "/v1/*=throttle:5*1; /v1/*=unauthorized ; /v1/*=forbidden", TRUE },
    { "", TRUE },
    { "/v1/customers", FALSE },
    { "v1/customers=drop", FALSE },
    { "/v1/customers=explode", FALSE },
    { "/v1/customers=status:200", FALSE },
    { "/v1/customers=latency", FALSE },
    { "/v1/customers=drop:3", FALSE },
    { "/v1/customers=drop*0", FALSE },
    { "/v1/customers=drop*x", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean valid = onramp_demo_server_set_faults (f->server, cases[i].spec, &error);

      g_assert_cmpint (valid, ==, cases[i].valid);
      if (!valid)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  /* The last valid spec is still in force: the domain check fails twice */
  g_assert_true (onramp_demo_server_set_faults (f->server, "HEAD /v1/domains/*=status:503*2", NULL));
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contoso.onmicrosoft.com", NULL), ==, 503);
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contoso.onmicrosoft.com", NULL), ==, 503);
  g_assert_cmpuint (request (f, "HEAD", "/v1/domains/contoso.onmicrosoft.com", NULL), ==, 200);
}

static void
test_faults_from_environment (void)
{
  g_autoptr(OnrampDemoServer) server = onramp_demo_server_new ();
  g_autoptr(GError) error = NULL;

  g_setenv ("ONRAMP_DEMO_FAULTS", "/v1/*=nonsense", TRUE);
  g_assert_false (onramp_demo_server_start (server, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_setenv ("ONRAMP_DEMO_FAULTS", "POST /v1/customers=drop*1", TRUE);
  g_assert_true (onramp_demo_server_start (server, &error));
  g_assert_no_error (error);
  g_unsetenv ("ONRAMP_DEMO_FAULTS");
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

  g_test_add ("/demo-server/requires-bearer-token", Fixture, NULL, fixture_setup, test_requires_bearer_token, fixture_teardown);
  g_test_add ("/demo-server/latency-slows-sign-in", Fixture, NULL, fixture_setup, test_latency_slows_sign_in, fixture_teardown);
  g_test_add ("/demo-server/fault-specs", Fixture, NULL, fixture_setup, test_fault_specs, fixture_teardown);
  g_test_add_func ("/demo-server/faults-from-environment", test_faults_from_environment);

  return g_test_run ();
}

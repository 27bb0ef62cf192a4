/* test-partner-client.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "onramp-demo-server.h"
#include "onramp-partner-client.h"

/* The Partner Center client against the demo server on 127.0.0.1: every
 * call's happy path and documented errors, retries, idempotency, and what
 * never reaches the log. */

#define TOKEN "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-demo-token"

typedef struct
{
  OnrampDemoServer    *server;
  OnrampPartnerClient *client;
  GMainLoop           *loop;
  GAsyncResult        *result;
} Fixture;

static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (fields[i].length < 0)
            g_string_append_printf (captured_log, "%s=%s\n", fields[i].key, (const char *) fields[i].value);
        }
    }

  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  onramp_demo_server_add_access_token (f->server, TOKEN);

  f->client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_assert_true (onramp_partner_client_set_base_url (f->client, onramp_demo_server_get_url (f->server), &error));
  g_assert_no_error (error);
  onramp_partner_client_set_access_token (f->client, TOKEN);
  onramp_partner_client_set_retry_policy (f->client, 4, 5, 50);
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->server);
  g_clear_pointer (&f->loop, g_main_loop_unref);

  /* libsoup closes connections in idle callbacks: let them run */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
  g_main_loop_quit (f->loop);
}

static GAsyncResult *
wait_for_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_loop_run (f->loop);

  return g_steal_pointer (&f->result);
}

static void
set_faults (Fixture    *f,
            const char *spec)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_demo_server_set_faults (f->server, spec, &error));
  g_assert_no_error (error);
}

/* Every error names its request and correlation IDs for support */
static void
assert_service_error (const GError *error,
                      int           code)
{
  g_assert_error (error, ONRAMP_SERVICE_ERROR, code);
  g_assert_nonnull (onramp_service_error_get_request_id (error));
  g_assert_cmpuint (strlen (onramp_service_error_get_request_id (error)), ==, 36);
  g_assert_nonnull (onramp_service_error_get_correlation_id (error));
  g_assert_cmpuint (strlen (onramp_service_error_get_correlation_id (error)), ==, 36);
  g_assert_cmpstr (error->message, !=, "");
}

static JsonObject *
customer_body (const char *domain,
               const char *company,
               const char *country)
{
  g_autofree char *json = g_strdup_printf (
    "{\"CompanyProfile\":{\"Domain\":\"%s\"},"
    "\"BillingProfile\":{\"Email\":\"ann@example.com\",\"Culture\":\"en-US\",\"Language\":\"en\","
    "\"CompanyName\":\"%s\",\"DefaultAddress\":{\"FirstName\":\"Ann\",\"LastName\":\"Lee\","
    "\"AddressLine1\":\"1 Main St\",\"City\":\"Redmond\",\"State\":\"WA\",\"PostalCode\":\"98052\","
    "\"Country\":\"%s\",\"PhoneNumber\":\"4255550101\"}}}", domain, company, country);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
create_customer (Fixture    *f,
                 JsonObject *body,
                 const char *partner,
                 const char *request_id,
                 GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  onramp_partner_client_create_customer_async (f->client, body, partner, request_id, NULL, on_done_cb, f);
  result = wait_for_result (f);

  return onramp_partner_client_create_customer_finish (f->client, result, error);
}

static char *
create_simple_customer (Fixture    *f,
                        const char *domain,
                        const char *company)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = customer_body (domain, company, "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(JsonObject) customer = create_customer (f, body, NULL, request_id, &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (customer, "id"));
}

static JsonObject *
get_country_rules (Fixture     *f,
                   const char  *iso2,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  onramp_partner_client_get_country_rules_async (f->client, iso2, NULL, on_done_cb, f);
  result = wait_for_result (f);

  return onramp_partner_client_get_country_rules_finish (f->client, result, error);
}

static void
test_country_rules (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const countries[] = {
    "US", "CA", "MX", "BR", "GB", "IE", "FR", "DE", "NL", "BE", "ES", "PT", "IT", "SE", "NO", "DK",
    "FI", "PL", "CH", "AT", "AU", "NZ", "JP", "TW", "SG", "IN", "ZA", "AE", "AM", "UA",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) missing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      g_autoptr(JsonObject) rules = get_country_rules (f, countries[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (rules, "iso2Code"), ==, countries[i]);
      g_assert_true (json_object_has_member (rules, "supportedCulturesList"));
      if (strcmp (countries[i], "US") == 0)
        {
          g_assert_true (json_object_get_boolean_member (rules, "isStateRequired"));
          g_assert_true (g_regex_match_simple (json_object_get_string_member (rules, "postalCodeRegex"), "98052", 0, 0));
        }
    }

  /* "UK" is not a country code: GB is (§3) */
  missing = get_country_rules (f, "UK", &error);
  g_assert_null (missing);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_NOT_FOUND);
  g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, 404);
  g_assert_nonnull (strstr (onramp_service_error_get_description (error), "UK"));
}

static void
test_address_statuses (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *line1;
    const char *city;
    const char *postal_code;
    const char *country;
    OnrampAddressStatus status;
    guint n_suggestions;
  } cases[] = {
    { "1 Microsoft Way", "Redmond", "98052", "US", ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE, 1 },
    { "1 microsoft way", "redmond", "98052", "US", ONRAMP_ADDRESS_STATUS_VERIFIED, 1 },
    { "1 Microsoft Way", "Redmond", "9805", "US", ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED, 1 },
    { "Microsoft Way", "Redmond", "98052", "US", ONRAMP_ADDRESS_STATUS_STREET_PARTIAL, 3 },
    { "1 Microsoft Way Suite", "Redmond", "98052", "US", ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL, 3 },
    { "1 Main St", "Springfield", "62701", "US", ONRAMP_ADDRESS_STATUS_MULTIPLE, 3 },
    { "1 Nowhere Lane", "Redmond", "98052", "US", ONRAMP_ADDRESS_STATUS_NONE, 0 },
    { "1 Main St", "Atlantis", "12345", "XX", ONRAMP_ADDRESS_STATUS_NOT_VALIDATED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) address = json_object_new ();
      g_autoptr(JsonObject) response = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      OnrampAddressStatus status;

      json_object_set_string_member (address, "addressLine1", cases[i].line1);
      json_object_set_string_member (address, "city", cases[i].city);
      json_object_set_string_member (address, "state", "WA");
      json_object_set_string_member (address, "postalCode", cases[i].postal_code);
      json_object_set_string_member (address, "country", cases[i].country);
      onramp_partner_client_validate_address_async (f->client, address, NULL, on_done_cb, f);
      result = wait_for_result (f);
      response = onramp_partner_client_validate_address_finish (f->client, result, &status, &error);

      g_assert_no_error (error);
      g_assert_cmpint (status, ==, cases[i].status);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (response, "suggestedAddresses")),
                        ==, cases[i].n_suggestions);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (response, "originalAddress"),
                                                      "addressLine1"), ==, cases[i].line1);
    }
}

static gboolean
check_domain (Fixture    *f,
              const char *domain)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean available = FALSE;

  onramp_partner_client_check_domain_async (f->client, domain, NULL, on_done_cb, f);
  result = wait_for_result (f);
  g_assert_true (onramp_partner_client_check_domain_finish (f->client, result, &available, &error));
  g_assert_no_error (error);

  return available;
}

static void
test_domain_availability (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = NULL;

  g_assert_false (check_domain (f, "contoso.onmicrosoft.com"));
  g_assert_true (check_domain (f, "contosopharma2026.onmicrosoft.com"));

  id = create_simple_customer (f, "contosopharma2026.onmicrosoft.com", "Contoso Pharma Ltd");
  g_assert_false (check_domain (f, "contosopharma2026.onmicrosoft.com"));
}

static void
test_create_and_get_customer (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("lamnahealth.onmicrosoft.com", "Lamna Healthcare Company", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = create_customer (f, body, NULL, request_id, &error);
  g_autoptr(JsonObject) fetched = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  JsonObject *credentials;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (json_object_get_string_member (customer, "id")), ==, 36);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (customer, "companyProfile"), "tenantId"),
                   ==, json_object_get_string_member (customer, "id"));
  g_assert_cmpstr (json_object_get_string_member (customer, "relationshipToPartner"), ==, "none");
  credentials = json_object_get_object_member (customer, "userCredentials");
  g_assert_cmpstr (json_object_get_string_member (credentials, "userName"), ==, "admin");
  g_assert_cmpuint (strlen (json_object_get_string_member (credentials, "password")), >=, 12);

  onramp_partner_client_get_customer_async (f->client, json_object_get_string_member (customer, "id"), NULL, on_done_cb, f);
  result = wait_for_result (f);
  fetched = onramp_partner_client_get_customer_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fetched, "billingProfile"), "companyName"),
                   ==, "Lamna Healthcare Company");
  /* The one-time password is in the creation's answer only */
  g_assert_false (json_object_has_member (fetched, "userCredentials"));
}

static void
test_create_customer_errors (Fixture       *f,
                             gconstpointer  data)
{
  static const struct {
    const char *domain;
    const char *country;
    const char *remove;     /* a billing-profile member to drop */
    const char *partner;
    const char *code;
  } cases[] = {
    { "contoso.onmicrosoft.com", "US", NULL, NULL, "27002" },
    { "not a domain", "US", NULL, NULL, "27002" },
    { "newco1.onmicrosoft.com", "US", "Email", NULL, "3000" },
    { "newco2.onmicrosoft.com", "BR", NULL, NULL, "27002" },  /* WA is no Brazilian state */
    { "newco3.onmicrosoft.com", "IN", NULL, NULL, "27002" },
    { "newco4.onmicrosoft.com", "US", NULL, "00000000-0000-0000-0000-000000000000", "800016" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) body = customer_body (cases[i].domain, "New Company Ltd", cases[i].country);
      g_autofree char *request_id = g_uuid_string_random ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) customer = NULL;

      if (cases[i].remove != NULL)
        json_object_remove_member (json_object_get_object_member (body, "BillingProfile"), cases[i].remove);
      customer = create_customer (f, body, cases[i].partner, request_id, &error);

      g_assert_null (customer);
      assert_service_error (error, ONRAMP_SERVICE_ERROR_FAILED);
      g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, cases[i].code);
      g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, 400);
      g_assert_cmpstr (onramp_service_error_get_request_id (error), ==, request_id);
    }
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 0);
}

static void
test_country_specific_requirements (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("yerevanco.onmicrosoft.com", "Yerevan Co", "AM");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;
  JsonObject *address = json_object_get_object_member (json_object_get_object_member (body, "BillingProfile"),
                                                       "DefaultAddress");

  /* Armenia needs a phone number (600051) and a registration number (600049) */
  json_object_remove_member (address, "State");
  json_object_remove_member (address, "PhoneNumber");
  customer = create_customer (f, body, NULL, request_id, &error);
  g_assert_null (customer);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "600051");
}

static JsonArray *
list_resellers (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *resellers;

  onramp_partner_client_list_indirect_resellers_async (f->client, NULL, on_done_cb, f);
  result = wait_for_result (f);
  resellers = onramp_partner_client_list_indirect_resellers_finish (f->client, result, &error);
  g_assert_no_error (error);

  return resellers;
}

static void
test_indirect_reseller_customer (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(JsonArray) resellers = list_resellers (f);
  JsonObject *reseller = json_array_get_object_element (resellers, 3);
  g_autoptr(JsonObject) body = customer_body ("cohowinery.onmicrosoft.com", "Coho Winery", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  g_assert_cmpuint (json_array_get_length (resellers), ==, 12);
  g_assert_true (onramp_partner_enum_equal (json_object_get_string_member (reseller, "relationshipType"),
                                            "IsIndirectCloudSolutionProviderOf"));
  g_assert_nonnull (json_object_get_string_member (reseller, "mpnId"));

  customer = create_customer (f, body, json_object_get_string_member (reseller, "id"), request_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (customer, "relationshipToPartner"), ==, "reseller");
  g_assert_cmpstr (json_object_get_string_member (customer, "associatedPartnerId"), ==,
                   json_object_get_string_member (reseller, "id"));
}

static void
test_replay_creates_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("replayco.onmicrosoft.com", "Replay Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = create_customer (f, body, NULL, request_id, &error);
  g_autoptr(JsonObject) second = create_customer (f, body, NULL, request_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, json_object_get_string_member (second, "id"));
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
test_retry_keeps_request_id (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("retryco.onmicrosoft.com", "Retry Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  set_faults (f, "POST /v1/customers=status:503*2");
  customer = create_customer (f, body, NULL, request_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (customer);
  g_assert_cmpuint (onramp_demo_server_count_requests (f->server, request_id), ==, 3);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
test_dropped_after_commit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("dropco.onmicrosoft.com", "Drop Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  /* The first attempt creates the customer but gets no answer */
  set_faults (f, "POST /v1/customers=drop*1");
  customer = create_customer (f, body, NULL, request_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_string_member (customer, "id"));
  g_assert_cmpuint (onramp_demo_server_count_requests (f->server, request_id), ==, 2);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static gboolean
quit_loop_cb (gpointer loop)
{
  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

static void
test_timeout_retried_once (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("slowco.onmicrosoft.com", "Slow Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  /* The first attempt waits longer than the client does; the server still
   * creates the customer once its delay is over */
  onramp_partner_client_set_timeout (f->client, 1);
  set_faults (f, "POST /v1/customers=latency:1500*1");
  customer = create_customer (f, body, NULL, request_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_object_get_string_member (customer, "id"));

  /* Let the abandoned first attempt finish on the server: a replay of the
   * same request id, not a second customer */
  g_timeout_add (1000, quit_loop_cb, f->loop);
  g_main_loop_run (f->loop);
  g_assert_cmpuint (onramp_demo_server_count_requests (f->server, request_id), ==, 2);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
test_throttled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) rules = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Retry-After: 30 is capped to the injected 50 ms */
  set_faults (f, "GET /v1/countryvalidationrules/*=throttle:30*2");
  rules = get_country_rules (f, "DE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (rules, "iso2Code"), ==, "DE");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 100 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* Still throttled after every attempt: the gateway's shape is read */
  set_faults (f, "GET /v1/countryvalidationrules/*=throttle:1");
  g_clear_pointer (&rules, json_object_unref);
  rules = get_country_rules (f, "DE", &error);
  g_assert_null (rules);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_THROTTLED);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "429");
  g_assert_nonnull (strstr (onramp_service_error_get_description (error), "Rate limit"));
}

static void
test_server_error_exhausts_attempts (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("downco.onmicrosoft.com", "Down Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  set_faults (f, "POST /v1/customers=status:500");
  customer = create_customer (f, body, NULL, request_id, &error);
  g_assert_null (customer);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_SERVER);
  g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, 500);
  g_assert_cmpuint (onramp_demo_server_count_requests (f->server, request_id), ==, 4);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 0);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) rules = NULL;
  guint n_refused = 0;

  /* Each 401 tells whoever keeps the session, once; other errors do not */
  g_signal_connect_swapped (f->client, "token-refused", G_CALLBACK (count_signal), &n_refused);
  onramp_partner_client_set_access_token (f->client, "expired-token");
  rules = get_country_rules (f, "US", &error);
  g_assert_null (rules);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, 401);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_assert_cmpuint (n_refused, ==, 1);

  g_clear_error (&error);
  onramp_partner_client_set_access_token (f->client, TOKEN);
  set_faults (f, "/v1/*=forbidden*1");
  rules = get_country_rules (f, "US", &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FORBIDDEN);
  g_assert_cmpuint (n_refused, ==, 1);

  /* A token revoked mid-session, injected */
  g_clear_error (&error);
  onramp_partner_client_set_access_token (f->client, TOKEN);
  set_faults (f, "/v1/*=unauthorized*1");
  rules = get_country_rules (f, "US", &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (n_refused, ==, 2);
}

static void
test_forbidden_names_roles (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const roles[] = { "Global admin", "User management admin", "Admin agent", "Sales agent" };
  g_autoptr(JsonObject) body = customer_body ("roleco.onmicrosoft.com", "Role Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;

  set_faults (f, "POST /v1/customers=forbidden");
  customer = create_customer (f, body, NULL, request_id, &error);
  g_assert_null (customer);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FORBIDDEN);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "900150");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    g_assert_nonnull (strstr (error->message, roles[i]));
}

static gboolean
confirm_agreement (Fixture    *f,
                   const char *customer_id,
                   const char *template_id,
                   GError    **error)
{
  g_autofree char *json = g_strdup_printf (
    "{\"primaryContact\":{\"firstName\":\"Tania\",\"lastName\":\"Carr\",\"email\":\"tania@example.com\"},"
    "\"templateId\":\"%s\",\"dateAgreed\":\"2026-11-25T00:00:00.000Z\",\"type\":\"MicrosoftCustomerAgreement\"}",
    template_id);
  g_autoptr(JsonNode) agreement = json_from_string (json, NULL);
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  gboolean already = FALSE;

  onramp_partner_client_confirm_agreement_async (f->client, customer_id, json_node_get_object (agreement),
                                                 request_id, NULL, on_done_cb, f);
  result = wait_for_result (f);
  if (!onramp_partner_client_confirm_agreement_finish (f->client, result, &already, error))
    return FALSE;

  return already;
}

static char *
get_template_id (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) metadata = NULL;

  onramp_partner_client_get_agreement_metadata_async (f->client, NULL, on_done_cb, f);
  result = wait_for_result (f);
  metadata = onramp_partner_client_get_agreement_metadata_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (metadata, "agreementLink"), ==, "https://aka.ms/customeragreement");

  return g_strdup (json_object_get_string_member (metadata, "templateId"));
}

static void
test_agreement (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = create_simple_customer (f, "mcaco.onmicrosoft.com", "MCA Co");
  g_autofree char *template_id = get_template_id (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (confirm_agreement (f, id, template_id, &error));
  g_assert_no_error (error);
  /* The same confirmation again is 600061 in the errorName shape: done */
  g_assert_true (confirm_agreement (f, id, template_id, &error));
  g_assert_no_error (error);

  confirm_agreement (f, id, "not-the-template", &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FAILED);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "3000");
}

static JsonArray *
list_items (Fixture    *f,
            const char *product_id,
            const char *sku_id,
            GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (product_id == NULL)
    onramp_partner_client_list_products_async (f->client, "US", NULL, NULL, on_done_cb, f);
  else if (sku_id == NULL)
    onramp_partner_client_list_skus_async (f->client, product_id, "US", NULL, on_done_cb, f);
  else
    onramp_partner_client_list_availabilities_async (f->client, product_id, sku_id, "US", NULL, on_done_cb, f);
  result = wait_for_result (f);

  if (product_id == NULL)
    return onramp_partner_client_list_products_finish (f->client, result, error);
  if (sku_id == NULL)
    return onramp_partner_client_list_skus_finish (f->client, result, error);
  return onramp_partner_client_list_availabilities_finish (f->client, result, error);
}

static char *
find_catalog_item (Fixture *f,
                   guint    product_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) products = list_items (f, NULL, NULL, &error);
  const char *product_id = json_object_get_string_member (json_array_get_object_element (products, product_index), "id");
  g_autoptr(JsonArray) skus = list_items (f, product_id, NULL, &error);
  JsonObject *sku = json_array_get_object_element (skus, 0);
  g_autoptr(JsonArray) availabilities = list_items (f, product_id, json_object_get_string_member (sku, "id"), &error);

  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (sku, "minimumQuantity"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sku, "maximumQuantity"), >=, 25);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sku, "supportedBillingCycles")), >=, 1);

  return g_strdup (json_object_get_string_member (json_array_get_object_element (availabilities, 0), "catalogItemId"));
}

static void
test_catalog (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) products = list_items (f, NULL, NULL, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) refused = NULL;
  g_autofree char *catalog_item_id = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (products), >=, 200);

  catalog_item_id = find_catalog_item (f, 7);
  parts = g_strsplit (catalog_item_id, ":", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);

  /* A 403 with another cause than a role is not a role error */
  onramp_partner_client_list_products_async (f->client, "US", "Bogus", NULL, on_done_cb, f);
  result = wait_for_result (f);
  refused = onramp_partner_client_list_products_finish (f->client, result, &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FAILED);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "400036");
  g_clear_error (&error);

  g_clear_pointer (&refused, json_array_unref);
  refused = list_items (f, "CFQ7TTC0NOPE", NULL, &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_NOT_FOUND);
}

static void
add_line (JsonArray  *lines,
          const char *catalog_item_id,
          gint64      quantity)
{
  JsonObject *line = json_object_new ();

  json_object_set_int_member (line, "id", json_array_get_length (lines));
  json_object_set_string_member (line, "catalogItemId", catalog_item_id);
  json_object_set_int_member (line, "quantity", quantity);
  json_object_set_string_member (line, "billingCycle", "monthly");
  json_object_set_string_member (line, "termDuration", "P1M");
  json_array_add_object_element (lines, line);
}

static JsonObject *
checkout (Fixture    *f,
          const char *customer_id,
          const char *cart_id,
          GError    **error)
{
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;

  onramp_partner_client_checkout_cart_async (f->client, customer_id, cart_id, request_id, NULL, on_done_cb, f);
  result = wait_for_result (f);

  return onramp_partner_client_checkout_cart_finish (f->client, result, error);
}

static void
test_cart_and_checkout (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = create_simple_customer (f, "cartco.onmicrosoft.com", "Cart Co");
  g_autofree char *template_id = get_template_id (f);
  g_autofree char *item = find_catalog_item (f, 0);
  g_autofree char *other_item = find_catalog_item (f, 4);
  g_autoptr(JsonObject) request = json_object_new ();
  JsonArray *lines = json_array_new ();
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) cart = NULL;
  g_autoptr(JsonObject) outcome = NULL;
  const char *cart_id;

  add_line (lines, item, 5);
  add_line (lines, other_item, 2);
  add_line (lines, item, 100000);  /* above the maximum: this order group fails */
  json_object_set_array_member (request, "lineItems", lines);
  onramp_partner_client_create_cart_async (f->client, id, request, request_id, NULL, on_done_cb, f);
  result = wait_for_result (f);
  cart = onramp_partner_client_create_cart_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (cart, "status"), ==, "Active");
  g_assert_true (json_object_has_member (json_array_get_object_element (json_object_get_array_member (cart, "lineItems"), 2),
                                         "error"));
  cart_id = json_object_get_string_member (cart, "id");

  /* No MCA yet: 403/13605 is not a role problem */
  outcome = checkout (f, id, cart_id, &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FAILED);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "13605");
  g_clear_error (&error);

  confirm_agreement (f, id, template_id, &error);
  g_assert_no_error (error);
  outcome = checkout (f, id, cart_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome, "orders")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (outcome, "orderErrors")), ==, 1);

  g_clear_pointer (&outcome, json_object_unref);
  outcome = checkout (f, id, cart_id, &error);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_FAILED);
  g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, "800065");
}

static void
test_relationship_request (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(OnrampPartnerClient) government = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_US_GOVERNMENT);

  onramp_partner_client_get_relationship_request_url_async (f->client, NULL, on_done_cb, f);
  result = wait_for_result (f);
  url = onramp_partner_client_get_relationship_request_url_finish (f->client, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "https://admin.microsoft.com/"));

  /* US Government has no relationship requests (§10) */
  g_clear_object (&result);
  onramp_partner_client_get_relationship_request_url_async (government, NULL, on_done_cb, f);
  result = wait_for_result (f);
  g_assert_null (onramp_partner_client_get_relationship_request_url_finish (government, result, &error));
  g_assert_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_UNSUPPORTED);
}

static void
test_account_status (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *domain; const char *company; OnrampAccountStatus status; } cases[] = {
    { "allowedco.onmicrosoft.com", "Allowed Co", ONRAMP_ACCOUNT_STATUS_ALLOWED },
    { "reviewco.onmicrosoft.com", "Test Company", ONRAMP_ACCOUNT_STATUS_UNDER_REVIEW },
    { "unknownco.onmicrosoft.com", "Unknown Ventures", ONRAMP_ACCOUNT_STATUS_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = create_simple_customer (f, cases[i].domain, cases[i].company);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      onramp_partner_client_get_account_status_async (f->client, id, NULL, on_done_cb, f);
      result = wait_for_result (f);
      g_assert_cmpint (onramp_partner_client_get_account_status_finish (f->client, result, &error), ==, cases[i].status);
      g_assert_no_error (error);
    }
}

static void
test_url_policy (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *url; gboolean allowed; } cases[] = {
    { "https://api.partnercenter.microsoft.com", TRUE },
    { "https://partner.example.org/api/", TRUE },
    { "http://127.0.0.1:8080", TRUE },
    { "http://127.3.4.5", TRUE },
    { "http://[::1]:9000", TRUE },
    { "http://localhost:1234", TRUE },
    { "http://api.partnercenter.microsoft.com", FALSE },
    { "http://10.0.0.1", FALSE },
    { "http://128.0.0.1", FALSE },
    { "ftp://127.0.0.1", FALSE },
    { "not a url", FALSE },
    { "https://", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OnrampPartnerClient) client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
      g_autoptr(GError) error = NULL;
      gboolean accepted = onramp_partner_client_set_base_url (client, cases[i].url, &error);

      g_assert_cmpint (accepted, ==, cases[i].allowed);
      if (!cases[i].allowed)
        {
          g_assert_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_INVALID_URL);
          g_assert_cmpstr (onramp_partner_client_get_base_url (client), ==, "https://api.partnercenter.microsoft.com");
        }
    }
}

static void
test_no_secret_in_debug_log (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) body = customer_body ("logco.onmicrosoft.com", "Log Co", "US");
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) customer = NULL;
  const char *password;

  captured_log = g_string_new (NULL);
  set_faults (f, "POST /v1/customers=status:503*1");
  customer = create_customer (f, body, NULL, request_id, &error);
  g_assert_no_error (error);
  password = json_object_get_string_member (json_object_get_object_member (customer, "userCredentials"), "password");

  /* The log did record the calls, and nothing secret */
  g_assert_nonnull (strstr (captured_log->str, request_id));
  g_assert_null (strstr (captured_log->str, TOKEN));
  g_assert_null (strstr (captured_log->str, "secret-demo-token"));
  g_assert_null (strstr (captured_log->str, "Bearer"));
  g_assert_null (strstr (captured_log->str, password));
  g_string_free (g_steal_pointer (&captured_log), TRUE);
}

static void
test_network_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) rules = NULL;

  /* Nothing listens there any more */
  onramp_demo_server_stop (f->server);
  onramp_partner_client_set_retry_policy (f->client, 2, 5, 50);
  rules = get_country_rules (f, "US", &error);
  g_assert_null (rules);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_NETWORK);
  g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, 0);
}

/* A self-signed certificate and key for 127.0.0.1, trusted by nobody */
static const char self_signed_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIDHDCCAgSgAwIBAgIUHLAl/qm/RiDQMU19kdUUVAuJJ5gwDQYJKoZIhvcNAQEL\n"
  "BQAwFDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNjAwMTAxNloYDzIxMjYx\n"
  "MTAyMDAxMDE2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwggEiMA0GCSqGSIb3DQEB\n"
  "AQUAA4IBDwAwggEKAoIBAQCUFKd1KBSGYlENfGU0+TA7yrzg0x+dgBkPts5hBVxM\n"
  "5x0xGcX55H+TDnY+Cfn3gGDbWR1yc+AwW81DJT7GaZTGeg+tg43YU6dtiIDx42fh\n"
  "EPA/zgUpY2A7vuP/IoZe7IwJG7yxr58uyvP7/nawxaxh6yjTW48mDeLbR2ZWX1aU\n"
  "Qd0W4aAkVbhTKJnfolY6v4RtFBSvxr8Em1IeZMP3GIkgqBbmngX9tYjcleXb0WQ1\n"
  "pp5DnTWkrVd0ZinfcZwKWsd18VOSbkU8SIhFrC6mCkxvLVF5GIG/4wgjaj+k+tUO\n"
  "OXHyRqYDAmna5U4id+7Dj3ODI1Ph5fT9g/L+/YaOxCFTAgMBAAGjZDBiMB0GA1Ud\n"
  "DgQWBBSD9ObDoD3u1yZ7i7d+cFcUqTWMEDAfBgNVHSMEGDAWgBSD9ObDoD3u1yZ7\n"
  "i7d+cFcUqTWMEDAPBgNVHRMBAf8EBTADAQH/MA8GA1UdEQQIMAaHBH8AAAEwDQYJ\n"
  "KoZIhvcNAQELBQADggEBACs7H2CFAfa5wtfJZJcDNgUPEiS35KkwLYB2wlwsOIb2\n"
  "DBLuXfitVslaYDoKZm4hVq4S8N39aMFPssa8fsVt5HTn6ktIbRJ7W8ImrHP/OQBf\n"
  "btlyr9HiFiBVvVsfpfmNOjdX5gejiZpmUjZ4waKXe1SiS+n04ZKfc7VmImBQcO1d\n"
  "dbj+9XnENVF/9tGAMZRNr9HBQkcwoSCGkypmOXhUwCTu3YG1q2UQN8jHMShvFsc8\n"
  "015ZYECNr1VNuWtuRvvYDDwtsY3JtZ8qdBdgd1CzBHScqUfr6RiufmWtSBhoWef7\n"
  "uX4O6jNTzmZUAl0pbMvmPNztFkyt1yz6jt7rVE6UnuA=\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCUFKd1KBSGYlEN\n"
  "fGU0+TA7yrzg0x+dgBkPts5hBVxM5x0xGcX55H+TDnY+Cfn3gGDbWR1yc+AwW81D\n"
  "JT7GaZTGeg+tg43YU6dtiIDx42fhEPA/zgUpY2A7vuP/IoZe7IwJG7yxr58uyvP7\n"
  "/nawxaxh6yjTW48mDeLbR2ZWX1aUQd0W4aAkVbhTKJnfolY6v4RtFBSvxr8Em1Ie\n"
  "ZMP3GIkgqBbmngX9tYjcleXb0WQ1pp5DnTWkrVd0ZinfcZwKWsd18VOSbkU8SIhF\n"
  "rC6mCkxvLVF5GIG/4wgjaj+k+tUOOXHyRqYDAmna5U4id+7Dj3ODI1Ph5fT9g/L+\n"
  "/YaOxCFTAgMBAAECggEABVsr5XJyL5wtx1mZBY3/3yHJrC4mxhkkjutzUpIRkRyI\n"
  "80Y14YCQ1r5eq4bL2lZz6msyQ/oKAWXIqmWV/DJEddtjZsjL4CfCdhVKaLVrg/oL\n"
  "Xptyl1knWXHhqFBU4OkYdZnhvOGX1eb0ZUiCfYlg31fUrbRxnJRDAOB3xKcFKC6d\n"
  "lRNNUpVWC+/8/7Qc6rc+67B+rw7ny3Q7Pg9ShC0TEOevabntP7GnPfCL2smCWcMc\n"
  "gyf78uEXnUs3DP7LWp7eOe+Ai2uIn/na23HirYxD4HetlD8mJpPvt5aAQnG1hLiY\n"
  "D7P20B/M18k2AsY18K2U05zaAaa7xsD7SfpFIspfMQKBgQDQVpu79BCXeVwe/+Uh\n"
  "UoRnvzsshg8fuNdkbsOseYsehUTwVG8oon6Kg1Ead291fVjVxpIMbVV7vynfotlH\n"
  "k+/kWXfCMm0pdbz1mX9eM+yykjlAJ2DmOxb6KSkN/Xp1KIrtaHE9zAjPxA0PGW9b\n"
  "FPRVR2iUMtTgX7fxOQbARrr1AwKBgQC19Qplyzlzb8x8opo0HZ3Ny+D3VJTPXlZm\n"
  "t0ozyPn6dROGUT3uuvZP38xZbB5r2xUAq6S3nwNagVzd8y0ABTc6f+mq+l+ZNaxd\n"
  "/jlvsLRQnjPw7dofaLWPWhNrwtPN170DLvQvBbes0SDyvTKeD76KJweFCvGbqhST\n"
  "B541BdWpcQKBgQDLsNHEWqRaJIpfuJsCEFZpxLsLFer1fdgBVpYzLAZLicrUGgkw\n"
  "Nmb379m8wacUvL+9Cs7CHadlPIqpHuPGqqnxnVOMZ5b44SclDLVNmgDCuloFEjsX\n"
  "/g/B97ou9nPi1ge2g9WrsK+wyqJl791CtOMJ+a4SrvwYfx0tWC70kHK7lwKBgGv4\n"
  "uS/IVRIL8FKxBkIQpPhel+MMHLWkrC6Nawmpo7ScTnawtMh5xvmEurUBdFfaC+92\n"
  "6upPAGVvSBUoXLabYbdj+duMcLfwYpTv61M8jvMbvYSlD3792mbzM30JgjeuYimG\n"
  "bj2M7f4tppiD7opem1lNaafn45DUbxsENTwPd0bxAoGBAKNE1lPDIAwBQBOzZoTJ\n"
  "UfC1M8W+LIObpRQXxmxATQm4VaGIVzYEsuDEwSx1YuDcXpghIjxzRYAgkOt6PdzR\n"
  "NeuxN4qg2eXZC6ieSIgt03Os3C83N8dkBAhPxzc/gIbwlybqa5oBC3TMDFsMeUwj\n"
  "yGlWiewB1SdeW46HipTN8tuv\n"
  "-----END PRIVATE KEY-----\n";

static void
on_https_request_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  guint *n_requests = user_data;

  (*n_requests)++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
}

static void
test_untrusted_certificate_fails_closed (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (self_signed_pem, -1, &error);
  g_autoptr(SoupServer) https = NULL;
  g_autoptr(JsonObject) rules = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  guint n_requests = 0;

  g_assert_no_error (error);
  https = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (https, NULL, on_https_request_cb, &n_requests, NULL);
  g_assert_true (soup_server_listen_local (https, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (https);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_assert_true (onramp_partner_client_set_base_url (f->client, url, &error));
  rules = get_country_rules (f, "US", &error);
  g_assert_null (rules);
  assert_service_error (error, ONRAMP_SERVICE_ERROR_TLS);
  /* Nothing was sent over the untrusted connection */
  g_assert_cmpuint (n_requests, ==, 0);
  soup_server_disconnect (https);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) rules = NULL;
  gint64 start = g_get_monotonic_time ();

  set_faults (f, "/v1/countryvalidationrules/*=latency:300");
  onramp_partner_client_get_country_rules_async (f->client, "US", cancellable, on_done_cb, f);
  g_timeout_add_once (20, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  result = wait_for_result (f);
  rules = onramp_partner_client_get_country_rules_finish (f->client, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 250 * 1000);

  /* Let the server finish the late answer before it goes away */
  g_timeout_add_once (400, (GSourceOnceFunc) g_main_loop_quit, f->loop);
  g_main_loop_run (f->loop);
}

static void
test_locale (void)
{
  g_autofree char *locale = NULL;

  g_setenv ("LANGUAGE", "zh_TW:en", TRUE);
  locale = onramp_partner_locale_from_language_names ();
  g_assert_cmpstr (locale, ==, "zh-TW");
  g_unsetenv ("LANGUAGE");
}

static void
test_key_normalisation (void)
{
  static const struct { const char *key; const char *camel; } cases[] = {
    { "CompanyProfile", "companyProfile" },
    { "companyProfile", "companyProfile" },
    { "ID", "id" },
    { "ISO2Code", "iso2Code" },
    { "URL", "url" },
    { "MSRequestId", "msRequestId" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *camel = onramp_partner_json_camel_key (cases[i].key);

      g_assert_cmpstr (camel, ==, cases[i].camel);
    }

  g_assert_true (onramp_partner_enum_equal ("one_time", "OneTime"));
  g_assert_false (onramp_partner_enum_equal ("monthly", "annual"));
  g_assert_cmpint (onramp_address_status_from_string ("InvalidStreet"), ==, ONRAMP_ADDRESS_STATUS_UNKNOWN);
  g_assert_cmpint (onramp_account_status_from_string ("Not Ready"), ==, ONRAMP_ACCOUNT_STATUS_NOT_READY);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  ADD ("/partner-client/country-rules", test_country_rules);
  ADD ("/partner-client/address-statuses", test_address_statuses);
  ADD ("/partner-client/domain-availability", test_domain_availability);
  ADD ("/partner-client/create-and-get-customer", test_create_and_get_customer);
  ADD ("/partner-client/create-customer-errors", test_create_customer_errors);
  ADD ("/partner-client/country-specific-requirements", test_country_specific_requirements);
  ADD ("/partner-client/indirect-reseller-customer", test_indirect_reseller_customer);
  ADD ("/partner-client/replay-creates-nothing", test_replay_creates_nothing);
  ADD ("/partner-client/retry-keeps-request-id", test_retry_keeps_request_id);
  ADD ("/partner-client/dropped-after-commit", test_dropped_after_commit);
  ADD ("/partner-client/timeout-retried-once", test_timeout_retried_once);
  ADD ("/partner-client/throttled", test_throttled);
  ADD ("/partner-client/server-error-exhausts-attempts", test_server_error_exhausts_attempts);
  ADD ("/partner-client/unauthorized", test_unauthorized);
  ADD ("/partner-client/forbidden-names-roles", test_forbidden_names_roles);
  ADD ("/partner-client/agreement", test_agreement);
  ADD ("/partner-client/catalog", test_catalog);
  ADD ("/partner-client/cart-and-checkout", test_cart_and_checkout);
  ADD ("/partner-client/relationship-request", test_relationship_request);
  ADD ("/partner-client/account-status", test_account_status);
  ADD ("/partner-client/url-policy", test_url_policy);
  ADD ("/partner-client/no-secret-in-debug-log", test_no_secret_in_debug_log);
  ADD ("/partner-client/network-error", test_network_error);
  ADD ("/partner-client/untrusted-certificate-fails-closed", test_untrusted_certificate_fails_closed);
  ADD ("/partner-client/cancel", test_cancel);
  g_test_add_func ("/partner-client/locale", test_locale);
  g_test_add_func ("/partner-client/key-normalisation", test_key_normalisation);

  return g_test_run ();
}

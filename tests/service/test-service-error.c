/* test-service-error.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-service-error-private.h"

/* What the user is told for an answer that is not a success, for each of
 * the service's error-body shapes (partner-center-api.md §11) and for
 * bodies that follow none of them. No network: the client hands every
 * such answer to _onramp_service_error_new_from_reply(). */
static void
test_error_bodies (void)
{
  static const struct {
    guint status;
    const char *body;
    OnrampServiceErrorCode code;
    const char *service_code;
    const char *description;
  } cases[] = {
    { 400, "{\"code\": \"27002\", \"description\": \"StateInvalid\", \"data\": [], \"source\": \"PartnerFD\"}",
      ONRAMP_SERVICE_ERROR_FAILED, "27002", "StateInvalid" },
    { 400, "{\"code\": 2002, \"description\": \"Quantity out of range\"}",
      ONRAMP_SERVICE_ERROR_FAILED, "2002", "Quantity out of range" },
    { 409, "{\"code\": 600061, \"message\": \"Already confirmed\", \"errorName\": \"AgreementExists\"}",
      ONRAMP_SERVICE_ERROR_FAILED, "600061", "Already confirmed" },
    { 400, "{\"code\": 600002, \"errorName\": \"RegistrationNumberRequired\"}",
      ONRAMP_SERVICE_ERROR_FAILED, "600002", "RegistrationNumberRequired" },
    { 429, "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded.\"}",
      ONRAMP_SERVICE_ERROR_THROTTLED, "429", "Rate limit is exceeded." },
    { 404, "{\"Code\": \"1000\", \"Description\": \"Not found\"}",
      ONRAMP_SERVICE_ERROR_NOT_FOUND, "1000", "Not found" },
    { 403, "{\"code\": 900150, \"description\": \"No role\"}", ONRAMP_SERVICE_ERROR_FORBIDDEN, "900150", "No role" },
    { 403, "{\"code\": \"13605\", \"description\": \"MCA not confirmed\"}",
      ONRAMP_SERVICE_ERROR_FAILED, "13605", "MCA not confirmed" },
    /* An empty code names nothing, so this 403 is about the role */
    { 403, "{\"code\": \"\", \"description\": \"\"}", ONRAMP_SERVICE_ERROR_FORBIDDEN, NULL, NULL },
    { 401, "", ONRAMP_SERVICE_ERROR_UNAUTHORIZED, NULL, NULL },
    { 502, "<html><body>Bad Gateway</body></html>", ONRAMP_SERVICE_ERROR_SERVER, NULL, NULL },
    { 400, "{\"code\": true, \"description\": 5, \"message\": [\"x\"]}", ONRAMP_SERVICE_ERROR_FAILED, NULL, NULL },
    /* Bodies json-glib alone would crash or leak on */
    { 400, "{\"code\": \"1\"} {\"code\": \"2\"}", ONRAMP_SERVICE_ERROR_FAILED, NULL, NULL },
    { 400, "{\"code\": \"1\", \"description\": \"\\ud800\"}", ONRAMP_SERVICE_ERROR_FAILED, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %u %s", i, cases[i].status, cases[i].body);
      error = _onramp_service_error_new_from_reply (cases[i].status, cases[i].body, strlen (cases[i].body),
                                                    "request", "correlation");
      g_assert_error (error, ONRAMP_SERVICE_ERROR, (gint)cases[i].code);
      g_assert_cmpstr (onramp_service_error_get_service_code (error), ==, cases[i].service_code);
      g_assert_cmpstr (onramp_service_error_get_description (error), ==, cases[i].description);
      g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, cases[i].status);
      g_assert_cmpstr (onramp_service_error_get_request_id (error), ==, "request");
      g_assert_cmpstr (onramp_service_error_get_correlation_id (error), ==, "correlation");
      g_assert_true (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL));
      if (cases[i].code == ONRAMP_SERVICE_ERROR_FAILED && cases[i].description != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].description));
    }
}

/* Deeper than json-glib's recursion survives: a clear error, no crash */
static void
test_deep_body (void)
{
  GString *body = g_string_new ("{\"code\": \"1\", \"data\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (body, '[');
  for (guint i = 0; i < 500000; i++)
    g_string_append_c (body, ']');
  g_string_append_c (body, '}');

  error = _onramp_service_error_new_from_reply (500, body->str, body->len, NULL, NULL);
  g_assert_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_SERVER);
  g_assert_null (onramp_service_error_get_service_code (error));
  g_string_free (body, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-error/bodies", test_error_bodies);
  g_test_add_func ("/service-error/deep-body", test_deep_body);

  return g_test_run ();
}

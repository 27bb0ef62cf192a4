/* fuzz-error-body.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-error-body"

#include "config.h"

#include <stdlib.h>

#include <string.h>

#include "onramp-service-error-private.h"

/* libFuzzer target: the body of an answer that is not a success, in any of
 * the service's three error-body shapes (ApiFault {code, description},
 * {code, message, errorName}, the gateway's {statusCode, message}) or none,
 * read into an OnrampServiceError by the very function the client calls
 * (_onramp_service_error_new_from_reply()). The first two bytes pick the
 * HTTP status, so every classification is reached.
 *
 * Whatever the body, the error has a UTF-8 message for the user, keeps the
 * status and request ids it was given, names a code that matches the
 * status, and copies (as GTask and the UI do) without a leak.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const guint statuses[] = { 400, 401, 403, 404, 409, 429, 500, 502, 503, 504 };

static void
assert_code_matches_status (const GError *error,
                            guint         status)
{
  switch (status)
    {
    case 401:
      g_assert (error->code == ONRAMP_SERVICE_ERROR_UNAUTHORIZED);
      break;
    case 403:
      g_assert (error->code == ONRAMP_SERVICE_ERROR_FORBIDDEN || error->code == ONRAMP_SERVICE_ERROR_FAILED);
      break;
    case 404:
      g_assert (error->code == ONRAMP_SERVICE_ERROR_NOT_FOUND);
      break;
    case 429:
      g_assert (error->code == ONRAMP_SERVICE_ERROR_THROTTLED);
      break;
    default:
      g_assert (error->code == (status >= 500 ? ONRAMP_SERVICE_ERROR_SERVER : ONRAMP_SERVICE_ERROR_FAILED));
      break;
    }
}

static void
assert_readable (const char *text)
{
  g_assert (text == NULL || (text[0] != '\0' && g_utf8_validate (text, -1, NULL)));
}

/* GLib stops a fatal warning or critical with a breakpoint (SIGTRAP), which
 * libFuzzer does not catch: it would lose the input. Abort instead, so the
 * input is written out as a crash. */
static GLogWriterOutput
abort_on_warning_cb (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  GLogWriterOutput output;

  /* Debug messages would only slow the fuzzer down */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  output = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return output;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  guint status = 400;

  static gsize logging = 0;

  if (g_once_init_enter (&logging))
    {
      g_log_set_writer_func (abort_on_warning_cb, NULL, NULL);
      g_once_init_leave (&logging, 1);
    }
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (size >= 2)
    {
      status = data[0] < G_N_ELEMENTS (statuses) ? statuses[data[0]] : 400 + data[1] % 200;
      data += 2;
      size -= 2;
    }

  error = _onramp_service_error_new_from_reply (status, (const char *)data, size, "request-id", "correlation-id");

  g_assert (error->domain == ONRAMP_SERVICE_ERROR);
  assert_code_matches_status (error, status);
  g_assert (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (onramp_service_error_get_http_status (error), ==, status);
  g_assert_cmpstr (onramp_service_error_get_request_id (error), ==, "request-id");
  g_assert_cmpstr (onramp_service_error_get_correlation_id (error), ==, "correlation-id");
  assert_readable (onramp_service_error_get_service_code (error));
  assert_readable (onramp_service_error_get_description (error));

  /* A description from the body reaches the user only inside the message */
  if (onramp_service_error_get_description (error) != NULL && error->code == ONRAMP_SERVICE_ERROR_FAILED)
    g_assert (strstr (error->message, onramp_service_error_get_description (error)) != NULL);

  copy = g_error_copy (error);
  g_assert_cmpstr (copy->message, ==, error->message);
  g_assert_cmpstr (onramp_service_error_get_service_code (copy), ==, onramp_service_error_get_service_code (error));
  g_assert_cmpstr (onramp_service_error_get_description (copy), ==, onramp_service_error_get_description (error));

  return 0;
}

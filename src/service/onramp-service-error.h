/* onramp-service-error.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ONRAMP_SERVICE_ERROR (onramp_service_error_quark ())

/**
 * OnrampServiceErrorCode:
 * @ONRAMP_SERVICE_ERROR_FAILED: Partner Center refused the request; the
 *   service code and description say why
 * @ONRAMP_SERVICE_ERROR_UNAUTHORIZED: 401: the user must sign in again
 * @ONRAMP_SERVICE_ERROR_FORBIDDEN: 403 for lack of a Partner Center role
 * @ONRAMP_SERVICE_ERROR_NOT_FOUND: 404
 * @ONRAMP_SERVICE_ERROR_THROTTLED: still 429 after waiting and retrying
 * @ONRAMP_SERVICE_ERROR_SERVER: still 5xx after retrying
 * @ONRAMP_SERVICE_ERROR_NETWORK: no answer: unreachable, timed out, dropped
 * @ONRAMP_SERVICE_ERROR_TLS: the server's certificate was not accepted
 * @ONRAMP_SERVICE_ERROR_INVALID_REPLY: an answer that cannot be read
 * @ONRAMP_SERVICE_ERROR_INVALID_URL: not https, and not loopback either
 * @ONRAMP_SERVICE_ERROR_UNSUPPORTED: the call does not exist in this cloud
 *
 * Errors of the Partner Center client. Each carries, beyond its translated
 * message, the HTTP status, the service's code and description, and the
 * MS-RequestId and MS-CorrelationId to quote in a support ticket.
 */
typedef enum
{
  ONRAMP_SERVICE_ERROR_FAILED,
  ONRAMP_SERVICE_ERROR_UNAUTHORIZED,
  ONRAMP_SERVICE_ERROR_FORBIDDEN,
  ONRAMP_SERVICE_ERROR_NOT_FOUND,
  ONRAMP_SERVICE_ERROR_THROTTLED,
  ONRAMP_SERVICE_ERROR_SERVER,
  ONRAMP_SERVICE_ERROR_NETWORK,
  ONRAMP_SERVICE_ERROR_TLS,
  ONRAMP_SERVICE_ERROR_INVALID_REPLY,
  ONRAMP_SERVICE_ERROR_INVALID_URL,
  ONRAMP_SERVICE_ERROR_UNSUPPORTED,
} OnrampServiceErrorCode;

GQuark      onramp_service_error_quark              (void);
guint       onramp_service_error_get_http_status    (const GError *error);
const char *onramp_service_error_get_service_code   (const GError *error);
const char *onramp_service_error_get_description    (const GError *error);
const char *onramp_service_error_get_request_id     (const GError *error);
const char *onramp_service_error_get_correlation_id (const GError *error);

G_END_DECLS

/* onramp-service-error.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-service-error"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-partner-json.h"
#include "onramp-service-error-private.h"

typedef struct
{
  guint  http_status;
  char  *service_code;
  char  *description;
  char  *request_id;
  char  *correlation_id;
} OnrampServiceErrorPrivate;

static void
onramp_service_error_private_init (OnrampServiceErrorPrivate *priv)
{
}

static void
onramp_service_error_private_copy (const OnrampServiceErrorPrivate *src,
                                   OnrampServiceErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->service_code = g_strdup (src->service_code);
  dest->description = g_strdup (src->description);
  dest->request_id = g_strdup (src->request_id);
  dest->correlation_id = g_strdup (src->correlation_id);
}

static void
onramp_service_error_private_clear (OnrampServiceErrorPrivate *priv)
{
  g_clear_pointer (&priv->service_code, g_free);
  g_clear_pointer (&priv->description, g_free);
  g_clear_pointer (&priv->request_id, g_free);
  g_clear_pointer (&priv->correlation_id, g_free);
}

G_DEFINE_EXTENDED_ERROR (OnrampServiceError, onramp_service_error)

GError *
_onramp_service_error_new (OnrampServiceErrorCode  code,
                           const char             *message,
                           guint                   http_status,
                           const char             *service_code,
                           const char             *description,
                           const char             *request_id,
                           const char             *correlation_id)
{
  GError *error = g_error_new_literal (ONRAMP_SERVICE_ERROR, code, message);
  OnrampServiceErrorPrivate *priv = onramp_service_error_get_private (error);

  priv->http_status = http_status;
  priv->service_code = g_strdup (service_code);
  priv->description = g_strdup (description);
  priv->request_id = g_strdup (request_id);
  priv->correlation_id = g_strdup (correlation_id);

  return error;
}

/* The error-body shapes of §11: ApiFault {code, description}, the
 * "errorName" shape {code, message, errorName} and the gateway's
 * {statusCode, message}. Any may be missing or not JSON at all. */
static void
onramp_partner_parse_fault (const char  *data,
                            gsize        length,
                            char       **service_code,
                            char       **description)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *fault;
  JsonNode *code;

  if (data == NULL || length == 0)
    return;

  root = onramp_partner_json_parse (data, length, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  fault = json_node_get_object (root);
  code = json_object_get_member (fault, "code");
  if (code == NULL)
    code = json_object_get_member (fault, "statusCode");
  /* An empty code names nothing: a 403 without one is about the role */
  if (code != NULL && json_node_get_value_type (code) == G_TYPE_STRING && json_node_get_string (code)[0] != '\0')
    *service_code = g_strdup (json_node_get_string (code));
  else if (code != NULL && json_node_get_value_type (code) == G_TYPE_INT64)
    *service_code = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (code));

  for (guint i = 0; i < 3 && *description == NULL; i++)
    {
      const char *names[] = { "description", "message", "errorName" };
      JsonNode *node = json_object_get_member (fault, names[i]);

      if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING && json_node_get_string (node)[0] != '\0')
        *description = g_strdup (json_node_get_string (node));
    }
}

/* A 403 means a missing role unless the service names another cause, such
 * as 13605 (the MCA is not confirmed) */
static gboolean
onramp_partner_is_role_error (const char *service_code)
{
  static const char * const role_codes[] = { "900150", "2032", "403", NULL };

  return service_code == NULL || g_strv_contains (role_codes, service_code);
}

static OnrampServiceErrorCode
onramp_partner_classify (guint       status,
                         const char *service_code)
{
  if (status == 401)
    return ONRAMP_SERVICE_ERROR_UNAUTHORIZED;
  if (status == 403 && onramp_partner_is_role_error (service_code))
    return ONRAMP_SERVICE_ERROR_FORBIDDEN;
  if (status == 404)
    return ONRAMP_SERVICE_ERROR_NOT_FOUND;
  if (status == 429)
    return ONRAMP_SERVICE_ERROR_THROTTLED;
  if (status >= 500)
    return ONRAMP_SERVICE_ERROR_SERVER;

  return ONRAMP_SERVICE_ERROR_FAILED;
}

static char *
onramp_partner_error_message (OnrampServiceErrorCode  code,
                              guint                   status,
                              const char             *description)
{
  switch (code)
    {
    case ONRAMP_SERVICE_ERROR_UNAUTHORIZED:
      return g_strdup (_("Partner Center did not accept your sign-in. Sign in again."));
    case ONRAMP_SERVICE_ERROR_FORBIDDEN:
      return g_strdup (_("Your Partner Center account may not do this. Adding customers needs one of these roles: "
                         "Global admin, User management admin, Admin agent or Sales agent."));
    case ONRAMP_SERVICE_ERROR_THROTTLED:
      return g_strdup (_("Partner Center is busy. Wait a minute and try again."));
    case ONRAMP_SERVICE_ERROR_SERVER:
      return g_strdup (_("Partner Center is not working right now. Try again later."));
    case ONRAMP_SERVICE_ERROR_NOT_FOUND:
    case ONRAMP_SERVICE_ERROR_FAILED:
    case ONRAMP_SERVICE_ERROR_NETWORK:
    case ONRAMP_SERVICE_ERROR_TLS:
    case ONRAMP_SERVICE_ERROR_INVALID_REPLY:
    case ONRAMP_SERVICE_ERROR_INVALID_URL:
    case ONRAMP_SERVICE_ERROR_UNSUPPORTED:
    default:
      if (description != NULL)
        /* Translators: %s is Partner Center's own explanation, in English */
        return g_strdup_printf (_("Partner Center refused the request: %s"), description);
      /* Translators: %u is an HTTP status code such as 400 */
      return g_strdup_printf (_("Partner Center refused the request (HTTP status %u)."), status);
    }
}

/**
 * _onramp_service_error_new_from_reply:
 * @status: the answer's HTTP status, 400 or more
 * @body: (nullable): its body, as the server sent it: it may be anything
 * @length: the length of @body
 * @request_id: (nullable): the MS-RequestId of the call
 * @correlation_id: (nullable): its MS-CorrelationId
 *
 * The error for an answer that is not a success, read from its status and
 * whichever error-body shape it has. No network involved: the client
 * calls it, and so does tests/fuzz/fuzz-error-body.c.
 *
 * Returns: (transfer full): an %ONRAMP_SERVICE_ERROR
 */
GError *
_onramp_service_error_new_from_reply (guint       status,
                                      const char *body,
                                      gsize       length,
                                      const char *request_id,
                                      const char *correlation_id)
{
  g_autofree char *service_code = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  OnrampServiceErrorCode code;

  onramp_partner_parse_fault (body, length, &service_code, &description);
  code = onramp_partner_classify (status, service_code);
  message = onramp_partner_error_message (code, status, description);

  return _onramp_service_error_new (code, message, status, service_code, description,
                                    request_id, correlation_id);
}

static OnrampServiceErrorPrivate *
onramp_service_error_lookup (const GError *error)
{
  if (error == NULL || error->domain != ONRAMP_SERVICE_ERROR)
    return NULL;

  return onramp_service_error_get_private (error);
}

/**
 * onramp_service_error_get_http_status:
 *
 * Returns: the HTTP status of the answer, or 0 when there was none
 */
guint
onramp_service_error_get_http_status (const GError *error)
{
  OnrampServiceErrorPrivate *priv = onramp_service_error_lookup (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * onramp_service_error_get_service_code:
 *
 * Returns: (nullable): Partner Center's own code, such as "600061"
 */
const char *
onramp_service_error_get_service_code (const GError *error)
{
  OnrampServiceErrorPrivate *priv = onramp_service_error_lookup (error);

  return priv != NULL ? priv->service_code : NULL;
}

/**
 * onramp_service_error_get_description:
 *
 * Returns: (nullable): Partner Center's description, untranslated
 */
const char *
onramp_service_error_get_description (const GError *error)
{
  OnrampServiceErrorPrivate *priv = onramp_service_error_lookup (error);

  return priv != NULL ? priv->description : NULL;
}

const char *
onramp_service_error_get_request_id (const GError *error)
{
  OnrampServiceErrorPrivate *priv = onramp_service_error_lookup (error);

  return priv != NULL ? priv->request_id : NULL;
}

const char *
onramp_service_error_get_correlation_id (const GError *error)
{
  OnrampServiceErrorPrivate *priv = onramp_service_error_lookup (error);

  return priv != NULL ? priv->correlation_id : NULL;
}

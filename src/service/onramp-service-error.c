/* onramp-service-error.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-service-error"

#include "config.h"

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

/* onramp-service-error-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-service-error.h"

G_BEGIN_DECLS

GError *_onramp_service_error_new (OnrampServiceErrorCode  code,
                                   const char             *message,
                                   guint                   http_status,
                                   const char             *service_code,
                                   const char             *description,
                                   const char             *request_id,
                                   const char             *correlation_id);

GError *_onramp_service_error_new_from_reply (guint                   status,
                                              const char             *body,
                                              gsize                   length,
                                              const char             *request_id,
                                              const char             *correlation_id);

G_END_DECLS

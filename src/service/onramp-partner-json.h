/* onramp-partner-json.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * OnrampAddressStatus:
 *
 * The status of an address validation (partner-center-api.md §4).
 * %ONRAMP_ADDRESS_STATUS_UNKNOWN stands for a value this version does
 * not know: treat it like %ONRAMP_ADDRESS_STATUS_NOT_VALIDATED.
 */
typedef enum
{
  ONRAMP_ADDRESS_STATUS_UNKNOWN,
  ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE,
  ONRAMP_ADDRESS_STATUS_VERIFIED,
  ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED,
  ONRAMP_ADDRESS_STATUS_STREET_PARTIAL,
  ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL,
  ONRAMP_ADDRESS_STATUS_MULTIPLE,
  ONRAMP_ADDRESS_STATUS_NONE,
  ONRAMP_ADDRESS_STATUS_NOT_VALIDATED,
} OnrampAddressStatus;

/**
 * OnrampAccountStatus:
 *
 * A customer's account verification status (§13). NOT_FOUND is the
 * documented 404/600074: no status exists yet.
 */
typedef enum
{
  ONRAMP_ACCOUNT_STATUS_UNKNOWN,
  ONRAMP_ACCOUNT_STATUS_ALLOWED,
  ONRAMP_ACCOUNT_STATUS_UNDER_REVIEW,
  ONRAMP_ACCOUNT_STATUS_NOT_ALLOWED,
  ONRAMP_ACCOUNT_STATUS_NOT_READY,
  ONRAMP_ACCOUNT_STATUS_NOT_FOUND,
} OnrampAccountStatus;

char                *onramp_partner_json_camel_key     (const char *key);
JsonNode            *onramp_partner_json_normalize     (JsonNode   *node);
JsonNode            *onramp_partner_json_parse         (const char *data,
                                                        gsize       length,
                                                        GError    **error);
const char          *onramp_partner_json_get_string    (JsonObject *object,
                                                        const char *name);
gboolean             onramp_partner_enum_equal         (const char *wire,
                                                        const char *name);
OnrampAddressStatus  onramp_address_status_from_string (const char *text);
OnrampAccountStatus  onramp_account_status_from_string (const char *text);

G_END_DECLS

/* onramp-customer.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onramp-line-item.h"

G_BEGIN_DECLS

/**
 * OnrampField:
 *
 * The text fields of a customer record, in the order of the Account info
 * page. Each one has a GObject property, a JSON Pointer into the Partner
 * Center wire form, and a length limit (see onramp-customer.c).
 */
typedef enum
{
  ONRAMP_FIELD_COMPANY_NAME,
  ONRAMP_FIELD_DOMAIN_PREFIX,
  ONRAMP_FIELD_COUNTRY,
  ONRAMP_FIELD_ADDRESS_LINE1,
  ONRAMP_FIELD_ADDRESS_LINE2,
  ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE,
  ONRAMP_FIELD_POSTAL_CODE,
  ONRAMP_FIELD_FIRST_NAME,
  ONRAMP_FIELD_MIDDLE_NAME,
  ONRAMP_FIELD_LAST_NAME,
  ONRAMP_FIELD_EMAIL,
  ONRAMP_FIELD_PHONE_NUMBER,
  ONRAMP_FIELD_REGISTRATION_NUMBER,
  ONRAMP_FIELD_CULTURE,
  ONRAMP_FIELD_LANGUAGE,
  ONRAMP_FIELD_AGREEMENT_DATE,
  ONRAMP_FIELD_AGREEMENT_FIRST_NAME,
  ONRAMP_FIELD_AGREEMENT_LAST_NAME,
  ONRAMP_FIELD_AGREEMENT_EMAIL,
  ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER,
  ONRAMP_FIELD_ASSOCIATED_PARTNER_ID,
  ONRAMP_N_FIELDS,
  ONRAMP_FIELD_NONE = ONRAMP_N_FIELDS,
} OnrampField;

#define ONRAMP_TYPE_CUSTOMER (onramp_customer_get_type ())

G_DECLARE_FINAL_TYPE (OnrampCustomer, onramp_customer, ONRAMP, CUSTOMER, GObject)

OnrampCustomer *onramp_customer_new                (void);
OnrampCustomer *onramp_customer_copy               (OnrampCustomer *self);
gboolean        onramp_customer_equal              (OnrampCustomer *a,
                                                    OnrampCustomer *b);
const char     *onramp_customer_get_field          (OnrampCustomer *self,
                                                    OnrampField     field);
void            onramp_customer_set_field          (OnrampCustomer *self,
                                                    OnrampField     field,
                                                    const char     *value);
gboolean        onramp_customer_get_agreement_accepted (OnrampCustomer *self);
void            onramp_customer_set_agreement_accepted (OnrampCustomer *self,
                                                        gboolean        accepted);
GListModel     *onramp_customer_get_line_items     (OnrampCustomer *self);

const char     *onramp_field_get_property_name     (OnrampField     field);
const char     *onramp_field_get_pointer           (OnrampField     field);
guint           onramp_field_get_max_length        (OnrampField     field);
OnrampField     onramp_field_from_property_name    (const char     *name);

G_END_DECLS

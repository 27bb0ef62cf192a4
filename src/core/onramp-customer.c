/* onramp-customer.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-customer"

#include "config.h"

#include <string.h>

#include "onramp-customer.h"

/* One row per text field. The table is the single place that ties a field to
 * its property name, its place in the wire JSON and its length limit, so the
 * wire code, the validator and the pages all agree. Limits are the service's
 * (partner-center-api.md §1, peers.md A1).
 */
typedef struct
{
  const char *property;
  const char *pointer;
  guint       max_length;
} FieldInfo;

static const FieldInfo fields[ONRAMP_N_FIELDS] = {
  [ONRAMP_FIELD_COMPANY_NAME] = { "company-name", "/billingProfile/companyName", 255 },
  [ONRAMP_FIELD_DOMAIN_PREFIX] = { "domain-prefix", "/companyProfile/domain", 27 },
  [ONRAMP_FIELD_COUNTRY] = { "country", "/billingProfile/defaultAddress/country", 2 },
  [ONRAMP_FIELD_ADDRESS_LINE1] = { "address-line1", "/billingProfile/defaultAddress/addressLine1", 200 },
  [ONRAMP_FIELD_ADDRESS_LINE2] = { "address-line2", "/billingProfile/defaultAddress/addressLine2", 200 },
  [ONRAMP_FIELD_CITY] = { "city", "/billingProfile/defaultAddress/city", 100 },
  [ONRAMP_FIELD_STATE] = { "state", "/billingProfile/defaultAddress/state", 100 },
  [ONRAMP_FIELD_POSTAL_CODE] = { "postal-code", "/billingProfile/defaultAddress/postalCode", 20 },
  [ONRAMP_FIELD_FIRST_NAME] = { "first-name", "/billingProfile/defaultAddress/firstName", 40 },
  [ONRAMP_FIELD_MIDDLE_NAME] = { "middle-name", "/billingProfile/defaultAddress/middleName", 40 },
  [ONRAMP_FIELD_LAST_NAME] = { "last-name", "/billingProfile/defaultAddress/lastName", 40 },
  [ONRAMP_FIELD_EMAIL] = { "email", "/billingProfile/email", 254 },
  [ONRAMP_FIELD_PHONE_NUMBER] = { "phone-number", "/billingProfile/defaultAddress/phoneNumber", 32 },
  [ONRAMP_FIELD_REGISTRATION_NUMBER] = { "registration-number", "/companyProfile/organizationRegistrationNumber", 64 },
  [ONRAMP_FIELD_CULTURE] = { "culture", "/billingProfile/culture", 16 },
  [ONRAMP_FIELD_LANGUAGE] = { "language", "/billingProfile/language", 16 },
  [ONRAMP_FIELD_AGREEMENT_DATE] = { "agreement-date", "/agreement/dateAgreed", 32 },
  [ONRAMP_FIELD_AGREEMENT_FIRST_NAME] = { "agreement-first-name", "/agreement/primaryContact/firstName", 40 },
  [ONRAMP_FIELD_AGREEMENT_LAST_NAME] = { "agreement-last-name", "/agreement/primaryContact/lastName", 40 },
  [ONRAMP_FIELD_AGREEMENT_EMAIL] = { "agreement-email", "/agreement/primaryContact/email", 254 },
  [ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER] = { "agreement-phone-number", "/agreement/primaryContact/phoneNumber", 32 },
  [ONRAMP_FIELD_ASSOCIATED_PARTNER_ID] = { "associated-partner-id", "/associatedPartnerId", 64 },
};

struct _OnrampCustomer
{
  GObject     parent_instance;

  char       *values[ONRAMP_N_FIELDS];
  gboolean    agreement_accepted;
  GListStore *line_items;
};

G_DEFINE_FINAL_TYPE (OnrampCustomer, onramp_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  /* PROP_1 .. PROP_N_FIELDS are the text fields, in OnrampField order */
  PROP_AGREEMENT_ACCEPTED = ONRAMP_N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_customer_finalize (GObject *object)
{
  OnrampCustomer *self = (OnrampCustomer *)object;

  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    g_free (self->values[i]);
  g_clear_object (&self->line_items);

  G_OBJECT_CLASS (onramp_customer_parent_class)->finalize (object);
}

static void
onramp_customer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OnrampCustomer *self = ONRAMP_CUSTOMER (object);

  if (prop_id >= 1 && prop_id <= ONRAMP_N_FIELDS)
    g_value_set_string (value, onramp_customer_get_field (self, prop_id - 1));
  else if (prop_id == PROP_AGREEMENT_ACCEPTED)
    g_value_set_boolean (value, self->agreement_accepted);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
onramp_customer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  OnrampCustomer *self = ONRAMP_CUSTOMER (object);

  if (prop_id >= 1 && prop_id <= ONRAMP_N_FIELDS)
    onramp_customer_set_field (self, prop_id - 1, g_value_get_string (value));
  else if (prop_id == PROP_AGREEMENT_ACCEPTED)
    onramp_customer_set_agreement_accepted (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
onramp_customer_class_init (OnrampCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_customer_finalize;
  object_class->get_property = onramp_customer_get_property;
  object_class->set_property = onramp_customer_set_property;

  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    properties[i + 1] =
      g_param_spec_string (fields[i].property, NULL, NULL, "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AGREEMENT_ACCEPTED] =
    g_param_spec_boolean ("agreement-accepted", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_customer_init (OnrampCustomer *self)
{
  self->line_items = g_list_store_new (ONRAMP_TYPE_LINE_ITEM);
}

OnrampCustomer *
onramp_customer_new (void)
{
  return g_object_new (ONRAMP_TYPE_CUSTOMER, NULL);
}

/**
 * onramp_customer_get_field:
 *
 * Returns: (transfer none): the field's text, never %NULL (an unset field
 *   is the empty string, so callers need not tell the two apart).
 */
const char *
onramp_customer_get_field (OnrampCustomer *self,
                           OnrampField     field)
{
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (self), "");
  g_return_val_if_fail (field < ONRAMP_N_FIELDS, "");

  return self->values[field] ? self->values[field] : "";
}

void
onramp_customer_set_field (OnrampCustomer *self,
                           OnrampField     field,
                           const char     *value)
{
  g_return_if_fail (ONRAMP_IS_CUSTOMER (self));
  g_return_if_fail (field < ONRAMP_N_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (self->values[field], value) == 0)
    return;

  g_free (self->values[field]);
  self->values[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[field + 1]);
}

gboolean
onramp_customer_get_agreement_accepted (OnrampCustomer *self)
{
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (self), FALSE);

  return self->agreement_accepted;
}

void
onramp_customer_set_agreement_accepted (OnrampCustomer *self,
                                        gboolean        accepted)
{
  g_return_if_fail (ONRAMP_IS_CUSTOMER (self));

  accepted = !!accepted;
  if (self->agreement_accepted == accepted)
    return;

  self->agreement_accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_ACCEPTED]);
}

/**
 * onramp_customer_get_line_items:
 *
 * The subscriptions in the customer's cart. The record owns the list;
 * add, remove and reorder items through it (it is a #GListStore of
 * #OnrampLineItem) and watch #GListModel::items-changed and each item's
 * notify signals.
 *
 * Returns: (transfer none): a #GListModel of #OnrampLineItem
 */
GListModel *
onramp_customer_get_line_items (OnrampCustomer *self)
{
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (self), NULL);

  return G_LIST_MODEL (self->line_items);
}

/**
 * onramp_customer_copy:
 *
 * Returns: (transfer full): a new record with the same values.
 */
OnrampCustomer *
onramp_customer_copy (OnrampCustomer *self)
{
  OnrampCustomer *copy;
  guint n_items;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (self), NULL);

  copy = onramp_customer_new ();
  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  copy->agreement_accepted = self->agreement_accepted;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->line_items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OnrampLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->line_items), i);
      g_autoptr(OnrampLineItem) item_copy = onramp_line_item_copy (item);

      g_list_store_append (copy->line_items, item_copy);
    }

  return copy;
}

static gboolean
line_items_equal (GListModel *a,
                  GListModel *b)
{
  guint n_items = g_list_model_get_n_items (a);

  if (n_items != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OnrampLineItem) item_a = g_list_model_get_item (a, i);
      g_autoptr(OnrampLineItem) item_b = g_list_model_get_item (b, i);

      if (!onramp_line_item_equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

gboolean
onramp_customer_equal (OnrampCustomer *a,
                       OnrampCustomer *b)
{
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (a), FALSE);
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (b), FALSE);

  if (a->agreement_accepted != b->agreement_accepted)
    return FALSE;

  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    {
      if (g_strcmp0 (a->values[i], b->values[i]) != 0)
        return FALSE;
    }

  return line_items_equal (G_LIST_MODEL (a->line_items), G_LIST_MODEL (b->line_items));
}

const char *
onramp_field_get_property_name (OnrampField field)
{
  g_return_val_if_fail (field < ONRAMP_N_FIELDS, NULL);

  return fields[field].property;
}

/**
 * onramp_field_get_pointer:
 *
 * Returns: the JSON Pointer of @field in the Partner Center wire form,
 *   e.g. `/billingProfile/companyName`.
 */
const char *
onramp_field_get_pointer (OnrampField field)
{
  g_return_val_if_fail (field < ONRAMP_N_FIELDS, NULL);

  return fields[field].pointer;
}

guint
onramp_field_get_max_length (OnrampField field)
{
  g_return_val_if_fail (field < ONRAMP_N_FIELDS, 0);

  return fields[field].max_length;
}

OnrampField
onramp_field_from_property_name (const char *name)
{
  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    {
      if (g_strcmp0 (fields[i].property, name) == 0)
        return i;
    }

  return ONRAMP_FIELD_NONE;
}

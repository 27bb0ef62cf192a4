/* onramp-line-item.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-line-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onramp-issue.h"
#include "onramp-line-item.h"

/* One subscription in the customer's cart: a catalog item (product, SKU and
 * availability, partner-center-api.md §6b) with the license quantity the
 * agent chose, the limits the catalog gave for it, and its billing terms.
 * The limits travel with the item so a draft can be checked offline.
 */
struct _OnrampLineItem
{
  GObject   parent_instance;

  char     *catalog_item_id;
  char     *product_id;
  char     *sku_id;
  char     *title;
  char     *billing_cycle;
  char     *term_duration;
  guint     quantity;
  guint     minimum_quantity;
  guint     maximum_quantity;
  gboolean  available;
};

G_DEFINE_FINAL_TYPE (OnrampLineItem, onramp_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG_ITEM_ID,
  PROP_PRODUCT_ID,
  PROP_SKU_ID,
  PROP_TITLE,
  PROP_BILLING_CYCLE,
  PROP_TERM_DURATION,
  PROP_QUANTITY,
  PROP_MINIMUM_QUANTITY,
  PROP_MAXIMUM_QUANTITY,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_line_item_finalize (GObject *object)
{
  OnrampLineItem *self = (OnrampLineItem *)object;

  g_free (self->catalog_item_id);
  g_free (self->product_id);
  g_free (self->sku_id);
  g_free (self->title);
  g_free (self->billing_cycle);
  g_free (self->term_duration);

  G_OBJECT_CLASS (onramp_line_item_parent_class)->finalize (object);
}

static void
onramp_line_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OnrampLineItem *self = ONRAMP_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CATALOG_ITEM_ID:
      g_value_set_string (value, onramp_line_item_get_catalog_item_id (self));
      break;

    case PROP_PRODUCT_ID:
      g_value_set_string (value, onramp_line_item_get_product_id (self));
      break;

    case PROP_SKU_ID:
      g_value_set_string (value, onramp_line_item_get_sku_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, onramp_line_item_get_title (self));
      break;

    case PROP_BILLING_CYCLE:
      g_value_set_string (value, onramp_line_item_get_billing_cycle (self));
      break;

    case PROP_TERM_DURATION:
      g_value_set_string (value, onramp_line_item_get_term_duration (self));
      break;

    case PROP_QUANTITY:
      g_value_set_uint (value, self->quantity);
      break;

    case PROP_MINIMUM_QUANTITY:
      g_value_set_uint (value, self->minimum_quantity);
      break;

    case PROP_MAXIMUM_QUANTITY:
      g_value_set_uint (value, self->maximum_quantity);
      break;

    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_line_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OnrampLineItem *self = ONRAMP_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CATALOG_ITEM_ID:
      onramp_line_item_set_catalog_item_id (self, g_value_get_string (value));
      break;

    case PROP_PRODUCT_ID:
      onramp_line_item_set_product_id (self, g_value_get_string (value));
      break;

    case PROP_SKU_ID:
      onramp_line_item_set_sku_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      onramp_line_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_BILLING_CYCLE:
      onramp_line_item_set_billing_cycle (self, g_value_get_string (value));
      break;

    case PROP_TERM_DURATION:
      onramp_line_item_set_term_duration (self, g_value_get_string (value));
      break;

    case PROP_QUANTITY:
      onramp_line_item_set_quantity (self, g_value_get_uint (value));
      break;

    case PROP_MINIMUM_QUANTITY:
      onramp_line_item_set_minimum_quantity (self, g_value_get_uint (value));
      break;

    case PROP_MAXIMUM_QUANTITY:
      onramp_line_item_set_maximum_quantity (self, g_value_get_uint (value));
      break;

    case PROP_AVAILABLE:
      onramp_line_item_set_available (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
quantity_param (const char *name,
                guint       default_value)
{
  return g_param_spec_uint (name, NULL, NULL, 0, ONRAMP_LINE_ITEM_MAX_QUANTITY, default_value,
                            (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
onramp_line_item_class_init (OnrampLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_line_item_finalize;
  object_class->get_property = onramp_line_item_get_property;
  object_class->set_property = onramp_line_item_set_property;

  properties[PROP_CATALOG_ITEM_ID] = string_param ("catalog-item-id");
  properties[PROP_PRODUCT_ID] = string_param ("product-id");
  properties[PROP_SKU_ID] = string_param ("sku-id");
  properties[PROP_TITLE] = string_param ("title");
  properties[PROP_BILLING_CYCLE] = string_param ("billing-cycle");
  properties[PROP_TERM_DURATION] = string_param ("term-duration");
  properties[PROP_QUANTITY] = quantity_param ("quantity", 1);
  properties[PROP_MINIMUM_QUANTITY] = quantity_param ("minimum-quantity", 1);
  /* 0: the catalog gave no upper limit */
  properties[PROP_MAXIMUM_QUANTITY] = quantity_param ("maximum-quantity", 0);
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_line_item_init (OnrampLineItem *self)
{
  self->quantity = 1;
  self->minimum_quantity = 1;
  self->available = TRUE;
}

OnrampLineItem *
onramp_line_item_new (void)
{
  return g_object_new (ONRAMP_TYPE_LINE_ITEM, NULL);
}

/**
 * onramp_line_item_copy:
 *
 * Returns: (transfer full): a new line item with the same values.
 */
OnrampLineItem *
onramp_line_item_copy (OnrampLineItem *self)
{
  OnrampLineItem *copy;

  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), NULL);

  copy = onramp_line_item_new ();
  copy->catalog_item_id = g_strdup (self->catalog_item_id);
  copy->product_id = g_strdup (self->product_id);
  copy->sku_id = g_strdup (self->sku_id);
  copy->title = g_strdup (self->title);
  copy->billing_cycle = g_strdup (self->billing_cycle);
  copy->term_duration = g_strdup (self->term_duration);
  copy->quantity = self->quantity;
  copy->minimum_quantity = self->minimum_quantity;
  copy->maximum_quantity = self->maximum_quantity;
  copy->available = self->available;

  return copy;
}

gboolean
onramp_line_item_equal (OnrampLineItem *a,
                        OnrampLineItem *b)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (a), FALSE);
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (b), FALSE);

  return g_strcmp0 (a->catalog_item_id, b->catalog_item_id) == 0 &&
         g_strcmp0 (a->product_id, b->product_id) == 0 &&
         g_strcmp0 (a->sku_id, b->sku_id) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->billing_cycle, b->billing_cycle) == 0 &&
         g_strcmp0 (a->term_duration, b->term_duration) == 0 &&
         a->quantity == b->quantity &&
         a->minimum_quantity == b->minimum_quantity &&
         a->maximum_quantity == b->maximum_quantity &&
         a->available == b->available;
}

/* Empty and unset are one state, as in OnrampCustomer, so a cleared entry
 * and a never-touched one compare equal and notify the same way.
 */
static void
set_string (OnrampLineItem  *self,
            char           **slot,
            const char      *value,
            guint            prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (OnrampLineItem *self,
          guint          *slot,
          guint           value,
          guint           prop_id)
{
  if (*slot == value)
    return;

  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * onramp_line_item_get_catalog_item_id:
 *
 * Returns: the `productId:skuId:availabilityId` triple the cart needs, or ""
 */
const char *
onramp_line_item_get_catalog_item_id (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->catalog_item_id ? self->catalog_item_id : "";
}

void
onramp_line_item_set_catalog_item_id (OnrampLineItem *self,
                                      const char     *catalog_item_id)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->catalog_item_id, catalog_item_id, PROP_CATALOG_ITEM_ID);
}

const char *
onramp_line_item_get_product_id (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->product_id ? self->product_id : "";
}

void
onramp_line_item_set_product_id (OnrampLineItem *self,
                                 const char     *product_id)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->product_id, product_id, PROP_PRODUCT_ID);
}

const char *
onramp_line_item_get_sku_id (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->sku_id ? self->sku_id : "";
}

void
onramp_line_item_set_sku_id (OnrampLineItem *self,
                             const char     *sku_id)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->sku_id, sku_id, PROP_SKU_ID);
}

const char *
onramp_line_item_get_title (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->title ? self->title : "";
}

void
onramp_line_item_set_title (OnrampLineItem *self,
                            const char     *title)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * onramp_line_item_get_billing_cycle:
 *
 * Returns: the wire value, e.g. `monthly` or `annual`, or ""
 */
const char *
onramp_line_item_get_billing_cycle (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->billing_cycle ? self->billing_cycle : "";
}

void
onramp_line_item_set_billing_cycle (OnrampLineItem *self,
                                    const char     *billing_cycle)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->billing_cycle, billing_cycle, PROP_BILLING_CYCLE);
}

/**
 * onramp_line_item_get_term_duration:
 *
 * Returns: an ISO 8601 duration, e.g. `P1M` or `P1Y`, or ""
 */
const char *
onramp_line_item_get_term_duration (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), "");

  return self->term_duration ? self->term_duration : "";
}

void
onramp_line_item_set_term_duration (OnrampLineItem *self,
                                    const char     *term_duration)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  set_string (self, &self->term_duration, term_duration, PROP_TERM_DURATION);
}

guint
onramp_line_item_get_quantity (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), 0);

  return self->quantity;
}

void
onramp_line_item_set_quantity (OnrampLineItem *self,
                               guint           quantity)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));
  g_return_if_fail (quantity <= ONRAMP_LINE_ITEM_MAX_QUANTITY);

  set_uint (self, &self->quantity, quantity, PROP_QUANTITY);
}

guint
onramp_line_item_get_minimum_quantity (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), 0);

  return self->minimum_quantity;
}

void
onramp_line_item_set_minimum_quantity (OnrampLineItem *self,
                                       guint           minimum)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));
  g_return_if_fail (minimum <= ONRAMP_LINE_ITEM_MAX_QUANTITY);

  set_uint (self, &self->minimum_quantity, minimum, PROP_MINIMUM_QUANTITY);
}

/**
 * onramp_line_item_get_maximum_quantity:
 *
 * Returns: the largest quantity the catalog allows, or 0 when it gave none
 */
guint
onramp_line_item_get_maximum_quantity (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), 0);

  return self->maximum_quantity;
}

void
onramp_line_item_set_maximum_quantity (OnrampLineItem *self,
                                       guint           maximum)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));
  g_return_if_fail (maximum <= ONRAMP_LINE_ITEM_MAX_QUANTITY);

  set_uint (self, &self->maximum_quantity, maximum, PROP_MAXIMUM_QUANTITY);
}

/**
 * onramp_line_item_get_available:
 *
 * Returns: %FALSE when the catalog says the item cannot be bought (any more)
 */
gboolean
onramp_line_item_get_available (OnrampLineItem *self)
{
  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (self), FALSE);

  return self->available;
}

void
onramp_line_item_set_available (OnrampLineItem *self,
                                gboolean        available)
{
  g_return_if_fail (ONRAMP_IS_LINE_ITEM (self));

  available = !!available;
  if (self->available == available)
    return;

  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

/* What the agent sees in a message: the offer's title, else its catalog id,
 * else its place in the cart.
 */
static char *
dup_display_name (OnrampLineItem *self,
                  guint           position)
{
  if (self->title != NULL)
    return g_strdup (self->title);
  if (self->catalog_item_id != NULL)
    return g_strdup (self->catalog_item_id);

  /* Translators: %u is the subscription's place in the cart, from 1 */
  return g_strdup_printf (_("Subscription %u"), position + 1);
}

static void
check_quantity (OnrampLineItem *self,
                guint           position,
                GPtrArray      *issues)
{
  /* The service never accepts 0 licenses, whatever the catalog says */
  guint minimum = MAX (self->minimum_quantity, 1);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *pointer = NULL;
  guint nearest;

  if (self->quantity < minimum)
    {
      nearest = minimum;
      name = dup_display_name (self, position);
      /* Translators: %s is a subscription's name, %u the smallest license quantity it allows */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The quantity of “%s” must be at least %u license",
                                              "The quantity of “%s” must be at least %u licenses",
                                              nearest),
                                 name, nearest);
    }
  else if (self->maximum_quantity > 0 && self->quantity > self->maximum_quantity)
    {
      nearest = self->maximum_quantity;
      name = dup_display_name (self, position);
      /* Translators: %s is a subscription's name, %u the largest license quantity it allows */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The quantity of “%s” must be at most %u license",
                                              "The quantity of “%s” must be at most %u licenses",
                                              nearest),
                                 name, nearest);
    }
  else
    {
      return;
    }

  pointer = g_strdup_printf ("/cart/lineItems/%u/quantity", position);
  suggestion = g_strdup_printf ("%u", nearest);
  g_ptr_array_add (issues,
                   onramp_issue_new_for_pointer (pointer, ONRAMP_SEVERITY_ERROR,
                                                 "subscription.quantity-range",
                                                 message, suggestion));
}

static void
check_available (OnrampLineItem *self,
                 guint           position,
                 GPtrArray      *issues)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *pointer = NULL;

  if (self->available)
    return;

  name = dup_display_name (self, position);
  /* Translators: %s is a subscription's name */
  message = g_strdup_printf (_("“%s” can no longer be bought; remove it or choose another offer"), name);
  pointer = g_strdup_printf ("/cart/lineItems/%u", position);
  g_ptr_array_add (issues,
                   onramp_issue_new_for_pointer (pointer, ONRAMP_SEVERITY_ERROR,
                                                 "subscription.unavailable",
                                                 message, NULL));
}

/**
 * onramp_line_items_check:
 * @line_items: (element-type OnrampLineItem): the cart
 * @issues: (element-type OnrampIssue): where to add the issues found
 *
 * Checks each line item against the limits the catalog gave for it:
 * `subscription.unavailable` and `subscription.quantity-range`, with
 * pointers like `/cart/lineItems/2/quantity`.
 */
void
onramp_line_items_check (GListModel *line_items,
                         GPtrArray  *issues)
{
  guint n_items;

  g_return_if_fail (G_IS_LIST_MODEL (line_items));
  g_return_if_fail (issues != NULL);

  n_items = g_list_model_get_n_items (line_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OnrampLineItem) item = g_list_model_get_item (line_items, i);

      check_available (item, i, issues);
      check_quantity (item, i, issues);
    }
}

/**
 * onramp_license_range_to_label:
 * @minimum: the fewest licenses an offer takes
 * @maximum: the most licenses it takes
 *
 * The text that tells an agent how many licenses of an offer can be bought,
 * the same on the catalog's rows and on a chosen offer.
 *
 * Returns: (transfer full): "1 to 300 licenses", in the user's language
 */
char *
onramp_license_range_to_label (guint minimum,
                               guint maximum)
{
  /* Translators: the smallest and largest number of licenses of an offer;
   * the plural form follows the largest */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to %u license", "%u to %u licenses", maximum),
                          minimum, maximum);
}

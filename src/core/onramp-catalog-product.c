/* onramp-catalog-product.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-catalog-product"

#include "config.h"

#include <string.h>

#include "onramp-catalog-product.h"

/* One product of the current catalog (partner-center-api.md §6b). Its SKUs
 * and availabilities are fetched when someone picks it. The service gives
 * products no category, so the product family is read from the title
 * (the portal groups its catalog the same way). Immutable. */

struct _OnrampCatalogProduct
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  const char *category;
  char       *search_text;
};

G_DEFINE_FINAL_TYPE (OnrampCatalogProduct, onramp_catalog_product, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Product families by title; the first match wins, so longer names first */
static const struct
{
  const char *match;
  const char *category;
} families[] = {
  { "Microsoft 365", "Microsoft 365" },
  { "Office 365", "Office 365" },
  { "Exchange Online", "Exchange Online" },
  { "Microsoft Teams", "Microsoft Teams" },
  { "Dynamics 365", "Dynamics 365" },
  { "Power ", "Power Platform" },
  { "Windows", "Windows" },
  { "Microsoft Defender", "Security" },
  { "Microsoft Entra", "Security" },
  { "Microsoft Intune", "Security" },
  { "Microsoft Purview", "Security" },
  { "Project", "Project and Visio" },
  { "Visio", "Project and Visio" },
  { "Azure", "Azure" },
};

/**
 * onramp_catalog_category_from_title:
 *
 * Returns: (nullable): the product family of @title (a brand name, not
 *   translated), or %NULL when none fits
 */
const char *
onramp_catalog_category_from_title (const char *title)
{
  for (guint i = 0; title != NULL && i < G_N_ELEMENTS (families); i++)
    if (g_str_has_prefix (title, families[i].match))
      return families[i].category;

  return NULL;
}

static void
onramp_catalog_product_finalize (GObject *object)
{
  OnrampCatalogProduct *self = (OnrampCatalogProduct *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->search_text);

  G_OBJECT_CLASS (onramp_catalog_product_parent_class)->finalize (object);
}

static void
onramp_catalog_product_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OnrampCatalogProduct *self = ONRAMP_CATALOG_PRODUCT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_catalog_product_class_init (OnrampCatalogProductClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = onramp_catalog_product_finalize;
  object_class->get_property = onramp_catalog_product_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  /* What a search matches: title and product ID */
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_catalog_product_init (OnrampCatalogProduct *self)
{
}

/* Never complains about a missing member or one of another type: the
 * object comes from a server or a file */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * onramp_catalog_product_new_from_json:
 *
 * Returns: (transfer full) (nullable): the product, or %NULL when @object
 *   lacks an ID or a title
 */
OnrampCatalogProduct *
onramp_catalog_product_new_from_json (JsonObject *object)
{
  OnrampCatalogProduct *self;
  const char *id;
  const char *title;

  g_return_val_if_fail (object != NULL, NULL);

  id = get_string (object, "id");
  title = get_string (object, "title");
  if (id == NULL || *id == '\0' || title == NULL || *title == '\0')
    return NULL;

  self = g_object_new (ONRAMP_TYPE_CATALOG_PRODUCT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->category = onramp_catalog_category_from_title (title);
  self->search_text = g_strconcat (title, " ", id, NULL);

  return self;
}

const char *
onramp_catalog_product_get_id (OnrampCatalogProduct *self)
{
  g_return_val_if_fail (ONRAMP_IS_CATALOG_PRODUCT (self), NULL);

  return self->id;
}

const char *
onramp_catalog_product_get_title (OnrampCatalogProduct *self)
{
  g_return_val_if_fail (ONRAMP_IS_CATALOG_PRODUCT (self), NULL);

  return self->title;
}

/**
 * onramp_catalog_product_get_category:
 *
 * Returns: (nullable): the product family, %NULL when unknown
 */
const char *
onramp_catalog_product_get_category (OnrampCatalogProduct *self)
{
  g_return_val_if_fail (ONRAMP_IS_CATALOG_PRODUCT (self), NULL);

  return self->category;
}

const char *
onramp_catalog_product_get_search_text (OnrampCatalogProduct *self)
{
  g_return_val_if_fail (ONRAMP_IS_CATALOG_PRODUCT (self), NULL);

  return self->search_text;
}

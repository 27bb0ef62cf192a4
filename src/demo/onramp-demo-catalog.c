/* onramp-demo-catalog.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-catalog"

#include "config.h"

#include <string.h>

#include "onramp-demo-private.h"

/* The demo catalog (partner-center-api.md §6b): 300 OnlineServices products,
 * generated in code so every run and every test sees the same IDs.
 *
 * Product n has the ID CFQ7TTC0 plus n in four base-30 digits, 1 + n % 3
 * SKUs (0001…), and one availability per SKU. Quantities are 1…300,
 * 1…2500 or 1…10000 (trials 1…25). Every fifth product also sells a
 * three-year term billed triennially.
 */

typedef struct
{
  const char *category;
  gboolean    prefix;  /* whether names follow the category name */
  const char *names;   /* ';'-separated */
} OnrampDemoFamily;

static const OnrampDemoFamily families[] = {
  { "Microsoft 365", TRUE, "Business Basic;Business Standard;Business Premium;Apps for business;Apps for enterprise;E3;E5;F1;F3;Copilot" },
  { "Office 365", TRUE, "E1;E3;E5;F3;Extra File Storage;Advanced Threat Protection (Plan 1)" },
  { "Exchange Online", TRUE, "(Plan 1);(Plan 2);Kiosk;Archiving;Protection" },
  { "Microsoft Teams", TRUE, "Essentials;Premium;Rooms Basic;Rooms Pro;Phone Standard;Audio Conferencing" },
  { "Dynamics 365", TRUE, "Sales Professional;Sales Enterprise;Customer Service Professional;Business Central Essentials;Business Central Premium;Field Service;Finance;Supply Chain Management" },
  { "Power Platform", FALSE, "Power BI Pro;Power BI Premium Per User;Power Apps Premium;Power Automate Premium;Power Pages" },
  { "Windows", FALSE, "Windows 365 Business;Windows 365 Enterprise;Windows 11 Enterprise E3;Windows 11 Enterprise E5" },
  { "Security", FALSE, "Microsoft Defender for Endpoint P1;Microsoft Defender for Endpoint P2;Microsoft Defender for Business;Microsoft Entra ID P1;Microsoft Entra ID P2;Microsoft Intune Plan 1;Microsoft Purview Information Protection" },
  { "Project and Visio", FALSE, "Project Plan 1;Project Plan 3;Project Plan 5;Visio Plan 1;Visio Plan 2" },
  { "Communications", FALSE, "Microsoft Teams Domestic Calling Plan;Microsoft Teams International Calling Plan;Microsoft Teams Shared Devices" },
};

static const char * const variants[] = {
  "", " (no Teams)", " (Nonprofit Staff Pricing)", " (Education Faculty Pricing)", " Trial",
};

#define N_PRODUCTS 300

static const char alphabet[] = "0123456789BCDFGHJKLMNPQRSTVWXZ";

typedef struct
{
  char        id[13];
  char       *title;
  const char *category;
  guint       n_skus;
  guint       maximum;
  gboolean    trial;
  gboolean    triennial;
} OnrampDemoProduct;

static void
onramp_demo_encode_id (char  *buffer,
                       guint  number)
{
  memcpy (buffer, "CFQ7TTC0", 8);
  for (int i = 11; i >= 8; i--)
    {
      buffer[i] = alphabet[number % 30];
      number /= 30;
    }
  buffer[12] = '\0';
}

/* Every family's names with their category: title stems for the products */
static GPtrArray *
onramp_demo_base_names (GPtrArray *categories)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_auto(GStrv) parts = g_strsplit (families[i].names, ";", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_ptr_array_add (names, families[i].prefix ? g_strconcat (families[i].category, " ", parts[j], NULL)
                                                     : g_strdup (parts[j]));
          g_ptr_array_add (categories, (gpointer) families[i].category);
        }
    }

  return names;
}

static const GPtrArray *
onramp_demo_products (void)
{
  static GPtrArray *products;

  if (g_once_init_enter (&products))
    {
      static const guint maxima[] = { 300, 2500, 10000 };
      g_autoptr(GPtrArray) categories = g_ptr_array_new ();
      g_autoptr(GPtrArray) names = onramp_demo_base_names (categories);
      GPtrArray *array = g_ptr_array_new ();

      /* Base names cycle through all families, then again with each variant */
      for (guint n = 0; n < N_PRODUCTS; n++)
        {
          OnrampDemoProduct *product = g_new0 (OnrampDemoProduct, 1);
          guint base = n % names->len;

          onramp_demo_encode_id (product->id, n + 101);
          product->title = g_strconcat (g_ptr_array_index (names, base),
                                        variants[(n / names->len) % G_N_ELEMENTS (variants)], NULL);
          product->category = g_ptr_array_index (categories, base);
          product->n_skus = 1 + n % 3;
          product->trial = g_str_has_suffix (product->title, " Trial");
          product->maximum = product->trial ? 25 : maxima[n % 3];
          product->triennial = !product->trial && n % 5 == 0;
          g_ptr_array_add (array, product);
        }
      g_once_init_leave (&products, array);
    }

  return products;
}

static const OnrampDemoProduct *
onramp_demo_find_product (const char *id)
{
  const GPtrArray *products = onramp_demo_products ();

  for (guint i = 0; id != NULL && i < products->len; i++)
    {
      const OnrampDemoProduct *product = g_ptr_array_index (products, i);

      if (g_ascii_strcasecmp (product->id, id) == 0)
        return product;
    }

  return NULL;
}

static JsonObject *
onramp_demo_product_to_json (const OnrampDemoProduct *product)
{
  JsonObject *object = json_object_new ();
  JsonObject *type = json_object_new ();
  JsonObject *sub_type = json_object_new ();
  JsonObject *links = json_object_new ();
  JsonObject *skus = json_object_new ();
  g_autofree char *description = g_strdup_printf ("%s: %s for your organisation.", product->category, product->title);
  g_autofree char *uri = g_strdup_printf ("/products/%s/skus?country=US", product->id);

  json_object_set_string_member (sub_type, "id", "OnlineServicesNCE");
  json_object_set_string_member (sub_type, "displayName", "OnlineServicesNCE");
  json_object_set_string_member (type, "id", "OnlineServices");
  json_object_set_string_member (type, "displayName", "OnlineServices");
  json_object_set_object_member (type, "subType", sub_type);
  json_object_set_string_member (skus, "uri", uri);
  json_object_set_string_member (skus, "method", "GET");
  json_object_set_object_member (links, "skus", skus);

  json_object_set_string_member (object, "id", product->id);
  json_object_set_string_member (object, "title", product->title);
  json_object_set_string_member (object, "description", description);
  json_object_set_object_member (object, "productType", type);
  json_object_set_boolean_member (object, "isMicrosoftProduct", TRUE);
  json_object_set_string_member (object, "publisherName", "Microsoft Corporation");
  json_object_set_object_member (object, "links", links);
  _onramp_demo_set_object_type (object, "Product");

  return object;
}

/* Returns: (transfer full) (nullable): the products, or %NULL for a
 *   target view the demo does not sell (only OnlineServices has items) */
JsonArray *
_onramp_demo_catalog_products (const char *target_view)
{
  static const char * const views[] = {
    "Azure", "AzureReservations", "MicrosoftAzure", "OnlineServices", "Software", "SoftwareSubscriptions",
  };
  const GPtrArray *products = onramp_demo_products ();
  JsonArray *items;

  if (target_view == NULL || !g_strv_contains ((const char * const *) views, target_view))
    return NULL;

  items = json_array_new ();
  if (g_ascii_strcasecmp (target_view, "OnlineServices") != 0)
    return items;

  for (guint i = 0; i < products->len; i++)
    json_array_add_object_element (items, onramp_demo_product_to_json (g_ptr_array_index (products, i)));

  return items;
}

static void
onramp_demo_add_strings (JsonObject *object,
                         const char *name,
                         const char *first,
                         ...) G_GNUC_NULL_TERMINATED;

static void
onramp_demo_add_strings (JsonObject *object,
                         const char *name,
                         const char *first,
                         ...)
{
  JsonArray *array = json_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    json_array_add_string_element (array, s);
  va_end (args);
  json_object_set_array_member (object, name, array);
}

static JsonObject *
onramp_demo_sku_to_json (const OnrampDemoProduct *product,
                         guint                    sku)
{
  static const char * const plans[] = { "", " Plan 2", " Plan 3" };
  JsonObject *object = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%04u", sku);
  g_autofree char *title = g_strconcat (product->title, plans[(sku - 1) % 3], NULL);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "productId", product->id);
  json_object_set_string_member (object, "title", title);
  json_object_set_string_member (object, "description", product->title);
  json_object_set_int_member (object, "minimumQuantity", 1);
  json_object_set_int_member (object, "maximumQuantity", product->maximum);
  json_object_set_boolean_member (object, "isTrial", product->trial);
  if (product->trial)
    onramp_demo_add_strings (object, "supportedBillingCycles", "one_time", NULL);
  else if (product->triennial)
    onramp_demo_add_strings (object, "supportedBillingCycles", "monthly", "annual", "triennial", NULL);
  else
    onramp_demo_add_strings (object, "supportedBillingCycles", "monthly", "annual", NULL);
  json_object_set_array_member (object, "purchasePrerequisites", json_array_new ());
  json_object_set_array_member (object, "provisioningVariables", json_array_new ());
  _onramp_demo_set_object_type (object, "Sku");

  return object;
}

static guint
onramp_demo_parse_sku (const OnrampDemoProduct *product,
                       const char              *sku_id)
{
  guint64 sku = 0;

  if (product == NULL || sku_id == NULL || strlen (sku_id) != 4 ||
      !g_ascii_string_to_unsigned (sku_id, 10, 1, product->n_skus, &sku, NULL))
    return 0;

  return (guint) sku;
}

/* Returns: (transfer full) (nullable): %NULL for an unknown product */
JsonArray *
_onramp_demo_catalog_skus (const char *product_id)
{
  const OnrampDemoProduct *product = onramp_demo_find_product (product_id);
  JsonArray *items;

  if (product == NULL)
    return NULL;

  items = json_array_new ();
  for (guint sku = 1; sku <= product->n_skus; sku++)
    json_array_add_object_element (items, onramp_demo_sku_to_json (product, sku));

  return items;
}

static void
onramp_demo_availability_id (char                    *buffer,
                             const OnrampDemoProduct *product,
                             guint                    sku)
{
  guint64 number = 0;

  for (guint i = 8; i < 12; i++)
    number = number * 30 + (strchr (alphabet, product->id[i]) - alphabet);
  onramp_demo_encode_id (buffer, (guint) (number * 7 + sku) % (30 * 30 * 30 * 30));
}

static void
onramp_demo_add_term (JsonArray  *terms,
                      const char *duration,
                      const char *description)
{
  JsonObject *term = json_object_new ();

  json_object_set_string_member (term, "duration", duration);
  json_object_set_string_member (term, "description", description);
  json_array_add_object_element (terms, term);
}

static JsonArray *
onramp_demo_terms (const OnrampDemoProduct *product)
{
  JsonArray *terms = json_array_new ();

  onramp_demo_add_term (terms, "P1M", "One-Month commitment for monthly billing");
  if (product->trial)
    return terms;
  onramp_demo_add_term (terms, "P1Y", "One-Year commitment for monthly or annual billing");
  if (product->triennial)
    onramp_demo_add_term (terms, "P3Y", "Three-Year commitment for triennial billing");

  return terms;
}

/* Returns: (transfer full) (nullable): %NULL for an unknown product or SKU */
JsonArray *
_onramp_demo_catalog_availabilities (const char *product_id,
                                     const char *sku_id)
{
  const OnrampDemoProduct *product = onramp_demo_find_product (product_id);
  guint sku = onramp_demo_parse_sku (product, sku_id);
  JsonObject *availability;
  JsonArray *items;
  char id[13];
  g_autofree char *catalog_item_id = NULL;

  if (sku == 0)
    return NULL;

  onramp_demo_availability_id (id, product, sku);
  catalog_item_id = g_strdup_printf ("%s:%s:%s", product->id, sku_id, id);
  availability = json_object_new ();
  json_object_set_string_member (availability, "id", id);
  json_object_set_string_member (availability, "productId", product->id);
  json_object_set_string_member (availability, "skuId", sku_id);
  json_object_set_string_member (availability, "catalogItemId", catalog_item_id);
  json_object_set_array_member (availability, "terms", onramp_demo_terms (product));
  _onramp_demo_set_object_type (availability, "Availability");

  items = json_array_new ();
  json_array_add_object_element (items, availability);

  return items;
}

/**
 * _onramp_demo_catalog_find_item:
 * @terms: (out) (transfer full): the term durations on sale
 *
 * Returns: whether @catalog_item_id (product:sku:availability) is on sale
 */
gboolean
_onramp_demo_catalog_find_item (const char   *catalog_item_id,
                                guint        *minimum,
                                guint        *maximum,
                                char       ***terms)
{
  g_auto(GStrv) parts = g_strsplit (catalog_item_id != NULL ? catalog_item_id : "", ":", -1);
  const OnrampDemoProduct *product;
  char expected[13];
  guint sku;

  if (g_strv_length (parts) != 3)
    return FALSE;

  product = onramp_demo_find_product (parts[0]);
  sku = onramp_demo_parse_sku (product, parts[1]);
  if (sku == 0)
    return FALSE;
  onramp_demo_availability_id (expected, product, sku);
  if (g_ascii_strcasecmp (expected, parts[2]) != 0)
    return FALSE;

  *minimum = 1;
  *maximum = product->maximum;
  *terms = product->trial ? g_strsplit ("P1M", ";", -1)
                          : g_strsplit (product->triennial ? "P1M;P1Y;P3Y" : "P1M;P1Y", ";", -1);
  return TRUE;
}

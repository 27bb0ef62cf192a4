/* onramp-demo-commerce.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-commerce"

#include "config.h"

#include <string.h>

#include "onramp-demo-private.h"

/* The purchasing endpoints of the demo server: products → SKUs →
 * availabilities (§6b), carts and checkout (§6c).
 *
 * A cart line that fails validation (unknown catalogItemId, quantity out
 * of range, a term the item does not sell) carries an error in the cart,
 * and its order group fails at checkout while the others succeed: the
 * partial success of §6c. Checkout needs a confirmed MCA (403/13605) and
 * works once per cart (800065 afterwards).
 */

static gboolean
onramp_demo_require_country (SoupServerMessage *msg,
                             GHashTable        *query)
{
  const char *country = query != NULL ? g_hash_table_lookup (query, "country") : NULL;

  if (country != NULL && strlen (country) == 2 && g_ascii_isalpha (country[0]) && g_ascii_isalpha (country[1]))
    return TRUE;

  _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The country parameter is missing or invalid.", NULL);
  return FALSE;
}

static void
on_products (OnrampDemoServer  *self,
             SoupServerMessage *msg,
             GHashTable        *query,
             char             **args)
{
  const char *view = query != NULL ? g_hash_table_lookup (query, "targetView") : NULL;
  JsonArray *items;

  if (!onramp_demo_require_country (msg, query))
    return;

  items = _onramp_demo_catalog_products (view);
  if (items == NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_FORBIDDEN, 400036, "The targetView is not allowed.", view);
      return;
    }

  _onramp_demo_reply_collection (msg, items);
}

static void
on_skus (OnrampDemoServer  *self,
         SoupServerMessage *msg,
         GHashTable        *query,
         char             **args)
{
  JsonArray *items;

  if (!onramp_demo_require_country (msg, query))
    return;

  items = _onramp_demo_catalog_skus (args[0]);
  if (items == NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, "Product not found.", args[0]);
      return;
    }

  _onramp_demo_reply_collection (msg, items);
}

static void
on_availabilities (OnrampDemoServer  *self,
                   SoupServerMessage *msg,
                   GHashTable        *query,
                   char             **args)
{
  JsonArray *items;

  if (!onramp_demo_require_country (msg, query))
    return;

  items = _onramp_demo_catalog_availabilities (args[0], args[1]);
  if (items == NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, "Product or SKU not found.", args[1]);
      return;
    }

  _onramp_demo_reply_collection (msg, items);
}

static void
onramp_demo_set_line_error (JsonObject *line,
                            const char *code,
                            const char *description)
{
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "errorCode", code);
  json_object_set_string_member (error, "errorDescription", description);
  json_object_set_object_member (error, "additionalInformation", json_object_new ());
  json_object_set_object_member (line, "error", error);
}

/* Copies one requested line into the cart, with an error when it cannot
 * be bought */
static JsonObject *
onramp_demo_build_line (JsonObject *request,
                        guint       index)
{
  JsonObject *line = json_object_new ();
  JsonNode *quantity_node = _onramp_demo_lookup (request, "quantity");
  const char *catalog_item_id = _onramp_demo_lookup_string (request, "catalogItemId");
  const char *term = _onramp_demo_lookup_string (request, "termDuration");
  const char *cycle = _onramp_demo_lookup_string (request, "billingCycle");
  gint64 quantity = quantity_node != NULL && json_node_get_value_type (quantity_node) == G_TYPE_INT64
                      ? json_node_get_int (quantity_node) : 0;
  g_auto(GStrv) terms = NULL;
  guint minimum = 0, maximum = 0;

  json_object_set_int_member (line, "id", index);
  json_object_set_string_member (line, "catalogItemId", catalog_item_id ?: "");
  json_object_set_int_member (line, "quantity", quantity);
  json_object_set_string_member (line, "billingCycle", cycle ?: "monthly");
  json_object_set_string_member (line, "termDuration", term ?: "");
  json_object_set_string_member (line, "currencyCode", "USD");
  json_object_set_string_member (line, "orderGroup", term != NULL && strcmp (term, "P1M") == 0 ? "0" : "1");
  if (_onramp_demo_lookup (request, "participants") != NULL)
    json_object_set_member (line, "participants", json_node_copy (_onramp_demo_lookup (request, "participants")));

  if (!_onramp_demo_catalog_find_item (catalog_item_id, &minimum, &maximum, &terms))
    onramp_demo_set_line_error (line, "CatalogItemIdIsNotValid", "The catalog item ID is not valid.");
  else if (quantity < minimum || quantity > maximum)
    onramp_demo_set_line_error (line, "InvalidInput", "The quantity is out of range for this item.");
  else if (term == NULL || !g_strv_contains ((const char * const *) terms, term))
    onramp_demo_set_line_error (line, "InvalidInput", "The term duration is not available for this item.");

  return line;
}

static gboolean
onramp_demo_names_reseller (JsonObject *request)
{
  JsonArray *participants = _onramp_demo_lookup_array (request, "participants");

  return participants != NULL && json_array_get_length (participants) > 0;
}

static char *
onramp_demo_timestamp (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format_iso8601 (then);
}

static JsonObject *
onramp_demo_build_cart (JsonArray  *requested,
                        const char *customer_id)
{
  JsonObject *cart = json_object_new ();
  JsonArray *lines = json_array_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *now = onramp_demo_timestamp (0);
  g_autofree char *expiry = onramp_demo_timestamp (7);

  for (guint i = 0; i < json_array_get_length (requested); i++)
    {
      JsonNode *node = json_array_get_element (requested, i);

      json_array_add_object_element (lines, onramp_demo_build_line (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL, i));
    }

  json_object_set_string_member (cart, "id", id);
  json_object_set_string_member (cart, "creationTimestamp", now);
  json_object_set_string_member (cart, "lastModifiedTimestamp", now);
  json_object_set_string_member (cart, "expirationTimestamp", expiry);
  json_object_set_string_member (cart, "lastModifiedUser", "a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8");
  json_object_set_string_member (cart, "status", "Active");
  json_object_set_array_member (cart, "lineItems", lines);
  _onramp_demo_set_object_type (cart, "Cart");
  /* The demo's own bookkeeping; clients ignore members they do not know */
  json_object_set_string_member (cart, "customerId", customer_id);

  return cart;
}

static void
on_create_cart (OnrampDemoServer  *self,
                SoupServerMessage *msg,
                GHashTable        *query,
                char             **args)
{
  g_autoptr(JsonObject) body = _onramp_demo_parse_body (msg);
  JsonArray *requested = _onramp_demo_lookup_array (body, "lineItems");
  JsonNode *attested = _onramp_demo_lookup (body, "partnerOnRecordAttestationAccepted");
  g_autoptr(JsonObject) cart = NULL;

  if (!_onramp_demo_require_customer (self, msg, args[0]))
    return;
  if (requested == NULL || json_array_get_length (requested) == 0)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The cart has no line items.", "lineItems");
      return;
    }
  for (guint i = 0; i < json_array_get_length (requested); i++)
    {
      JsonNode *node = json_array_get_element (requested, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && onramp_demo_names_reseller (json_node_get_object (node)) &&
          (attested == NULL || json_node_get_value_type (attested) != G_TYPE_BOOLEAN || !json_node_get_boolean (attested)))
        {
          _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002,
                                    "partnerOnRecordAttestationAccepted must be true when a reseller is named.", NULL);
          return;
        }
    }

  cart = onramp_demo_build_cart (requested, args[0]);
  g_hash_table_insert (self->carts, g_strdup (json_object_get_string_member (cart, "id")), json_object_ref (cart));
  _onramp_demo_reply_object (msg, SOUP_STATUS_CREATED, cart);
}

static JsonObject *
onramp_demo_find_order (JsonArray  *orders,
                        const char *group,
                        const char *customer_id,
                        const char *cycle)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  JsonObject *order;

  for (guint i = 0; i < json_array_get_length (orders); i++)
    {
      order = json_array_get_object_element (orders, i);
      if (g_strcmp0 (json_object_get_string_member (order, "orderGroup"), group) == 0)
        return order;
    }

  id = g_uuid_string_random ();
  now = onramp_demo_timestamp (0);
  order = json_object_new ();
  json_object_set_string_member (order, "id", id);
  json_object_set_string_member (order, "orderGroup", group);
  json_object_set_string_member (order, "referenceCustomerId", customer_id);
  json_object_set_string_member (order, "billingCycle", cycle);
  json_object_set_string_member (order, "currencyCode", "USD");
  json_object_set_array_member (order, "lineItems", json_array_new ());
  json_object_set_string_member (order, "creationDate", now);
  json_object_set_string_member (order, "status", "pending");
  _onramp_demo_set_object_type (order, "Order");
  json_array_add_object_element (orders, order);

  return order;
}

static void
onramp_demo_add_order_error (JsonArray  *errors,
                             JsonObject *line)
{
  JsonObject *error = json_object_new ();
  JsonObject *line_error = json_object_get_object_member (line, "error");
  g_autofree char *description = g_strdup_printf ("Line %" G_GINT64_FORMAT ": %s",
                                                  json_object_get_int_member (line, "id"),
                                                  json_object_get_string_member (line_error, "errorDescription"));

  json_object_set_string_member (error, "orderGroupId", json_object_get_string_member (line, "orderGroup"));
  json_object_set_int_member (error, "code", 800004);
  json_object_set_string_member (error, "description", description);
  json_array_add_object_element (errors, error);
}

static JsonObject *
onramp_demo_check_out (JsonObject *cart)
{
  JsonObject *result = json_object_new ();
  JsonArray *orders = json_array_new ();
  JsonArray *errors = json_array_new ();
  JsonArray *lines = json_object_get_array_member (cart, "lineItems");
  const char *customer_id = json_object_get_string_member (cart, "customerId");

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      JsonObject *order;
      JsonObject *order_line;
      JsonArray *order_lines;

      if (json_object_has_member (line, "error"))
        {
          onramp_demo_add_order_error (errors, line);
          continue;
        }

      order = onramp_demo_find_order (orders, json_object_get_string_member (line, "orderGroup"), customer_id,
                                      json_object_get_string_member (line, "billingCycle"));
      order_lines = json_object_get_array_member (order, "lineItems");
      order_line = json_object_new ();
      json_object_set_int_member (order_line, "lineItemNumber", json_array_get_length (order_lines));
      json_object_set_string_member (order_line, "offerId", json_object_get_string_member (line, "catalogItemId"));
      json_object_set_string_member (order_line, "termDuration", json_object_get_string_member (line, "termDuration"));
      json_object_set_int_member (order_line, "quantity", json_object_get_int_member (line, "quantity"));
      json_array_add_object_element (order_lines, order_line);
    }

  json_object_set_array_member (result, "orders", orders);
  json_object_set_array_member (result, "orderErrors", errors);
  return result;
}

static void
on_checkout (OnrampDemoServer  *self,
             SoupServerMessage *msg,
             GHashTable        *query,
             char             **args)
{
  JsonObject *cart = g_hash_table_lookup (self->carts, args[1]);
  g_autoptr(JsonObject) result = NULL;

  if (!_onramp_demo_require_customer (self, msg, args[0]))
    return;
  if (cart == NULL || g_strcmp0 (json_object_get_string_member (cart, "customerId"), args[0]) != 0)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, "Cart not found.", args[1]);
      return;
    }
  if (g_strcmp0 (json_object_get_string_member (cart, "status"), "Active") != 0)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800065, "Cannot check out an already submitted cart.", args[1]);
      return;
    }
  if (!_onramp_demo_customer_has_agreement (self, args[0]))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_FORBIDDEN, 13605,
                                "The customer has not accepted the Microsoft Customer Agreement.", NULL);
      return;
    }

  result = onramp_demo_check_out (cart);
  json_object_set_string_member (cart, "status", "Ordered");
  _onramp_demo_reply_object (msg, SOUP_STATUS_CREATED, result);
}

const OnrampDemoRoute _onramp_demo_commerce_routes[] = {
  { "GET", "products", on_products },
  { "GET", "products/*/skus", on_skus },
  { "GET", "products/*/skus/*/availabilities", on_availabilities },
  { "POST", "customers/*/carts", on_create_cart },
  { "POST", "customers/*/carts/*/checkout", on_checkout },
  { NULL, NULL, NULL },
};

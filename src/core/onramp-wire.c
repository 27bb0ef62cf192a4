/* onramp-wire.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-wire"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "onramp-error.h"
#include "onramp-json.h"
#include "onramp-wire.h"

/* The record in Partner Center's wire form: the Customer resource of
 * partner-center-api.md §1, plus two objects of our own that drafts and the
 * CLI carry along, `agreement` (the §5b body) and `cart` (the §6c line items).
 *
 * Out, keys are camelCase and empty fields are left out. In, keys match in
 * any case (the service takes PascalCase and camelCase, §0), unknown keys are
 * skipped, and anything of the wrong shape is an ONRAMP_ERROR_INVALID_DATA
 * that names its JSON Pointer. Input is untrusted: a draft may be damaged, a
 * file may be anything.
 */

#define DOMAIN_SUFFIX ".onmicrosoft.com"
#define AGREEMENT_TYPE "MicrosoftCustomerAgreement"
#define AGREEMENT_TYPE_POINTER "/agreement/type"
#define LINE_ITEMS_POINTER "/cart/lineItems"

/* Objects the reader descends into; every field's pointer lives below one */
static const char * const containers[] = {
  "/companyProfile",
  "/billingProfile",
  "/billingProfile/defaultAddress",
  "/agreement",
  "/agreement/primaryContact",
  "/cart",
};

/* The order fields are written in: the §1 examples' order, then ours */
static const OnrampField output_order[] = {
  ONRAMP_FIELD_DOMAIN_PREFIX,
  ONRAMP_FIELD_REGISTRATION_NUMBER,
  ONRAMP_FIELD_EMAIL,
  ONRAMP_FIELD_CULTURE,
  ONRAMP_FIELD_LANGUAGE,
  ONRAMP_FIELD_COMPANY_NAME,
  ONRAMP_FIELD_FIRST_NAME,
  ONRAMP_FIELD_MIDDLE_NAME,
  ONRAMP_FIELD_LAST_NAME,
  ONRAMP_FIELD_ADDRESS_LINE1,
  ONRAMP_FIELD_ADDRESS_LINE2,
  ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE,
  ONRAMP_FIELD_POSTAL_CODE,
  ONRAMP_FIELD_COUNTRY,
  ONRAMP_FIELD_PHONE_NUMBER,
  ONRAMP_FIELD_ASSOCIATED_PARTNER_ID,
  ONRAMP_FIELD_AGREEMENT_FIRST_NAME,
  ONRAMP_FIELD_AGREEMENT_LAST_NAME,
  ONRAMP_FIELD_AGREEMENT_EMAIL,
  ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER,
  ONRAMP_FIELD_AGREEMENT_DATE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (output_order) == ONRAMP_N_FIELDS);

typedef enum
{
  ITEM_STRING,
  ITEM_QUANTITY,
  ITEM_BOOLEAN,
  ITEM_IGNORED,
} ItemKind;

/* A cart line item's members (§6c) and the catalog facts (§6b) we keep with
 * it. `id` is the line's position, rewritten on every save.
 */
static const struct
{
  const char *name;
  ItemKind    kind;
  const char *property;
} item_members[] = {
  { "id", ITEM_IGNORED, NULL },
  { "catalogItemId", ITEM_STRING, "catalog-item-id" },
  { "productId", ITEM_STRING, "product-id" },
  { "skuId", ITEM_STRING, "sku-id" },
  { "title", ITEM_STRING, "title" },
  { "quantity", ITEM_QUANTITY, "quantity" },
  { "minimumQuantity", ITEM_QUANTITY, "minimum-quantity" },
  { "maximumQuantity", ITEM_QUANTITY, "maximum-quantity" },
  { "billingCycle", ITEM_STRING, "billing-cycle" },
  { "termDuration", ITEM_STRING, "term-duration" },
  { "isAvailableForPurchase", ITEM_BOOLEAN, "available" },
};

/* Writing */

static JsonObject *
ensure_object_member (JsonObject *parent,
                      const char *name)
{
  JsonNode *node = json_object_get_member (parent, name);

  if (node == NULL)
    {
      json_object_set_object_member (parent, name, json_object_new ());
      node = json_object_get_member (parent, name);
    }

  return json_node_get_object (node);
}

/* Places @node at @pointer, creating the objects on the way. Our pointers
 * are plain camelCase names, so no ~0/~1 escapes to undo.
 */
static void
set_at_pointer (JsonObject *root,
                const char *pointer,
                JsonNode   *node)
{
  g_auto(GStrv) segments = g_strsplit (pointer + 1, "/", -1);
  guint n_segments = g_strv_length (segments);
  JsonObject *object = root;

  g_assert (pointer[0] == '/' && n_segments > 0);

  for (guint i = 0; i + 1 < n_segments; i++)
    object = ensure_object_member (object, segments[i]);

  json_object_set_member (object, segments[n_segments - 1], node);
}

static void
set_string_at_pointer (JsonObject *root,
                       const char *pointer,
                       const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  set_at_pointer (root, pointer, node);
}

static JsonNode *
line_item_to_node (OnrampLineItem *item,
                   guint           position)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, position);

  for (guint i = 0; i < G_N_ELEMENTS (item_members); i++)
    {
      const char *name = item_members[i].name;
      const char *property = item_members[i].property;

      switch (item_members[i].kind)
        {
        case ITEM_STRING:
          {
            g_autofree char *value = NULL;

            g_object_get (item, property, &value, NULL);
            if (value != NULL && value[0] != '\0')
              {
                json_builder_set_member_name (builder, name);
                json_builder_add_string_value (builder, value);
              }
          }
          break;

        case ITEM_QUANTITY:
          {
            guint value = 0;

            /* 0 is "no limit" for the maximum, a real value otherwise */
            g_object_get (item, property, &value, NULL);
            if (value > 0 || !g_str_equal (property, "maximum-quantity"))
              {
                json_builder_set_member_name (builder, name);
                json_builder_add_int_value (builder, value);
              }
          }
          break;

        case ITEM_BOOLEAN:
          /* Only "not available" is news; available is the default */
          if (!onramp_line_item_get_available (item))
            {
              json_builder_set_member_name (builder, name);
              json_builder_add_boolean_value (builder, FALSE);
            }
          break;

        case ITEM_IGNORED:
          break;

        default:
          g_assert_not_reached ();
        }
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_cart (JsonObject     *root,
          OnrampCustomer *customer)
{
  GListModel *line_items = onramp_customer_get_line_items (customer);
  guint n_items = g_list_model_get_n_items (line_items);
  JsonArray *array;

  if (n_items == 0)
    return;

  array = json_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(OnrampLineItem) item = g_list_model_get_item (line_items, i);

      json_array_add_element (array, line_item_to_node (item, i));
    }

  json_object_set_array_member (ensure_object_member (root, "cart"), "lineItems", array);
}

/**
 * onramp_wire_customer_to_node:
 *
 * Returns: (transfer full): the record as a camelCase Customer resource,
 *   with `agreement` and `cart` when the record has them
 */
JsonNode *
onramp_wire_customer_to_node (OnrampCustomer *customer)
{
  g_autoptr(JsonObject) root = NULL;
  JsonNode *node;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  root = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (output_order); i++)
    {
      OnrampField field = output_order[i];
      const char *value = onramp_customer_get_field (customer, field);
      g_autofree char *domain = NULL;

      if (value[0] == '\0')
        continue;

      /* The record keeps the prefix the agent types; the service wants the
       * whole initial domain (§1). */
      if (field == ONRAMP_FIELD_DOMAIN_PREFIX)
        value = domain = g_strconcat (value, DOMAIN_SUFFIX, NULL);

      set_string_at_pointer (root, onramp_field_get_pointer (field), value);
    }

  if (onramp_customer_get_agreement_accepted (customer))
    set_string_at_pointer (root, AGREEMENT_TYPE_POINTER, AGREEMENT_TYPE);

  add_cart (root, customer);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);

  return node;
}

/**
 * onramp_wire_customer_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the record as indented JSON text
 */
char *
onramp_wire_customer_to_data (OnrampCustomer *customer,
                              gsize          *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  node = onramp_wire_customer_to_node (customer);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, length);
}

/* Reading */

/* The known pointer directly below @parent whose last name is @name in any
 * case, or NULL. Returns the canonical camelCase spelling.
 */
static const char *
match_known_pointer (const char *parent,
                     const char *name,
                     const char *candidate)
{
  gsize parent_len = strlen (parent);
  const char *rest;

  if (strncmp (candidate, parent, parent_len) != 0 || candidate[parent_len] != '/')
    return NULL;

  rest = candidate + parent_len + 1;
  if (strchr (rest, '/') != NULL || g_ascii_strcasecmp (rest, name) != 0)
    return NULL;

  return candidate;
}

static const char *
find_known_pointer (const char *parent,
                    const char *name)
{
  static const char * const specials[] = { AGREEMENT_TYPE_POINTER, LINE_ITEMS_POINTER };
  const char *found;

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if ((found = match_known_pointer (parent, name, containers[i])))
      return found;

  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    if ((found = match_known_pointer (parent, name, specials[i])))
      return found;

  for (OnrampField f = 0; f < ONRAMP_N_FIELDS; f++)
    if ((found = match_known_pointer (parent, name, onramp_field_get_pointer (f))))
      return found;

  return NULL;
}

static gboolean
is_container (const char *pointer)
{
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if (g_str_equal (pointer, containers[i]))
      return TRUE;

  return FALSE;
}

static OnrampField
field_for_pointer (const char *pointer)
{
  for (OnrampField f = 0; f < ONRAMP_N_FIELDS; f++)
    if (g_str_equal (pointer, onramp_field_get_pointer (f)))
      return f;

  return ONRAMP_FIELD_NONE;
}

/* RFC 6901: a member name inside a pointer escapes "~" and "/" */
static char *
append_to_pointer (const char *pointer,
                   const char *name)
{
  GString *result = g_string_new (pointer);

  g_string_append_c (result, '/');
  for (const char *p = name; *p; p++)
    {
      if (*p == '~')
        g_string_append (result, "~0");
      else if (*p == '/')
        g_string_append (result, "~1");
      else
        g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

static gboolean
is_null (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node);
}

/* A string member: the value, NULL for JSON null, or an error naming @pointer */
static gboolean
read_string (JsonNode    *node,
             const char  *pointer,
             const char **value,
             GError     **error)
{
  *value = NULL;

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a JSON Pointer such as /billingProfile/email */
                   _("%s must be a string"), pointer);
      return FALSE;
    }

  /* json-glib turns an escaped lone surrogate ("\ud800") into bytes that
   * are not UTF-8; nothing past this point should see them. */
  *value = json_node_get_string (node);
  if (!g_utf8_validate (*value, -1, NULL))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a JSON Pointer such as /billingProfile/email */
                   _("%s is not valid text"), pointer);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_quantity (JsonNode    *node,
               const char  *pointer,
               guint       *value,
               GError     **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  gdouble number;

  if (type == G_TYPE_INT64)
    number = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    number = json_node_get_double (node);
  else
    number = NAN;

  /* Every gint64 and double in range is exact as a double here, and NaN
   * and the infinities fail the comparisons. */
  if (!(number >= 0 && number <= ONRAMP_LINE_ITEM_MAX_QUANTITY && floor (number) == number))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a JSON Pointer such as /cart/lineItems/0/quantity, %u a large number */
                   _("%s must be a whole number from 0 to %u"),
                   pointer, ONRAMP_LINE_ITEM_MAX_QUANTITY);
      return FALSE;
    }

  *value = (guint)number;

  return TRUE;
}

static gboolean
read_boolean (JsonNode    *node,
              const char  *pointer,
              gboolean    *value,
              GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a JSON Pointer such as /cart/lineItems/0/isAvailableForPurchase */
                   _("%s must be true or false"), pointer);
      return FALSE;
    }

  *value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
set_wrong_type_error (GError     **error,
                      const char  *pointer,
                      JsonNodeType expected)
{
  if (expected == JSON_NODE_ARRAY)
    g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                 /* Translators: %s is a JSON Pointer such as /cart/lineItems */
                 _("%s must be an array"), pointer);
  else
    g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                 /* Translators: %s is a JSON Pointer such as /billingProfile/defaultAddress */
                 _("%s must be an object"), pointer);

  return FALSE;
}

static gboolean
read_field (OnrampCustomer  *customer,
            OnrampField      field,
            JsonNode        *node,
            const char      *pointer,
            GError         **error)
{
  const char *value = NULL;
  g_autofree char *prefix = NULL;

  if (!read_string (node, pointer, &value, error))
    return FALSE;

  /* The service's form is the whole domain; older drafts and people
   * typing a file by hand give the prefix alone. Both are fine. */
  if (field == ONRAMP_FIELD_DOMAIN_PREFIX && value != NULL &&
      strlen (value) > strlen (DOMAIN_SUFFIX) &&
      g_ascii_strcasecmp (value + strlen (value) - strlen (DOMAIN_SUFFIX), DOMAIN_SUFFIX) == 0)
    value = prefix = g_strndup (value, strlen (value) - strlen (DOMAIN_SUFFIX));

  onramp_customer_set_field (customer, field, value);

  return TRUE;
}

/* Agreement types come as "MicrosoftCustomerAgreement" or, like other enums
 * on the wire (§0), as "microsoft_customer_agreement".
 */
static gboolean
is_customer_agreement_type (const char *value)
{
  g_autoptr(GString) folded = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    if (*p != '_')
      g_string_append_c (folded, *p);

  return g_ascii_strcasecmp (folded->str, AGREEMENT_TYPE) == 0;
}

static gboolean
read_agreement_type (OnrampCustomer  *customer,
                     JsonNode        *node,
                     const char      *pointer,
                     GError         **error)
{
  const char *value = NULL;

  if (!read_string (node, pointer, &value, error))
    return FALSE;

  if (value != NULL && !is_customer_agreement_type (value))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a JSON Pointer (/agreement/type); keep “MicrosoftCustomerAgreement” as it is */
                   _("%s must be “MicrosoftCustomerAgreement”"), pointer);
      return FALSE;
    }

  onramp_customer_set_agreement_accepted (customer, value != NULL);

  return TRUE;
}

static gboolean
read_line_item_member (OnrampLineItem  *item,
                       const char      *name,
                       JsonNode        *node,
                       const char      *pointer,
                       GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_members); i++)
    {
      const char *property = item_members[i].property;

      if (g_ascii_strcasecmp (name, item_members[i].name) != 0)
        continue;

      switch (item_members[i].kind)
        {
        case ITEM_STRING:
          {
            const char *value = NULL;

            if (!read_string (node, pointer, &value, error))
              return FALSE;
            g_object_set (item, property, value, NULL);
          }
          return TRUE;

        case ITEM_QUANTITY:
          {
            guint value = 0;

            if (!read_quantity (node, pointer, &value, error))
              return FALSE;
            g_object_set (item, property, value, NULL);
          }
          return TRUE;

        case ITEM_BOOLEAN:
          {
            gboolean value = FALSE;

            if (!read_boolean (node, pointer, &value, error))
              return FALSE;
            g_object_set (item, property, value, NULL);
          }
          return TRUE;

        case ITEM_IGNORED:
          return TRUE;

        default:
          g_assert_not_reached ();
        }
    }

  g_debug ("Ignoring unknown member %s", pointer);

  return TRUE;
}

static gboolean
read_line_item (GListStore  *store,
                JsonNode    *node,
                const char  *pointer,
                GError     **error)
{
  g_autoptr(OnrampLineItem) item = onramp_line_item_new ();
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_wrong_type_error (error, pointer, JSON_NODE_OBJECT);

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *member_pointer = append_to_pointer (pointer, l->data);

      if (!read_line_item_member (item, l->data, json_object_get_member (object, l->data),
                                  member_pointer, error))
        return FALSE;
    }

  g_list_store_append (store, item);

  return TRUE;
}

static gboolean
read_line_items (OnrampCustomer  *customer,
                 JsonNode        *node,
                 const char      *pointer,
                 GError         **error)
{
  GListStore *store = G_LIST_STORE (onramp_customer_get_line_items (customer));
  JsonArray *array;
  guint length;

  g_list_store_remove_all (store);

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return set_wrong_type_error (error, pointer, JSON_NODE_ARRAY);

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      g_autofree char *item_pointer = g_strdup_printf ("%s/%u", pointer, i);

      if (!read_line_item (store, json_array_get_element (array, i), item_pointer, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean read_object (OnrampCustomer  *customer,
                             JsonObject      *object,
                             const char      *canonical,
                             const char      *given,
                             GError         **error);

/* @canonical is the member's pointer in our camelCase spelling, @given the
 * same place as the input spells it, for messages the user can follow.
 */
static gboolean
read_member (OnrampCustomer  *customer,
             JsonNode        *node,
             const char      *canonical,
             const char      *given,
             GError         **error)
{
  OnrampField field;

  if (is_container (canonical))
    {
      if (is_null (node))
        return TRUE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_wrong_type_error (error, given, JSON_NODE_OBJECT);

      return read_object (customer, json_node_get_object (node), canonical, given, error);
    }

  if (g_str_equal (canonical, AGREEMENT_TYPE_POINTER))
    return read_agreement_type (customer, node, given, error);

  if (g_str_equal (canonical, LINE_ITEMS_POINTER))
    return read_line_items (customer, node, given, error);

  field = field_for_pointer (canonical);
  g_assert (field != ONRAMP_FIELD_NONE);

  return read_field (customer, field, node, given, error);
}

static gboolean
read_object (OnrampCustomer  *customer,
             JsonObject      *object,
             const char      *canonical,
             const char      *given,
             GError         **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *member_canonical = find_known_pointer (canonical, name);
      g_autofree char *member_given = append_to_pointer (given, name);

      if (member_canonical == NULL)
        {
          g_debug ("Ignoring unknown member %s", member_given);
          continue;
        }

      if (!read_member (customer, json_object_get_member (object, name),
                        member_canonical, member_given, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * onramp_wire_customer_from_node:
 * @node: a Customer resource, in any key case
 *
 * Returns: (transfer full): a new record, or %NULL with @error set
 *   (%ONRAMP_ERROR_INVALID_DATA, naming the JSON Pointer at fault)
 */
OnrampCustomer *
onramp_wire_customer_from_node (JsonNode  *node,
                                GError   **error)
{
  g_autoptr(OnrampCustomer) customer = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("A customer must be a JSON object"));
      return NULL;
    }

  customer = onramp_customer_new ();
  if (!read_object (customer, json_node_get_object (node), "", "", error))
    return NULL;

  return g_steal_pointer (&customer);
}

/* The text as a whole, before json-glib sees it: what onramp_json_find_flaw()
 * finds, and anything but one object, are refused with a message that says
 * where. */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  gsize offset = 0;
  OnrampJsonFlaw flaw = onramp_json_find_flaw (data, length, ONRAMP_WIRE_MAX_DEPTH, &offset);
  const char *p = data;

  if (flaw == ONRAMP_JSON_FLAW_NUL)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not valid JSON: a NUL byte at offset %lu"), (gulong)offset);
      return FALSE;
    }

  if (flaw == ONRAMP_JSON_FLAW_UTF8)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not valid JSON: invalid UTF-8 at offset %lu"), (gulong)offset);
      return FALSE;
    }

  while (p < data + length && strchr (" \t\n\r", *p) != NULL)
    p++;

  if (p == data + length)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("Empty: there is no customer in it"));
      return FALSE;
    }

  if (*p != '{')
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("A customer must be a JSON object"));
      return FALSE;
    }

  switch (flaw)
    {
    case ONRAMP_JSON_FLAW_NONE:
      return TRUE;
    case ONRAMP_JSON_FLAW_TRAILING:
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not valid JSON: more after the end of the object, at offset %lu"), (gulong)offset);
      return FALSE;
    case ONRAMP_JSON_FLAW_UNICODE_ESCAPE:
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file; keep \\u as it is */
                   _("Not a customer: an invalid \\u escape at offset %lu"), (gulong)offset);
      return FALSE;
    case ONRAMP_JSON_FLAW_ESCAPE:
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not valid JSON: an invalid escape at offset %lu"), (gulong)offset);
      return FALSE;
    case ONRAMP_JSON_FLAW_TOO_DEEP:
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %u is a number of levels */
                   g_dngettext (GETTEXT_PACKAGE, "Not a customer: nested more than %u level deep",
                                "Not a customer: nested more than %u levels deep",
                                ONRAMP_WIRE_MAX_DEPTH),
                   ONRAMP_WIRE_MAX_DEPTH);
      return FALSE;
    case ONRAMP_JSON_FLAW_NUL:
    case ONRAMP_JSON_FLAW_UTF8:
    case ONRAMP_JSON_FLAW_CHARACTER:
    default:
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not valid JSON: unexpected character at offset %lu"), (gulong)offset);
      return FALSE;
    }
}

/**
 * onramp_wire_parse_data:
 * @data: JSON text; it may be anything, it is checked before use
 * @length: the length of @data, or -1 when it ends with a NUL
 *
 * Parses JSON text with the checks that keep json-glib 1.6's known bugs
 * away (see tests/fuzz/README.md): depth, escapes, NUL bytes, UTF-8, a
 * second value. Drafts and customer files both go through here.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set
 *   (%ONRAMP_ERROR_INVALID_DATA)
 */
JsonNode *
onramp_wire_parse_data (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize size;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = length < 0 ? strlen (data) : (gsize)length;

  /* A byte order mark, as Windows editors write, is no reason to refuse */
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }

  if (!check_text (data, size, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, size > 0 ? data : "", size, &local_error))
    {
      /* json-glib quotes the bytes it choked on, even when they are half
       * of a character, and our messages are always text. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is the JSON parser's own description of the problem */
                   _("Not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("Empty: there is no customer in it"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * onramp_wire_customer_from_data:
 * @data: JSON text; it may be anything, it is checked before use
 * @length: the length of @data, or -1 when it ends with a NUL
 *
 * Returns: (transfer full): a new record, or %NULL with @error set to an
 *   %ONRAMP_ERROR_INVALID_DATA that says what is wrong and where
 */
OnrampCustomer *
onramp_wire_customer_from_data (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = onramp_wire_parse_data (data, length, error);
  if (root == NULL)
    return NULL;

  return onramp_wire_customer_from_node (root, error);
}

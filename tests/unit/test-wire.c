/* test-wire.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-error.h"
#include "onramp-wire.h"

static OnrampLineItem *
make_line_item (const char *catalog_item_id,
                const char *title,
                guint       quantity,
                guint       minimum,
                guint       maximum,
                gboolean    available)
{
  g_auto(GStrv) ids = g_strsplit (catalog_item_id, ":", 3);

  return g_object_new (ONRAMP_TYPE_LINE_ITEM,
                       "catalog-item-id", catalog_item_id,
                       "product-id", ids[0],
                       "sku-id", ids[1],
                       "title", title,
                       "quantity", quantity,
                       "minimum-quantity", minimum,
                       "maximum-quantity", maximum,
                       "billing-cycle", "monthly",
                       "term-duration", "P1Y",
                       "available", available,
                       NULL);
}

/* A record with every field filled, as the wizard would leave it */
static OnrampCustomer *
make_full_customer (void)
{
  OnrampCustomer *customer = onramp_customer_new ();
  GListStore *cart = G_LIST_STORE (onramp_customer_get_line_items (customer));
  g_autoptr(OnrampLineItem) basic = make_line_item ("CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
                                                    "Microsoft 365 Business Basic", 25, 1, 300, TRUE);
  g_autoptr(OnrampLineItem) e3 = make_line_item ("CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ",
                                                 "Office 365 E3", 1, 1, 0, FALSE);

  for (OnrampField f = 0; f < ONRAMP_N_FIELDS; f++)
    {
      g_autofree char *value = g_strdup_printf ("值 %s ~/\"\\", onramp_field_get_property_name (f));

      onramp_customer_set_field (customer, f, value);
    }
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, "hsinyitech");
  onramp_customer_set_agreement_accepted (customer, TRUE);
  g_list_store_append (cart, basic);
  g_list_store_append (cart, e3);

  return customer;
}

/* The member at a camelCase JSON Pointer, or NULL */
static JsonNode *
node_at (JsonNode   *root,
         const char *pointer)
{
  g_auto(GStrv) segments = g_strsplit (pointer + 1, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (node == NULL)
        return NULL;
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), segments[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node) &&
               g_ascii_strtoull (segments[i], NULL, 10) < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node), g_ascii_strtoull (segments[i], NULL, 10));
      else
        return NULL;
    }

  return node;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_json_equal (JsonNode   *actual,
                   const char *expected_text)
{
  g_autoptr(JsonNode) expected = parse_json (expected_text);

  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, TRUE);

      g_test_message ("got: %s", text);
      g_test_fail ();
    }
}

/* Every field lands at its own pointer, and reads back to the same record */
static void
test_wire_round_trip (void)
{
  g_autoptr(OnrampCustomer) customer = make_full_customer ();
  g_autoptr(OnrampCustomer) again = NULL;
  g_autoptr(OnrampLineItem) first = NULL;
  g_autoptr(JsonNode) node = onramp_wire_customer_to_node (customer);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  for (OnrampField f = 0; f < ONRAMP_N_FIELDS; f++)
    {
      JsonNode *member = node_at (node, onramp_field_get_pointer (f));

      g_assert_nonnull (member);
      g_assert_true (g_str_has_prefix (json_node_get_string (member), "值 ") ||
                     f == ONRAMP_FIELD_DOMAIN_PREFIX);
    }
  g_assert_cmpstr (json_node_get_string (node_at (node, "/companyProfile/domain")), ==,
                   "hsinyitech.onmicrosoft.com");
  g_assert_cmpstr (json_node_get_string (node_at (node, "/agreement/type")), ==, "MicrosoftCustomerAgreement");
  g_assert_cmpint (json_node_get_int (node_at (node, "/cart/lineItems/0/quantity")), ==, 25);
  g_assert_cmpint (json_node_get_int (node_at (node, "/cart/lineItems/1/id")), ==, 1);
  g_assert_false (json_node_get_boolean (node_at (node, "/cart/lineItems/1/isAvailableForPurchase")));
  g_assert_null (node_at (node, "/cart/lineItems/0/isAvailableForPurchase"));
  g_assert_null (node_at (node, "/cart/lineItems/1/maximumQuantity"));

  text = onramp_wire_customer_to_data (customer, &length);
  g_assert_cmpuint (length, ==, strlen (text));
  again = onramp_wire_customer_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (onramp_customer_equal (customer, again));

  /* and a change in a line item is a different record */
  first = g_list_model_get_item (onramp_customer_get_line_items (again), 0);
  onramp_line_item_set_quantity (first, 26);
  g_assert_false (onramp_customer_equal (customer, again));
}

static void
test_wire_empty_fields_omitted (void)
{
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(JsonNode) empty = onramp_wire_customer_to_node (customer);
  g_autoptr(JsonNode) partial = NULL;

  assert_json_equal (empty, "{}");

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Limited");
  onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, "Redmond");
  onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_FIRST_NAME, "Ann");
  partial = onramp_wire_customer_to_node (customer);
  /* no type: the agreement is not confirmed yet */
  assert_json_equal (partial,
                     "{\"billingProfile\": {\"companyName\": \"Contoso Limited\","
                     "  \"defaultAddress\": {\"city\": \"Redmond\"}},"
                     " \"agreement\": {\"primaryContact\": {\"firstName\": \"Ann\"}}}");
}

/* The SDK sends PascalCase (§0); what we write is camelCase */
static void
test_wire_pascal_case_in_camel_case_out (void)
{
  static const char pascal[] =
    "{\"CompanyProfile\": {\"Domain\": \"Fabrikam.OnMicrosoft.com\","
    "                     \"OrganizationRegistrationNumber\": \"HRB 123456\"},"
    " \"BillingProfile\": {\"Email\": \"anna@fabrikam.de\", \"Culture\": \"de-DE\", \"Language\": \"de\","
    "   \"CompanyName\": \"Fabrikam GmbH\", \"FirstName\": \"Anna\","
    "   \"DefaultAddress\": {\"AddressLine1\": \"Hauptstraße 1\", \"AddressLine2\": null,"
    "     \"City\": \"München\", \"State\": \"BY\", \"PostalCode\": \"80331\", \"Country\": \"DE\","
    "     \"FirstName\": \"Anna\", \"LastName\": \"Schmidt\", \"PhoneNumber\": \"+49 89 1234567\"}},"
    " \"AssociatedPartnerId\": \"3b0e1a2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d\","
    " \"Agreement\": {\"PrimaryContact\": {\"FirstName\": \"Anna\", \"LastName\": \"Schmidt\","
    "                 \"Email\": \"anna@fabrikam.de\"},"
    "   \"TemplateId\": \"117a77b0-9360-443b-8795-c6dedc750cf9\","
    "   \"DateAgreed\": \"2026-11-20T00:00:00.000Z\", \"Type\": \"microsoft_customer_agreement\"},"
    " \"Cart\": {\"LineItems\": [{\"Id\": 7, \"CatalogItemId\": \"CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P\","
    "   \"Quantity\": 10.0, \"BillingCycle\": \"monthly\", \"TermDuration\": \"P1M\","
    "   \"FriendlyName\": \"ignored\"}]},"
    " \"Attributes\": {\"ObjectType\": \"Customer\"}}";
  static const char camel[] =
    "{\"companyProfile\": {\"domain\": \"Fabrikam.onmicrosoft.com\","
    "                     \"organizationRegistrationNumber\": \"HRB 123456\"},"
    " \"billingProfile\": {\"email\": \"anna@fabrikam.de\", \"culture\": \"de-DE\", \"language\": \"de\","
    "   \"companyName\": \"Fabrikam GmbH\","
    "   \"defaultAddress\": {\"firstName\": \"Anna\", \"lastName\": \"Schmidt\","
    "     \"addressLine1\": \"Hauptstraße 1\", \"city\": \"München\", \"state\": \"BY\","
    "     \"postalCode\": \"80331\", \"country\": \"DE\", \"phoneNumber\": \"+49 89 1234567\"}},"
    " \"associatedPartnerId\": \"3b0e1a2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d\","
    " \"agreement\": {\"primaryContact\": {\"firstName\": \"Anna\", \"lastName\": \"Schmidt\","
    "                 \"email\": \"anna@fabrikam.de\"},"
    "   \"dateAgreed\": \"2026-11-20T00:00:00.000Z\", \"type\": \"MicrosoftCustomerAgreement\"},"
    " \"cart\": {\"lineItems\": [{\"id\": 0, \"catalogItemId\": \"CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P\","
    "   \"quantity\": 10, \"minimumQuantity\": 1, \"billingCycle\": \"monthly\", \"termDuration\": \"P1M\"}]}}";
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  customer = onramp_wire_customer_from_data (pascal, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX), ==, "Fabrikam");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE2), ==, "");
  g_assert_true (onramp_customer_get_agreement_accepted (customer));

  node = onramp_wire_customer_to_node (customer);
  assert_json_equal (node, camel);
}

/* Inputs that are odd but fine, and what the record holds after each */
typedef struct
{
  const char  *json;
  OnrampField  field;
  const char  *value;
} AcceptCase;

static const AcceptCase accept_cases[] = {
  { "{\"companyprofile\": {\"DOMAIN\": \"contoso\"}}", ONRAMP_FIELD_DOMAIN_PREFIX, "contoso" },
  { "{\"companyProfile\": {\"domain\": \"contoso.ONMICROSOFT.COM\"}}", ONRAMP_FIELD_DOMAIN_PREFIX, "contoso" },
  /* a suffix alone is no prefix; the validator will say so */
  { "{\"companyProfile\": {\"domain\": \".onmicrosoft.com\"}}", ONRAMP_FIELD_DOMAIN_PREFIX, ".onmicrosoft.com" },
  { "\xEF\xBB\xBF{\"billingProfile\": {\"companyName\": \"Contoso\"}}", ONRAMP_FIELD_COMPANY_NAME, "Contoso" },
  { "{\"billingProfile\": {\"companyName\": null}}", ONRAMP_FIELD_COMPANY_NAME, "" },
  { "{\"billingProfile\": null}", ONRAMP_FIELD_COMPANY_NAME, "" },
  /* keys that differ only in case: the last one wins, as in a JSON object */
  { "{\"billingProfile\": {\"companyName\": \"A\", \"CompanyName\": \"B\"}}", ONRAMP_FIELD_COMPANY_NAME, "B" },
  { "{\"billingProfile\": {\"companyName\": \"\\u53f0\\u7063 \\ud83d\\ude00\"}}", ONRAMP_FIELD_COMPANY_NAME, "台灣 😀" },
  /* unknown members of any shape are skipped */
  { "{\"x\": [[{}]], \"billingProfile\": {\"attributes\": {\"etag\": 1}, \"city\": \"x\", \"email\": \"a@b.c\"}}",
    ONRAMP_FIELD_EMAIL, "a@b.c" },
  { "{\"associatedpartnerid\": \"abc\"}", ONRAMP_FIELD_ASSOCIATED_PARTNER_ID, "abc" },
  { " \n\t{\"agreement\": {\"dateAgreed\": \"2026-01-02\"}}\r\n", ONRAMP_FIELD_AGREEMENT_DATE, "2026-01-02" },
};

static void
test_wire_accepts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (accept_cases); i++)
    {
      const AcceptCase *c = &accept_cases[i];
      g_autoptr(OnrampCustomer) customer = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, c->json);
      customer = onramp_wire_customer_from_data (c->json, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (onramp_customer_get_field (customer, c->field), ==, c->value);
    }
}

static void
test_wire_line_item_numbers (void)
{
  static const char json[] =
    "{\"cart\": {\"lineItems\": [{\"quantity\": 0, \"minimumQuantity\": 5.0, \"maximumQuantity\": 2147483647,"
    " \"isAvailableForPurchase\": true}, {\"quantity\": null}]}}";
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(OnrampLineItem) first = NULL;
  g_autoptr(OnrampLineItem) second = NULL;
  g_autoptr(GError) error = NULL;

  /* null where a number goes is the wrong type, not a default */
  customer = onramp_wire_customer_from_data (json, -1, &error);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "/cart/lineItems/1/quantity"));
  g_assert_null (customer);
  g_clear_error (&error);

  customer = onramp_wire_customer_from_data ("{\"cart\": {\"lineItems\": [{\"quantity\": 0, \"minimumQuantity\": 5.0,"
                                             " \"maximumQuantity\": 2147483647, \"isAvailableForPurchase\": true},"
                                             " {}]}}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (onramp_customer_get_line_items (customer)), ==, 2);
  first = g_list_model_get_item (onramp_customer_get_line_items (customer), 0);
  second = g_list_model_get_item (onramp_customer_get_line_items (customer), 1);
  g_assert_cmpuint (onramp_line_item_get_quantity (first), ==, 0);
  g_assert_cmpuint (onramp_line_item_get_minimum_quantity (first), ==, 5);
  g_assert_cmpuint (onramp_line_item_get_maximum_quantity (first), ==, G_MAXINT32);
  g_assert_true (onramp_line_item_get_available (first));
  /* an empty item has the defaults */
  g_assert_cmpuint (onramp_line_item_get_quantity (second), ==, 1);
  g_assert_cmpuint (onramp_line_item_get_minimum_quantity (second), ==, 1);
  g_assert_cmpuint (onramp_line_item_get_maximum_quantity (second), ==, 0);
}

/* Malformed input: never a crash, always ONRAMP_ERROR_INVALID_DATA with a
 * message that points at the problem. */
typedef struct
{
  const char *json;
  gssize      length;
  const char *message_part;
} RejectCase;

static const RejectCase reject_cases[] = {
  { "", 0, "Empty" },
  { " \n ", -1, "Empty" },
  { "[]", -1, "must be a JSON object" },
  { "\"customer\"", -1, "must be a JSON object" },
  { "null", -1, "must be a JSON object" },
  { "{", -1, "Not valid JSON" },
  { "{\"a\": }", -1, "Not valid JSON" },
  { "{\"a\": 1,}", -1, "Not valid JSON" },
  { "{} {}", -1, "more after the end of the object, at offset 3" },
  { "{}]", -1, "more after the end" },
  { "{/* comment */}", -1, "unexpected character at offset 1" },
  { "{'a': 1}", -1, "unexpected character" },
  { "{\"a\": \"\\q\"}", -1, "invalid escape" },
  { "{\"a\": \"\\ud800\"}", -1, "invalid \\u escape at offset 7" },
  { "{\"a\": \"\\udc00\"}", -1, "invalid \\u escape" },
  { "{\"a\": \"\\ud800\\u0041\"}", -1, "invalid \\u escape" },
  { "{\"a\": \"x\\u0000y\"}", -1, "invalid \\u escape" },
  { "{\"a\": \"\\u12G4\"}", -1, "invalid \\u escape" },
  { "{\"a\": \"x\0y\"}", 11, "NUL byte at offset 8" },
  { "{\"a\": \"\xff\xfe\"}", -1, "invalid UTF-8 at offset 7" },
  { "{\"a\": \"\xc3\"}", -1, "invalid UTF-8" },
  { "{\"companyProfile\": []}", -1, "/companyProfile must be an object" },
  { "{\"billingProfile\": {\"defaultAddress\": \"Hauptstr. 1\"}}", -1,
    "/billingProfile/defaultAddress must be an object" },
  { "{\"BillingProfile\": {\"DefaultAddress\": 5}}", -1, "/BillingProfile/DefaultAddress must be an object" },
  { "{\"billingProfile\": {\"email\": 5}}", -1, "/billingProfile/email must be a string" },
  { "{\"billingProfile\": {\"defaultAddress\": {\"postalCode\": 98052}}}", -1,
    "/billingProfile/defaultAddress/postalCode must be a string" },
  { "{\"companyProfile\": {\"domain\": true}}", -1, "/companyProfile/domain must be a string" },
  { "{\"agreement\": {\"primaryContact\": {\"email\": [\"a@b.c\"]}}}", -1,
    "/agreement/primaryContact/email must be a string" },
  { "{\"agreement\": {\"type\": \"MicrosoftCloudAgreement\"}}", -1, "/agreement/type must be" },
  { "{\"agreement\": {\"type\": 1}}", -1, "/agreement/type must be a string" },
  { "{\"cart\": \"none\"}", -1, "/cart must be an object" },
  { "{\"cart\": {\"lineItems\": {}}}", -1, "/cart/lineItems must be an array" },
  { "{\"cart\": {\"lineItems\": [{}, 3]}}", -1, "/cart/lineItems/1 must be an object" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": -1}]}}", -1, "/cart/lineItems/0/quantity must be a whole number" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": 2.5}]}}", -1, "/cart/lineItems/0/quantity must be a whole number" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": 1e400}]}}", -1, "/cart/lineItems/0/quantity must be a whole number" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": 2147483648}]}}", -1, "must be a whole number from 0 to 2147483647" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": 99999999999999999999999}]}}", -1, "must be a whole number" },
  { "{\"cart\": {\"lineItems\": [{\"quantity\": \"5\"}]}}", -1, "/cart/lineItems/0/quantity must be a whole number" },
  { "{\"Cart\": {\"LineItems\": [{\"MaximumQuantity\": false}]}}", -1, "/Cart/LineItems/0/MaximumQuantity must be" },
  { "{\"cart\": {\"lineItems\": [{\"isAvailableForPurchase\": \"no\"}]}}", -1,
    "/cart/lineItems/0/isAvailableForPurchase must be true or false" },
  { "{\"cart\": {\"lineItems\": [{\"title\": {}}]}}", -1, "/cart/lineItems/0/title must be a string" },
};

static void
test_wire_rejects (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (reject_cases); i++)
    {
      const RejectCase *c = &reject_cases[i];
      g_autoptr(OnrampCustomer) customer = NULL;
      g_autoptr(GError) error = NULL;
      /* escaped: TAP output must stay UTF-8 */
      g_autofree char *printable = g_strescape (c->json, NULL);

      g_test_message ("case %u: %s", i, printable);
      customer = onramp_wire_customer_from_data (c->json, c->length, &error);
      g_assert_null (customer);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_test_message ("  -> %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, c->message_part));
    }
}

/* json-glib's parser recurses per level; deep input must be refused before
 * it overflows the stack, and shallow-enough input must still parse. */
static void
test_wire_deep_nesting (void)
{
  guint depths[] = { ONRAMP_WIRE_MAX_DEPTH, ONRAMP_WIRE_MAX_DEPTH + 1, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autoptr(GString) json = g_string_new ("{\"x\": ");
      g_autoptr(OnrampCustomer) customer = NULL;
      g_autoptr(GError) error = NULL;

      for (guint d = 1; d < depths[i]; d++)
        g_string_append_c (json, '[');
      for (guint d = 1; d < depths[i]; d++)
        g_string_append_c (json, ']');
      g_string_append_c (json, '}');

      customer = onramp_wire_customer_from_data (json->str, json->len, &error);
      if (depths[i] <= ONRAMP_WIRE_MAX_DEPTH)
        {
          g_assert_no_error (error);
          g_assert_nonnull (customer);
        }
      else
        {
          g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
          g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
        }
    }
}

/* The fuzzer's seeds, nasty ones included, replayed on every build: each
 * either fails cleanly or reads back unchanged after a trip out and in. */
static void
test_wire_fuzz_seeds (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "wire", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_read = 0;
  guint n_refused = 0;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *again_text = NULL;
      g_autoptr(OnrampCustomer) customer = NULL;
      g_autoptr(OnrampCustomer) again = NULL;
      g_autoptr(GError) read_error = NULL;
      gsize length = 0;

      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);

      customer = onramp_wire_customer_from_data (contents, length, &read_error);
      g_test_message ("%s: %s", name, read_error ? read_error->message : "read");
      if (customer == NULL)
        {
          g_assert_error (read_error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
          n_refused++;
          continue;
        }

      again_text = onramp_wire_customer_to_data (customer, &length);
      again = onramp_wire_customer_from_data (again_text, length, &read_error);
      g_assert_no_error (read_error);
      g_assert_true (onramp_customer_equal (customer, again));
      n_read++;
    }

  /* the seeds hold both kinds */
  g_assert_cmpuint (n_read, >=, 3);
  g_assert_cmpuint (n_refused, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/wire/round-trip", test_wire_round_trip);
  g_test_add_func ("/wire/empty-fields-omitted", test_wire_empty_fields_omitted);
  g_test_add_func ("/wire/pascal-case-in-camel-case-out", test_wire_pascal_case_in_camel_case_out);
  g_test_add_func ("/wire/accepts", test_wire_accepts);
  g_test_add_func ("/wire/line-item-numbers", test_wire_line_item_numbers);
  g_test_add_func ("/wire/rejects", test_wire_rejects);
  g_test_add_func ("/wire/deep-nesting", test_wire_deep_nesting);
  g_test_add_func ("/wire/fuzz-seeds", test_wire_fuzz_seeds);

  return g_test_run ();
}

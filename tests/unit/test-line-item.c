/* test-line-item.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "onramp-validator.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Each property, and two different values for it */
typedef struct
{
  const char *property;
  const char *first;
  const char *second;
} PropertyCase;

static const PropertyCase property_cases[] = {
  { "catalog-item-id", "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P", "CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ" },
  { "product-id", "CFQ7TTC0LH0Z", "CFQ7TTC0LFLS" },
  { "sku-id", "0001", "0002" },
  { "title", "Microsoft 365 Business Basic", "Office 365 E3" },
  { "billing-cycle", "monthly", "annual" },
  { "term-duration", "P1M", "P1Y" },
  { "quantity", "5", "6" },
  { "minimum-quantity", "2", "3" },
  { "maximum-quantity", "300", "10000" },
  { "available", "false", "true" },
};

static void
set_from_string (GObject    *object,
                 const char *property,
                 const char *text)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (&value, text);
  else if (pspec->value_type == G_TYPE_UINT)
    g_value_set_uint (&value, g_ascii_strtoull (text, NULL, 10));
  else
    g_value_set_boolean (&value, g_str_equal (text, "true"));

  g_object_set_property (object, property, &value);
}

/* A page binds to the item's properties: one notify per real change */
static void
test_line_item_notifies_once_per_change (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_cases); i++)
    {
      const PropertyCase *c = &property_cases[i];
      g_autoptr(OnrampLineItem) item = onramp_line_item_new ();
      g_autoptr(OnrampLineItem) copy = NULL;
      g_autofree char *signal = g_strconcat ("notify::", c->property, NULL);
      guint count = 0;

      g_test_message ("property %s", c->property);
      g_signal_connect (item, signal, G_CALLBACK (count_notify_cb), &count);

      set_from_string (G_OBJECT (item), c->property, c->first);
      g_assert_cmpuint (count, ==, 1);
      set_from_string (G_OBJECT (item), c->property, c->first);
      g_assert_cmpuint (count, ==, 1);

      copy = onramp_line_item_copy (item);
      g_assert_true (onramp_line_item_equal (item, copy));

      set_from_string (G_OBJECT (item), c->property, c->second);
      g_assert_cmpuint (count, ==, 2);
      g_assert_false (onramp_line_item_equal (item, copy));
    }
}

static void
test_line_item_empty_is_unset (void)
{
  g_autoptr(OnrampLineItem) item = onramp_line_item_new ();
  guint count = 0;

  g_signal_connect (item, "notify::title", G_CALLBACK (count_notify_cb), &count);
  onramp_line_item_set_title (item, "");
  onramp_line_item_set_title (item, NULL);
  g_assert_cmpuint (count, ==, 0);
  g_assert_cmpstr (onramp_line_item_get_title (item), ==, "");
}

static OnrampLineItem *
make_item (const char *title,
           guint       quantity,
           guint       minimum,
           guint       maximum,
           gboolean    available)
{
  return g_object_new (ONRAMP_TYPE_LINE_ITEM,
                       "title", title,
                       "catalog-item-id", "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P",
                       "quantity", quantity,
                       "minimum-quantity", minimum,
                       "maximum-quantity", maximum,
                       "available", available,
                       NULL);
}

static void
test_customer_copies_and_compares_line_items (void)
{
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(OnrampCustomer) copy = NULL;
  g_autoptr(OnrampLineItem) item = make_item ("Microsoft 365 Business Basic", 5, 1, 300, TRUE);
  g_autoptr(OnrampLineItem) copied_item = NULL;
  GListStore *cart = G_LIST_STORE (onramp_customer_get_line_items (customer));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (cart)) == ONRAMP_TYPE_LINE_ITEM);
  g_list_store_append (cart, item);

  copy = onramp_customer_copy (customer);
  g_assert_true (onramp_customer_equal (customer, copy));

  /* a deep copy: changing the copy's item leaves the original alone */
  copied_item = g_list_model_get_item (onramp_customer_get_line_items (copy), 0);
  g_assert_true (copied_item != item);
  onramp_line_item_set_quantity (copied_item, 6);
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, 5);
  g_assert_false (onramp_customer_equal (customer, copy));
  onramp_line_item_set_quantity (copied_item, 5);
  g_assert_true (onramp_customer_equal (customer, copy));

  g_list_store_remove (G_LIST_STORE (onramp_customer_get_line_items (copy)), 0);
  g_assert_false (onramp_customer_equal (customer, copy));
}

/* Each case: one line item, and what the check must say about it */
typedef struct
{
  guint        quantity;
  guint        minimum;
  guint        maximum;
  gboolean     available;
  const char  *code;
  const char  *pointer;
  const char  *suggestion;
} CheckCase;

static const CheckCase check_cases[] = {
  { 5, 1, 300, TRUE, NULL, NULL, NULL },
  { 1, 1, 1, TRUE, NULL, NULL, NULL },
  { 300, 1, 300, TRUE, NULL, NULL, NULL },
  { 1000000, 1, 0, TRUE, NULL, NULL, NULL },            /* no maximum given */
  { 301, 1, 300, TRUE, "subscription.quantity-range", "/cart/lineItems/0/quantity", "300" },
  { 2, 5, 300, TRUE, "subscription.quantity-range", "/cart/lineItems/0/quantity", "5" },
  { 0, 0, 300, TRUE, "subscription.quantity-range", "/cart/lineItems/0/quantity", "1" },  /* never 0 licenses */
  { 5, 1, 300, FALSE, "subscription.unavailable", "/cart/lineItems/0", NULL },
};

static void
test_line_items_check (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      const CheckCase *c = &check_cases[i];
      g_autoptr(GListStore) cart = g_list_store_new (ONRAMP_TYPE_LINE_ITEM);
      g_autoptr(OnrampLineItem) item = make_item ("Microsoft 365 Business Basic", c->quantity,
                                                  c->minimum, c->maximum, c->available);
      g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
      OnrampIssue *issue;

      g_test_message ("case %u", i);
      g_list_store_append (cart, item);
      onramp_line_items_check (G_LIST_MODEL (cart), issues);

      if (c->code == NULL)
        {
          g_assert_cmpuint (issues->len, ==, 0);
          continue;
        }

      g_assert_cmpuint (issues->len, ==, 1);
      issue = g_ptr_array_index (issues, 0);
      g_assert_cmpstr (onramp_issue_get_code (issue), ==, c->code);
      g_assert_cmpstr (onramp_issue_get_pointer (issue), ==, c->pointer);
      g_assert_cmpstr (onramp_issue_get_suggestion (issue), ==, c->suggestion);
      g_assert_cmpint (onramp_issue_get_field (issue), ==, ONRAMP_FIELD_NONE);
      g_assert_cmpint (onramp_issue_get_severity (issue), ==, ONRAMP_SEVERITY_ERROR);
      g_assert_nonnull (strstr (onramp_issue_get_message (issue), "Microsoft 365 Business Basic"));
    }
}

/* The validator reports line items with the rest, at their own position */
static void
test_validator_reports_line_items (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  GListStore *cart = G_LIST_STORE (onramp_customer_get_line_items (customer));
  g_autoptr(OnrampLineItem) fine = make_item ("Microsoft 365 Business Basic", 5, 1, 300, TRUE);
  g_autoptr(OnrampLineItem) too_many = make_item ("Office 365 E3", 5001, 1, 5000, TRUE);
  g_autoptr(OnrampLineItem) untitled = make_item (NULL, 1, 1, 0, FALSE);
  g_autoptr(GPtrArray) issues = NULL;
  gboolean found_range = FALSE;
  gboolean found_unavailable = FALSE;

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Pharmaceuticals Limited");
  g_list_store_append (cart, fine);
  g_list_store_append (cart, untitled);
  g_list_store_append (cart, too_many);

  issues = onramp_validator_validate (validator, customer);
  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);
      const char *pointer = onramp_issue_get_pointer (issue);

      g_assert_false (g_str_has_prefix (pointer, "/cart/lineItems/0"));
      if (g_str_equal (pointer, "/cart/lineItems/2/quantity"))
        {
          g_assert_cmpstr (onramp_issue_get_code (issue), ==, "subscription.quantity-range");
          g_assert_cmpstr (onramp_issue_get_suggestion (issue), ==, "5000");
          found_range = TRUE;
        }
      if (g_str_equal (pointer, "/cart/lineItems/1"))
        {
          g_assert_cmpstr (onramp_issue_get_code (issue), ==, "subscription.unavailable");
          /* no title: the catalog id names the item */
          g_assert_nonnull (strstr (onramp_issue_get_message (issue), "CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P"));
          found_unavailable = TRUE;
        }
    }

  g_assert_true (found_range);
  g_assert_true (found_unavailable);
  g_assert_true (onramp_issues_have_errors (issues));
}

static void
test_issue_for_pointer (void)
{
  g_autoptr(OnrampIssue) by_pointer = onramp_issue_new_for_pointer ("/cart/lineItems/3/quantity",
                                                                    ONRAMP_SEVERITY_ERROR,
                                                                    "subscription.quantity-range",
                                                                    "message", "7");
  g_autoptr(OnrampIssue) by_field = onramp_issue_new (ONRAMP_FIELD_CITY, ONRAMP_SEVERITY_WARNING,
                                                      "address.unverified", "message", NULL);
  g_autoptr(OnrampIssue) whole = onramp_issue_new (ONRAMP_FIELD_NONE, ONRAMP_SEVERITY_WARNING,
                                                   "address.unverified", "message", NULL);

  g_assert_cmpstr (onramp_issue_get_pointer (by_pointer), ==, "/cart/lineItems/3/quantity");
  g_assert_cmpint (onramp_issue_get_field (by_pointer), ==, ONRAMP_FIELD_NONE);
  g_assert_cmpstr (onramp_issue_get_suggestion (by_pointer), ==, "7");
  g_assert_cmpstr (onramp_issue_get_pointer (by_field), ==, "/billingProfile/defaultAddress/city");
  g_assert_cmpstr (onramp_issue_get_pointer (whole), ==, "");
}

/* The license range takes its plural form from the largest number, by
 * each language's own rule: French counts 0 and 1 as singular, German
 * only 1, Chinese has one form. Reads the catalogs built in po/. */
static void
test_license_range_plural (void)
{
  static const struct
  {
    const char *language;
    guint       minimum;
    guint       maximum;
    const char *label;
  } cases[] = {
    { "en", 1, 1, "1 to 1 license" },
    { "en", 1, 300, "1 to 300 licenses" },
    { "en", 0, 0, "0 to 0 licenses" },
    { "de", 1, 1, "1 bis 1 Lizenz" },
    { "de", 0, 0, "0 bis 0 Lizenzen" },
    { "de", 5, 300, "5 bis 300 Lizenzen" },
    { "fr", 0, 1, "0 à 1 licence" },
    { "fr", 0, 0, "0 à 0 licence" },
    { "fr", 1, 2, "1 à 2 licences" },
    { "zh_TW", 1, 1, "1 至 1 個授權" },
    { "zh_TW", 1, 300, "1 至 300 個授權" },
  };
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;

      g_test_message ("%s: %u to %u", cases[i].language, cases[i].minimum, cases[i].maximum);
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      setlocale (LC_ALL, "");
      label = onramp_license_range_to_label (cases[i].minimum, cases[i].maximum);
      g_assert_cmpstr (label, ==, cases[i].label);
    }

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  /* A UTF-8 locale whose messages LANGUAGE picks; the catalogs just built */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-item/notifies-once-per-change", test_line_item_notifies_once_per_change);
  g_test_add_func ("/line-item/empty-is-unset", test_line_item_empty_is_unset);
  g_test_add_func ("/line-item/customer-copy-and-equal", test_customer_copies_and_compares_line_items);
  g_test_add_func ("/line-item/check", test_line_items_check);
  g_test_add_func ("/line-item/validator", test_validator_reports_line_items);
  g_test_add_func ("/line-item/issue-for-pointer", test_issue_for_pointer);
  g_test_add_func ("/line-item/license-range-plural", test_license_range_plural);

  return g_test_run ();
}

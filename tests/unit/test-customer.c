/* test-customer.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-customer.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A page binds to the record's properties: one notify per real change,
 * none for a value that did not change. */
static void
test_customer_notifies_once_per_change (void)
{
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  guint count = 0;

  g_signal_connect (customer, "notify::company-name", G_CALLBACK (count_notify_cb), &count);

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Limited");
  g_assert_cmpuint (count, ==, 1);
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Limited");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (customer, "company-name", "Fabrikam GmbH", NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME), ==, "Fabrikam GmbH");

  /* Cleared and never set are the same to the user */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "");
  g_assert_cmpuint (count, ==, 3);
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME), ==, "");
}

static void
test_customer_copy_and_equal (void)
{
  g_autoptr(OnrampCustomer) a = onramp_customer_new ();
  g_autoptr(OnrampCustomer) b = NULL;

  onramp_customer_set_field (a, ONRAMP_FIELD_COMPANY_NAME, "台灣微軟股份有限公司");
  onramp_customer_set_field (a, ONRAMP_FIELD_COUNTRY, "TW");
  onramp_customer_set_agreement_accepted (a, TRUE);

  b = onramp_customer_copy (a);
  g_assert_true (onramp_customer_equal (a, b));
  g_assert_cmpstr (onramp_customer_get_field (b, ONRAMP_FIELD_COMPANY_NAME), ==, "台灣微軟股份有限公司");

  onramp_customer_set_field (b, ONRAMP_FIELD_CITY, "臺北市");
  g_assert_false (onramp_customer_equal (a, b));
  onramp_customer_set_field (b, ONRAMP_FIELD_CITY, NULL);
  g_assert_true (onramp_customer_equal (a, b));
  onramp_customer_set_agreement_accepted (b, FALSE);
  g_assert_false (onramp_customer_equal (a, b));
}

/* Every field has its own property and its own place in the wire form */
static void
test_field_table (void)
{
  g_autoptr(GHashTable) pointers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();

  for (OnrampField f = 0; f < ONRAMP_N_FIELDS; f++)
    {
      const char *name = onramp_field_get_property_name (f);
      const char *pointer = onramp_field_get_pointer (f);

      g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (customer), name));
      g_assert_cmpint (onramp_field_from_property_name (name), ==, f);
      g_assert_true (pointer[0] == '/');
      g_assert_false (g_hash_table_contains (pointers, pointer));
      g_hash_table_add (pointers, (gpointer)pointer);
      g_assert_cmpuint (onramp_field_get_max_length (f), >, 0);
    }

  g_assert_cmpstr (onramp_field_get_pointer (ONRAMP_FIELD_COMPANY_NAME), ==, "/billingProfile/companyName");
  g_assert_cmpstr (onramp_field_get_pointer (ONRAMP_FIELD_POSTAL_CODE), ==,
                   "/billingProfile/defaultAddress/postalCode");
  g_assert_cmpint (onramp_field_from_property_name ("no-such-field"), ==, ONRAMP_FIELD_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer/notifies-once-per-change", test_customer_notifies_once_per_change);
  g_test_add_func ("/customer/copy-and-equal", test_customer_copy_and_equal);
  g_test_add_func ("/customer/field-table", test_field_table);

  return g_test_run ();
}

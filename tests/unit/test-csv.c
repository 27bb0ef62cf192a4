/* test-csv.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-csv.h"
#include "onramp-error.h"

/* Rows written as "a|b|c", one per element, to keep the table readable */
static const struct
{
  const char *name;
  const char *input;
  const char *rows[4];
} parse_cases[] = {
  { "plain", "a,b,c\n1,2,3\n", { "a|b|c", "1|2|3" } },
  { "crlf", "a,b\r\n1,2\r\n", { "a|b", "1|2" } },
  { "no final newline", "a,b\n1,2", { "a|b", "1|2" } },
  { "bom", "\xEF\xBB\xBF" "a,b\n", { "a|b" } },
  { "quoted comma", "\"Fabrikam, Inc.\",x\n", { "Fabrikam, Inc.|x" } },
  { "doubled quote", "\"say \"\"hi\"\"\",x\n", { "say \"hi\"|x" } },
  { "embedded lf", "\"line 1\nline 2\",x\ny,z\n", { "line 1\nline 2|x", "y|z" } },
  { "embedded crlf", "\"line 1\r\nline 2\",x\r\n", { "line 1\r\nline 2|x" } },
  { "empty fields", ",,\n", { "||" } },
  { "empty quoted", "\"\",a\n", { "|a" } },
  { "quote mid-field kept", "ab\"c,d\n", { "ab\"c|d" } },
  { "text after closing quote kept", "\"ab\"c,d\n", { "abc|d" } },
  { "old mac line ends", "a,b\r1,2\r", { "a|b", "1|2" } },
  { "blank line is a row", "a\n\nb\n", { "a", "", "b" } },
  { "cjk", "信義數位,臺北市\n", { "信義數位|臺北市" } },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      guint n_expected = 0;

      g_test_message ("%s", parse_cases[i].name);
      rows = onramp_csv_parse (parse_cases[i].input, strlen (parse_cases[i].input), &error);
      g_assert_no_error (error);

      while (n_expected < G_N_ELEMENTS (parse_cases[i].rows) && parse_cases[i].rows[n_expected] != NULL)
        n_expected++;
      g_assert_cmpuint (rows->len, ==, n_expected);

      for (guint r = 0; r < n_expected; r++)
        {
          g_autofree char *joined = g_strjoinv ("|", g_ptr_array_index (rows, r));

          g_assert_cmpstr (joined, ==, parse_cases[i].rows[r]);
        }
    }
}

static const struct
{
  const char *name;
  const char *input;
  gssize      length;
  const char *message;
} bad_cases[] = {
  { "quote never closed", "a,b\n\"Contoso,1\n2,3\n", -1, "Row 2" },
  { "invalid utf-8", "a,b\n\xC3\x28,x\n", -1, "UTF-8" },
  { "latin-1", "companyName\nM\xFCller GmbH\n", -1, "UTF-8" },
  { "nul byte", "a,b\n\0,x\n", 8, "NUL" },
};

static void
test_parse_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = bad_cases[i].length < 0 ? strlen (bad_cases[i].input) : (gsize)bad_cases[i].length;

      g_test_message ("%s", bad_cases[i].name);
      rows = onramp_csv_parse (bad_cases[i].input, length, &error);
      g_assert_null (rows);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, bad_cases[i].message));
    }
}

static void
test_write (void)
{
  const struct
  {
    const char *fields[3];
    const char *line;
  } cases[] = {
    { { "a", "b", "c" }, "a,b,c\r\n" },
    { { "Fabrikam, Inc.", "", "x" }, "\"Fabrikam, Inc.\",,x\r\n" },
    { { "say \"hi\"", "two\nlines", "\r" }, "\"say \"\"hi\"\"\",\"two\nlines\",\"\r\"\r\n" },
    { { " padded ", "信義", "" }, "\" padded \",信義,\r\n" },
    /* Unquoted, a leading U+FEFF would be read as a byte order mark */
    { { "\xEF\xBB\xBFx", "y", "z" }, "\"\xEF\xBB\xBFx\",y,z\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      GStrv row;

      onramp_csv_append_row (out, cases[i].fields, 3);
      g_assert_cmpstr (out->str, ==, cases[i].line);

      /* What is written reads back the same */
      rows = onramp_csv_parse (out->str, out->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      row = g_ptr_array_index (rows, 0);
      for (guint f = 0; f < 3; f++)
        g_assert_cmpstr (row[f], ==, cases[i].fields[f]);
    }
}

static void
test_import (void)
{
  const char *csv =
    "\xEF\xBB\xBF"
    "COUNTRY, companyName ,Domain,faxNumber,email,city,FaxNumber,city\r\n"
    "TW,信義數位科技股份有限公司,hsinyidigital.onmicrosoft.com,02-1234,a@b.tw,臺北市,x,ignored\r\n"
    "\r\n"
    "US,\"Fabrikam, Inc.\",\"fabrikam\",,\"ops@fabrikam.com\",\"Seattle\nWA\"\r\n"
    "DE,Müller GmbH,mueller.ONMICROSOFT.COM,,,München,,,extra,cells\r\n";
  g_autoptr(OnrampCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  OnrampCustomer *tw;
  OnrampCustomer *us;
  OnrampCustomer *de;

  import = onramp_csv_import (csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->customers->len, ==, 3);

  /* Unknown columns are named once each, in the header's order; a second
   * "city" column is unknown too rather than overwriting the first */
  g_assert_cmpuint (g_strv_length (import->unknown_columns), ==, 3);
  g_assert_cmpstr (import->unknown_columns[0], ==, "faxNumber");
  g_assert_cmpstr (import->unknown_columns[1], ==, "FaxNumber");
  g_assert_cmpstr (import->unknown_columns[2], ==, "city");

  /* Spreadsheet row numbers: the header is row 1, the blank row 3 is skipped */
  g_assert_cmpuint (g_array_index (import->rows, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (import->rows, guint, 1), ==, 4);
  g_assert_cmpuint (g_array_index (import->rows, guint, 2), ==, 5);

  tw = g_ptr_array_index (import->customers, 0);
  g_assert_cmpstr (onramp_customer_get_field (tw, ONRAMP_FIELD_COMPANY_NAME), ==, "信義數位科技股份有限公司");
  g_assert_cmpstr (onramp_customer_get_field (tw, ONRAMP_FIELD_COUNTRY), ==, "TW");
  g_assert_cmpstr (onramp_customer_get_field (tw, ONRAMP_FIELD_DOMAIN_PREFIX), ==, "hsinyidigital");
  g_assert_cmpstr (onramp_customer_get_field (tw, ONRAMP_FIELD_CITY), ==, "臺北市");

  us = g_ptr_array_index (import->customers, 1);
  g_assert_cmpstr (onramp_customer_get_field (us, ONRAMP_FIELD_COMPANY_NAME), ==, "Fabrikam, Inc.");
  g_assert_cmpstr (onramp_customer_get_field (us, ONRAMP_FIELD_DOMAIN_PREFIX), ==, "fabrikam");
  g_assert_cmpstr (onramp_customer_get_field (us, ONRAMP_FIELD_CITY), ==, "Seattle\nWA");

  de = g_ptr_array_index (import->customers, 2);
  g_assert_cmpstr (onramp_customer_get_field (de, ONRAMP_FIELD_DOMAIN_PREFIX), ==, "mueller");
  g_assert_cmpstr (onramp_customer_get_field (de, ONRAMP_FIELD_EMAIL), ==, "");
}

static void
test_import_bad (void)
{
  const struct
  {
    const char *name;
    const char *input;
    const char *message;
  } cases[] = {
    { "empty", "", "empty" },
    { "blank lines only", "\r\n\r\n", "empty" },
    { "no header", "Contoso Ltd,contoso,US\n", "header" },
    { "quote never closed", "companyName\n\"Contoso\n", "never closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OnrampCsvImport) import = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].name);
      import = onramp_csv_import (cases[i].input, strlen (cases[i].input), &error);
      g_assert_null (import);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static OnrampCustomer *
make_customer (const char * const *values)
{
  OnrampCustomer *customer = onramp_customer_new ();

  for (guint i = 0; values[i] != NULL; i += 2)
    onramp_customer_set_field (customer, onramp_csv_field_for_column (values[i]), values[i + 1]);

  return customer;
}

static void
test_round_trip (void)
{
  const char *tw[] = {
    "companyName", "信義數位科技股份有限公司", "domain", "hsinyidigital", "country", "TW",
    "email", "meiling.chen@hsinyidigital.com.tw", "addressLine1", "信義路五段7號35樓",
    "city", "臺北市", "postalCode", "110", "organizationRegistrationNumber", "24536806", NULL
  };
  const char *us[] = {
    "companyName", "Fabrikam \"Northwind\", LLC", "domain", "fabrikam", "country", "US",
    "addressLine1", "1 Microsoft Way", "addressLine2", "Building 92\nFloor 3", "state", "WA",
    "firstName", "Dana", "middleName", "J.", "lastName", "Whitfield", "culture", "en-US",
    "language", "en", "phoneNumber", "4255550100", NULL
  };
  const char *empty[] = { NULL };
  const char * const *all[] = { tw, us, empty };
  g_autoptr(GListStore) customers = g_list_store_new (ONRAMP_TYPE_CUSTOMER);
  g_autoptr(OnrampCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(OnrampCustomer) customer = make_customer (all[i]);

      g_list_store_append (customers, customer);
    }

  csv = onramp_csv_export (G_LIST_MODEL (customers), &length);
  g_assert_true (g_str_has_prefix (csv, "companyName,domain,email,culture,language,firstName,"
                                        "middleName,lastName,addressLine1,addressLine2,city,state,"
                                        "postalCode,country,phoneNumber,organizationRegistrationNumber\r\n"));
  g_assert_nonnull (strstr (csv, "hsinyidigital.onmicrosoft.com"));

  import = onramp_csv_import (csv, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (import->unknown_columns), ==, 0);
  /* An all-empty customer is a blank row, which import skips */
  g_assert_cmpuint (import->customers->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(OnrampCustomer) original = g_list_model_get_item (G_LIST_MODEL (customers), i);

      g_assert_true (onramp_customer_equal (original, g_ptr_array_index (import->customers, i)));
    }
}

static void
test_columns (void)
{
  for (OnrampField field = 0; field < ONRAMP_N_FIELDS; field++)
    {
      const char *column = onramp_csv_column_for_field (field);
      const char *pointer = onramp_field_get_pointer (field);

      if (column == NULL)
        {
          /* Only the agreement and the partner id have no column */
          g_assert_true (g_str_has_prefix (pointer, "/agreement/") || field == ONRAMP_FIELD_ASSOCIATED_PARTNER_ID);
          continue;
        }

      /* Each column is the last segment of its wire pointer */
      g_assert_true (g_str_has_suffix (pointer, column));
      g_assert_cmpint (pointer[strlen (pointer) - strlen (column) - 1], ==, '/');
      g_assert_cmpint (onramp_csv_field_for_column (column), ==, field);
    }
  g_assert_cmpint (onramp_csv_field_for_column ("POSTALCODE"), ==, ONRAMP_FIELD_POSTAL_CODE);
  g_assert_cmpint (onramp_csv_field_for_column ("faxNumber"), ==, ONRAMP_FIELD_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse", test_parse);
  g_test_add_func ("/csv/parse-bad", test_parse_bad);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/import", test_import);
  g_test_add_func ("/csv/import-bad", test_import_bad);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/columns", test_columns);

  return g_test_run ();
}

/* fuzz-csv.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include "onramp-csv.h"
#include "onramp-error.h"

/* libFuzzer target for `onramp-cli import`: whatever bytes come in, the
 * CSV reader either fails with ONRAMP_ERROR_INVALID_DATA or gives rows that
 * the writer writes back and the reader reads back the same; an import's
 * customers survive export and import unchanged. A critical or a warning
 * is a bug too, so both abort.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_rows_round_trip (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GPtrArray) again = NULL;
      g_autoptr(GError) error = NULL;

      onramp_csv_append_row (out, (const char * const *)row, g_strv_length (row));
      again = onramp_csv_parse (out->str, out->len, &error);
      if (again == NULL)
        g_error ("Our own row does not read back: %s\n%s", error->message, out->str);
      if (again->len != 1 || !g_strv_equal ((const char * const *)row, g_ptr_array_index (again, 0)))
        g_error ("A row changed on a round trip:\n%s", out->str);
    }
}

static gboolean
is_empty (OnrampCustomer *customer)
{
  g_autoptr(OnrampCustomer) empty = onramp_customer_new ();

  return onramp_customer_equal (customer, empty);
}

static void
check_import_round_trip (OnrampCsvImport *import)
{
  g_autoptr(GListStore) customers = g_list_store_new (ONRAMP_TYPE_CUSTOMER);
  g_autoptr(OnrampCsvImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;
  guint n = 0;

  for (guint i = 0; i < import->customers->len; i++)
    {
      /* A row of blanks only comes back as a blank row, which is skipped */
      if (!is_empty (g_ptr_array_index (import->customers, i)))
        g_list_store_append (customers, g_ptr_array_index (import->customers, i));
    }

  csv = onramp_csv_export (G_LIST_MODEL (customers), &length);
  again = onramp_csv_import (csv, length, &error);
  if (again == NULL)
    g_error ("Our own export does not import: %s\n%s", error->message, csv);

  if (again->customers->len != g_list_model_get_n_items (G_LIST_MODEL (customers)))
    g_error ("Export and import changed the number of customers:\n%s", csv);

  for (n = 0; n < again->customers->len; n++)
    {
      g_autoptr(OnrampCustomer) original = g_list_model_get_item (G_LIST_MODEL (customers), n);

      if (!onramp_customer_equal (original, g_ptr_array_index (again->customers, n)))
        g_error ("A customer changed on export and import:\n%s", csv);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(OnrampCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  rows = onramp_csv_parse ((const char *)data, size, &error);
  if (rows == NULL)
    {
      g_assert (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  check_rows_round_trip (rows);

  import = onramp_csv_import ((const char *)data, size, &error);
  if (import == NULL)
    {
      g_assert (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (import->customers->len == import->rows->len);
  check_import_round_trip (import);

  return 0;
}

/* onramp-csv.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-csv.h"
#include "onramp-error.h"

/* CSV as RFC 4180 has it, read the way spreadsheets write it: fields in
 * double quotes may hold commas, line breaks and doubled quotes; lines end
 * in CRLF or LF; a UTF-8 byte order mark is skipped. The reader is lenient
 * where nothing is ambiguous (a quote inside an unquoted field is kept as
 * text) and strict where data would be lost (a quote never closed).
 *
 * Customer files name their columns by the last segment of each field's
 * wire JSON Pointer (onramp-customer.c), so a header row reads like the
 * Partner Center documentation.
 */

#define MAX_FIELDS_PER_ROW 1024
#define DOMAIN_SUFFIX ".onmicrosoft.com"

static const struct
{
  OnrampField  field;
  const char  *column;
} columns[] = {
  { ONRAMP_FIELD_COMPANY_NAME, "companyName" },
  { ONRAMP_FIELD_DOMAIN_PREFIX, "domain" },
  { ONRAMP_FIELD_EMAIL, "email" },
  { ONRAMP_FIELD_CULTURE, "culture" },
  { ONRAMP_FIELD_LANGUAGE, "language" },
  { ONRAMP_FIELD_FIRST_NAME, "firstName" },
  { ONRAMP_FIELD_MIDDLE_NAME, "middleName" },
  { ONRAMP_FIELD_LAST_NAME, "lastName" },
  { ONRAMP_FIELD_ADDRESS_LINE1, "addressLine1" },
  { ONRAMP_FIELD_ADDRESS_LINE2, "addressLine2" },
  { ONRAMP_FIELD_CITY, "city" },
  { ONRAMP_FIELD_STATE, "state" },
  { ONRAMP_FIELD_POSTAL_CODE, "postalCode" },
  { ONRAMP_FIELD_COUNTRY, "country" },
  { ONRAMP_FIELD_PHONE_NUMBER, "phoneNumber" },
  { ONRAMP_FIELD_REGISTRATION_NUMBER, "organizationRegistrationNumber" },
};

/**
 * onramp_csv_column_for_field:
 *
 * Returns: (nullable): the CSV column name of @field, or %NULL for the
 *   fields a customer list has no column for (the agreement's)
 */
const char *
onramp_csv_column_for_field (OnrampField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (columns[i].field == field)
        return columns[i].column;
    }

  return NULL;
}

/**
 * onramp_csv_field_for_column:
 * @column: a header cell, in any case, surrounding spaces allowed
 *
 * Returns: the field, or %ONRAMP_FIELD_NONE
 */
OnrampField
onramp_csv_field_for_column (const char *column)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (column != NULL, ONRAMP_FIELD_NONE);

  trimmed = g_strstrip (g_strdup (column));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (g_ascii_strcasecmp (trimmed, columns[i].column) == 0)
        return columns[i].field;
    }

  return ONRAMP_FIELD_NONE;
}

/* Reading */

typedef struct
{
  const char *p;
  const char *end;
  guint       row;
  GPtrArray  *fields;
  GString    *field;
} Reader;

static void
end_field (Reader *reader)
{
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  g_string_truncate (reader->field, 0);
}

static gboolean
at_line_end (Reader *reader)
{
  return *reader->p == '\n' || (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n')
         || *reader->p == '\r';
}

static void
skip_line_end (Reader *reader)
{
  if (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n')
    reader->p += 2;
  else
    reader->p++;
}

static gboolean
read_quoted (Reader  *reader,
             GError **error)
{
  guint start_row = reader->row;

  reader->p++; /* the opening quote */
  while (reader->p < reader->end)
    {
      if (*reader->p == '"')
        {
          if (reader->p + 1 < reader->end && reader->p[1] == '"')
            {
              g_string_append_c (reader->field, '"');
              reader->p += 2;
              continue;
            }
          reader->p++;
          return TRUE;
        }
      g_string_append_c (reader->field, *reader->p);
      reader->p++;
    }

  g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
               /* Translators: %u is a row number in a CSV file */
               _("Row %u: a quoted field is never closed"), start_row);
  return FALSE;
}

/* One record; FALSE with @error on a quote never closed or too many fields */
static gboolean
read_record (Reader  *reader,
             GError **error)
{
  while (TRUE)
    {
      if (reader->p < reader->end && *reader->p == '"' && reader->field->len == 0)
        {
          if (!read_quoted (reader, error))
            return FALSE;
        }

      while (reader->p < reader->end && *reader->p != ',' && !at_line_end (reader))
        {
          /* Text after a closing quote, or a quote mid-field: kept as text */
          g_string_append_c (reader->field, *reader->p);
          reader->p++;
        }

      end_field (reader);
      if (reader->fields->len > MAX_FIELDS_PER_ROW)
        {
          g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                       /* Translators: %u is a row number, %d a number of columns */
                       g_dngettext (GETTEXT_PACKAGE, "Row %u has more than %d column",
                                    "Row %u has more than %d columns",
                                    MAX_FIELDS_PER_ROW),
                       reader->row, MAX_FIELDS_PER_ROW);
          return FALSE;
        }

      if (reader->p >= reader->end)
        return TRUE;

      if (*reader->p == ',')
        {
          reader->p++;
          continue;
        }

      skip_line_end (reader);
      return TRUE;
    }
}

/**
 * onramp_csv_parse:
 * @data: the file's bytes; anything, checked before use
 *
 * Reads CSV text into rows. A blank line is a row with one empty field.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, or %NULL with
 *   @error set (%ONRAMP_ERROR_INVALID_DATA)
 */
GPtrArray *
onramp_csv_parse (const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *invalid = NULL;
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("Not a text file: it holds NUL bytes"));
      return NULL;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the file */
                   _("Not UTF-8 text: invalid at offset %lu (save the file as “CSV UTF-8”)"),
                   (gulong)(invalid - data));
      return NULL;
    }

  reader.p = data;
  reader.end = data + length;
  reader.field = field;

  while (reader.p < reader.end)
    {
      if (rows->len >= ONRAMP_CSV_MAX_ROWS)
        {
          g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                       /* Translators: %d is a number of rows */
                       g_dngettext (GETTEXT_PACKAGE, "More than %d row", "More than %d rows", ONRAMP_CSV_MAX_ROWS),
                       ONRAMP_CSV_MAX_ROWS);
          return NULL;
        }

      reader.row = rows->len + 1;
      reader.fields = g_ptr_array_new_with_free_func (g_free);
      if (!read_record (&reader, error))
        {
          g_ptr_array_unref (reader.fields);
          return NULL;
        }
      g_ptr_array_add (reader.fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (reader.fields, FALSE));
    }

  return g_steal_pointer (&rows);
}

/* Writing */

static gboolean
needs_quotes (const char *field)
{
  gsize length = strlen (field);

  if (length == 0)
    return FALSE;

  /* Surrounding spaces would be lost by readers that trim, ours included;
   * a leading U+FEFF would be taken for a byte order mark at a file's start */
  return strpbrk (field, ",\"\r\n") != NULL || g_ascii_isspace (field[0])
         || g_ascii_isspace (field[length - 1]) || g_str_has_prefix (field, "\xEF\xBB\xBF");
}

/**
 * onramp_csv_append_row:
 * @fields: (array length=n_fields): the row's cells
 *
 * Appends one row, quoted where needed, ending in CRLF.
 */
void
onramp_csv_append_row (GString            *out,
                       const char * const *fields,
                       gsize               n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; i < n_fields; i++)
    {
      const char *field = fields[i] ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');

      if (!needs_quotes (field))
        {
          g_string_append (out, field);
          continue;
        }

      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }

  g_string_append (out, "\r\n");
}

/* Customers */

void
onramp_csv_import_free (OnrampCsvImport *import)
{
  if (import == NULL)
    return;

  g_clear_pointer (&import->customers, g_ptr_array_unref);
  g_clear_pointer (&import->rows, g_array_unref);
  g_clear_pointer (&import->unknown_columns, g_strfreev);
  g_free (import);
}

static gboolean
is_blank_row (GStrv row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      const char *p = row[i];

      while (g_ascii_isspace (*p))
        p++;
      if (*p != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The header's column → field map; unknown names collected once each */
static OnrampField *
map_header (GStrv       header,
            GStrv      *unknown,
            GError    **error)
{
  guint n_columns = g_strv_length (header);
  g_autofree OnrampField *map = g_new (OnrampField, n_columns);
  gboolean seen[ONRAMP_N_FIELDS] = { FALSE };
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_known = FALSE;

  for (guint i = 0; i < n_columns; i++)
    {
      OnrampField field = onramp_csv_field_for_column (header[i]);

      /* A second column for the same field would silently lose one value */
      if (field != ONRAMP_FIELD_NONE && seen[field])
        field = ONRAMP_FIELD_NONE;

      map[i] = field;
      if (field != ONRAMP_FIELD_NONE)
        {
          seen[field] = TRUE;
          any_known = TRUE;
        }
      else if (header[i][0] != '\0' && g_hash_table_add (reported, header[i]))
        g_strv_builder_add (builder, header[i]);
    }

  *unknown = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  if (!any_known)
    {
      g_clear_pointer (unknown, g_strfreev);
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The first row names no customer field; it must be a header such as "
                             "“companyName,domain,email,country,…”"));
      return NULL;
    }

  return g_steal_pointer (&map);
}

static void
set_from_cell (OnrampCustomer *customer,
               OnrampField     field,
               const char     *cell)
{
  g_autofree char *value = g_strstrip (g_strdup (cell));
  gsize length = strlen (value);
  gsize suffix = strlen (DOMAIN_SUFFIX);

  /* The wire form's column holds the whole initial domain; the record
   * keeps the prefix. A prefix alone is fine too. */
  if (field == ONRAMP_FIELD_DOMAIN_PREFIX && length > suffix &&
      g_ascii_strcasecmp (value + length - suffix, DOMAIN_SUFFIX) == 0)
    value[length - suffix] = '\0';

  onramp_customer_set_field (customer, field, value);
}

/**
 * onramp_csv_import:
 * @data: a CSV file's bytes: a header row, then one customer per row
 *
 * Returns: (transfer full): the customers, or %NULL with @error set
 *   (%ONRAMP_ERROR_INVALID_DATA) when the file cannot be read as CSV or
 *   its header names no field
 */
OnrampCsvImport *
onramp_csv_import (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(OnrampCsvImport) import = NULL;
  g_autofree OnrampField *map = NULL;
  guint header_index = 0;
  guint n_columns;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = onramp_csv_parse (data, length, error);
  if (rows == NULL)
    return NULL;

  while (header_index < rows->len && is_blank_row (g_ptr_array_index (rows, header_index)))
    header_index++;

  if (header_index == rows->len)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The file is empty: there is no header row"));
      return NULL;
    }

  import = g_new0 (OnrampCsvImport, 1);
  map = map_header (g_ptr_array_index (rows, header_index), &import->unknown_columns, error);
  if (map == NULL)
    return NULL;

  n_columns = g_strv_length (g_ptr_array_index (rows, header_index));
  import->customers = g_ptr_array_new_with_free_func (g_object_unref);
  import->rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = header_index + 1; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      OnrampCustomer *customer;
      guint row_number = r + 1;

      if (is_blank_row (row))
        continue;

      customer = onramp_customer_new ();
      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        {
          if (map[c] != ONRAMP_FIELD_NONE)
            set_from_cell (customer, map[c], row[c]);
        }

      g_ptr_array_add (import->customers, customer);
      g_array_append_val (import->rows, row_number);
    }

  return g_steal_pointer (&import);
}

/**
 * onramp_csv_export:
 * @customers: a #GListModel of #OnrampCustomer
 *
 * Writes the header row and one row per customer, in the form
 * onramp_csv_import() reads.
 *
 * Returns: (transfer full): CSV text with CRLF line ends
 */
char *
onramp_csv_export (GListModel *customers,
                   gsize      *length)
{
  GString *out = g_string_new (NULL);
  const char *cells[G_N_ELEMENTS (columns)];
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (customers), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    cells[i] = columns[i].column;
  onramp_csv_append_row (out, cells, G_N_ELEMENTS (columns));

  n_items = g_list_model_get_n_items (customers);
  for (guint n = 0; n < n_items; n++)
    {
      g_autoptr(OnrampCustomer) customer = g_list_model_get_item (customers, n);
      g_autofree char *domain = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          cells[i] = onramp_customer_get_field (customer, columns[i].field);

          /* The wire form's whole initial domain, as import reads it */
          if (columns[i].field == ONRAMP_FIELD_DOMAIN_PREFIX && cells[i][0] != '\0')
            cells[i] = domain = g_strconcat (cells[i], DOMAIN_SUFFIX, NULL);
        }

      onramp_csv_append_row (out, cells, G_N_ELEMENTS (columns));
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

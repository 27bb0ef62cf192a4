/* onramp-csv.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

/* More rows than this is not a customer list but a mistake */
#define ONRAMP_CSV_MAX_ROWS 100000

GPtrArray      *onramp_csv_parse              (const char          *data,
                                               gsize                length,
                                               GError             **error);
void            onramp_csv_append_row         (GString             *out,
                                               const char * const  *fields,
                                               gsize                n_fields);

const char     *onramp_csv_column_for_field   (OnrampField          field);
OnrampField     onramp_csv_field_for_column   (const char          *column);

/**
 * OnrampCsvImport:
 * @customers: (element-type OnrampCustomer): one record per data row
 * @rows: for each record, its row number in the file (the header is row 1),
 *   as a spreadsheet shows it
 * @unknown_columns: (array zero-terminated=1): header names that are not
 *   fields, each once; their values are ignored
 *
 * What onramp_csv_import() read.
 */
typedef struct
{
  GPtrArray *customers;
  GArray    *rows;
  GStrv      unknown_columns;
} OnrampCsvImport;

OnrampCsvImport *onramp_csv_import            (const char          *data,
                                               gsize                length,
                                               GError             **error);
void             onramp_csv_import_free       (OnrampCsvImport     *import);
char            *onramp_csv_export            (GListModel          *customers,
                                               gsize               *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampCsvImport, onramp_csv_import_free)

G_END_DECLS

/* onramp-date-row.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_DATE_ROW (onramp_date_row_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDateRow, onramp_date_row, ONRAMP, DATE_ROW, AdwEntryRow)

void onramp_date_row_set_today (OnrampDateRow *self,
                                GDateTime     *today);

G_END_DECLS

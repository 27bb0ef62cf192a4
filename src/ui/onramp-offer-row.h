/* onramp-offer-row.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-line-item.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_OFFER_ROW (onramp_offer_row_get_type ())

G_DECLARE_FINAL_TYPE (OnrampOfferRow, onramp_offer_row, ONRAMP, OFFER_ROW, GtkListBoxRow)

GtkWidget      *onramp_offer_row_new              (OnrampLineItem     *item,
                                                   const char * const *terms,
                                                   const char * const *billing_cycles);
OnrampLineItem *onramp_offer_row_get_item         (OnrampOfferRow     *self);
const char     *onramp_billing_cycle_to_label     (const char         *billing_cycle);
const char     *onramp_term_duration_to_label     (const char         *term_duration);
gboolean        onramp_billing_cycle_fits_term    (const char         *billing_cycle,
                                                   const char         *term_duration);

G_END_DECLS

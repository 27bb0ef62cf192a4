/* onramp-reseller-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-list-source.h"
#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_RESELLER_PAGE (onramp_reseller_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampResellerPage, onramp_reseller_page, ONRAMP, RESELLER_PAGE, OnrampPage)

GtkWidget        *onramp_reseller_page_new        (void);
void              onramp_reseller_page_reload     (OnrampResellerPage *self);
OnrampListSource  onramp_reseller_page_get_source (OnrampResellerPage *self);

G_END_DECLS

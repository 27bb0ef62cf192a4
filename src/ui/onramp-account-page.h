/* onramp-account-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_ACCOUNT_PAGE (onramp_account_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampAccountPage, onramp_account_page, ONRAMP, ACCOUNT_PAGE, OnrampPage)

GtkWidget *onramp_account_page_new (void);

G_END_DECLS

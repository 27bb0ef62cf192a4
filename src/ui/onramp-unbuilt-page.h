/* onramp-unbuilt-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_UNBUILT_PAGE (onramp_unbuilt_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampUnbuiltPage, onramp_unbuilt_page, ONRAMP, UNBUILT_PAGE, OnrampPage)

GtkWidget *onramp_unbuilt_page_new (const char *title,
                                    const char *icon_name);

G_END_DECLS

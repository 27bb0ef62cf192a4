/* onramp-done-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_DONE_PAGE (onramp_done_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDonePage, onramp_done_page, ONRAMP, DONE_PAGE, OnrampPage)

GtkWidget  *onramp_done_page_new          (void);
void        onramp_done_page_show_result  (OnrampDonePage     *self,
                                           JsonObject         *created,
                                           const char * const *icons,
                                           const char * const *lines);
const char *onramp_done_page_get_customer_id (OnrampDonePage  *self);
gboolean    onramp_done_page_has_password (OnrampDonePage     *self);
void        onramp_done_page_forget       (OnrampDonePage     *self);

G_END_DECLS

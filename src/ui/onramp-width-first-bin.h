/* onramp-width-first-bin.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_WIDTH_FIRST_BIN (onramp_width_first_bin_get_type ())

G_DECLARE_FINAL_TYPE (OnrampWidthFirstBin, onramp_width_first_bin, ONRAMP, WIDTH_FIRST_BIN, GtkWidget)

GtkWidget *onramp_width_first_bin_get_child (OnrampWidthFirstBin *self);
void       onramp_width_first_bin_set_child (OnrampWidthFirstBin *self,
                                             GtkWidget           *child);

G_END_DECLS

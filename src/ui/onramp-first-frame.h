/* onramp-first-frame.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*OnrampFirstFrameFunc) (GtkWidget *widget);

void onramp_widget_after_first_frame (GtkWidget            *widget,
                                      OnrampFirstFrameFunc  func);

G_END_DECLS

/* onramp-menu-button.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        onramp_menu_button_set_menu_later (GtkMenuButton *button,
                                               GMenuModel    *model);
GMenuModel *onramp_menu_button_get_menu_later (GtkMenuButton *button);

G_END_DECLS

/* onramp-menu-button.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-menu-button"

#include "config.h"

#include "onramp-menu-button.h"

/* gtk_menu_button_set_menu_model() builds the whole popover menu at once:
 * about a millisecond per header button before the window's first frame
 * (tests/bench/startup), for menus opened later if at all. These give the
 * button its menu when it first pops up instead, and keep it current. */

#define MENU_KEY "onramp-menu-later"

static void
apply_menu_cb (GtkMenuButton *button,
               gpointer       user_data)
{
  GMenuModel *model = onramp_menu_button_get_menu_later (button);

  if (gtk_menu_button_get_menu_model (button) != model)
    gtk_menu_button_set_menu_model (button, model);
}

/**
 * onramp_menu_button_set_menu_later:
 * @model: the menu @button shows
 *
 * Like gtk_menu_button_set_menu_model(), except that the popover is built
 * when @button first pops up; at once when it has popped up before, so an
 * open menu changes with @model.
 */
void
onramp_menu_button_set_menu_later (GtkMenuButton *button,
                                   GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  g_object_set_data_full (G_OBJECT (button), MENU_KEY, g_object_ref (model), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, apply_menu_cb, NULL, NULL);
  if (gtk_menu_button_get_popover (button) != NULL)
    apply_menu_cb (button, NULL);
}

/**
 * onramp_menu_button_get_menu_later:
 *
 * Returns: (transfer none) (nullable): the menu @button shows, built or not
 */
GMenuModel *
onramp_menu_button_get_menu_later (GtkMenuButton *button)
{
  g_return_val_if_fail (GTK_IS_MENU_BUTTON (button), NULL);

  return g_object_get_data (G_OBJECT (button), MENU_KEY);
}

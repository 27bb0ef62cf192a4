/* onramp-account-button.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-account-button"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-account-button.h"
#include "onramp-menu-button.h"

/* The account indicator in the header bar: a menu with "Sign In…" while
 * signed out, and the account with "Sign Out" while signed in. The menu
 * items activate app.sign-in and app.sign-out. */

struct _OnrampAccountButton
{
  AdwBin         parent_instance;

  GtkMenuButton *menu_button;
  OnrampAuth    *auth;
};

G_DEFINE_FINAL_TYPE (OnrampAccountButton, onramp_account_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_account_button_update (OnrampAccountButton *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  gboolean signed_in = self->auth && onramp_auth_get_state (self->auth) == ONRAMP_AUTH_STATE_SIGNED_IN;
  const char *account = self->auth ? onramp_auth_get_account (self->auth) : NULL;
  g_autofree char *tooltip = NULL;

  if (signed_in)
    {
      /* Translators: %s is the signed-in account, such as agent@contoso.com */
      tooltip = g_strdup_printf (_("Signed in as %s"), account ? account : "");
      /* An item with no action shows as plain text: who is signed in */
      g_menu_append (section, account && *account ? tooltip : _("Signed in"), NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("Sign _Out"), "app.sign-out");
    }
  else
    {
      tooltip = g_strdup (_("Not signed in"));
      g_menu_append (menu, _("_Sign In…"), "app.sign-in");
    }

  onramp_menu_button_set_menu_later (self->menu_button, G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (self->menu_button, signed_in ? "avatar-default-symbolic"
                                                              : "system-users-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
}

static void
onramp_account_button_dispose (GObject *object)
{
  OnrampAccountButton *self = (OnrampAccountButton *)object;

  g_clear_object (&self->auth);

  G_OBJECT_CLASS (onramp_account_button_parent_class)->dispose (object);
}

static void
onramp_account_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OnrampAccountButton *self = ONRAMP_ACCOUNT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_account_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OnrampAccountButton *self = ONRAMP_ACCOUNT_BUTTON (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      onramp_account_button_set_auth (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_account_button_class_init (OnrampAccountButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onramp_account_button_dispose;
  object_class->get_property = onramp_account_button_get_property;
  object_class->set_property = onramp_account_button_set_property;

  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL, ONRAMP_TYPE_AUTH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_account_button_init (OnrampAccountButton *self)
{
  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  /* Translators: the screen reader's name of the signed-in account's menu button */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->menu_button));
  onramp_account_button_update (self);
}

GtkWidget *
onramp_account_button_new (void)
{
  return g_object_new (ONRAMP_TYPE_ACCOUNT_BUTTON, NULL);
}

OnrampAuth *
onramp_account_button_get_auth (OnrampAccountButton *self)
{
  g_return_val_if_fail (ONRAMP_IS_ACCOUNT_BUTTON (self), NULL);

  return self->auth;
}

void
onramp_account_button_set_auth (OnrampAccountButton *self,
                                OnrampAuth          *auth)
{
  g_return_if_fail (ONRAMP_IS_ACCOUNT_BUTTON (self));
  g_return_if_fail (!auth || ONRAMP_IS_AUTH (auth));

  if (self->auth == auth)
    return;

  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
  g_set_object (&self->auth, auth);
  if (auth != NULL)
    {
      g_signal_connect_object (auth, "notify::state", G_CALLBACK (onramp_account_button_update),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (auth, "notify::account", G_CALLBACK (onramp_account_button_update),
                               self, G_CONNECT_SWAPPED);
    }

  onramp_account_button_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

/* onramp-window.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-account-button.h"
#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-unbuilt-page.h"
#include "onramp-window.h"

struct _OnrampWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  GtkRevealer          *demo_revealer;
  GtkLabel             *demo_label;
  OnrampAccountButton  *account_button;
  OnrampAssistant      *assistant;

  GSettings            *settings;
  OnrampCustomer       *customer;
  char                 *demo_url;
};

G_DEFINE_FINAL_TYPE (OnrampWindow, onramp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DEMO_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
partner_type_to_visible (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "indirect") == 0);
  return TRUE;
}

static void
onramp_window_add_page (OnrampWindow *self,
                        GtkWidget    *page)
{
  onramp_page_set_customer (ONRAMP_PAGE (page), self->customer);
  onramp_assistant_add_page (self->assistant, ONRAMP_PAGE (page));
}

static void
onramp_window_add_pages (OnrampWindow *self)
{
  GtkWidget *reseller_page;

  onramp_window_add_page (self, onramp_account_page_new ());

  reseller_page = onramp_unbuilt_page_new (_("Indirect reseller"), "system-users-symbolic");
  g_settings_bind_with_mapping (self->settings, "partner-type", reseller_page, "visible",
                                G_SETTINGS_BIND_GET, partner_type_to_visible, NULL, NULL, NULL);
  onramp_window_add_page (self, reseller_page);

  onramp_window_add_page (self, onramp_unbuilt_page_new (_("Subscriptions"), "view-list-symbolic"));
  /* Translators: a step's title: checking everything before submitting */
  onramp_window_add_page (self, onramp_unbuilt_page_new (_("Review"), "document-edit-symbolic"));
  /* Translators: the last step's title, which shows the created customer */
  onramp_window_add_page (self, onramp_unbuilt_page_new (_("Done"), "object-select-symbolic"));
}

static void
onramp_window_constructed (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;
  GtkApplication *application;

  G_OBJECT_CLASS (onramp_window_parent_class)->constructed (object);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (ONRAMP_IS_APPLICATION (application))
    onramp_account_button_set_auth (self->account_button,
                                    onramp_application_get_auth (ONRAMP_APPLICATION (application)));

  if (self->demo_url != NULL)
    {
      /* Translators: %s is the local address of the demo server, such as
       * http://127.0.0.1:41234 */
      g_autofree char *text = g_strdup_printf (_("Demo mode: everything goes to a Partner Center "
                                                 "emulator on this computer (%s). Nothing reaches "
                                                 "Microsoft."),
                                               self->demo_url);

      gtk_label_set_label (self->demo_label, text);
      gtk_revealer_set_reveal_child (self->demo_revealer, TRUE);
      adw_window_title_set_subtitle (self->window_title, _("Demo mode"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "demo");
    }
}

static void
onramp_window_dispose (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_WINDOW);

  g_clear_object (&self->customer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (onramp_window_parent_class)->dispose (object);
}

static void
onramp_window_finalize (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;

  g_free (self->demo_url);

  G_OBJECT_CLASS (onramp_window_parent_class)->finalize (object);
}

static void
onramp_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OnrampWindow *self = ONRAMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO_URL:
      g_value_set_string (value, self->demo_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OnrampWindow *self = ONRAMP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO_URL:
      self->demo_url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_window_class_init (OnrampWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = onramp_window_constructed;
  object_class->dispose = onramp_window_dispose;
  object_class->finalize = onramp_window_finalize;
  object_class->get_property = onramp_window_get_property;
  object_class->set_property = onramp_window_set_property;

  properties[PROP_DEMO_URL] =
    g_param_spec_string ("demo-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ONRAMP_TYPE_ACCOUNT_BUTTON);
  g_type_ensure (ONRAMP_TYPE_ASSISTANT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, assistant);
}

static void
onramp_window_init (OnrampWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->customer = onramp_customer_new ();

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  onramp_window_add_pages (self);
}

/**
 * onramp_window_new:
 * @demo_url: (nullable): the demo server's address, in demo mode
 */
OnrampWindow *
onramp_window_new (AdwApplication *application,
                   const char     *demo_url)
{
  return g_object_new (ONRAMP_TYPE_WINDOW,
                       "application", application,
                       "demo-url", demo_url,
                       NULL);
}

OnrampAssistant *
onramp_window_get_assistant (OnrampWindow *self)
{
  g_return_val_if_fail (ONRAMP_IS_WINDOW (self), NULL);

  return self->assistant;
}

OnrampCustomer *
onramp_window_get_customer (OnrampWindow *self)
{
  g_return_val_if_fail (ONRAMP_IS_WINDOW (self), NULL);

  return self->customer;
}

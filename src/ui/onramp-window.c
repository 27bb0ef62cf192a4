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
#include "onramp-done-page.h"
#include "onramp-review-page.h"
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

  GPtrArray            *pages;
  GtkWidget            *review_page;
  GtkWidget            *done_page;
  GSettings            *settings;
  OnrampCustomer       *customer;
  char                 *demo_url;
};

G_DEFINE_FINAL_TYPE (OnrampWindow, onramp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DEMO_URL,
  PROP_CUSTOMER,
  N_PROPS
};

enum {
  SUBMISSION_QUEUED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
partner_type_to_visible (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "indirect") == 0);
  return TRUE;
}

/* @name is what the Review page's Update buttons (assistant.update) call
 * the page: "account", "reseller", "subscriptions" */
static void
onramp_window_add_page (OnrampWindow *self,
                        const char   *name,
                        GtkWidget    *page)
{
  onramp_page_set_customer (ONRAMP_PAGE (page), self->customer);
  g_ptr_array_add (self->pages, g_object_ref (page));
  onramp_assistant_add_named_page (self->assistant, name, ONRAMP_PAGE (page));
}

/* The Review page's answer goes to the Done page, which alone keeps the
 * one-time password, and only while it is shown */
static void
on_review_submitted_cb (OnrampWindow       *self,
                        JsonObject         *created,
                        const char * const *icons,
                        const char * const *lines)
{
  onramp_done_page_show_result (ONRAMP_DONE_PAGE (self->done_page), created, icons, lines);
}

static void
onramp_window_add_pages (OnrampWindow *self)
{
  GtkWidget *reseller_page;

  onramp_window_add_page (self, "account", onramp_account_page_new ());

  reseller_page = onramp_unbuilt_page_new (_("Indirect reseller"), "system-users-symbolic");
  g_settings_bind_with_mapping (self->settings, "partner-type", reseller_page, "visible",
                                G_SETTINGS_BIND_GET, partner_type_to_visible, NULL, NULL, NULL);
  onramp_window_add_page (self, "reseller", reseller_page);

  onramp_window_add_page (self, "subscriptions", onramp_unbuilt_page_new (_("Subscriptions"), "view-list-symbolic"));

  self->review_page = onramp_review_page_new ();
  g_object_bind_property (reseller_page, "visible", self->review_page, "show-reseller", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->review_page, "submitted",
                           G_CALLBACK (on_review_submitted_cb), self, G_CONNECT_SWAPPED);
  onramp_window_add_page (self, "review", self->review_page);

  self->done_page = onramp_done_page_new ();
  onramp_window_add_page (self, "done", self->done_page);
}

/* A new, empty record, starting in the country of the preferences */
static OnrampCustomer *
onramp_window_new_customer (OnrampWindow *self)
{
  OnrampCustomer *customer = onramp_customer_new ();
  g_autofree char *country = g_settings_get_string (self->settings, "default-country");

  if (country[0] != '\0')
    onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, country);

  return customer;
}

/* “Add another customer” on the Done page: a fresh record on every page,
 * and back to the first one */
static void
onramp_window_add_customer_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  g_autoptr(OnrampCustomer) customer = onramp_window_new_customer (self);

  g_set_object (&self->customer, customer);
  for (guint i = 0; i < self->pages->len; i++)
    onramp_page_set_customer (g_ptr_array_index (self->pages, i), self->customer);
  onramp_assistant_restart (self->assistant);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

/* Review's “Queue for submission”, offline or signed out: the record is
 * handed over through OnrampWindow::submission-queued, whose handler marks
 * the draft ready for the outbox */
static void
onramp_window_queue_submission_action (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);

  g_signal_emit (self, signals[SUBMISSION_QUEUED], 0, self->customer);
}

/* GObject sets a non-construct property such as GtkWindow:application only
 * after constructed(), so the app's services are picked up here */
static void
on_application_changed_cb (OnrampWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (ONRAMP_IS_APPLICATION (application))
    onramp_account_button_set_auth (self->account_button,
                                    onramp_application_get_auth (ONRAMP_APPLICATION (application)));
}

static void
onramp_window_constructed (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;

  G_OBJECT_CLASS (onramp_window_parent_class)->constructed (object);

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

  g_clear_pointer (&self->pages, g_ptr_array_unref);
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

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
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
  /* The record being drafted: a new one after “Add another customer” */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, ONRAMP_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampWindow::submission-queued:
   * @customer: the record to submit once online and signed in
   *
   * The user chose “Queue for submission” on the Review page.
   */
  signals[SUBMISSION_QUEUED] =
    g_signal_new ("submission-queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ONRAMP_TYPE_CUSTOMER);

  g_type_ensure (ONRAMP_TYPE_ACCOUNT_BUTTON);
  g_type_ensure (ONRAMP_TYPE_ASSISTANT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, assistant);
}

/* In the window's own action map, beside win.show-help-overlay */
static const GActionEntry win_entries[] = {
  { "add-customer", onramp_window_add_customer_action },
  { "queue-submission", onramp_window_queue_submission_action },
};

static void
onramp_window_init (OnrampWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->customer = onramp_window_new_customer (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);
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

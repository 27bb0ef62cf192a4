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
#include "onramp-drafts-sidebar.h"
#include "onramp-first-frame.h"
#include "onramp-menu-button.h"
#include "onramp-review-page.h"
#include "onramp-reseller-page.h"
#include "onramp-subscriptions-page.h"
#include "onramp-window.h"

struct _OnrampWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  OnrampDraftsSidebar  *sidebar;
  AdwWindowTitle       *window_title;
  GtkRevealer          *demo_revealer;
  GtkLabel             *demo_label;
  OnrampAccountButton  *account_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  OnrampAssistant      *assistant;

  GPtrArray            *pages;
  GtkWidget            *review_page;
  GtkWidget            *done_page;
  GSettings            *settings;
  OnrampCustomer       *customer;
  char                 *demo_url;

  /* The draft the record belongs to; none until its first change */
  OnrampDraftStore     *store;
  OnrampOutbox         *outbox;
  OnrampDraft          *draft;
  OnrampDraftDeletion  *deletion;
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
add_later_pages_cb (OnrampAssistant *assistant,
                    gpointer         user_data)
{
  OnrampWindow *self = user_data;
  GtkWidget *reseller_page = onramp_reseller_page_new ();

  g_settings_bind_with_mapping (self->settings, "partner-type", reseller_page, "visible",
                                G_SETTINGS_BIND_GET, partner_type_to_visible, NULL, NULL, NULL);
  onramp_window_add_page (self, "reseller", reseller_page);

  onramp_window_add_page (self, "subscriptions", onramp_subscriptions_page_new ());

  self->review_page = onramp_review_page_new ();
  g_object_bind_property (reseller_page, "visible", self->review_page, "show-reseller", G_BINDING_SYNC_CREATE);
  g_object_bind_property (reseller_page, "chosen-name", self->review_page, "reseller-name", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->review_page, "submitted",
                           G_CALLBACK (on_review_submitted_cb), self, G_CONNECT_SWAPPED);
  onramp_review_page_set_draft (ONRAMP_REVIEW_PAGE (self->review_page), self->outbox, self->draft);
  onramp_window_add_page (self, "review", self->review_page);

  self->done_page = onramp_done_page_new ();
  onramp_window_add_page (self, "done", self->done_page);
}

/* The titles of the pages add_later_pages_cb() adds, which the step
 * indicator shows until they come */
static GStrv
onramp_window_dup_later_titles (OnrampWindow *self)
{
  g_autofree char *partner_type = g_settings_get_string (self->settings, "partner-type");
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  if (g_str_equal (partner_type, "indirect"))
    g_strv_builder_add (titles, _("Indirect reseller"));
  g_strv_builder_add (titles, _("Subscriptions"));
  g_strv_builder_add (titles, _("Review"));
  g_strv_builder_add (titles, _("Done"));

  return g_strv_builder_end (titles);
}

static void
on_partner_type_changed_cb (OnrampWindow *self)
{
  g_auto(GStrv) titles = onramp_window_dup_later_titles (self);

  onramp_assistant_set_later_titles (self->assistant, (const char * const *)titles);
}

/* The first page at once; the others once the window has shown */
static void
onramp_window_add_pages (OnrampWindow *self)
{
  g_auto(GStrv) later_titles = onramp_window_dup_later_titles (self);

  onramp_window_add_page (self, "account", onramp_account_page_new ());
  onramp_assistant_add_pages_later (self->assistant, (const char * const *)later_titles, add_later_pages_cb, self);
  g_signal_connect_object (self->settings, "changed::partner-type", G_CALLBACK (on_partner_type_changed_cb), self,
                           G_CONNECT_SWAPPED);
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

static void onramp_window_follow_draft (OnrampWindow *self);

/* The record's first change makes it a draft, saved from then on; an
 * untouched form leaves no “Untitled customer” behind */
static void
on_record_changed_cb (OnrampWindow *self)
{
  /* A queued record that changes is a draft again, until queued again:
   * the outbox must not send what the user is still editing */
  if (self->draft != NULL && onramp_draft_get_status (self->draft) == ONRAMP_DRAFT_STATUS_READY)
    onramp_draft_set_status (self->draft, ONRAMP_DRAFT_STATUS_DRAFT, NULL);

  if (self->draft != NULL || self->store == NULL || !onramp_draft_store_is_loaded (self->store))
    return;

  self->draft = g_object_ref (onramp_draft_store_create (self->store, self->customer));
  onramp_draft_store_schedule_save (self->store, self->draft);
  onramp_window_follow_draft (self);
}

/* The Review page submits through the draft, the sidebar highlights it,
 * and the next start reopens it */
static void
onramp_window_follow_draft (OnrampWindow *self)
{
  const char *page = onramp_assistant_get_current_page_name (self->assistant);

  if (self->review_page != NULL)
    onramp_review_page_set_draft (ONRAMP_REVIEW_PAGE (self->review_page), self->outbox, self->draft);
  onramp_drafts_sidebar_select (self->sidebar, self->draft);
  if (self->draft != NULL && self->store != NULL)
    onramp_draft_store_set_last_opened (self->store, self->draft, page != NULL ? page : "account");
}

/* Every page shows @customer, the record of @draft (or of none yet) */
static void
onramp_window_set_record (OnrampWindow   *self,
                          OnrampCustomer *customer,
                          OnrampDraft    *draft)
{
  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_func (self->customer, on_record_changed_cb, self);

  g_set_object (&self->customer, customer);
  g_set_object (&self->draft, draft);
  for (guint i = 0; i < self->pages->len; i++)
    onramp_page_set_customer (g_ptr_array_index (self->pages, i), customer);

  /* After the pages, whose defaults (the country) are not the user's change */
  g_signal_connect_object (customer, "notify", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  onramp_window_follow_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

static void
onramp_window_toast (OnrampWindow *self,
                     const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* When the window closes: what was typed in the last second is on disk
 * before it goes (synchronously, as the process may end next) */
static void
onramp_window_flush (OnrampWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !onramp_draft_store_flush (self->store, &error))
    onramp_window_toast (self, error->message);
}

static void
on_draft_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(OnrampWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!onramp_draft_store_save_finish (ONRAMP_DRAFT_STORE (object), result, &error) &&
      self->toast_overlay != NULL)
    onramp_window_toast (self, error->message);
}

/* At once rather than within the autosave delay, and in the store's
 * thread: a page change or another record must not wait for the disk */
static void
onramp_window_save_draft (OnrampWindow *self)
{
  if (self->draft == NULL || self->store == NULL)
    return;

  onramp_draft_store_save_async (self->store, self->draft, NULL, on_draft_saved_cb, g_object_ref (self));
}

static void
onramp_window_show_content (OnrampWindow *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
onramp_window_open_draft (OnrampWindow *self,
                          OnrampDraft  *draft,
                          const char   *page)
{
  onramp_window_save_draft (self);
  onramp_window_set_record (self, onramp_draft_get_customer (draft), draft);
  onramp_assistant_restart_at (self->assistant, page);
  onramp_window_show_content (self);
}

/* A fresh record on every page, back on the first one */
static void
onramp_window_start_new_record (OnrampWindow *self)
{
  g_autoptr(OnrampCustomer) customer = onramp_window_new_customer (self);

  onramp_window_save_draft (self);
  onramp_window_set_record (self, customer, NULL);
  onramp_assistant_restart (self->assistant);
}

/* “Add another customer” on the Done page, and New Customer */
static void
onramp_window_add_customer_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);

  onramp_window_start_new_record (self);
  onramp_window_show_content (self);
}

static OnrampDraft *
onramp_window_lookup (OnrampWindow *self,
                      GVariant     *param)
{
  OnrampDraft *draft = NULL;

  if (self->store != NULL)
    draft = onramp_draft_store_lookup (self->store, g_variant_get_string (param, NULL));
  if (draft == NULL)
    onramp_window_toast (self, _("This customer’s draft is gone"));

  return draft;
}

static void
onramp_window_open_draft_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  OnrampDraft *draft = onramp_window_lookup (self, param);

  if (draft == NULL)
    return;

  if (draft == self->draft)
    onramp_window_show_content (self);
  else
    onramp_window_open_draft (self, draft, onramp_draft_get_page (draft));
}

static void
onramp_window_duplicate_draft_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  OnrampDraft *draft = onramp_window_lookup (self, param);

  if (draft != NULL)
    onramp_window_open_draft (self, onramp_draft_store_duplicate (self->store, draft), "account");
}

/* A deletion is final once its toast is gone */
static void
onramp_window_purge_deletion (OnrampWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->deletion == NULL)
    return;

  if (!onramp_draft_deletion_purge (self->deletion, &error))
    g_warning ("A deleted draft was not removed: %s", error->message);
  g_clear_pointer (&self->deletion, onramp_draft_deletion_free);
}

static void
on_delete_toast_dismissed_cb (AdwToast     *toast,
                              OnrampWindow *self)
{
  OnrampDraftDeletion *deletion = g_object_get_data (G_OBJECT (toast), "deletion");

  if (deletion == self->deletion)
    onramp_window_purge_deletion (self);
}

static void
onramp_window_delete_draft_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  OnrampDraft *draft = onramp_window_lookup (self, param);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (draft == NULL)
    return;

  /* One Undo at a time: the previous deletion becomes final */
  onramp_window_purge_deletion (self);
  /* Translators: %s is a company name, or “Untitled customer” */
  text = g_strdup_printf (_("“%s” deleted"), onramp_draft_get_title (draft));
  if (draft == self->draft)
    onramp_window_start_new_record (self);

  self->deletion = onramp_draft_store_delete (self->store, draft, &error);
  if (self->deletion == NULL)
    {
      onramp_window_toast (self, error->message);
      return;
    }

  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  g_object_set_data (G_OBJECT (toast), "deletion", self->deletion);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
onramp_window_undo_delete_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->deletion == NULL)
    return;

  if (!onramp_draft_deletion_undo (self->deletion, &error))
    onramp_window_toast (self, error->message);
  g_clear_pointer (&self->deletion, onramp_draft_deletion_free);
}

/* A draft that needs attention goes back to the outbox */
static void
onramp_window_retry_draft_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  OnrampDraft *draft = onramp_window_lookup (self, param);
  g_autoptr(GError) error = NULL;

  if (draft == NULL || self->outbox == NULL)
    return;

  if (onramp_outbox_queue (self->outbox, draft, &error))
    onramp_window_toast (self, _("Queued: it will be submitted when you are online and signed in"));
  else
    onramp_window_toast (self, error->message);
}

/* The keyboard shortcuts window, built when first asked for. Not at
 * gtk/help-overlay.ui, where GTK would build it for every window before
 * the window first shows (3 ms of tests/bench/startup's first frame) */
static void
onramp_window_show_help_overlay_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/onramp-shortcuts-window.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }
  gtk_window_present (GTK_WINDOW (shortcuts));
}

static void
onramp_window_show_drafts_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

/* Where the user is, for recovery at the next start */
static void
on_current_page_changed_cb (OnrampWindow *self)
{
  const char *page = onramp_assistant_get_current_page_name (self->assistant);

  if (self->draft == NULL || self->store == NULL || page == NULL)
    return;

  /* Also the draft's page, for the sidebar's Open */
  onramp_draft_store_set_last_opened (self->store, self->draft, page);
  onramp_window_save_draft (self);
}

static void
on_save_failed_cb (OnrampWindow *self,
                   OnrampDraft  *draft,
                   GError       *error)
{
  /* Translators: the first %s is a company name, the second why its draft could not be written */
  g_autofree char *text = g_strdup_printf (_("“%s” could not be saved: %s"), onramp_draft_get_title (draft), error->message);

  onramp_window_toast (self, text);
}

/**
 * onramp_window_drafts_loaded:
 *
 * The app's drafts are read: the sidebar lists them, and the draft the
 * user last worked on reopens where they left it, unless they started
 * typing a new one meanwhile (which then becomes a draft itself).
 */
void
onramp_window_drafts_loaded (OnrampWindow *self)
{
  OnrampDraft *last;

  g_return_if_fail (ONRAMP_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  onramp_drafts_sidebar_set_store (self->sidebar, self->store);
  if (self->draft != NULL)
    return;

  last = onramp_draft_store_lookup (self->store, onramp_draft_store_get_last_draft_id (self->store) ?: "");
  if (onramp_customer_get_field (self->customer, ONRAMP_FIELD_COMPANY_NAME)[0] != '\0')
    on_record_changed_cb (self);
  else if (last != NULL && onramp_draft_get_status (last) != ONRAMP_DRAFT_STATUS_SUBMITTED)
    onramp_window_open_draft (self, last, onramp_draft_store_get_last_page (self->store));
}

/* Review's “Queue for submission”, offline or signed out: the draft goes to
 * the outbox, which submits it once online and signed in */
static void
onramp_window_queue_submission_action (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  OnrampWindow *self = ONRAMP_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  on_record_changed_cb (self);
  if (self->draft != NULL && self->outbox != NULL && !onramp_outbox_queue (self->outbox, self->draft, &error))
    onramp_window_toast (self, error->message);

  g_signal_emit (self, signals[SUBMISSION_QUEUED], 0, self->customer);
}

/* GObject sets a non-construct property such as GtkWindow:application only
 * after constructed(), so the app's services are picked up here */
static void
on_application_changed_cb (OnrampWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!ONRAMP_IS_APPLICATION (application) || self->store != NULL)
    return;

  onramp_account_button_set_auth (self->account_button,
                                  onramp_application_get_auth (ONRAMP_APPLICATION (application)));
  self->store = g_object_ref (onramp_application_get_draft_store (ONRAMP_APPLICATION (application)));
  self->outbox = g_object_ref (onramp_application_get_outbox (ONRAMP_APPLICATION (application)));
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (on_save_failed_cb), self, G_CONNECT_SWAPPED);
  onramp_window_follow_draft (self);
  if (onramp_draft_store_is_loaded (self->store))
    onramp_window_drafts_loaded (self);
}

/* The banner's long, wrapping sentence cost the first frame more than any
 * other widget (tests/bench/startup): it slides in right after that frame,
 * while the header already says “Demo mode”. */
static void
onramp_window_reveal_demo_banner (GtkWidget *widget)
{
  OnrampWindow *self = ONRAMP_WINDOW (widget);
  /* Translators: %s is the local address of the demo server, such as
   * http://127.0.0.1:41234 */
  g_autofree char *text = g_strdup_printf (_("Demo mode: everything goes to a Partner Center "
                                             "emulator on this computer (%s). Nothing reaches "
                                             "Microsoft."),
                                           self->demo_url);

  gtk_label_set_label (self->demo_label, text);
  gtk_revealer_set_reveal_child (self->demo_revealer, TRUE);
}

static void
onramp_window_constructed (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;

  G_OBJECT_CLASS (onramp_window_parent_class)->constructed (object);

  if (self->demo_url != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, _("Demo mode"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "demo");
      onramp_widget_after_first_frame (GTK_WIDGET (self), onramp_window_reveal_demo_banner);
    }
}

static void
onramp_window_dispose (GObject *object)
{
  OnrampWindow *self = (OnrampWindow *)object;

  onramp_window_purge_deletion (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_WINDOW);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->outbox);
  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (onramp_window_parent_class)->dispose (object);
}

static gboolean
onramp_window_close_request (GtkWindow *window)
{
  onramp_window_flush (ONRAMP_WINDOW (window));

  return GTK_WINDOW_CLASS (onramp_window_parent_class)->close_request (window);
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = onramp_window_constructed;
  object_class->dispose = onramp_window_dispose;
  object_class->finalize = onramp_window_finalize;
  object_class->get_property = onramp_window_get_property;
  object_class->set_property = onramp_window_set_property;
  window_class->close_request = onramp_window_close_request;

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
  g_type_ensure (ONRAMP_TYPE_DRAFTS_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, OnrampWindow, assistant);
}

/* In the window's own action map */
static const GActionEntry win_entries[] = {
  { "show-help-overlay", onramp_window_show_help_overlay_action },
  { "add-customer", onramp_window_add_customer_action },
  { "new-draft", onramp_window_add_customer_action },
  { "open-draft", onramp_window_open_draft_action, "s" },
  { "duplicate-draft", onramp_window_duplicate_draft_action, "s" },
  { "delete-draft", onramp_window_delete_draft_action, "s" },
  { "undo-delete", onramp_window_undo_delete_action },
  { "retry-draft", onramp_window_retry_draft_action, "s" },
  { "show-drafts", onramp_window_show_drafts_action },
  { "queue-submission", onramp_window_queue_submission_action },
};

static void
onramp_window_init (OnrampWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  onramp_menu_button_set_menu_later (self->primary_menu_button, self->primary_menu);

  self->settings = g_settings_new (APP_ID);
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->customer = onramp_window_new_customer (self);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), NULL);
  onramp_window_add_pages (self);
  g_signal_connect_object (self->customer, "notify", G_CALLBACK (on_record_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assistant, "notify::current-page", G_CALLBACK (on_current_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Folded, the form comes first; the header's back button shows the drafts */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  /* Folded, the header has a back button besides its own: the step
   * indicator below names the page, and a cut title would help nobody */
  g_object_bind_property (self->leaflet, "folded", self->window_title, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->leaflet, "folded",
                          onramp_drafts_sidebar_get_header_bar (self->sidebar), "show-end-title-buttons",
                          G_BINDING_SYNC_CREATE);
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

/**
 * onramp_window_get_draft:
 *
 * Returns: (nullable) (transfer none): the draft of the record shown, or
 *   %NULL while an untouched new record has none
 */
OnrampDraft *
onramp_window_get_draft (OnrampWindow *self)
{
  g_return_val_if_fail (ONRAMP_IS_WINDOW (self), NULL);

  return self->draft;
}

OnrampCustomer *
onramp_window_get_customer (OnrampWindow *self)
{
  g_return_val_if_fail (ONRAMP_IS_WINDOW (self), NULL);

  return self->customer;
}

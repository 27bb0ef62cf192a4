/* onramp-relationship-dialog.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-relationship-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-error.h"
#include "onramp-relationship-dialog.h"

/* "Existing customer? Request a relationship": an existing customer is not
 * added again; their global administrator accepts the partner through a
 * link (partner-center-api.md §8). The dialog fetches the link and offers
 * it, and an email to send with it, each with a copy button. Microsoft
 * Cloud for US Government has no relationship requests: it says so.
 */
struct _OnrampRelationshipDialog
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
  GtkLabel          *link_label;
  GtkTextView       *email_view;
  GtkWidget         *copy_link_button;

  OnrampApplication *application;
  GCancellable      *cancellable;
  char              *url;
};

G_DEFINE_FINAL_TYPE (OnrampRelationshipDialog, onramp_relationship_dialog, ADW_TYPE_WINDOW)

static void onramp_relationship_dialog_load (OnrampRelationshipDialog *self);

static void
onramp_relationship_dialog_show_error (OnrampRelationshipDialog *self,
                                       const char               *icon_name,
                                       const char               *title,
                                       const char               *description,
                                       gboolean                  can_retry)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  adw_status_page_set_icon_name (self->error_page, icon_name);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relationship.retry", can_retry);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
onramp_relationship_dialog_show_unsupported (OnrampRelationshipDialog *self)
{
  onramp_relationship_dialog_show_error (self, "action-unavailable-symbolic",
                                         _("Not Available in This Cloud"),
                                         _("Microsoft Cloud for US Government does not offer relationship "
                                           "requests. A customer there works with a single partner."),
                                         FALSE);
}

/* The email in the user's language, signed by who is signed in when known */
static char *
compose_email (const char *url,
               const char *sender)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, _("Hello,"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("We would like to manage your Microsoft cloud services as your Microsoft partner. "
                           "Please ask your global administrator to open the link below, sign in with "
                           "their administrator account and accept the partner relationship:"));
  g_string_append_printf (text, "\n\n%s\n\n", url);
  g_string_append (text, _("Accepting changes nothing in your existing subscriptions or data. "
                           "If you have any questions, just reply to this email."));
  g_string_append (text, "\n\n");
  if (sender != NULL && *sender != '\0')
    /* Translators: the closing of the email; %s is who sends it */
    g_string_append_printf (text, _("Kind regards,\n%s"), sender);
  else
    g_string_append (text, _("Kind regards"));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
onramp_relationship_dialog_show_link (OnrampRelationshipDialog *self,
                                      const char               *url)
{
  OnrampAuth *auth = onramp_application_get_auth (self->application);
  g_autofree char *email = compose_email (url, onramp_auth_get_account (auth));

  g_free (self->url);
  self->url = g_strdup (url);

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_label_set_label (self->link_label, url);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->email_view), email, -1);
  gtk_stack_set_visible_child_name (self->stack, "link");
  gtk_widget_grab_focus (self->copy_link_button);
}

static void
onramp_relationship_dialog_show_failure (OnrampRelationshipDialog *self,
                                         const GError             *error)
{
  if (g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_UNSUPPORTED))
    onramp_relationship_dialog_show_unsupported (self);
  else if (error->domain == ONRAMP_ERROR ||
           g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_UNAUTHORIZED))
    onramp_relationship_dialog_show_error (self, "system-users-symbolic",
                                           _("Sign In to Get the Link"),
                                           _("The invitation link comes from Partner Center. Sign in, and it appears here."),
                                           FALSE);
  else if (g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_NETWORK))
    onramp_relationship_dialog_show_error (self, "network-offline-symbolic",
                                           _("Offline"),
                                           _("The invitation link comes from Partner Center. Connect to the internet and try again."),
                                           TRUE);
  else
    onramp_relationship_dialog_show_error (self, "dialog-warning-symbolic",
                                           _("Could Not Get the Link"), error->message, TRUE);
}

static void
on_url_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OnrampRelationshipDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = onramp_partner_client_get_relationship_request_url_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (url == NULL)
    onramp_relationship_dialog_show_failure (self, error);
  else
    onramp_relationship_dialog_show_link (self, url);
}

static void
on_client_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OnrampRelationshipDialog) self = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL)
    {
      g_debug ("No client for the relationship request: %s", error->message);
      onramp_relationship_dialog_show_failure (self, error);
      return;
    }

  onramp_partner_client_get_relationship_request_url_async (client, self->cancellable, on_url_cb, g_object_ref (self));
}

static void
onramp_relationship_dialog_load (OnrampRelationshipDialog *self)
{
  OnrampPartnerClient *client = onramp_application_get_partner_client (self->application);

  if (onramp_partner_client_get_cloud (client) == ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
    {
      onramp_relationship_dialog_show_unsupported (self);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  onramp_application_ready_client_async (self->application, self->cancellable,
                                         on_client_ready_cb, g_object_ref (self));
}

/* Signed in while the dialog asks for it: fetch at once */
static void
on_auth_state_cb (OnrampRelationshipDialog *self)
{
  OnrampAuth *auth = onramp_application_get_auth (self->application);

  if (self->url == NULL && onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_IN &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    onramp_relationship_dialog_load (self);
}

static void
onramp_relationship_dialog_copy (OnrampRelationshipDialog *self,
                                 const char               *text,
                                 const char               *done)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (done));
}

static void
onramp_relationship_dialog_copy_link_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *param)
{
  OnrampRelationshipDialog *self = ONRAMP_RELATIONSHIP_DIALOG (widget);

  if (self->url != NULL)
    onramp_relationship_dialog_copy (self, self->url, _("Link copied"));
}

static void
onramp_relationship_dialog_copy_email_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  OnrampRelationshipDialog *self = ONRAMP_RELATIONSHIP_DIALOG (widget);
  g_autofree char *email = onramp_relationship_dialog_dup_email (self);

  if (self->url != NULL)
    onramp_relationship_dialog_copy (self, email, _("Email copied"));
}

static void
onramp_relationship_dialog_retry_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  onramp_relationship_dialog_load (ONRAMP_RELATIONSHIP_DIALOG (widget));
}

static void
onramp_relationship_dialog_dispose (GObject *object)
{
  OnrampRelationshipDialog *self = (OnrampRelationshipDialog *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_RELATIONSHIP_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (onramp_relationship_dialog_parent_class)->dispose (object);
}

static void
onramp_relationship_dialog_class_init (OnrampRelationshipDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_relationship_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-relationship-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, link_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, email_view);
  gtk_widget_class_bind_template_child (widget_class, OnrampRelationshipDialog, copy_link_button);

  gtk_widget_class_install_action (widget_class, "relationship.copy-link", NULL,
                                   onramp_relationship_dialog_copy_link_action);
  gtk_widget_class_install_action (widget_class, "relationship.copy-email", NULL,
                                   onramp_relationship_dialog_copy_email_action);
  gtk_widget_class_install_action (widget_class, "relationship.retry", NULL,
                                   onramp_relationship_dialog_retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
onramp_relationship_dialog_init (OnrampRelationshipDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * onramp_relationship_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @application: whose partner client and sign-in to use
 *
 * Shows the dialog and starts fetching the link.
 *
 * Returns: (transfer none): the dialog, owned by GTK like any toplevel
 */
OnrampRelationshipDialog *
onramp_relationship_dialog_new (GtkWindow         *parent,
                                OnrampApplication *application)
{
  OnrampRelationshipDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (application), NULL);

  self = g_object_new (ONRAMP_TYPE_RELATIONSHIP_DIALOG, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  g_signal_connect_object (onramp_application_get_auth (application), "notify::state",
                           G_CALLBACK (on_auth_state_cb), self, G_CONNECT_SWAPPED);

  onramp_relationship_dialog_load (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * onramp_relationship_dialog_get_url:
 *
 * Returns: (nullable): the invitation link, once fetched
 */
const char *
onramp_relationship_dialog_get_url (OnrampRelationshipDialog *self)
{
  g_return_val_if_fail (ONRAMP_IS_RELATIONSHIP_DIALOG (self), NULL);

  return self->url;
}

/**
 * onramp_relationship_dialog_dup_email:
 *
 * Returns: (transfer full): the email as it stands, edits included
 */
char *
onramp_relationship_dialog_dup_email (OnrampRelationshipDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ONRAMP_IS_RELATIONSHIP_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->email_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

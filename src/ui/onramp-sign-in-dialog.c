/* onramp-sign-in-dialog.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-error.h"
#include "onramp-sign-in-dialog.h"

/* Device-code sign-in, the GOA way (style guide rule 24): the dialog shows
 * the code to type in a browser, with Copy and Open buttons, waits with a
 * spinner, reports errors in a strip with Try Again, and closes itself once
 * signed in. Closing it early cancels the sign-in and completes the task
 * with ONRAMP_ERROR_DISMISSED. The sign-in itself is OnrampAuth's. */

struct _OnrampSignInDialog
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  GtkLabel          *code_label;
  GtkButton         *copy_button;
  GtkButton         *open_button;
  GtkButton         *retry_button;
  GtkSpinner        *spinner;
  GtkLabel          *status_label;

  OnrampAuth        *auth;
  OnrampSignInState  state;
  GTask             *task;
  GCancellable      *cancellable;
};

G_DEFINE_FINAL_TYPE (OnrampSignInDialog, onramp_sign_in_dialog, ADW_TYPE_WINDOW)

G_DEFINE_ENUM_TYPE (OnrampSignInState, onramp_sign_in_state,
  G_DEFINE_ENUM_VALUE (ONRAMP_SIGN_IN_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (ONRAMP_SIGN_IN_STATE_BUSY, "busy"),
  G_DEFINE_ENUM_VALUE (ONRAMP_SIGN_IN_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (ONRAMP_SIGN_IN_STATE_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (ONRAMP_SIGN_IN_STATE_DONE, "done"))

enum {
  PROP_0,
  PROP_AUTH,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void onramp_sign_in_dialog_start (OnrampSignInDialog *self);

static void
onramp_sign_in_dialog_update (OnrampSignInDialog *self)
{
  OnrampSignInState state = self->state;
  const char *code = onramp_auth_get_user_code (self->auth);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.copy-code",
                                 state == ONRAMP_SIGN_IN_STATE_READY && code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.open-page",
                                 state == ONRAMP_SIGN_IN_STATE_READY &&
                                 onramp_auth_get_verification_uri (self->auth) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.retry", state == ONRAMP_SIGN_IN_STATE_ERROR);

  gtk_label_set_label (self->code_label, state == ONRAMP_SIGN_IN_STATE_READY && code ? code : "·········");
  gtk_revealer_set_reveal_child (self->error_revealer, state == ONRAMP_SIGN_IN_STATE_ERROR);
  gtk_spinner_set_spinning (self->spinner, state == ONRAMP_SIGN_IN_STATE_BUSY ||
                                           state == ONRAMP_SIGN_IN_STATE_READY);

  switch (state)
    {
    case ONRAMP_SIGN_IN_STATE_BUSY:
      gtk_label_set_label (self->status_label, _("Getting a sign-in code…"));
      break;

    case ONRAMP_SIGN_IN_STATE_READY:
      gtk_label_set_label (self->status_label, _("Waiting for you to finish signing in…"));
      break;

    case ONRAMP_SIGN_IN_STATE_DONE:
      gtk_label_set_label (self->status_label, _("Signed in"));
      break;

    case ONRAMP_SIGN_IN_STATE_IDLE:
    case ONRAMP_SIGN_IN_STATE_ERROR:
    default:
      gtk_label_set_label (self->status_label, "");
      break;
    }
}

static void
onramp_sign_in_dialog_set_state (OnrampSignInDialog *self,
                                 OnrampSignInState   state)
{
  /* DONE is final (GOA's rule) */
  g_return_if_fail (self->state != ONRAMP_SIGN_IN_STATE_DONE);

  if (self->state == state)
    return;

  self->state = state;
  onramp_sign_in_dialog_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_auth_state_changed_cb (OnrampSignInDialog *self)
{
  if (self->state != ONRAMP_SIGN_IN_STATE_BUSY && self->state != ONRAMP_SIGN_IN_STATE_READY)
    return;

  if (onramp_auth_get_state (self->auth) == ONRAMP_AUTH_STATE_AWAITING_USER)
    onramp_sign_in_dialog_set_state (self, ONRAMP_SIGN_IN_STATE_READY);
  else
    onramp_sign_in_dialog_update (self);
}

static void
onramp_sign_in_dialog_report_error (OnrampSignInDialog *self,
                                    const GError       *error)
{
  gtk_label_set_label (self->error_label, error->message);
  onramp_sign_in_dialog_set_state (self, ONRAMP_SIGN_IN_STATE_ERROR);
}

static void
onramp_sign_in_dialog_return (OnrampSignInDialog *self,
                              GError             *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OnrampSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!onramp_auth_sign_in_finish (ONRAMP_AUTH (object), result, &error))
    {
      /* Cancelled: the dialog was closed (already reported) or is retrying */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        onramp_sign_in_dialog_report_error (self, error);
      return;
    }

  onramp_sign_in_dialog_set_state (self, ONRAMP_SIGN_IN_STATE_DONE);
  onramp_sign_in_dialog_return (self, NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
onramp_sign_in_dialog_start (OnrampSignInDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  onramp_sign_in_dialog_set_state (self, ONRAMP_SIGN_IN_STATE_BUSY);
  onramp_auth_sign_in_async (self->auth, self->cancellable, on_signed_in_cb, g_object_ref (self));
}

static void
onramp_sign_in_dialog_copy_code_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  OnrampSignInDialog *self = ONRAMP_SIGN_IN_DIALOG (widget);
  const char *code = onramp_auth_get_user_code (self->auth);

  if (code == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), code);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Code copied")));
}

static void
onramp_sign_in_dialog_open_page_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  OnrampSignInDialog *self = ONRAMP_SIGN_IN_DIALOG (widget);
  const char *uri = onramp_auth_get_verification_uri (self->auth);

  /* OnrampAuth accepted only an https:// (or loopback) address */
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
onramp_sign_in_dialog_retry_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  onramp_sign_in_dialog_start (ONRAMP_SIGN_IN_DIALOG (widget));
}

static gboolean
onramp_sign_in_dialog_close_request (GtkWindow *window)
{
  OnrampSignInDialog *self = ONRAMP_SIGN_IN_DIALOG (window);

  if (self->state != ONRAMP_SIGN_IN_STATE_DONE)
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      onramp_sign_in_dialog_return (self, g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_DISMISSED,
                                                               _("Sign-in was closed before it finished. "
                                                                 "You can keep drafting and sign in later.")));
    }

  return GTK_WINDOW_CLASS (onramp_sign_in_dialog_parent_class)->close_request (window);
}

static void
onramp_sign_in_dialog_constructed (GObject *object)
{
  OnrampSignInDialog *self = (OnrampSignInDialog *)object;

  G_OBJECT_CLASS (onramp_sign_in_dialog_parent_class)->constructed (object);

  g_signal_connect_object (self->auth, "notify::state", G_CALLBACK (on_auth_state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auth, "notify::user-code", G_CALLBACK (onramp_sign_in_dialog_update),
                           self, G_CONNECT_SWAPPED);
  onramp_sign_in_dialog_update (self);
}

static void
onramp_sign_in_dialog_dispose (GObject *object)
{
  OnrampSignInDialog *self = (OnrampSignInDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_SIGN_IN_DIALOG);

  g_clear_object (&self->auth);

  G_OBJECT_CLASS (onramp_sign_in_dialog_parent_class)->dispose (object);
}

static void
onramp_sign_in_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OnrampSignInDialog *self = ONRAMP_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_sign_in_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OnrampSignInDialog *self = ONRAMP_SIGN_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      self->auth = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_sign_in_dialog_class_init (OnrampSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = onramp_sign_in_dialog_constructed;
  object_class->dispose = onramp_sign_in_dialog_dispose;
  object_class->get_property = onramp_sign_in_dialog_get_property;
  object_class->set_property = onramp_sign_in_dialog_set_property;
  window_class->close_request = onramp_sign_in_dialog_close_request;

  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL, ONRAMP_TYPE_AUTH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ONRAMP_TYPE_SIGN_IN_STATE, ONRAMP_SIGN_IN_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/onramp-sign-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampSignInDialog, status_label);

  gtk_widget_class_install_action (widget_class, "sign-in.copy-code", NULL,
                                   onramp_sign_in_dialog_copy_code_action);
  gtk_widget_class_install_action (widget_class, "sign-in.open-page", NULL,
                                   onramp_sign_in_dialog_open_page_action);
  gtk_widget_class_install_action (widget_class, "sign-in.retry", NULL,
                                   onramp_sign_in_dialog_retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
onramp_sign_in_dialog_init (OnrampSignInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * onramp_sign_in_dialog_new:
 * @parent: (nullable): the window the dialog is modal to
 * @auth: the sign-in to drive
 */
OnrampSignInDialog *
onramp_sign_in_dialog_new (GtkWindow  *parent,
                           OnrampAuth *auth)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ONRAMP_IS_AUTH (auth), NULL);

  return g_object_new (ONRAMP_TYPE_SIGN_IN_DIALOG,
                       "transient-for", parent,
                       "auth", auth,
                       NULL);
}

OnrampSignInState
onramp_sign_in_dialog_get_state (OnrampSignInDialog *self)
{
  g_return_val_if_fail (ONRAMP_IS_SIGN_IN_DIALOG (self), ONRAMP_SIGN_IN_STATE_IDLE);

  return self->state;
}

/**
 * onramp_sign_in_dialog_sign_in_async:
 *
 * Presents the dialog and signs in. Completes with %TRUE once signed in
 * (the dialog then closes itself), or with %ONRAMP_ERROR_DISMISSED when the
 * user closes it first. Errors along the way stay in the dialog, with Try
 * Again. Cancelling @cancellable closes the dialog.
 */
void
onramp_sign_in_dialog_sign_in_async (OnrampSignInDialog  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_SIGN_IN_DIALOG (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (self->state == ONRAMP_SIGN_IN_STATE_IDLE);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, onramp_sign_in_dialog_sign_in_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close),
                             self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (self));
  onramp_sign_in_dialog_start (self);
}

gboolean
onramp_sign_in_dialog_sign_in_finish (OnrampSignInDialog  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (ONRAMP_IS_SIGN_IN_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

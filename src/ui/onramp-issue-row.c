/* onramp-issue-row.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-issue-row"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-issue-row.h"

/* The message under an input row. It decides *when* an issue is shown, so
 * every field behaves the same: nothing on the first keystroke; shown once
 * the user leaves the field or pauses typing; gone at once when fixed. It
 * also marks its target row (error or warning style, accessible "invalid"
 * state, the message as its description).
 */
#define TYPING_PAUSE_MS 600

struct _OnrampIssueRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *icon;
  GtkLabel      *message_label;
  GtkButton     *suggestion_button;

  GtkWidget     *target;
  GtkEventController *focus_controller;
  OnrampIssue   *issue;
  OnrampField    field;
  guint          pause_id;
  guint          touched : 1;
  guint          edited : 1;
  guint          showing : 1;
};

G_DEFINE_FINAL_TYPE (OnrampIssueRow, onramp_issue_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_FIELD,
  PROP_ISSUE,
  PROP_SHOWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_issue_row_style_target (OnrampIssueRow *self,
                               OnrampIssue    *shown)
{
  gboolean is_error = shown && onramp_issue_get_severity (shown) == ONRAMP_SEVERITY_ERROR;
  gboolean is_warning = shown && !is_error;

  if (self->target == NULL)
    return;

  if (is_error)
    gtk_widget_add_css_class (self->target, "error");
  else
    gtk_widget_remove_css_class (self->target, "error");

  if (is_warning)
    gtk_widget_add_css_class (self->target, "warning");
  else
    gtk_widget_remove_css_class (self->target, "warning");

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->target),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (shown)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->target),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message_label, NULL,
                                    -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->target),
                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static void
onramp_issue_row_update (OnrampIssueRow *self)
{
  gboolean typing = self->pause_id != 0;
  gboolean show;
  const char *suggestion;

  /* While the user types, a hidden message stays hidden until the pause;
   * one already showing follows the text, so a fix is seen at once.
   */
  show = self->issue != NULL && self->touched && (!typing || self->showing);

  gtk_widget_set_visible (GTK_WIDGET (self), show);
  onramp_issue_row_style_target (self, show ? self->issue : NULL);

  if (show)
    {
      gboolean is_error = onramp_issue_get_severity (self->issue) == ONRAMP_SEVERITY_ERROR;

      gtk_label_set_label (self->message_label, onramp_issue_get_message (self->issue));
      gtk_image_set_from_icon_name (self->icon, is_error ? "dialog-error-symbolic"
                                                         : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self), is_error ? "warning" : "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), is_error ? "error" : "warning");

      suggestion = onramp_issue_get_suggestion (self->issue);
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_button), suggestion != NULL);
      if (suggestion != NULL)
        {
          /* Translators: a button that replaces the typed text; %s is the suggested text */
          g_autofree char *label = g_strdup_printf (_("Use “%s”"), suggestion);

          gtk_button_set_label (self->suggestion_button, label);
        }
    }

  if (self->showing != show)
    {
      self->showing = show;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING]);
    }
}

static gboolean
on_typing_pause_cb (gpointer user_data)
{
  OnrampIssueRow *self = user_data;

  self->pause_id = 0;
  self->touched = TRUE;
  onramp_issue_row_update (self);

  return G_SOURCE_REMOVE;
}

static void
on_target_changed_cb (OnrampIssueRow *self)
{
  self->edited = TRUE;
  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->pause_id = g_timeout_add (TYPING_PAUSE_MS, on_typing_pause_cb, self);
}

static void
on_target_focus_leave_cb (OnrampIssueRow *self)
{
  /* Tabbing through a field one has not typed in yet is no mistake: an
   * empty required field is pointed out when the user asks to go on. */
  if (GTK_IS_EDITABLE (self->target) && !self->edited)
    return;

  onramp_issue_row_reveal (self);
}

static void
onramp_issue_row_apply_suggestion_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *param)
{
  OnrampIssueRow *self = ONRAMP_ISSUE_ROW (widget);
  const char *suggestion;

  if (self->issue == NULL || self->target == NULL)
    return;

  suggestion = onramp_issue_get_suggestion (self->issue);
  if (suggestion == NULL)
    return;

  /* Through the widget, so the record hears of it like any other edit: its
   * text, or the "value" of a choice (a state's code) */
  if (GTK_IS_EDITABLE (self->target))
    gtk_editable_set_text (GTK_EDITABLE (self->target), suggestion);
  else if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->target), "value"))
    g_object_set (self->target, "value", suggestion, NULL);
  else
    return;
  gtk_widget_grab_focus (self->target);
}

static void
onramp_issue_row_disconnect_target (OnrampIssueRow *self)
{
  if (self->target == NULL)
    return;

  onramp_issue_row_style_target (self, NULL);
  g_signal_handlers_disconnect_by_data (self->target, self);
  if (self->focus_controller)
    gtk_widget_remove_controller (self->target, self->focus_controller);
  self->focus_controller = NULL;
  g_clear_weak_pointer (&self->target);
}

static void
onramp_issue_row_dispose (GObject *object)
{
  OnrampIssueRow *self = (OnrampIssueRow *)object;

  g_clear_handle_id (&self->pause_id, g_source_remove);
  onramp_issue_row_disconnect_target (self);
  g_clear_pointer (&self->issue, onramp_issue_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_ISSUE_ROW);

  G_OBJECT_CLASS (onramp_issue_row_parent_class)->dispose (object);
}

static void
onramp_issue_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OnrampIssueRow *self = ONRAMP_ISSUE_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;

    case PROP_ISSUE:
      g_value_set_boxed (value, self->issue);
      break;

    case PROP_SHOWING:
      g_value_set_boolean (value, self->showing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_issue_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OnrampIssueRow *self = ONRAMP_ISSUE_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      onramp_issue_row_set_target (self, g_value_get_object (value));
      break;

    case PROP_FIELD:
      onramp_issue_row_set_field (self, g_value_get_uint (value));
      break;

    case PROP_ISSUE:
      onramp_issue_row_set_issue (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A message with nothing to focus (no suggestion button) must not end the
 * Tab order: GtkListBox gives up at the first next row that takes no
 * focus, and Tab would leave the list, skipping the fields after the
 * message (a revealed “City is required” skipped State and Postal code).
 * Such a row hands the focus on to the row beyond it, in the list's
 * (sorted) order. */
static gboolean
onramp_issue_row_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  GtkWidget *list = gtk_widget_get_parent (widget);
  int step;

  if (GTK_WIDGET_CLASS (onramp_issue_row_parent_class)->focus (widget, direction))
    return TRUE;

  if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN)
    step = 1;
  else if (direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP)
    step = -1;
  else
    return FALSE;
  if (!GTK_IS_LIST_BOX (list))
    return FALSE;

  for (int i = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (widget)) + step; i >= 0; i += step)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (row == NULL)
        break;
      if (gtk_widget_get_visible (GTK_WIDGET (row)) && gtk_widget_is_sensitive (GTK_WIDGET (row)) &&
          gtk_widget_child_focus (GTK_WIDGET (row), direction))
        return TRUE;
    }

  return FALSE;
}

static void
onramp_issue_row_class_init (OnrampIssueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_issue_row_dispose;
  widget_class->focus = onramp_issue_row_focus;
  object_class->get_property = onramp_issue_row_get_property;
  object_class->set_property = onramp_issue_row_set_property;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIELD] =
    g_param_spec_uint ("field", NULL, NULL, 0, ONRAMP_FIELD_NONE, ONRAMP_FIELD_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ISSUE] =
    g_param_spec_boxed ("issue", NULL, NULL, ONRAMP_TYPE_ISSUE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOWING] =
    g_param_spec_boolean ("showing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-issue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampIssueRow, icon);
  gtk_widget_class_bind_template_child (widget_class, OnrampIssueRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampIssueRow, suggestion_button);

  gtk_widget_class_install_action (widget_class, "issue.apply-suggestion", NULL,
                                   onramp_issue_row_apply_suggestion_action);
}

static void
onramp_issue_row_init (OnrampIssueRow *self)
{
  self->field = ONRAMP_FIELD_NONE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
onramp_issue_row_get_target (OnrampIssueRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_ISSUE_ROW (self), NULL);

  return self->target;
}

/**
 * onramp_issue_row_set_target:
 * @target: (nullable): the input row this row describes; a #GtkEditable
 *   to follow typing, any widget to follow focus
 */
void
onramp_issue_row_set_target (OnrampIssueRow *self,
                             GtkWidget      *target)
{
  g_return_if_fail (ONRAMP_IS_ISSUE_ROW (self));
  g_return_if_fail (!target || GTK_IS_WIDGET (target));

  if (self->target == target)
    return;

  onramp_issue_row_disconnect_target (self);
  g_set_weak_pointer (&self->target, target);

  if (target != NULL)
    {
      self->focus_controller = gtk_event_controller_focus_new ();
      g_signal_connect_object (self->focus_controller, "leave",
                               G_CALLBACK (on_target_focus_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (target, self->focus_controller);

      if (GTK_IS_EDITABLE (target))
        g_signal_connect_object (target, "changed",
                                 G_CALLBACK (on_target_changed_cb), self, G_CONNECT_SWAPPED);
    }

  onramp_issue_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

OnrampField
onramp_issue_row_get_field (OnrampIssueRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_ISSUE_ROW (self), ONRAMP_FIELD_NONE);

  return self->field;
}

void
onramp_issue_row_set_field (OnrampIssueRow *self,
                            OnrampField     field)
{
  g_return_if_fail (ONRAMP_IS_ISSUE_ROW (self));

  if (self->field == field)
    return;

  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * onramp_issue_row_get_issue:
 *
 * Returns: (transfer none) (nullable): the field's current issue, shown or not
 */
OnrampIssue *
onramp_issue_row_get_issue (OnrampIssueRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_ISSUE_ROW (self), NULL);

  return self->issue;
}

void
onramp_issue_row_set_issue (OnrampIssueRow *self,
                            OnrampIssue    *issue)
{
  g_return_if_fail (ONRAMP_IS_ISSUE_ROW (self));

  if (self->issue == issue)
    return;

  g_clear_pointer (&self->issue, onramp_issue_unref);
  self->issue = issue ? onramp_issue_ref (issue) : NULL;

  onramp_issue_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUE]);
}

/**
 * onramp_issue_row_reveal:
 *
 * Shows the current issue now, as when the user leaves the field. Used
 * when the user asks to go on while the page still has errors.
 */
void
onramp_issue_row_reveal (OnrampIssueRow *self)
{
  g_return_if_fail (ONRAMP_IS_ISSUE_ROW (self));

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->touched = TRUE;
  onramp_issue_row_update (self);
}

gboolean
onramp_issue_row_get_showing (OnrampIssueRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_ISSUE_ROW (self), FALSE);

  return self->showing;
}

/**
 * onramp_issue_row_forget:
 *
 * Back to the state of a field nobody has typed in: nothing shows until
 * the user edits the field again or asks to go on. For a new record in
 * the same rows.
 */
void
onramp_issue_row_forget (OnrampIssueRow *self)
{
  g_return_if_fail (ONRAMP_IS_ISSUE_ROW (self));

  g_clear_handle_id (&self->pause_id, g_source_remove);
  self->touched = FALSE;
  self->edited = FALSE;
  onramp_issue_row_update (self);
}

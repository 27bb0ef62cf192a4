/* onramp-account-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-account-page.h"
#include "onramp-issue-row.h"
#include "onramp-validator.h"

/* Account info: the customer's company, address, contact and agreement.
 * Data flows one way: the rows write the record, the record is validated,
 * and the result comes back to the rows as issue rows (DESIGN.md).
 */
struct _OnrampAccountPage
{
  OnrampPage       parent_instance;

  AdwEntryRow     *company_name_row;
  OnrampIssueRow  *company_name_issue;

  OnrampValidator *validator;
  GSignalGroup    *customer_signals;
  GPtrArray       *issue_rows;
  GPtrArray       *bindings;
};

G_DEFINE_FINAL_TYPE (OnrampAccountPage, onramp_account_page, ONRAMP_TYPE_PAGE)

/* The issue to show for @field: its first error, else its first warning */
static OnrampIssue *
find_issue_for_field (GPtrArray   *issues,
                      OnrampField  field)
{
  OnrampIssue *warning = NULL;

  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      if (onramp_issue_get_field (issue) != field)
        continue;
      if (onramp_issue_get_severity (issue) == ONRAMP_SEVERITY_ERROR)
        return issue;
      if (warning == NULL)
        warning = issue;
    }

  return warning;
}

static void
onramp_account_page_revalidate (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autoptr(GPtrArray) issues = NULL;
  gboolean complete = TRUE;

  if (customer == NULL)
    return;

  issues = onramp_validator_validate (self->validator, customer);

  for (guint i = 0; i < self->issue_rows->len; i++)
    {
      OnrampIssueRow *row = g_ptr_array_index (self->issue_rows, i);
      OnrampIssue *issue = find_issue_for_field (issues, onramp_issue_row_get_field (row));

      onramp_issue_row_set_issue (row, issue);
      if (issue && onramp_issue_get_severity (issue) == ONRAMP_SEVERITY_ERROR)
        complete = FALSE;
    }

  onramp_page_set_complete (ONRAMP_PAGE (self), complete);
}

static void
onramp_account_page_add_field (OnrampAccountPage *self,
                               OnrampField        field,
                               GtkWidget         *entry_row,
                               OnrampIssueRow    *issue_row)
{
  onramp_issue_row_set_field (issue_row, field);
  onramp_issue_row_set_target (issue_row, entry_row);
  g_ptr_array_add (self->issue_rows, issue_row);
}

static void
onramp_account_page_bind_customer (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  g_ptr_array_set_size (self->bindings, 0);
  g_signal_group_set_target (self->customer_signals, customer);
  if (customer == NULL)
    return;

  for (guint i = 0; i < self->issue_rows->len; i++)
    {
      OnrampIssueRow *row = g_ptr_array_index (self->issue_rows, i);
      OnrampField field = onramp_issue_row_get_field (row);
      GBinding *binding;

      binding = g_object_bind_property (customer, onramp_field_get_property_name (field),
                                        onramp_issue_row_get_target (row), "text",
                                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_ptr_array_add (self->bindings, g_object_ref (binding));
    }

  onramp_account_page_revalidate (self);
}

static void
on_customer_changed_cb (OnrampAccountPage *self)
{
  onramp_account_page_bind_customer (self);
}

static void
onramp_account_page_shown (OnrampPage *page)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->company_name_row));
}

static void
unbind_binding (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
onramp_account_page_dispose (GObject *object)
{
  OnrampAccountPage *self = (OnrampAccountPage *)object;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->customer_signals);
  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_ACCOUNT_PAGE);

  g_clear_object (&self->validator);

  G_OBJECT_CLASS (onramp_account_page_parent_class)->dispose (object);
}

static void
onramp_account_page_class_init (OnrampAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OnrampPageClass *page_class = ONRAMP_PAGE_CLASS (klass);

  object_class->dispose = onramp_account_page_dispose;

  page_class->shown = onramp_account_page_shown;

  g_type_ensure (ONRAMP_TYPE_ISSUE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampAccountPage, company_name_row);
  gtk_widget_class_bind_template_child (widget_class, OnrampAccountPage, company_name_issue);
}

static void
onramp_account_page_init (OnrampAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->validator = onramp_validator_new ();
  self->issue_rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new_with_free_func (unbind_binding);
  self->customer_signals = g_signal_group_new (ONRAMP_TYPE_CUSTOMER);
  g_signal_group_connect_object (self->customer_signals, "notify",
                                 G_CALLBACK (onramp_account_page_revalidate), self, G_CONNECT_SWAPPED);

  onramp_account_page_add_field (self, ONRAMP_FIELD_COMPANY_NAME,
                                 GTK_WIDGET (self->company_name_row), self->company_name_issue);

  g_signal_connect (self, "notify::customer", G_CALLBACK (on_customer_changed_cb), NULL);
}

GtkWidget *
onramp_account_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_ACCOUNT_PAGE, NULL);
}

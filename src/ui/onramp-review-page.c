/* onramp-review-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-review-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-application.h"
#include "onramp-card-shadow.h"
#include "onramp-error.h"
#include "onramp-review-page.h"
#include "onramp-service-error.h"
#include "onramp-submit.h"
#include "onramp-submit-steps.h"
#include "onramp-iso-codes.h"
#include "onramp-validator.h"

/* Review: the whole record on one page, a section per page with its
 * Update button (assistant.update), the issues still there, and the way
 * out: the page's apply *is* the submission, so the assistant's Next says
 * “Submit” here and moves to Done only once the customer exists. Offline
 * or signed out, Next says “Queue for submission” and hands the record to
 * win.queue-submission instead.
 *
 * While submitting, the page is busy (the assistant locks Back and Next)
 * and shows a line per step of the OnrampSubmission, following its “step”
 * property; Cancel stops it. A failure stays on the page with the
 * service's message, code and request id, and Retry.
 */
struct _OnrampReviewPage
{
  OnrampPage           parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwToast            *toast;           /* weak: the last one shown */
  AdwPreferencesGroup *intro_group;
  GtkButton           *sign_in_button;
  AdwPreferencesGroup *submission_group;
  GtkListBox          *steps_list;
  GtkButton           *cancel_button;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  GtkLabel            *error_details_label;
  GtkButton           *retry_button;
  AdwPreferencesGroup *issues_group;
  GtkListBox          *issues_list;
  GtkButton           *account_update_button;
  GtkButton           *reseller_update_button;
  GtkButton           *subscriptions_update_button;
  AdwActionRow        *company_row;
  AdwActionRow        *domain_row;
  AdwActionRow        *address_row;
  AdwActionRow        *contact_row;
  AdwActionRow        *language_row;
  AdwActionRow        *agreement_row;
  AdwPreferencesGroup *reseller_group;
  AdwActionRow        *reseller_row;
  GtkListBox          *subscriptions_list;

  OnrampValidator     *validator;
  GSignalGroup        *customer_signals;
  GSignalGroup        *auth_signals;
  GNetworkMonitor     *network_monitor;
  OnrampApplication   *application;     /* weak: the root's */
  guint                refresh_id;

  /* The draft being reviewed, submitted through the outbox's claim so that
   * the outbox never runs it at the same time */
  OnrampOutbox        *outbox;
  OnrampDraft         *draft;
  gboolean             claimed;

  /* One run of the submission */
  OnrampSubmission    *submission;
  GCancellable        *cancellable;
  GCancellable        *outer_cancellable;
  gulong               outer_handler;
  GtkWidget           *step_row;        /* the running step's line */
  int                  step;

  guint                show_reseller : 1;
  char                *reseller_name;
  guint                can_submit : 1;
};

G_DEFINE_FINAL_TYPE (OnrampReviewPage, onramp_review_page, ONRAMP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SHOW_RESELLER,
  PROP_CAN_SUBMIT,
  PROP_RESELLER_NAME,
  N_PROPS
};

enum {
  SUBMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The summary */

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  gboolean missing = value == NULL || value[0] == '\0';

  adw_action_row_set_subtitle (row, missing ? _("Not given") : value);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (row), "missing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "missing");
}

static const char *
field (OnrampCustomer *customer,
       OnrampField     which)
{
  return onramp_customer_get_field (customer, which);
}

/* Non-empty texts, one per line */
static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || line[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

static char *
join_names (const char *first,
            const char *middle,
            const char *last)
{
  /* Chinese, Japanese and Korean names put the family name first, with
   * no space (林美玲), as the Account info page writes them */
  gboolean wide = last != NULL && last[0] != '\0' && g_unichar_iswide (g_utf8_get_char (last));
  const char *parts[] = { wide ? last : first, middle, wide ? first : last };
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (name->len > 0 && !wide)
        g_string_append_c (name, ' ');
      g_string_append (name, parts[i]);
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static OnrampCountryRules *
onramp_review_page_rules (OnrampReviewPage *self,
                          OnrampCustomer   *customer)
{
  return onramp_country_database_lookup (onramp_validator_get_database (self->validator),
                                         field (customer, ONRAMP_FIELD_COUNTRY));
}

static char *
format_company (OnrampReviewPage *self,
                OnrampCustomer   *customer)
{
  OnrampCountryRules *rules = onramp_review_page_rules (self, customer);
  const char *registration = field (customer, ONRAMP_FIELD_REGISTRATION_NUMBER);
  g_autoptr(GString) text = g_string_new (NULL);

  append_line (text, field (customer, ONRAMP_FIELD_COMPANY_NAME));
  if (registration[0] != '\0')
    {
      const char *name = rules ? onramp_country_rules_get_registration_number_name (rules) : NULL;
      /* Translators: the first %s is the name of a company registration
       * number in its country (such as “Unified Business No.”), the second the number */
      g_autofree char *line = g_strdup_printf (_("%s: %s"), name ? name : _("Registration ID"), registration);

      append_line (text, line);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
state_name (OnrampCountryRules *rules,
            const char         *code)
{
  guint n_states = rules ? onramp_country_rules_get_n_states (rules) : 0;

  for (guint i = 0; i < n_states; i++)
    if (g_strcmp0 (onramp_country_rules_get_state_code (rules, i), code) == 0)
      return onramp_country_rules_get_state_name (rules, i);

  return code;
}

/* In the country's own order (postal code first in Taiwan and Japan…),
 * then the country */
static char *
format_address (OnrampReviewPage *self,
                OnrampCustomer   *customer)
{
  static const OnrampField default_order[] = {
    ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_ADDRESS_LINE2, ONRAMP_FIELD_CITY,
    ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE,
  };
  OnrampCountryRules *rules = onramp_review_page_rules (self, customer);
  const OnrampField *order = default_order;
  guint n_fields = G_N_ELEMENTS (default_order);
  g_autoptr(GString) text = g_string_new (NULL);

  if (rules != NULL)
    order = onramp_country_rules_get_address_order (rules, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *value = field (customer, order[i]);

      if (order[i] == ONRAMP_FIELD_STATE)
        value = state_name (rules, value);
      append_line (text, value);
    }

  if (rules != NULL)
    append_line (text, onramp_country_rules_get_name (rules));
  else
    append_line (text, field (customer, ONRAMP_FIELD_COUNTRY));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_contact (OnrampCustomer *customer)
{
  g_autofree char *name = join_names (field (customer, ONRAMP_FIELD_FIRST_NAME),
                                      field (customer, ONRAMP_FIELD_MIDDLE_NAME),
                                      field (customer, ONRAMP_FIELD_LAST_NAME));
  g_autoptr(GString) text = g_string_new (NULL);

  append_line (text, name);
  append_line (text, field (customer, ONRAMP_FIELD_EMAIL));
  append_line (text, field (customer, ONRAMP_FIELD_PHONE_NUMBER));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
format_language (OnrampReviewPage *self,
                 OnrampCustomer   *customer)
{
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  const char *language = field (customer, ONRAMP_FIELD_LANGUAGE);
  const char *culture = field (customer, ONRAMP_FIELD_CULTURE);
  g_autofree char *culture_name = NULL;

  if (language[0] == '\0' && culture[0] == '\0')
    return NULL;

  /* The names Account info shows, not the codes the service takes */
  culture_name = culture[0] ? onramp_country_database_dup_culture_name (database, culture) : g_strdup ("—");
  /* Translators: the first %s is a language such as “English”, the second
   * a culture such as “English (United States)” */
  return g_strdup_printf (_("%s, culture %s"), language[0] ? onramp_iso_codes_language_name (language) : "—",
                          culture_name);
}

static char *
format_agreement (OnrampCustomer *customer)
{
  g_autofree char *name = NULL;
  const char *email;

  if (!onramp_customer_get_agreement_accepted (customer))
    return g_strdup (_("Not accepted yet"));

  /* Someone other than the primary contact, when the record names them */
  name = join_names (field (customer, ONRAMP_FIELD_AGREEMENT_FIRST_NAME), NULL,
                     field (customer, ONRAMP_FIELD_AGREEMENT_LAST_NAME));
  email = field (customer, ONRAMP_FIELD_AGREEMENT_EMAIL);
  if (name[0] == '\0')
    {
      g_free (name);
      name = join_names (field (customer, ONRAMP_FIELD_FIRST_NAME), NULL,
                         field (customer, ONRAMP_FIELD_LAST_NAME));
      email = field (customer, ONRAMP_FIELD_EMAIL);
    }

  /* Translators: the first %s is a date such as 2024-05-01, the second a
   * person's name, the third their email address */
  return g_strdup_printf (_("Accepted on %s by %s <%s>"),
                          field (customer, ONRAMP_FIELD_AGREEMENT_DATE), name, email);
}

static const char *
billing_cycle_label (const char *cycle)
{
  if (g_strcmp0 (cycle, "monthly") == 0)
    return _("billed monthly");
  if (g_strcmp0 (cycle, "annual") == 0)
    return _("billed yearly");
  if (g_strcmp0 (cycle, "triennial") == 0)
    return _("billed every three years");
  return cycle;
}

static const char *
term_label (const char *term)
{
  if (g_strcmp0 (term, "P1M") == 0)
    return _("1-month term");
  if (g_strcmp0 (term, "P1Y") == 0)
    return _("1-year term");
  if (g_strcmp0 (term, "P3Y") == 0)
    return _("3-year term");
  return term;
}

static void
update_line_item_row (OnrampLineItem *line_item,
                      GParamSpec     *pspec,
                      AdwActionRow   *row)
{
  const char *title = onramp_line_item_get_title (line_item);
  const char *cycle = billing_cycle_label (onramp_line_item_get_billing_cycle (line_item));
  const char *term = term_label (onramp_line_item_get_term_duration (line_item));
  guint quantity = onramp_line_item_get_quantity (line_item);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* Translators: %u is a number of licenses */
  g_string_printf (subtitle, ngettext ("%u license", "%u licenses", quantity), quantity);
  if (cycle != NULL && cycle[0] != '\0')
    g_string_append_printf (subtitle, " · %s", cycle);
  if (term != NULL && term[0] != '\0')
    g_string_append_printf (subtitle, " · %s", term);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title && title[0] ? title : onramp_line_item_get_catalog_item_id (line_item));
  adw_action_row_set_subtitle (row, subtitle->str);
}

static GtkWidget *
create_line_item_row (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_line_item_row (item, NULL, ADW_ACTION_ROW (row));
  /* The row is made when the offer is added; the quantity, term and
   * billing cycle are chosen after, on the Subscriptions page */
  g_signal_connect_object (item, "notify", G_CALLBACK (update_line_item_row), row, 0);

  return row;
}

/* Which page an issue sends the user to */
static const char *
issue_page_name (OnrampIssue *issue)
{
  const char *pointer = onramp_issue_get_pointer (issue);

  if (pointer != NULL && g_str_has_prefix (pointer, "/cart"))
    return "subscriptions";
  if (onramp_issue_get_field (issue) == ONRAMP_FIELD_ASSOCIATED_PARTNER_ID)
    return "reseller";
  return "account";
}

static GtkWidget *
create_issue_row (OnrampIssue *issue)
{
  gboolean is_error = onramp_issue_get_severity (issue) == ONRAMP_SEVERITY_ERROR;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), onramp_issue_get_message (issue));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "assistant.update");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", issue_page_name (issue));
  gtk_widget_set_tooltip_text (row, _("Go to the field"));

  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
onramp_review_page_refresh_issues (OnrampReviewPage *self,
                                   OnrampCustomer   *customer)
{
  g_autoptr(GPtrArray) issues = customer ? onramp_validator_validate (self->validator, customer) : NULL;
  guint n_errors = 0;

  remove_all_rows (self->issues_list);

  /* Errors first: they are what stands between the user and Submit */
  for (int severity = ONRAMP_SEVERITY_ERROR; issues != NULL && severity >= ONRAMP_SEVERITY_WARNING; severity--)
    for (guint i = 0; i < issues->len; i++)
      {
        OnrampIssue *issue = g_ptr_array_index (issues, i);

        if ((int)onramp_issue_get_severity (issue) != severity)
          continue;
        if (severity == ONRAMP_SEVERITY_ERROR)
          n_errors++;
        gtk_list_box_append (self->issues_list, create_issue_row (issue));
      }

  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), issues != NULL && issues->len > 0);
  adw_preferences_group_set_title (self->issues_group,
                                   n_errors > 0 ? _("Fix before submitting") : _("Remaining warnings"));
  adw_preferences_group_set_description (self->issues_group,
                                         n_errors > 0 ? NULL : _("Partner Center accepts the customer with these, but they are worth a look."));

  onramp_page_set_complete (ONRAMP_PAGE (self), customer != NULL && issues != NULL && n_errors == 0);
}

static void
onramp_review_page_refresh (OnrampReviewPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autofree char *company = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *address = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *language = NULL;
  g_autofree char *agreement = NULL;
  const char *partner_id;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (customer == NULL)
    {
      onramp_review_page_refresh_issues (self, NULL);
      return;
    }

  company = format_company (self, customer);
  if (field (customer, ONRAMP_FIELD_DOMAIN_PREFIX)[0] != '\0')
    domain = g_strconcat (field (customer, ONRAMP_FIELD_DOMAIN_PREFIX), ".onmicrosoft.com", NULL);
  address = format_address (self, customer);
  contact = format_contact (customer);
  language = format_language (self, customer);
  agreement = format_agreement (customer);

  set_value (self->company_row, company);
  set_value (self->domain_row, domain);
  set_value (self->address_row, address);
  set_value (self->contact_row, contact);
  set_value (self->language_row, language);
  set_value (self->agreement_row, agreement);

  partner_id = field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID);
  adw_action_row_set_subtitle (self->reseller_row,
                               partner_id[0] == '\0' ? _("None — direct customer")
                               : self->reseller_name != NULL ? self->reseller_name : partner_id);

  onramp_review_page_refresh_issues (self, customer);
}

static gboolean
on_refresh_idle_cb (gpointer user_data)
{
  OnrampReviewPage *self = user_data;

  self->refresh_id = 0;
  onramp_review_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several fields change at once (a suggestion, a country): one refresh.
 * Out of sight, none at all: typing on another page (and the start, when
 * the record is set) would validate and format for nobody; the page
 * refreshes when it is shown. */
static void
onramp_review_page_queue_refresh (OnrampReviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_refresh_idle_cb, self, NULL);
}

static void
onramp_review_page_bind_customer (OnrampReviewPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  GListModel *line_items = customer ? onramp_customer_get_line_items (customer) : NULL;

  g_signal_group_set_target (self->customer_signals, customer);
  gtk_list_box_bind_model (self->subscriptions_list, line_items, create_line_item_row, NULL, NULL);
  onramp_review_page_queue_refresh (self);
}

/* Submit or queue */

static gboolean
onramp_review_page_is_online (OnrampReviewPage *self)
{
  /* The demo server is on this computer: the network does not matter */
  if (self->application != NULL && onramp_application_get_demo_url (self->application) != NULL)
    return TRUE;

  return g_network_monitor_get_network_available (self->network_monitor);
}

static gboolean
onramp_review_page_is_signed_in (OnrampReviewPage *self)
{
  OnrampAuth *auth = g_signal_group_dup_target (self->auth_signals);
  gboolean signed_in = auth != NULL && onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_IN;

  g_clear_object (&auth);
  return signed_in;
}

static void
onramp_review_page_update_mode (OnrampReviewPage *self)
{
  gboolean online = onramp_review_page_is_online (self);
  gboolean signed_in = onramp_review_page_is_signed_in (self);
  gboolean can_submit = online && signed_in;
  const char *description;

  if (can_submit)
    description = _("Check everything before you submit: submitting creates the customer in Partner Center.");
  else if (!online)
    description = _("You are offline. “Queue for Submission” keeps the customer, and it is submitted when you are online and signed in.");
  else
    description = _("You are not signed in. Sign in to submit now, or queue the customer to submit it later.");

  adw_preferences_group_set_description (self->intro_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), online && !signed_in);
  onramp_page_set_forward_label (ONRAMP_PAGE (self),
                                 can_submit ? _("_Submit") : _("_Queue for Submission"));

  if (self->can_submit != can_submit)
    {
      self->can_submit = can_submit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
    }
}

static void
onramp_review_page_toast (OnrampReviewPage *self,
                          const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  g_clear_weak_pointer (&self->toast);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The progress lines */

static GtkWidget *
create_step_row (const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "onramp-step-prefix", spinner);

  return row;
}

static void
finish_step_row (GtkWidget  *row,
                 const char *icon_name,
                 const char *css_class,
                 const char *title)
{
  AdwActionRow *action_row = ADW_ACTION_ROW (row);
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "onramp-step-prefix");
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  if (spinner != NULL)
    adw_action_row_remove (action_row, spinner);
  g_object_set_data (G_OBJECT (row), "onramp-step-prefix", NULL);
  gtk_widget_add_css_class (icon, css_class);
  adw_action_row_add_prefix (action_row, icon);
  if (title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}

/* What the address check found, for the Done page */
static const char *
address_result_line (OnrampAddressStatus status,
                     const char        **icon_name)
{
  *icon_name = "emblem-ok-symbolic";

  switch (status)
    {
    case ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE:
    case ONRAMP_ADDRESS_STATUS_VERIFIED:
      return _("Address verified by Partner Center");

    case ONRAMP_ADDRESS_STATUS_UNKNOWN:
    case ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED:
    case ONRAMP_ADDRESS_STATUS_STREET_PARTIAL:
    case ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL:
    case ONRAMP_ADDRESS_STATUS_MULTIPLE:
    case ONRAMP_ADDRESS_STATUS_NONE:
    case ONRAMP_ADDRESS_STATUS_NOT_VALIDATED:
    default:
      *icon_name = "dialog-warning-symbolic";
      return _("Address checked, but Partner Center could not fully verify it; it was kept as entered");
    }
}

/* The line for a step that ran, or that had nothing to do */
static char *
step_result_line (OnrampSubmission  *submission,
                  OnrampSubmitStep   step,
                  const char       **icon_name)
{
  g_autoptr(GPtrArray) records = NULL;

  *icon_name = "emblem-ok-symbolic";
  if (step == ONRAMP_SUBMIT_STEP_ADDRESS)
    return g_strdup (address_result_line (onramp_submission_get_address_status (submission), icon_name));
  if (step <= ONRAMP_SUBMIT_STEP_ADDRESS || step >= ONRAMP_SUBMIT_STEP_DONE ||
      onramp_submission_get_step_state (submission, step) != ONRAMP_SUBMIT_STATE_SKIPPED)
    return g_strdup (onramp_submit_step_get_done_label (step));

  records = onramp_submission_get_step_records (submission);
  for (guint i = 0; i < records->len; i++)
    {
      OnrampSubmitRecord *record = g_ptr_array_index (records, i);

      if (record->step == step)
        {
          *icon_name = ONRAMP_SUBMIT_STEP_SKIPPED_ICON;
          return onramp_submit_step_dup_skipped_label (step, record->message);
        }
    }

  return g_strdup (onramp_submit_step_get_done_label (step));
}

static const char *
step_icon_class (const char *icon_name)
{
  if (g_str_equal (icon_name, "emblem-ok-symbolic"))
    return "success";
  if (g_str_equal (icon_name, ONRAMP_SUBMIT_STEP_SKIPPED_ICON))
    return "dim-label";
  return "warning";
}

static void
onramp_review_page_step_passed (OnrampReviewPage *self,
                                int               step)
{
  const char *icon_name;
  g_autofree char *line = step_result_line (self->submission, step, &icon_name);

  if (self->step_row != NULL)
    finish_step_row (self->step_row, icon_name, step_icon_class (icon_name), line);
  self->step_row = NULL;
}

/* What the Done page lists: every step of the plan, those that ran in an
 * earlier attempt and those that had nothing to do included, not only the
 * ones this run went through */
static void
onramp_review_page_collect_results (OnrampReviewPage  *self,
                                    GStrv             *icons,
                                    GStrv             *lines)
{
  g_autoptr(GStrvBuilder) icon_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) line_builder = g_strv_builder_new ();

  for (OnrampSubmitStep step = ONRAMP_SUBMIT_STEP_VALIDATE; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      const char *icon_name;
      g_autofree char *line = step_result_line (self->submission, step, &icon_name);

      if (line == NULL)
        continue;
      g_strv_builder_add (icon_builder, icon_name);
      g_strv_builder_add (line_builder, line);
    }

  *icons = g_strv_builder_end (icon_builder);
  *lines = g_strv_builder_end (line_builder);
}

static void
on_submission_step_cb (OnrampReviewPage *self,
                       GParamSpec       *pspec,
                       OnrampSubmission *submission)
{
  int step = onramp_submission_get_step (submission);
  const char *label;

  if (step == self->step)
    return;

  /* A step is done when the next one starts */
  if (self->step >= 0)
    onramp_review_page_step_passed (self, self->step);
  self->step = step;

  label = onramp_submit_step_get_progress_label (step);
  if (label != NULL)
    {
      self->step_row = create_step_row (label);
      gtk_list_box_append (self->steps_list, self->step_row);
    }
}

static void
onramp_review_page_show_error (OnrampReviewPage *self,
                               const GError     *error)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *request_id = NULL;

  if (error->domain == ONRAMP_SERVICE_ERROR)
    {
      const char *code = onramp_service_error_get_service_code (error);
      guint status = onramp_service_error_get_http_status (error);

      request_id = onramp_service_error_get_request_id (error);
      if (code != NULL)
        /* Translators: %s is Partner Center's error code, such as 600049 */
        g_string_append_printf (details, _("Error code: %s"), code);
      if (status != 0)
        {
          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* Translators: %u is an HTTP status such as 503 */
          g_string_append_printf (details, _("HTTP status: %u"), status);
        }
    }

  /* The creation's own request id, which a support ticket quotes */
  if (request_id == NULL && self->submission != NULL)
    request_id = onramp_submission_get_request_id (self->submission);
  if (request_id != NULL)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* Translators: %s is an MS-RequestId, a GUID to quote to Microsoft support */
      g_string_append_printf (details, _("Request ID: %s"), request_id);
    }

  gtk_label_set_label (self->error_label, error->message);
  gtk_label_set_label (self->error_details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_details_label), details->len > 0);
  gtk_widget_set_visible (self->error_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->submission_group), TRUE);
}

static void
onramp_review_page_end_run (OnrampReviewPage *self)
{
  if (self->submission != NULL)
    g_signal_handlers_disconnect_by_func (self->submission, on_submission_step_cb, self);
  g_clear_object (&self->submission);
  if (self->outer_cancellable != NULL)
    g_cancellable_disconnect (self->outer_cancellable, self->outer_handler);
  self->outer_handler = 0;
  g_clear_object (&self->outer_cancellable);
  g_clear_object (&self->cancellable);
  self->step_row = NULL;
  self->step = -1;

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel", FALSE);
  onramp_page_set_busy (ONRAMP_PAGE (self), FALSE);
}

static void
onramp_review_page_fail (OnrampReviewPage *self,
                         GTask            *task,
                         GError           *error)
{
  if (self->step_row != NULL)
    finish_step_row (self->step_row, "dialog-error-symbolic", "error",
                     onramp_submit_step_get_failed_label (self->step));

  if (self->claimed && self->outbox != NULL)
    {
      self->claimed = FALSE;
      onramp_outbox_release (self->outbox, self->draft, NULL, error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped on purpose: nothing to explain, nothing left running */
      gtk_widget_set_visible (GTK_WIDGET (self->submission_group), FALSE);
    }
  else
    {
      g_debug ("Submission failed: %s", error->message);
      onramp_review_page_show_error (self, error);
    }

  onramp_review_page_end_run (self);
  g_task_return_error (task, error);
}

/* The answer's one-time password goes to the Done page, which keeps its
 * own copy; this one is wiped before the answer is freed */
static void
wipe_password (JsonObject *created)
{
  JsonNode *credentials = json_object_get_member (created, "userCredentials");
  JsonNode *password = NULL;
  char *text;

  if (credentials != NULL && JSON_NODE_HOLDS_OBJECT (credentials))
    password = json_object_get_member (json_node_get_object (credentials), "password");
  if (password == NULL || !JSON_NODE_HOLDS_VALUE (password) || json_node_get_value_type (password) != G_TYPE_STRING)
    return;

  text = (char *)json_node_get_string (password);
  explicit_bzero (text, strlen (text));
}

static void
on_submission_run_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampReviewPage *self = g_task_get_source_object (task);
  OnrampSubmission *submission = ONRAMP_SUBMISSION (object);
  g_autoptr(JsonObject) created = NULL;
  g_auto(GStrv) icons = NULL;
  g_auto(GStrv) lines = NULL;
  GError *error = NULL;

  created = onramp_submission_run_finish (submission, result, &error);
  if (created == NULL)
    {
      onramp_review_page_fail (self, task, error);
      return;
    }

  /* The last step has no successor to close it */
  if (self->step >= 0 && self->step != ONRAMP_SUBMIT_STEP_DONE)
    onramp_review_page_step_passed (self, self->step);
  onramp_review_page_collect_results (self, &icons, &lines);

  /* The draft is marked submitted; the app keeps the password in the keyring */
  if (self->claimed && self->outbox != NULL)
    {
      self->claimed = FALSE;
      onramp_outbox_release (self->outbox, self->draft, created, NULL);
    }

  /* Nothing of the answer stays here: the Done page takes it, password and all */
  g_signal_emit (self, signals[SUBMITTED], 0, created, icons, lines);
  wipe_password (created);

  onramp_review_page_end_run (self);
  gtk_widget_set_visible (GTK_WIDGET (self->submission_group), FALSE);
  remove_all_rows (self->steps_list);
  g_task_return_boolean (task, TRUE);
}

static void
on_client_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampReviewPage *self = g_task_get_source_object (task);
  g_autoptr(OnrampPartnerClient) client = NULL;
  GError *error = NULL;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (client == NULL)
    {
      onramp_review_page_fail (self, task, error);
      return;
    }

  onramp_submission_run_async (self->submission, client, self->cancellable,
                               on_submission_run_cb, g_steal_pointer (&task));
}

static void
on_outer_cancelled_cb (GCancellable *outer,
                       GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static void
onramp_review_page_submit (OnrampReviewPage *self,
                           GTask            *task)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  GCancellable *outer = g_task_get_cancellable (task);
  GError *error = NULL;

  /* “Queued…” is not true any more */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  remove_all_rows (self->steps_list);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->submission_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel", TRUE);
  onramp_page_set_busy (ONRAMP_PAGE (self), TRUE);

  self->cancellable = g_cancellable_new ();
  /* The assistant's cancellable (window closed, next customer) stops us too */
  if (outer != NULL)
    {
      self->outer_cancellable = g_object_ref (outer);
      self->outer_handler = g_cancellable_connect (outer, G_CALLBACK (on_outer_cancelled_cb),
                                                   g_object_ref (self->cancellable), g_object_unref);
    }
  self->step = -1;

  /* Checkpointed into the draft, or without one kept under $XDG_DATA_HOME:
   * a retry, even after a crash, sends the same request ids and never makes
   * the customer twice */
  if (self->outbox != NULL && self->draft != NULL)
    {
      self->submission = onramp_outbox_claim (self->outbox, self->draft, &error);
      self->claimed = self->submission != NULL;
    }
  else
    {
      self->submission = onramp_submission_new (customer);
      if (!onramp_submission_load (self->submission, &error))
        g_clear_object (&self->submission);
    }
  if (self->submission == NULL)
    {
      onramp_review_page_fail (self, task, error);
      return;
    }
  g_signal_connect_object (self->submission, "notify::step",
                           G_CALLBACK (on_submission_step_cb), self, G_CONNECT_SWAPPED);
  on_submission_step_cb (self, NULL, self->submission);

  onramp_application_ready_client_async (self->application, self->cancellable,
                                         on_client_ready_cb, g_object_ref (task));
}

static void
onramp_review_page_queue (OnrampReviewPage *self,
                          GTask            *task)
{
  /* The window hands the record to the outbox (win.queue-submission) */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.queue-submission", NULL))
    {
      onramp_review_page_toast (self, _("The customer could not be queued"));
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_FAILED, "%s",
                               _("The customer could not be queued"));
      return;
    }

  onramp_review_page_toast (self, _("Queued: it will be submitted when you are online and signed in"));
  /* Not a failure, but not Done either: the customer does not exist yet */
  g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN, "%s",
                           _("Queued for submission"));
}

static void
onramp_review_page_apply_async (OnrampPage          *page,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (page);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, onramp_review_page_apply_async);

  if (self->submission != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s", _("Already submitting"));
      return;
    }

  onramp_review_page_update_mode (self);
  if (self->can_submit && self->application != NULL)
    onramp_review_page_submit (self, task);
  else
    onramp_review_page_queue (self, task);
}

static gboolean
onramp_review_page_apply_finish (OnrampPage    *page,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
onramp_review_page_cancel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
onramp_review_page_retry_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  gtk_widget_activate_action (widget, "assistant.next", NULL);
}

/* Life cycle */

/* The window gets its application after its pages are built: look again
 * whenever the page is rooted or shown */
static void
onramp_review_page_find_application (OnrampReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = NULL;

  if (GTK_IS_WINDOW (root))
    application = gtk_window_get_application (GTK_WINDOW (root));
  if (!ONRAMP_IS_APPLICATION (application) || self->application == ONRAMP_APPLICATION (application))
    return;

  self->application = ONRAMP_APPLICATION (application);
  g_signal_group_set_target (self->auth_signals, onramp_application_get_auth (self->application));
}

static void
onramp_review_page_root (GtkWidget *widget)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (onramp_review_page_parent_class)->root (widget);

  onramp_review_page_find_application (self);
  onramp_review_page_update_mode (self);
}

static void
onramp_review_page_unroot (GtkWidget *widget)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (widget);

  g_signal_group_set_target (self->auth_signals, NULL);
  self->application = NULL;

  GTK_WIDGET_CLASS (onramp_review_page_parent_class)->unroot (widget);
}

static void
onramp_review_page_shown (OnrampPage *page)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (page);

  onramp_review_page_find_application (self);
  onramp_review_page_refresh (self);
  onramp_review_page_update_mode (self);
}

static void
onramp_review_page_dispose (GObject *object)
{
  OnrampReviewPage *self = (OnrampReviewPage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->outer_cancellable != NULL)
    g_cancellable_disconnect (self->outer_cancellable, self->outer_handler);
  self->outer_handler = 0;
  g_clear_object (&self->outer_cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  if (self->customer_signals != NULL)
    g_signal_group_set_target (self->customer_signals, NULL);
  if (self->subscriptions_list != NULL)
    gtk_list_box_bind_model (self->subscriptions_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_REVIEW_PAGE);

  g_clear_object (&self->customer_signals);
  g_clear_object (&self->auth_signals);
  g_clear_object (&self->validator);
  g_clear_object (&self->submission);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->draft);
  g_clear_object (&self->outbox);
  self->network_monitor = NULL;

  g_clear_pointer (&self->reseller_name, g_free);

  G_OBJECT_CLASS (onramp_review_page_parent_class)->dispose (object);
}

static void
onramp_review_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_RESELLER:
      g_value_set_boolean (value, onramp_review_page_get_show_reseller (self));
      break;

    case PROP_CAN_SUBMIT:
      g_value_set_boolean (value, onramp_review_page_get_can_submit (self));
      break;

    case PROP_RESELLER_NAME:
      g_value_set_string (value, self->reseller_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_review_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OnrampReviewPage *self = ONRAMP_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_RESELLER:
      onramp_review_page_set_show_reseller (self, g_value_get_boolean (value));
      break;

    case PROP_RESELLER_NAME:
      if (g_strcmp0 (self->reseller_name, g_value_get_string (value)) != 0)
        {
          g_free (self->reseller_name);
          self->reseller_name = g_value_dup_string (value);
          onramp_review_page_queue_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_review_page_class_init (OnrampReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OnrampPageClass *page_class = ONRAMP_PAGE_CLASS (klass);

  object_class->dispose = onramp_review_page_dispose;
  object_class->get_property = onramp_review_page_get_property;
  object_class->set_property = onramp_review_page_set_property;

  widget_class->root = onramp_review_page_root;
  widget_class->unroot = onramp_review_page_unroot;

  page_class->shown = onramp_review_page_shown;
  page_class->apply_async = onramp_review_page_apply_async;
  page_class->apply_finish = onramp_review_page_apply_finish;

  properties[PROP_SHOW_RESELLER] =
    g_param_spec_boolean ("show-reseller", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_SUBMIT] =
    g_param_spec_boolean ("can-submit", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The name of the record's reseller, which the record knows only by its
   * tenant ID (the Indirect reseller page's chosen-name) */
  properties[PROP_RESELLER_NAME] =
    g_param_spec_string ("reseller-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampReviewPage::submitted:
   * @created: the customer as Partner Center answered, one-time password
   *   included: show it once, never store or log it
   * @icons: an icon name per step that passed
   * @lines: what each step achieved, translated
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, JSON_TYPE_OBJECT, G_TYPE_STRV, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-review-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OnrampReviewPage, name)
  BIND (toast_overlay);
  BIND (intro_group);
  BIND (sign_in_button);
  BIND (submission_group);
  BIND (steps_list);
  BIND (cancel_button);
  BIND (error_box);
  BIND (error_label);
  BIND (error_details_label);
  BIND (retry_button);
  BIND (account_update_button);
  BIND (reseller_update_button);
  BIND (subscriptions_update_button);
  BIND (issues_group);
  BIND (issues_list);
  BIND (company_row);
  BIND (domain_row);
  BIND (address_row);
  BIND (contact_row);
  BIND (language_row);
  BIND (agreement_row);
  BIND (reseller_group);
  BIND (reseller_row);
  BIND (subscriptions_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, onramp_review_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "review.retry", NULL, onramp_review_page_retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.cancel", NULL);

  g_type_ensure (ONRAMP_TYPE_CARD_SHADOW);
}

static void
onramp_review_page_init (OnrampReviewPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->step = -1;
  self->show_reseller = TRUE;
  self->validator = onramp_validator_new ();
  self->network_monitor = g_network_monitor_get_default ();

  self->customer_signals = g_signal_group_new (ONRAMP_TYPE_CUSTOMER);
  g_signal_group_connect_object (self->customer_signals, "notify",
                                 G_CALLBACK (onramp_review_page_queue_refresh), self, G_CONNECT_SWAPPED);
  self->auth_signals = g_signal_group_new (ONRAMP_TYPE_AUTH);
  g_signal_group_connect_object (self->auth_signals, "notify::state",
                                 G_CALLBACK (onramp_review_page_update_mode), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_monitor, "notify::network-available",
                           G_CALLBACK (onramp_review_page_update_mode), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::customer", G_CALLBACK (onramp_review_page_bind_customer), NULL);
  /* What changed while out of sight (see onramp_review_page_queue_refresh) */
  g_signal_connect (self, "map", G_CALLBACK (onramp_review_page_queue_refresh), NULL);

  placeholder = gtk_label_new (_("No subscriptions: the customer is created without any"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->subscriptions_list, placeholder);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  onramp_review_page_update_mode (self);
  onramp_review_page_refresh (self);
}

GtkWidget *
onramp_review_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_REVIEW_PAGE, NULL);
}

gboolean
onramp_review_page_get_show_reseller (OnrampReviewPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_REVIEW_PAGE (self), FALSE);

  return self->show_reseller;
}

/**
 * onramp_review_page_set_show_reseller:
 *
 * Whether the Indirect reseller section is there: it follows that page's
 * visibility (indirect providers only).
 */
void
onramp_review_page_set_show_reseller (OnrampReviewPage *self,
                                      gboolean          show_reseller)
{
  g_return_if_fail (ONRAMP_IS_REVIEW_PAGE (self));

  show_reseller = !!show_reseller;
  if (self->show_reseller == show_reseller)
    return;

  self->show_reseller = show_reseller;
  gtk_widget_set_visible (GTK_WIDGET (self->reseller_group), show_reseller);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_RESELLER]);
}

/**
 * onramp_review_page_get_can_submit:
 *
 * Returns: whether Next submits now (online and signed in) rather than
 *   queueing the customer
 */
gboolean
onramp_review_page_get_can_submit (OnrampReviewPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_REVIEW_PAGE (self), FALSE);

  return self->can_submit;
}

/**
 * onramp_review_page_set_draft:
 * @outbox: (nullable): the app's outbox
 * @draft: (nullable): the draft whose record the page shows
 *
 * With both, Submit runs the draft's own submission (claimed from the
 * outbox) and the draft's status follows; without, a submission file of
 * its own is used.
 */
void
onramp_review_page_set_draft (OnrampReviewPage *self,
                              OnrampOutbox     *outbox,
                              OnrampDraft      *draft)
{
  g_return_if_fail (ONRAMP_IS_REVIEW_PAGE (self));
  g_return_if_fail (outbox == NULL || ONRAMP_IS_OUTBOX (outbox));
  g_return_if_fail (draft == NULL || ONRAMP_IS_DRAFT (draft));

  g_set_object (&self->outbox, outbox);
  g_set_object (&self->draft, draft);
}

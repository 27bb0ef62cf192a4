/* onramp-account-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-account-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-card-shadow.h"
#include "onramp-choice-row.h"
#include "onramp-country-database.h"
#include "onramp-date-row.h"
#include "onramp-error.h"
#include "onramp-first-frame.h"
#include "onramp-iso-codes.h"
#include "onramp-issue-row.h"
#include "onramp-locale.h"
#include "onramp-relationship-dialog.h"
#include "onramp-validator.h"
#include "onramp-width-first-bin.h"

/* How long typing must pause before the domain is checked */
#define DOMAIN_CHECK_DELAY_MS 500
#define N_DOMAIN_ALTERNATIVES 3
#define N_ADDRESS_SUGGESTIONS 3

/* Account info: the customer's company, address, contact and agreement.
 * Data flows one way: the rows write the record, the record is validated,
 * and the result comes back to the rows as issue rows (DESIGN.md). The
 * country decides the rest of the form: the address order and labels, the
 * state list, the phone prefix, the registration number, the cultures.
 */
struct _OnrampAccountPage
{
  OnrampPage          parent_instance;

  GtkListBox         *company_list;
  GtkListBox         *country_list;
  GtkListBox         *address_list;
  GtkListBox         *contact_list;
  GtkListBox         *language_list;
  GtkListBox         *agreement_list;
  GtkListBox         *relationship_list;
  GtkListBoxRow      *relationship_row;
  GtkLabel           *relationship_subtitle;

  AdwEntryRow        *company_name_row;
  OnrampIssueRow     *company_name_issue;
  AdwEntryRow        *domain_row;
  GtkSpinner         *domain_spinner;
  GtkImage           *domain_status_icon;
  OnrampIssueRow     *domain_issue;
  GtkWidget          *domain_note_row;
  GtkImage           *domain_note_icon;
  GtkLabel           *domain_note_label;
  AdwActionRow       *domain_alternative1;
  AdwActionRow       *domain_alternative2;
  AdwActionRow       *domain_alternative3;
  GtkWidget          *domain_alternative_button1;
  GtkWidget          *domain_alternative_button2;
  GtkWidget          *domain_alternative_button3;
  AdwEntryRow        *registration_row;
  GtkLabel           *registration_sample_label;
  OnrampIssueRow     *registration_issue;
  OnrampChoiceRow    *country_row;
  OnrampIssueRow     *country_issue;
  AdwEntryRow        *address_line1_row;
  OnrampIssueRow     *address_line1_issue;
  AdwEntryRow        *address_line2_row;
  OnrampIssueRow     *address_line2_issue;
  AdwEntryRow        *city_row;
  OnrampIssueRow     *city_issue;
  OnrampChoiceRow    *state_choice_row;
  AdwEntryRow        *state_entry_row;
  OnrampIssueRow     *state_issue;
  AdwEntryRow        *postal_code_row;
  OnrampIssueRow     *postal_code_issue;
  GtkWidget          *address_check_group;
  GtkWidget          *domain_suffix_label;
  GtkEventController *domain_focus;
  /* The groups below the fold, from onramp-account-page-more.ui: NULL, as
   * every widget of that file, until onramp_account_page_build_more() */
  GtkWidget          *address_group;
  GtkWidget          *contact_group;
  GtkWidget          *language_group;
  GtkWidget          *agreement_group;
  AdwActionRow       *address_status_row;
  GtkSpinner         *address_spinner;
  GtkImage           *address_status_icon;
  AdwActionRow       *address_entered_row;
  AdwActionRow       *address_suggestion1;
  AdwActionRow       *address_suggestion2;
  AdwActionRow       *address_suggestion3;
  GtkWidget          *address_use_button1;
  GtkWidget          *address_use_button2;
  GtkWidget          *address_use_button3;
  GtkWidget          *address_keep_row;
  GtkWidget          *address_keep_button;
  AdwEntryRow        *first_name_row;
  OnrampIssueRow     *first_name_issue;
  AdwEntryRow        *middle_name_row;
  OnrampIssueRow     *middle_name_issue;
  AdwEntryRow        *last_name_row;
  OnrampIssueRow     *last_name_issue;
  AdwEntryRow        *email_row;
  OnrampIssueRow     *email_issue;
  AdwEntryRow        *phone_row;
  GtkLabel           *phone_prefix_label;
  OnrampIssueRow     *phone_issue;
  OnrampChoiceRow    *language_row;
  OnrampIssueRow     *language_issue;
  OnrampChoiceRow    *culture_row;
  OnrampIssueRow     *culture_issue;
  AdwActionRow       *agreement_accepted_row;
  GtkSwitch          *agreement_switch;
  OnrampIssueRow     *agreement_accepted_issue;
  OnrampDateRow      *agreement_date_row;
  OnrampIssueRow     *agreement_date_issue;
  AdwActionRow       *agreement_other_row;
  GtkSwitch          *agreement_other_switch;
  AdwEntryRow        *agreement_first_name_row;
  OnrampIssueRow     *agreement_first_name_issue;
  AdwEntryRow        *agreement_last_name_row;
  OnrampIssueRow     *agreement_last_name_issue;
  AdwEntryRow        *agreement_email_row;
  OnrampIssueRow     *agreement_email_issue;
  AdwEntryRow        *agreement_phone_row;
  GtkLabel           *agreement_phone_prefix_label;
  OnrampIssueRow     *agreement_phone_issue;

  OnrampValidator    *validator;
  OnrampCountryRules *rules;
  GSignalGroup       *customer_signals;
  GPtrArray          *issue_rows;
  GPtrArray          *bindings;
  GHashTable         *base_titles;   /* row -> title without the required mark */
  OnrampDomainStatus  domain_status;

  /* The domain check: the prefix asked about, its alternatives */
  GCancellable       *domain_cancellable;
  guint               domain_timeout_id;
  char               *domain_checking;
  GHashTable         *domain_answers;  /* prefix -> OnrampDomainStatus */
  GStrv               alternatives;
  guint               n_alternatives_pending;

  /* The address check: the address (as a key) the result is about */
  GCancellable       *address_cancellable;
  char               *address_checking;
  char               *address_key;
  OnrampAddressStatus address_status;
  JsonArray          *address_suggestions;
  GPtrArray          *address_issues;
  gboolean            address_complete;
  gboolean            address_decided;
  gboolean            next_waiting;
  GTask              *apply_task;

  gboolean            remote_connected;
};

G_DEFINE_FINAL_TYPE (OnrampAccountPage, onramp_account_page, ONRAMP_TYPE_PAGE)

#define ROW(self, offset)   (G_STRUCT_MEMBER (GtkWidget *, (self), (offset)))
#define ISSUE(self, offset) (G_STRUCT_MEMBER (OnrampIssueRow *, (self), (offset)))
#define FIELD_ROW(field, row, issue) \
  { field, G_STRUCT_OFFSET (OnrampAccountPage, row), G_STRUCT_OFFSET (OnrampAccountPage, issue) }

/* Every input of the page and the issue row under it, in visual order.
 * The state has two inputs (a list, or free text where there is none);
 * the agreement's own issue row is added apart (see revalidate). */
static const struct
{
  OnrampField field;
  gsize       row_offset;
  gsize       issue_offset;
} field_rows[] = {
  FIELD_ROW (ONRAMP_FIELD_COMPANY_NAME, company_name_row, company_name_issue),
  FIELD_ROW (ONRAMP_FIELD_DOMAIN_PREFIX, domain_row, domain_issue),
  FIELD_ROW (ONRAMP_FIELD_REGISTRATION_NUMBER, registration_row, registration_issue),
  FIELD_ROW (ONRAMP_FIELD_COUNTRY, country_row, country_issue),
  FIELD_ROW (ONRAMP_FIELD_ADDRESS_LINE1, address_line1_row, address_line1_issue),
  FIELD_ROW (ONRAMP_FIELD_ADDRESS_LINE2, address_line2_row, address_line2_issue),
  FIELD_ROW (ONRAMP_FIELD_CITY, city_row, city_issue),
  FIELD_ROW (ONRAMP_FIELD_STATE, state_choice_row, state_issue),
  FIELD_ROW (ONRAMP_FIELD_STATE, state_entry_row, state_issue),
  FIELD_ROW (ONRAMP_FIELD_POSTAL_CODE, postal_code_row, postal_code_issue),
  FIELD_ROW (ONRAMP_FIELD_FIRST_NAME, first_name_row, first_name_issue),
  FIELD_ROW (ONRAMP_FIELD_MIDDLE_NAME, middle_name_row, middle_name_issue),
  FIELD_ROW (ONRAMP_FIELD_LAST_NAME, last_name_row, last_name_issue),
  FIELD_ROW (ONRAMP_FIELD_EMAIL, email_row, email_issue),
  FIELD_ROW (ONRAMP_FIELD_PHONE_NUMBER, phone_row, phone_issue),
  FIELD_ROW (ONRAMP_FIELD_LANGUAGE, language_row, language_issue),
  FIELD_ROW (ONRAMP_FIELD_CULTURE, culture_row, culture_issue),
  FIELD_ROW (ONRAMP_FIELD_AGREEMENT_DATE, agreement_date_row, agreement_date_issue),
  FIELD_ROW (ONRAMP_FIELD_AGREEMENT_FIRST_NAME, agreement_first_name_row, agreement_first_name_issue),
  FIELD_ROW (ONRAMP_FIELD_AGREEMENT_LAST_NAME, agreement_last_name_row, agreement_last_name_issue),
  FIELD_ROW (ONRAMP_FIELD_AGREEMENT_EMAIL, agreement_email_row, agreement_email_issue),
  FIELD_ROW (ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER, agreement_phone_row, agreement_phone_issue),
};

/* The address rows, which the country reorders */
static const struct
{
  OnrampField field;
  gsize       offsets[3];
} address_rows[] = {
  { ONRAMP_FIELD_ADDRESS_LINE1, { G_STRUCT_OFFSET (OnrampAccountPage, address_line1_row),
                                  G_STRUCT_OFFSET (OnrampAccountPage, address_line1_issue) } },
  { ONRAMP_FIELD_ADDRESS_LINE2, { G_STRUCT_OFFSET (OnrampAccountPage, address_line2_row),
                                  G_STRUCT_OFFSET (OnrampAccountPage, address_line2_issue) } },
  { ONRAMP_FIELD_CITY, { G_STRUCT_OFFSET (OnrampAccountPage, city_row),
                         G_STRUCT_OFFSET (OnrampAccountPage, city_issue) } },
  { ONRAMP_FIELD_STATE, { G_STRUCT_OFFSET (OnrampAccountPage, state_choice_row),
                          G_STRUCT_OFFSET (OnrampAccountPage, state_entry_row),
                          G_STRUCT_OFFSET (OnrampAccountPage, state_issue) } },
  { ONRAMP_FIELD_POSTAL_CODE, { G_STRUCT_OFFSET (OnrampAccountPage, postal_code_row),
                                G_STRUCT_OFFSET (OnrampAccountPage, postal_code_issue) } },
};

/* Whether the part below the fold is built (onramp_account_page_build_more) */
#define HAS_MORE(self)      ((self)->address_group != NULL)

/* The widgets of onramp-account-page-more.ui the page keeps, by id; its
 * groups in the order they follow the first part */
#define MORE_WIDGET(name) { #name, G_STRUCT_OFFSET (OnrampAccountPage, name) }
static const struct
{
  const char *name;
  gsize       offset;
} more_widgets[] = {
  MORE_WIDGET (address_group),
  MORE_WIDGET (address_list),
  MORE_WIDGET (address_line1_row),
  MORE_WIDGET (address_line1_issue),
  MORE_WIDGET (address_line2_row),
  MORE_WIDGET (address_line2_issue),
  MORE_WIDGET (city_row),
  MORE_WIDGET (city_issue),
  MORE_WIDGET (state_choice_row),
  MORE_WIDGET (state_entry_row),
  MORE_WIDGET (state_issue),
  MORE_WIDGET (postal_code_row),
  MORE_WIDGET (postal_code_issue),
  MORE_WIDGET (address_check_group),
  MORE_WIDGET (address_status_row),
  MORE_WIDGET (address_spinner),
  MORE_WIDGET (address_status_icon),
  MORE_WIDGET (address_entered_row),
  MORE_WIDGET (address_suggestion1),
  MORE_WIDGET (address_use_button1),
  MORE_WIDGET (address_suggestion2),
  MORE_WIDGET (address_use_button2),
  MORE_WIDGET (address_suggestion3),
  MORE_WIDGET (address_use_button3),
  MORE_WIDGET (address_keep_row),
  MORE_WIDGET (address_keep_button),
  MORE_WIDGET (contact_group),
  MORE_WIDGET (contact_list),
  MORE_WIDGET (first_name_row),
  MORE_WIDGET (first_name_issue),
  MORE_WIDGET (middle_name_row),
  MORE_WIDGET (middle_name_issue),
  MORE_WIDGET (last_name_row),
  MORE_WIDGET (last_name_issue),
  MORE_WIDGET (email_row),
  MORE_WIDGET (email_issue),
  MORE_WIDGET (phone_row),
  MORE_WIDGET (phone_prefix_label),
  MORE_WIDGET (phone_issue),
  MORE_WIDGET (language_group),
  MORE_WIDGET (language_list),
  MORE_WIDGET (language_row),
  MORE_WIDGET (language_issue),
  MORE_WIDGET (culture_row),
  MORE_WIDGET (culture_issue),
  MORE_WIDGET (agreement_group),
  MORE_WIDGET (agreement_list),
  MORE_WIDGET (agreement_accepted_row),
  MORE_WIDGET (agreement_switch),
  MORE_WIDGET (agreement_accepted_issue),
  MORE_WIDGET (agreement_date_row),
  MORE_WIDGET (agreement_date_issue),
  MORE_WIDGET (agreement_other_row),
  MORE_WIDGET (agreement_other_switch),
  MORE_WIDGET (agreement_first_name_row),
  MORE_WIDGET (agreement_first_name_issue),
  MORE_WIDGET (agreement_last_name_row),
  MORE_WIDGET (agreement_last_name_issue),
  MORE_WIDGET (agreement_email_row),
  MORE_WIDGET (agreement_email_issue),
  MORE_WIDGET (agreement_phone_row),
  MORE_WIDGET (agreement_phone_prefix_label),
  MORE_WIDGET (agreement_phone_issue),
};
#undef MORE_WIDGET

static const OnrampField default_address_order[] = {
  ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_ADDRESS_LINE2, ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE,
};

/* The page's fixed titles (the .ui's msgids), and the window's Back and
 * Next (or Return to Review, in its place): the titles the country decides
 * take a letter none of these uses in the UI language (translations
 * underline other letters than English). tests/check-mnemonics.py checks
 * that this list matches the .ui. */
static const char * const fixed_mnemonic_titles[] = {
  "Company _legal name", "_Domain prefix", "_Country or region", "Address line _1",
  "Address line _2", "C_ity", "_First name", "_Middle name", "L_ast name", "_Email", "P_hone",
  "Langua_ge", "C_ulture", "Custome_r accepted the agreement", "Da_te accepted",
  "S_omeone else accepted", "Gi_ven name", "Famil_y name", "_Work email", "Wor_k phone",
  "_Back", "_Next", "Retur_n to %s",
};

static GString *
new_taken_mnemonics (void)
{
  GString *taken = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_mnemonic_titles); i++)
    {
      const char *underline = strchr (_(fixed_mnemonic_titles[i]), '_');

      if (underline != NULL && g_ascii_isalnum (underline[1]))
        g_string_append_c (taken, g_ascii_tolower (underline[1]));
    }

  return taken;
}

/* Puts an underline before a letter no other title uses; a label without
 * Latin letters (Chinese, Japanese) gets one in brackets, the usual way in
 * those languages. @taken grows with the letter used. */
static char *
make_mnemonic_title (const char *label,
                     const char *preferred,
                     GString    *taken)
{
  gboolean has_latin = FALSE;

  for (const char *p = label; *p; p++)
    {
      char lower = g_ascii_tolower (*p);

      if (!g_ascii_isalpha (*p))
        continue;
      has_latin = TRUE;
      if (strchr (taken->str, lower) == NULL)
        {
          g_string_append_c (taken, lower);
          return g_strdup_printf ("%.*s_%s", (int)(p - label), label, p);
        }
    }

  if (has_latin)
    return g_strdup (label);

  for (const char *p = preferred; *p; p++)
    {
      if (strchr (taken->str, *p) == NULL)
        {
          g_string_append_c (taken, *p);
          return g_strdup_printf ("%s(_%c)", label, g_ascii_toupper (*p));
        }
    }

  return g_strdup (label);
}

static void
onramp_account_page_set_base_title (OnrampAccountPage *self,
                                    gpointer           row,
                                    const char        *title)
{
  g_hash_table_insert (self->base_titles, row, g_strdup (title));
}

/* A required field says so, to the eye (an asterisk, explained in the
 * first group) and to assistive technologies */
static void
onramp_account_page_mark_required (OnrampAccountPage *self,
                                   gpointer           row,
                                   gboolean           required)
{
  const char *base = g_hash_table_lookup (self->base_titles, row);
  g_autofree char *title = NULL;

  g_assert (base != NULL);

  title = required ? g_strconcat (base, " *", NULL) : g_strdup (base);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_REQUIRED, required, -1);
}

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

static gboolean
is_error (OnrampIssue *issue)
{
  return issue != NULL && onramp_issue_get_severity (issue) == ONRAMP_SEVERITY_ERROR;
}

/* The person who accepted is the primary contact unless the user says
 * otherwise: the row says who that is */
static void
onramp_account_page_update_acceptor (OnrampAccountPage *self,
                                     OnrampCustomer    *customer)
{
  gboolean accepted = onramp_customer_get_agreement_accepted (customer);
  gboolean other = gtk_switch_get_active (self->agreement_other_switch);
  const char *first = onramp_customer_get_field (customer, ONRAMP_FIELD_FIRST_NAME);
  const char *last = onramp_customer_get_field (customer, ONRAMP_FIELD_LAST_NAME);
  const char *email = onramp_customer_get_field (customer, ONRAMP_FIELD_EMAIL);
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->agreement_date_row), accepted);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_other_row), accepted);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_first_name_row), accepted && other);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_last_name_row), accepted && other);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_email_row), accepted && other);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_phone_row), accepted && other);

  if (other)
    subtitle = g_strdup (_("Enter the details of the person who accepted."));
  else if (first[0] || last[0] || email[0])
    {
      /* Chinese, Japanese and Korean names put the family name first, with
       * no space: 王小明 */
      gboolean wide = last[0] && g_unichar_iswide (g_utf8_get_char (last));
      g_autofree char *name = wide ? g_strconcat (last, first, NULL)
                                   : g_strstrip (g_strjoin (" ", first, last, NULL));
      g_autofree char *who = name[0] && email[0] ? g_strdup_printf ("%s, %s", name, email)
                                                 : g_strconcat (name, email, NULL);

      /* Translators: who accepted the agreement, when it is the primary
       * contact; %s is their name and email address */
      subtitle = g_strdup_printf (_("Otherwise the primary contact: %s"), who);
    }
  else
    subtitle = g_strdup (_("Otherwise the primary contact."));

  adw_action_row_set_subtitle (self->agreement_other_row, subtitle);
}

static void onramp_account_page_build_more     (OnrampAccountPage *self);
static void onramp_account_page_follow_address (OnrampAccountPage *self,
                                                OnrampCustomer    *customer,
                                                GPtrArray         *issues);

static void
onramp_account_page_revalidate (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autoptr(GPtrArray) issues = NULL;
  gboolean accepted;

  if (customer == NULL)
    return;

  issues = onramp_validator_validate (self->validator, customer);
  accepted = onramp_customer_get_agreement_accepted (customer);
  if (HAS_MORE (self))
    {
      onramp_account_page_follow_address (self, customer, issues);
      onramp_account_page_update_acceptor (self, customer);
    }

  for (guint i = 0; i < self->issue_rows->len; i++)
    {
      OnrampIssueRow *row = g_ptr_array_index (self->issue_rows, i);
      GtkWidget *target = onramp_issue_row_get_target (row);
      OnrampIssue *issue = find_issue_for_field (issues, onramp_issue_row_get_field (row));

      /* The validator puts "not accepted" on the date: say it under the
       * switch until the agreement is accepted, under the date after */
      if (row == self->agreement_accepted_issue && accepted)
        issue = NULL;
      else if (row == self->agreement_date_issue && !accepted)
        issue = NULL;
      /* A field the country does not have keeps quiet */
      else if (target != NULL && !gtk_widget_get_visible (target))
        issue = NULL;

      onramp_issue_row_set_issue (row, issue);
    }

  /* Every error counts, even of a row the user cannot see */
  onramp_page_set_complete (ONRAMP_PAGE (self), !onramp_issues_have_errors (issues));
}

/* Remote checks ------------------------------------------------------------
 *
 * The service's checks run on the app's partner client, debounced and
 * cancellable; none ever blocks Next. Offline, signed out or on a failure
 * the page says the check will be made later: the submission runs both
 * checks again before it creates the customer.
 */

typedef enum
{
  REMOTE_CHECKING,
  REMOTE_INFO,
  REMOTE_GOOD,
  REMOTE_WARNING,
  REMOTE_OFFLINE,
  REMOTE_SIGNED_OUT,
  REMOTE_FAILED,
} RemoteNote;

static OnrampApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return ONRAMP_IS_APPLICATION (app) ? ONRAMP_APPLICATION (app) : NULL;
}

/* No network, unless the service is on this machine (the demo server) */
static gboolean
is_offline (OnrampApplication *app)
{
  OnrampPartnerClient *client = onramp_application_get_partner_client (app);
  const char *url = onramp_partner_client_get_base_url (client);
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "localhost") ||
                       g_str_equal (host, "::1") || g_str_equal (host, "[::1]")))
    return FALSE;

  return !g_network_monitor_get_network_available (g_network_monitor_get_default ());
}

/* What a failed check means for the user */
static RemoteNote
note_for_error (const GError *error)
{
  if (error->domain == ONRAMP_ERROR ||
      g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_UNAUTHORIZED))
    return REMOTE_SIGNED_OUT;
  if (g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_NETWORK) ||
      g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_TLS) ||
      error->domain == G_RESOLVER_ERROR)
    return REMOTE_OFFLINE;
  return REMOTE_FAILED;
}

static const char *
note_icon (RemoteNote note)
{
  switch (note)
    {
    case REMOTE_GOOD:
      return "emblem-ok-symbolic";
    case REMOTE_INFO:
      return "dialog-information-symbolic";
    case REMOTE_WARNING:
    case REMOTE_FAILED:
      return "dialog-warning-symbolic";
    case REMOTE_OFFLINE:
      return "network-offline-symbolic";
    case REMOTE_SIGNED_OUT:
      return "system-users-symbolic";
    case REMOTE_CHECKING:
    default:
      return "content-loading-symbolic";
    }
}

/* Domain ------------------------------------------------------------------ */

static void
onramp_account_page_set_domain_note (OnrampAccountPage *self,
                                     RemoteNote         note,
                                     const char        *text)
{
  gtk_widget_set_visible (self->domain_note_row, text != NULL);
  /* Said to assistive technologies with the row, not only beneath it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->domain_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : "", -1);
  if (text == NULL)
    return;

  gtk_image_set_from_icon_name (self->domain_note_icon, note_icon (note));
  gtk_label_set_label (self->domain_note_label, text);
  if (note == REMOTE_GOOD)
    gtk_widget_add_css_class (self->domain_note_row, "success");
  else
    gtk_widget_remove_css_class (self->domain_note_row, "success");
}

static AdwActionRow *
domain_alternative_row (OnrampAccountPage *self,
                        guint              i)
{
  AdwActionRow *rows[] = { self->domain_alternative1, self->domain_alternative2, self->domain_alternative3 };

  return rows[i];
}

static GtkWidget *
domain_alternative_button (OnrampAccountPage *self,
                           guint              i)
{
  GtkWidget *buttons[] = {
    self->domain_alternative_button1, self->domain_alternative_button2, self->domain_alternative_button3,
  };

  return buttons[i];
}

static void
onramp_account_page_hide_alternatives (OnrampAccountPage *self)
{
  for (guint i = 0; i < N_DOMAIN_ALTERNATIVES; i++)
    gtk_widget_set_visible (GTK_WIDGET (domain_alternative_row (self, i)), FALSE);
  g_clear_pointer (&self->alternatives, g_strfreev);
  self->n_alternatives_pending = 0;
}

/* A prefix the service can be asked about: what the validator accepts */
static gboolean
domain_is_checkable (const char *prefix)
{
  gsize length = strlen (prefix);

  if (length == 0 || length > 27)
    return FALSE;

  for (const char *p = prefix; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* "contoso" taken for a Taiwanese customer: contosotw first, then digits
 * and common words. Each fits the 27 characters. */
static GStrv
make_domain_alternatives (const char *prefix,
                          const char *country)
{
  g_autofree char *cc = country && country[0] ? g_ascii_strdown (country, -1) : NULL;
  g_autofree char *lower = g_ascii_strdown (prefix, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *suffixes[] = { cc, "1", "2", "3", "online", "group" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize keep;
      g_autofree char *candidate = NULL;

      if (suffixes[i] == NULL)
        continue;
      keep = MIN (strlen (lower), 27 - strlen (suffixes[i]));
      candidate = g_strdup_printf ("%.*s%s", (int)keep, lower, suffixes[i]);
      g_strv_builder_add (builder, candidate);
    }

  return g_strv_builder_end (builder);
}

static void
onramp_account_page_show_alternatives (OnrampAccountPage *self)
{
  guint shown = 0;

  for (guint i = 0; self->alternatives && self->alternatives[i] && shown < N_DOMAIN_ALTERNATIVES; i++)
    {
      const char *candidate = self->alternatives[i];
      AdwActionRow *row;
      GtkWidget *button;
      g_autofree char *domain = NULL;
      g_autofree char *label = NULL;

      if (GPOINTER_TO_INT (g_hash_table_lookup (self->domain_answers, candidate)) != ONRAMP_DOMAIN_STATUS_AVAILABLE)
        continue;

      row = domain_alternative_row (self, shown);
      button = domain_alternative_button (self, shown);
      domain = g_strconcat (candidate, ".onmicrosoft.com", NULL);
      /* Translators: a button's label for assistive technologies; %s is a domain */
      label = g_strdup_printf (_("Use %s"), domain);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), domain);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", candidate);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      shown++;
    }

  onramp_account_page_set_domain_note (self, shown > 0 ? REMOTE_INFO : REMOTE_WARNING,
                                       shown > 0 ? _("These are free: use one, or type another prefix.")
                                                 : _("Type another prefix: the usual variants are taken too."));
}

/* One check in flight: the page, the prefix it is about (none for the
 * address) and its own cancellable */
typedef struct
{
  OnrampAccountPage *self;
  char              *prefix;
  GCancellable      *cancellable;
} DomainCheck;

static DomainCheck *
domain_check_new (OnrampAccountPage *self,
                  const char        *prefix,
                  GCancellable      *cancellable)
{
  DomainCheck *check = g_new0 (DomainCheck, 1);

  check->self = g_object_ref (self);
  check->prefix = g_strdup (prefix);
  check->cancellable = g_object_ref (cancellable);

  return check;
}

static void
domain_check_free (DomainCheck *check)
{
  g_object_unref (check->self);
  g_object_unref (check->cancellable);
  g_free (check->prefix);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DomainCheck, domain_check_free)

static void
on_alternative_checked_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(DomainCheck) check = user_data;
  OnrampAccountPage *self = check->self;
  g_autoptr(GError) error = NULL;
  gboolean available = FALSE;

  if (!onramp_partner_client_check_domain_finish (ONRAMP_PARTNER_CLIENT (object), result, &available, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not check the alternative %s: %s", check->prefix, error->message);
    }
  else
    {
      g_hash_table_insert (self->domain_answers, g_strdup (check->prefix),
                           GINT_TO_POINTER (available ? ONRAMP_DOMAIN_STATUS_AVAILABLE : ONRAMP_DOMAIN_STATUS_TAKEN));
      onramp_validator_set_domain_taken (self->validator, check->prefix, !available);
    }

  if (self->n_alternatives_pending > 0 && --self->n_alternatives_pending == 0)
    onramp_account_page_show_alternatives (self);
}

/* Offers free variants of a taken prefix, each checked first */
static void
onramp_account_page_find_alternatives (OnrampAccountPage   *self,
                                       OnrampPartnerClient *client,
                                       const char          *prefix)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  const char *country = customer ? onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY) : NULL;

  onramp_account_page_hide_alternatives (self);
  self->alternatives = make_domain_alternatives (prefix, country);
  onramp_account_page_set_domain_note (self, REMOTE_CHECKING, _("Looking for free alternatives…"));

  for (guint i = 0; self->alternatives[i]; i++)
    {
      g_autofree char *domain = g_strconcat (self->alternatives[i], ".onmicrosoft.com", NULL);

      if (g_hash_table_contains (self->domain_answers, self->alternatives[i]))
        continue;
      self->n_alternatives_pending++;
      onramp_partner_client_check_domain_async (client, domain, self->domain_cancellable, on_alternative_checked_cb,
                                                domain_check_new (self, self->alternatives[i], self->domain_cancellable));
    }

  if (self->n_alternatives_pending == 0)
    onramp_account_page_show_alternatives (self);
}

static void
onramp_account_page_domain_failed (OnrampAccountPage *self,
                                   const GError      *error)
{
  RemoteNote note = note_for_error (error);

  g_debug ("Domain check failed: %s", error->message);
  onramp_account_page_set_domain_status (self, self->domain_checking, ONRAMP_DOMAIN_STATUS_UNKNOWN);
  if (note == REMOTE_SIGNED_OUT)
    onramp_account_page_set_domain_note (self, note, _("Sign in to check availability. It is checked before the customer is created."));
  else if (note == REMOTE_OFFLINE)
    onramp_account_page_set_domain_note (self, note, _("Will be checked when online."));
  else
    onramp_account_page_set_domain_note (self, note, _("Could not check availability now. It is checked again before the customer is created."));
}

static void
on_domain_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DomainCheck) check = user_data;
  OnrampAccountPage *self = check->self;
  g_autoptr(GError) error = NULL;
  gboolean available = FALSE;

  if (!onramp_partner_client_check_domain_finish (ONRAMP_PARTNER_CLIENT (object), result, &available, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        onramp_account_page_domain_failed (self, error);
      return;
    }

  g_hash_table_insert (self->domain_answers, g_strdup (check->prefix),
                       GINT_TO_POINTER (available ? ONRAMP_DOMAIN_STATUS_AVAILABLE : ONRAMP_DOMAIN_STATUS_TAKEN));
  onramp_account_page_set_domain_status (self, check->prefix,
                                         available ? ONRAMP_DOMAIN_STATUS_AVAILABLE : ONRAMP_DOMAIN_STATUS_TAKEN);
  if (!available)
    onramp_account_page_find_alternatives (self, ONRAMP_PARTNER_CLIENT (object), check->prefix);
}

static void
on_domain_client_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DomainCheck) check = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = NULL;

  GCancellable *cancellable = check->cancellable;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  if (client == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        onramp_account_page_domain_failed (check->self, error);
      return;
    }

  /* The check's own cancellable: a newer check has its own */
  domain = g_strconcat (check->prefix, ".onmicrosoft.com", NULL);
  onramp_partner_client_check_domain_async (client, domain, cancellable, on_domain_checked_cb, g_steal_pointer (&check));
}

static void
onramp_account_page_cancel_domain_check (OnrampAccountPage *self)
{
  g_clear_handle_id (&self->domain_timeout_id, g_source_remove);
  g_cancellable_cancel (self->domain_cancellable);
  g_clear_object (&self->domain_cancellable);
  onramp_account_page_hide_alternatives (self);
}

static void
onramp_account_page_check_domain (OnrampAccountPage *self)
{
  OnrampApplication *app = get_application ();
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->domain_row));
  g_autofree char *lower = g_ascii_strdown (prefix, -1);

  onramp_account_page_cancel_domain_check (self);
  if (app == NULL || !domain_is_checkable (lower))
    return;

  g_free (self->domain_checking);
  self->domain_checking = g_strdup (lower);
  if (is_offline (app))
    {
      onramp_account_page_set_domain_note (self, REMOTE_OFFLINE, _("Will be checked when online."));
      return;
    }

  self->domain_cancellable = g_cancellable_new ();
  onramp_account_page_set_domain_status (self, lower, ONRAMP_DOMAIN_STATUS_CHECKING);
  onramp_application_ready_client_async (app, self->domain_cancellable, on_domain_client_cb,
                                         domain_check_new (self, lower, self->domain_cancellable));
}

static gboolean
on_domain_timeout_cb (gpointer user_data)
{
  OnrampAccountPage *self = user_data;

  self->domain_timeout_id = 0;
  onramp_account_page_check_domain (self);

  return G_SOURCE_REMOVE;
}

/* Every keystroke cancels the check under way; a known answer shows at
 * once, anything else is asked once typing pauses */
/* An empty row shows its title where the text goes, and at 360 pixels with
 * large text ".onmicrosoft.com" beside it cut the title short: the suffix
 * joins when there is a prefix to complete or the row has focus (its title
 * moves up, out of the way, then) */
static void
onramp_account_page_update_domain_suffix (OnrampAccountPage *self)
{
  gboolean empty = gtk_editable_get_text (GTK_EDITABLE (self->domain_row))[0] == '\0';

  gtk_widget_set_visible (self->domain_suffix_label,
                          !empty || gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->domain_focus)));
}

static void
on_domain_row_changed_cb (OnrampAccountPage *self)
{
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->domain_row));
  g_autofree char *lower = g_ascii_strdown (prefix, -1);
  OnrampDomainStatus known;

  onramp_account_page_update_domain_suffix (self);
  onramp_account_page_cancel_domain_check (self);
  g_clear_pointer (&self->domain_checking, g_free);
  onramp_account_page_set_domain_status (self, lower, ONRAMP_DOMAIN_STATUS_UNKNOWN);

  if (!domain_is_checkable (lower))
    return;

  known = GPOINTER_TO_INT (g_hash_table_lookup (self->domain_answers, lower));
  if (known == ONRAMP_DOMAIN_STATUS_AVAILABLE)
    {
      onramp_account_page_set_domain_status (self, lower, known);
      return;
    }

  self->domain_timeout_id = g_timeout_add (DOMAIN_CHECK_DELAY_MS, on_domain_timeout_cb, self);
}

/* Leaving the row does not wait for the pause */
static void
on_domain_focus_leave_cb (OnrampAccountPage *self)
{
  onramp_account_page_update_domain_suffix (self);
  if (self->domain_timeout_id != 0)
    onramp_account_page_check_domain (self);
}

static void
onramp_account_page_use_domain_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (widget);
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  if (customer == NULL)
    return;

  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, g_variant_get_string (param, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->domain_row));
}

/* Address ----------------------------------------------------------------- */

static const OnrampField address_fields[] = {
  ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_ADDRESS_LINE2, ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE,
};

/* The members of §4's address, in address_fields' order */
static const char * const address_members[] = {
  "addressLine1", "addressLine2", "city", "state", "postalCode",
};

static char *
address_key (OnrampCustomer *customer)
{
  GString *key = g_string_new (onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY));

  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    {
      g_string_append_c (key, '\x1f');
      g_string_append (key, onramp_customer_get_field (customer, address_fields[i]));
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_address_field (OnrampField field)
{
  if (field == ONRAMP_FIELD_COUNTRY)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    if (address_fields[i] == field)
      return TRUE;

  return FALSE;
}

static gboolean
address_is_complete (OnrampCustomer *customer,
                     GPtrArray      *issues)
{
  if (onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY)[0] == '\0' ||
      onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE1)[0] == '\0')
    return FALSE;

  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      if (is_error (issue) && is_address_field (onramp_issue_get_field (issue)))
        return FALSE;
    }

  return TRUE;
}

static JsonObject *
address_body (OnrampCustomer *customer)
{
  JsonObject *body = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    {
      const char *value = onramp_customer_get_field (customer, address_fields[i]);

      if (value[0] != '\0')
        json_object_set_string_member (body, address_members[i], value);
    }
  json_object_set_string_member (body, "country", onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY));

  return body;
}

static const char *
suggestion_value (JsonObject *suggestion,
                  guint       i)
{
  const char *value = onramp_partner_json_get_string (suggestion, address_members[i]);

  return value != NULL ? value : "";
}

static JsonObject *
get_suggestion (OnrampAccountPage *self,
                guint              i)
{
  JsonNode *node;

  if (self->address_suggestions == NULL || i >= json_array_get_length (self->address_suggestions))
    return NULL;

  node = json_array_get_element (self->address_suggestions, i);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
suggestion_differs (OnrampCustomer *customer,
                    JsonObject     *suggestion,
                    guint           i)
{
  return g_strcmp0 (suggestion_value (suggestion, i), onramp_customer_get_field (customer, address_fields[i])) != 0;
}

static gboolean
suggestion_differs_at_all (OnrampCustomer *customer,
                           JsonObject     *suggestion)
{
  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    if (suggestion_differs (customer, suggestion, i))
      return TRUE;

  return FALSE;
}

/* Whether the user has a suggestion to take or leave */
static gboolean
onramp_account_page_needs_decision (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  if (customer == NULL || self->address_key == NULL || self->address_decided)
    return FALSE;

  for (guint i = 0; i < N_ADDRESS_SUGGESTIONS; i++)
    {
      JsonObject *suggestion = get_suggestion (self, i);

      if (suggestion != NULL && suggestion_differs_at_all (customer, suggestion))
        return TRUE;
    }

  return FALSE;
}

/* The address one per line, in markup, with what differs from @entered
 * in bold; the names of the parts that differ go to @changed */
static char *
format_address (OnrampCustomer *customer,
                JsonObject     *suggestion,
                GString        *changed)
{
  /* Translators: parts of an address, listed after "Changed:" */
  static const char *part_names[] = {
    N_("street"), N_("address line 2"), N_("city"), N_("state or province"), N_("postal code"),
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    {
      const char *value = suggestion ? suggestion_value (suggestion, i)
                                     : onramp_customer_get_field (customer, address_fields[i]);
      gboolean differs = suggestion != NULL && suggestion_differs (customer, suggestion, i);
      g_autofree char *escaped = g_markup_escape_text (value, -1);

      if (value[0] == '\0' && !differs)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (differs)
        g_string_append_printf (text, "<b>%s</b>", value[0] ? escaped : "—");
      else
        g_string_append (text, escaped);

      if (differs && changed != NULL)
        {
          if (changed->len > 0)
            g_string_append (changed, ", ");
          g_string_append (changed, _(part_names[i]));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static AdwActionRow *
address_suggestion_row (OnrampAccountPage *self,
                        guint              i)
{
  AdwActionRow *rows[] = { self->address_suggestion1, self->address_suggestion2, self->address_suggestion3 };

  return rows[i];
}

static GtkWidget *
address_use_button (OnrampAccountPage *self,
                    guint              i)
{
  GtkWidget *buttons[] = { self->address_use_button1, self->address_use_button2, self->address_use_button3 };

  return buttons[i];
}

static void
onramp_account_page_set_address_note (OnrampAccountPage *self,
                                      RemoteNote         note,
                                      const char        *title,
                                      const char        *subtitle)
{
  gboolean checking = note == REMOTE_CHECKING;
  GtkWidget *group = self->address_check_group;

  gtk_widget_set_visible (group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->address_spinner), checking);
  gtk_spinner_set_spinning (self->address_spinner, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->address_status_icon), !checking);
  gtk_image_set_from_icon_name (self->address_status_icon, note_icon (note));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_status_row), title);
  adw_action_row_set_subtitle (self->address_status_row, subtitle ? subtitle : "");

  gtk_widget_remove_css_class (group, "address-check-warning");
  gtk_widget_remove_css_class (group, "address-check-success");
  /* Offline or signed out is no warning: the check is only put off */
  if (note == REMOTE_GOOD)
    gtk_widget_add_css_class (group, "address-check-success");
  else if (note == REMOTE_WARNING || note == REMOTE_FAILED)
    gtk_widget_add_css_class (group, "address-check-warning");
}

static void
onramp_account_page_hide_address_choice (OnrampAccountPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->address_entered_row), FALSE);
  for (guint i = 0; i < N_ADDRESS_SUGGESTIONS; i++)
    gtk_widget_set_visible (GTK_WIDGET (address_suggestion_row (self, i)), FALSE);
  gtk_widget_set_visible (self->address_keep_row, FALSE);
}

/* The suggestions beside what was entered, explicitly: no hidden dialog
 * (peers.md, the portal's known complaint) */
static void
onramp_account_page_show_address_choice (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autofree char *entered = format_address (customer, NULL, NULL);
  guint shown = 0;

  adw_action_row_set_subtitle (self->address_entered_row, entered);
  gtk_widget_set_visible (GTK_WIDGET (self->address_entered_row), TRUE);

  for (guint i = 0; i < N_ADDRESS_SUGGESTIONS; i++)
    {
      JsonObject *suggestion = get_suggestion (self, i);
      AdwActionRow *row = address_suggestion_row (self, i);
      g_autoptr(GString) changed = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;

      if (suggestion == NULL || !suggestion_differs_at_all (customer, suggestion))
        {
          gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
          continue;
        }

      text = format_address (customer, suggestion, changed);
      /* Translators: what a suggested address changes, e.g. "Changed: city, postal code" */
      description = g_strdup_printf (_("Changed: %s"), changed->str);
      adw_action_row_set_subtitle (row, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (address_use_button (self, i)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
      shown++;
    }

  gtk_widget_set_visible (self->address_keep_row, shown > 0);
}

/* Which rows the service's "validationMessage" names, e.g.
 * "Address field invalid for property: 'Region', 'PostalCode', 'City'" */
static void
fields_from_message (const char *message,
                     GArray     *fields)
{
  static const struct
  {
    const char  *property;
    OnrampField  field;
  } properties[] = {
    { "'AddressLine1'", ONRAMP_FIELD_ADDRESS_LINE1 }, { "'Street'", ONRAMP_FIELD_ADDRESS_LINE1 },
    { "'AddressLine2'", ONRAMP_FIELD_ADDRESS_LINE2 }, { "'City'", ONRAMP_FIELD_CITY },
    { "'Region'", ONRAMP_FIELD_STATE }, { "'State'", ONRAMP_FIELD_STATE },
    { "'PostalCode'", ONRAMP_FIELD_POSTAL_CODE },
  };

  for (guint i = 0; message != NULL && i < G_N_ELEMENTS (properties); i++)
    if (strstr (message, properties[i].property) != NULL)
      g_array_append_val (fields, properties[i].field);
}

static void
add_address_issue (OnrampAccountPage *self,
                   OnrampField        field,
                   const char        *code,
                   const char        *message,
                   const char        *suggestion)
{
  g_ptr_array_add (self->address_issues,
                   onramp_issue_new (field, ONRAMP_SEVERITY_WARNING, code, message, suggestion));
}

/* The status as warnings on the rows concerned */
static void
onramp_account_page_make_address_issues (OnrampAccountPage *self,
                                         const char        *message)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (OnrampField));
  JsonObject *only = json_array_get_length (self->address_suggestions) == 1 ? get_suggestion (self, 0) : NULL;
  gboolean line2_used = onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE2)[0] != '\0';

  g_ptr_array_set_size (self->address_issues, 0);

  switch (self->address_status)
    {
    case ONRAMP_ADDRESS_STATUS_STREET_PARTIAL:
      add_address_issue (self, ONRAMP_FIELD_ADDRESS_LINE1, "address.unverified",
                         _("The address check found the street incomplete: add the house or building number."), NULL);
      break;
    case ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL:
      add_address_issue (self, line2_used ? ONRAMP_FIELD_ADDRESS_LINE2 : ONRAMP_FIELD_ADDRESS_LINE1, "address.unverified",
                         _("The address check found the building, floor or suite number incomplete."), NULL);
      break;
    case ONRAMP_ADDRESS_STATUS_MULTIPLE:
      fields_from_message (message, fields);
      if (fields->len == 0)
        {
          OnrampField fallback[] = { ONRAMP_FIELD_CITY, ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE };

          g_array_append_vals (fields, fallback, G_N_ELEMENTS (fallback));
        }
      for (guint i = 0; i < fields->len; i++)
        add_address_issue (self, g_array_index (fields, OnrampField, i), "address.unverified",
                           _("The address check matched this part of the address more than one way: check it, or choose a suggestion below."), NULL);
      break;
    case ONRAMP_ADDRESS_STATUS_NONE:
      add_address_issue (self, ONRAMP_FIELD_ADDRESS_LINE1, "address.unverified",
                         _("The address check could not find this address: check it against the customer’s documents."), NULL);
      break;
    case ONRAMP_ADDRESS_STATUS_UNKNOWN:
    case ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE:
    case ONRAMP_ADDRESS_STATUS_VERIFIED:
    case ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED:
    case ONRAMP_ADDRESS_STATUS_NOT_VALIDATED:
    default:
      break;
    }

  /* One suggestion: each part it changes is marked on its row */
  for (guint i = 0; only != NULL && i < G_N_ELEMENTS (address_fields); i++)
    {
      const char *value = suggestion_value (only, i);
      g_autofree char *text = NULL;

      if (!suggestion_differs (customer, only, i) || value[0] == '\0')
        continue;
      /* Translators: %s is part of an address, e.g. a postal code */
      text = g_strdup_printf (_("The address check suggests “%s”."), value);
      /* No button here: "Use Suggested" below takes the whole address,
       * and a second button squeezed the message on a narrow window */
      add_address_issue (self, address_fields[i], "address.suggestion", text, NULL);
    }
}

static void
onramp_account_page_show_address_result (OnrampAccountPage *self,
                                         const char        *message)
{
  guint n_suggestions = 0;

  onramp_account_page_make_address_issues (self, message);
  onramp_account_page_hide_address_choice (self);

  if (onramp_account_page_needs_decision (self))
    {
      g_autofree char *title = NULL;

      onramp_account_page_show_address_choice (self);
      for (guint i = 0; i < N_ADDRESS_SUGGESTIONS; i++)
        n_suggestions += gtk_widget_get_visible (GTK_WIDGET (address_suggestion_row (self, i)));
      /* Translators: %u is how many addresses the service suggests */
      title = g_strdup_printf (ngettext ("Partner Center suggests a different address",
                                         "Partner Center suggests %u different addresses", n_suggestions),
                               n_suggestions);
      onramp_account_page_set_address_note (self, REMOTE_WARNING, title,
                                            _("Compare it with what you entered (differences are in bold), then use a suggestion or keep your own."));
      return;
    }

  switch (self->address_status)
    {
    case ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE:
    case ONRAMP_ADDRESS_STATUS_VERIFIED:
      onramp_account_page_set_address_note (self, REMOTE_GOOD, _("Address verified"),
                                            _("Partner Center found this address."));
      break;
    case ONRAMP_ADDRESS_STATUS_NONE:
      onramp_account_page_set_address_note (self, REMOTE_WARNING, _("Address not found"),
                                            _("Check it against the customer’s documents. You can still continue."));
      break;
    case ONRAMP_ADDRESS_STATUS_STREET_PARTIAL:
    case ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL:
    case ONRAMP_ADDRESS_STATUS_MULTIPLE:
    case ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED:
      onramp_account_page_set_address_note (self, REMOTE_WARNING, _("Address incomplete"),
                                            _("Complete the parts marked above. You can still continue."));
      break;
    case ONRAMP_ADDRESS_STATUS_NOT_VALIDATED:
    case ONRAMP_ADDRESS_STATUS_UNKNOWN:
    default:
      onramp_account_page_set_address_note (self, REMOTE_WARNING, _("Address not verified"),
                                            _("Partner Center could not check this address automatically. It checks it again when the customer is created."));
      break;
    }
}

static void
onramp_account_page_forget_address_result (OnrampAccountPage *self)
{
  g_clear_pointer (&self->address_key, g_free);
  g_clear_pointer (&self->address_suggestions, json_array_unref);
  g_ptr_array_set_size (self->address_issues, 0);
  self->address_status = ONRAMP_ADDRESS_STATUS_UNKNOWN;
  self->address_decided = FALSE;
  self->next_waiting = FALSE;
  if (HAS_MORE (self))
    gtk_widget_set_visible (self->address_check_group, FALSE);
}

/* The address changed while Next waited for its check: stay on the page */
static void
onramp_account_page_abandon_apply (OnrampAccountPage *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->apply_task);

  if (task == NULL)
    return;

  onramp_page_set_busy (ONRAMP_PAGE (self), FALSE);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The address changed");
}

/* Next waits for the check; it stays on the page only while a suggestion
 * waits for the user's choice, which then has the focus */
static void
onramp_account_page_finish_apply (OnrampAccountPage *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->apply_task);

  if (task == NULL)
    return;

  onramp_page_set_busy (ONRAMP_PAGE (self), FALSE);
  if (onramp_account_page_needs_decision (self))
    {
      self->next_waiting = TRUE;
      gtk_widget_grab_focus (address_use_button (self, 0));
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_FAILED, "%s",
                               _("Use a suggested address or keep what you entered."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
onramp_account_page_address_failed (OnrampAccountPage *self,
                                    const GError      *error)
{
  RemoteNote note = note_for_error (error);
  const char *later = _("Partner Center checks it again when the customer is created.");

  g_debug ("Address check failed: %s", error->message);
  g_clear_pointer (&self->address_checking, g_free);
  onramp_account_page_hide_address_choice (self);
  if (note == REMOTE_SIGNED_OUT)
    onramp_account_page_set_address_note (self, note, _("Sign in to check the address"), later);
  else if (note == REMOTE_OFFLINE)
    onramp_account_page_set_address_note (self, note, _("Will be checked when online"), later);
  else
    onramp_account_page_set_address_note (self, note, _("Could not check the address now"), later);

  onramp_account_page_finish_apply (self);
}

static void
on_address_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(OnrampAccountPage) self = user_data;
  g_autoptr(JsonObject) response = NULL;
  g_autoptr(GError) error = NULL;
  OnrampAddressStatus status = ONRAMP_ADDRESS_STATUS_UNKNOWN;
  JsonNode *suggestions;

  response = onramp_partner_client_validate_address_finish (ONRAMP_PARTNER_CLIENT (object), result, &status, &error);
  if (response == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        onramp_account_page_address_failed (self, error);
      return;
    }

  onramp_account_page_forget_address_result (self);
  self->address_key = g_steal_pointer (&self->address_checking);
  self->address_status = status;
  suggestions = json_object_get_member (response, "suggestedAddresses");
  self->address_suggestions = suggestions && JSON_NODE_HOLDS_ARRAY (suggestions)
                              ? json_array_ref (json_node_get_array (suggestions))
                              : json_array_new ();

  onramp_account_page_show_address_result (self, onramp_partner_json_get_string (response, "validationMessage"));
  onramp_account_page_revalidate (self);
  onramp_account_page_finish_apply (self);
}

static void
on_address_client_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DomainCheck) check = user_data;
  OnrampAccountPage *self = check->self;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  OnrampCustomer *customer;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_cancellable_is_cancelled (check->cancellable))
    return;
  if (client == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        onramp_account_page_address_failed (self, error);
      return;
    }

  customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  body = address_body (customer);
  onramp_partner_client_validate_address_async (client, body, check->cancellable,
                                                on_address_checked_cb, g_object_ref (self));
}

static void
onramp_account_page_cancel_address_check (OnrampAccountPage *self)
{
  g_cancellable_cancel (self->address_cancellable);
  g_clear_object (&self->address_cancellable);
  g_clear_pointer (&self->address_checking, g_free);
}

static void
onramp_account_page_check_address (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  OnrampApplication *app = get_application ();

  onramp_account_page_cancel_address_check (self);
  if (customer == NULL || app == NULL)
    {
      onramp_account_page_finish_apply (self);
      return;
    }

  self->address_checking = address_key (customer);
  onramp_account_page_hide_address_choice (self);
  if (is_offline (app))
    {
      g_clear_pointer (&self->address_checking, g_free);
      onramp_account_page_set_address_note (self, REMOTE_OFFLINE, _("Will be checked when online"),
                                            _("Partner Center checks it again when the customer is created."));
      onramp_account_page_finish_apply (self);
      return;
    }

  self->address_cancellable = g_cancellable_new ();
  onramp_account_page_set_address_note (self, REMOTE_CHECKING, _("Checking the address…"), NULL);
  onramp_application_ready_client_async (app, self->address_cancellable, on_address_client_cb,
                                         domain_check_new (self, NULL, self->address_cancellable));
}

/* Whether the address on the page still is the one checked, or being checked */
static gboolean
address_is_current (const char *key,
                    const char *current)
{
  return key != NULL && g_str_equal (key, current);
}

/* Leaving the complete address block checks it */
static void
on_address_focus_leave_cb (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autofree char *key = customer ? address_key (customer) : NULL;

  if (customer == NULL || !self->address_complete ||
      address_is_current (self->address_key, key) || address_is_current (self->address_checking, key))
    return;

  onramp_account_page_check_address (self);
}

/* Called on every change: a result about another address goes */
static void
onramp_account_page_follow_address (OnrampAccountPage *self,
                                    OnrampCustomer    *customer,
                                    GPtrArray         *issues)
{
  g_autofree char *key = address_key (customer);

  self->address_complete = address_is_complete (customer, issues);
  if (self->address_checking != NULL && !address_is_current (self->address_checking, key))
    {
      onramp_account_page_cancel_address_check (self);
      onramp_account_page_abandon_apply (self);
      gtk_widget_set_visible (self->address_check_group, FALSE);
    }
  if (self->address_key != NULL && !address_is_current (self->address_key, key))
    onramp_account_page_forget_address_result (self);

  for (guint i = 0; i < self->address_issues->len; i++)
    g_ptr_array_add (issues, onramp_issue_ref (g_ptr_array_index (self->address_issues, i)));
}

static void
onramp_account_page_use_suggested_address_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *param)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (widget);
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  g_autoptr(JsonObject) suggestion = NULL;
  OnrampAddressStatus status = self->address_status;

  if (customer == NULL || get_suggestion (self, g_variant_get_int32 (param)) == NULL)
    return;

  suggestion = json_object_ref (get_suggestion (self, g_variant_get_int32 (param)));
  for (guint i = 0; i < G_N_ELEMENTS (address_fields); i++)
    onramp_customer_set_field (customer, address_fields[i], suggestion_value (suggestion, i));

  /* The record now holds the service's own address: checked */
  onramp_account_page_forget_address_result (self);
  self->address_key = address_key (customer);
  self->address_status = status;
  self->address_decided = TRUE;
  onramp_account_page_hide_address_choice (self);
  onramp_account_page_set_address_note (self, REMOTE_GOOD, _("Using the suggested address"),
                                        _("The address fields above now hold it."));
  onramp_account_page_revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_status_row));
}

static void
onramp_account_page_keep_entered_address_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *param)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (widget);
  gboolean next = self->next_waiting;

  if (self->address_key == NULL)
    return;

  self->address_decided = TRUE;
  self->next_waiting = FALSE;
  /* Kept: the suggestions' parts are no longer worth a warning */
  for (guint i = self->address_issues->len; i > 0; i--)
    if (g_str_equal (onramp_issue_get_code (g_ptr_array_index (self->address_issues, i - 1)), "address.suggestion"))
      g_ptr_array_remove_index (self->address_issues, i - 1);

  onramp_account_page_hide_address_choice (self);
  onramp_account_page_set_address_note (self, REMOTE_GOOD, _("Keeping the address as entered"),
                                        _("Partner Center checks it again when the customer is created."));
  onramp_account_page_revalidate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_status_row));

  /* The user was on the way to the next page */
  if (next)
    gtk_widget_activate_action (widget, "assistant.next", NULL);
}

static void
onramp_account_page_apply_async (OnrampPage          *page,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (page);
  OnrampCustomer *customer = onramp_page_get_customer (page);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = NULL;

  g_task_set_source_tag (task, onramp_account_page_apply_async);
  /* Next before the first frame: the address must be known to be checked */
  onramp_account_page_build_more (self);

  if (self->apply_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "Already applying");
      return;
    }

  if (customer == NULL || !self->address_complete)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->apply_task = g_steal_pointer (&task);
  key = address_key (customer);
  if (address_is_current (self->address_key, key))
    {
      onramp_account_page_finish_apply (self);
      return;
    }

  onramp_page_set_busy (page, TRUE);
  if (!address_is_current (self->address_checking, key))
    onramp_account_page_check_address (self);
}

static gboolean
onramp_account_page_apply_finish (OnrampPage    *page,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Back online, or signed in: what could not be checked is checked now */
static void
on_remote_ready_cb (OnrampAccountPage *self)
{
  OnrampApplication *app = get_application ();
  OnrampAuth *auth = app ? onramp_application_get_auth (app) : NULL;

  if (app == NULL || is_offline (app) || onramp_auth_get_state (auth) != ONRAMP_AUTH_STATE_SIGNED_IN)
    return;

  if (self->domain_status == ONRAMP_DOMAIN_STATUS_UNKNOWN && self->domain_timeout_id == 0 &&
      gtk_widget_get_visible (self->domain_note_row))
    onramp_account_page_check_domain (self);
  if (HAS_MORE (self) && self->address_key == NULL && self->address_checking == NULL && self->address_complete &&
      gtk_widget_get_visible (self->address_check_group))
    onramp_account_page_check_address (self);
}

static void
onramp_account_page_connect_remote (OnrampAccountPage *self)
{
  OnrampApplication *app = get_application ();

  if (self->remote_connected || app == NULL)
    return;

  self->remote_connected = TRUE;
  /* Said up front, before anyone opens the dialog for nothing */
  if (onramp_partner_client_get_cloud (onramp_application_get_partner_client (app)) == ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
    gtk_label_set_label (self->relationship_subtitle,
                         _("Not available in Microsoft Cloud for US Government."));
  g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                           G_CALLBACK (on_remote_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (onramp_application_get_auth (app), "notify::state",
                           G_CALLBACK (on_remote_ready_cb), self, G_CONNECT_SWAPPED);
}

static void
onramp_account_page_request_relationship_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *param)
{
  OnrampApplication *app = get_application ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (app == NULL)
    return;

  onramp_relationship_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, app);
}

/* Locale defaults (issue #7): a new record's country is the settings'
 * default country, else the locale's */
static void
onramp_account_page_default_country (OnrampAccountPage *self,
                                     OnrampCustomer    *customer)
{
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *configured = g_settings_get_string (settings, "default-country");
  g_autofree char *territory = NULL;
  g_autofree char *upper = g_ascii_strup (configured, -1);

  if (onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY)[0] != '\0')
    return;

  if (upper[0] != '\0' && onramp_country_database_lookup (database, upper) != NULL)
    {
      onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, upper);
      return;
    }

  territory = onramp_locale_dup_user_territory ();
  if (territory != NULL && onramp_country_database_lookup (database, territory) != NULL)
    onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, territory);
}

static GQuark position_quark;

static int
compare_address_rows (GtkListBoxRow *a,
                      GtkListBoxRow *b,
                      gpointer       user_data)
{
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (a), position_quark)) -
         GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (b), position_quark));
}

/* Sorts the address rows in the country's order; the rows of fields the
 * country does not use are hidden. (Sorting, not removing and adding
 * again: a re-added issue row's suggestion button stays insensitive in
 * GTK 4.8.) */
static void
onramp_account_page_order_address (OnrampAccountPage *self)
{
  const OnrampField *order = default_address_order;
  guint n_order = G_N_ELEMENTS (default_address_order);

  if (self->rules != NULL)
    order = onramp_country_rules_get_address_order (self->rules, &n_order);

  for (guint i = 0; i < G_N_ELEMENTS (address_rows); i++)
    {
      guint position = n_order + i;  /* unused fields go last, hidden */
      gboolean used = FALSE;

      for (guint k = 0; k < n_order; k++)
        if (order[k] == address_rows[i].field)
          {
            position = k;
            used = TRUE;
          }

      for (guint j = 0; j < G_N_ELEMENTS (address_rows[i].offsets) && address_rows[i].offsets[j]; j++)
        {
          GtkWidget *widget = ROW (self, address_rows[i].offsets[j]);

          g_object_set_qdata (G_OBJECT (widget), position_quark, GUINT_TO_POINTER (position * 4 + j));
          if (!ONRAMP_IS_ISSUE_ROW (widget) && (address_rows[i].field != ONRAMP_FIELD_STATE || !used))
            gtk_widget_set_visible (widget, used);
        }
    }

  gtk_list_box_invalidate_sort (self->address_list);
}

static gboolean
address_uses (OnrampAccountPage *self,
              OnrampField        field)
{
  const OnrampField *order = default_address_order;
  guint n_order = G_N_ELEMENTS (default_address_order);

  if (self->rules != NULL)
    order = onramp_country_rules_get_address_order (self->rules, &n_order);

  for (guint i = 0; i < n_order; i++)
    if (order[i] == field)
      return TRUE;

  return FALSE;
}

/* The state is chosen from the country's list, or typed where there is
 * none; one issue row follows whichever is shown */
static void
onramp_account_page_update_state (OnrampAccountPage *self,
                                  GString           *taken)
{
  guint n_states = self->rules ? onramp_country_rules_get_n_states (self->rules) : 0;
  gboolean used = address_uses (self, ONRAMP_FIELD_STATE);
  const char *label = self->rules ? onramp_country_rules_get_state_label (self->rules)
                                  : _("State or province");
  g_autofree char *title = make_mnemonic_title (label, "sjqxz", taken);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) english = g_ptr_array_new ();
  GtkWidget *input;

  for (guint i = 0; i < n_states; i++)
    {
      g_ptr_array_add (codes, (gpointer)onramp_country_rules_get_state_code (self->rules, i));
      g_ptr_array_add (names, (gpointer)onramp_country_rules_get_state_name (self->rules, i));
      g_ptr_array_add (english, (gpointer)onramp_country_rules_get_state_english_name (self->rules, i));
    }
  onramp_choice_row_set_choices (self->state_choice_row, n_states,
                                 (const char * const *)codes->pdata,
                                 (const char * const *)names->pdata,
                                 (const char * const *)english->pdata);

  gtk_widget_set_visible (GTK_WIDGET (self->state_choice_row), used && n_states > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->state_entry_row), used && n_states == 0);
  input = n_states > 0 ? GTK_WIDGET (self->state_choice_row) : GTK_WIDGET (self->state_entry_row);
  onramp_issue_row_set_target (self->state_issue, input);

  onramp_account_page_set_base_title (self, self->state_choice_row, title);
  onramp_account_page_set_base_title (self, self->state_entry_row, title);
  onramp_account_page_mark_required (self, self->state_choice_row,
                                     self->rules && onramp_country_rules_is_state_required (self->rules));
  onramp_account_page_mark_required (self, self->state_entry_row,
                                     self->rules && onramp_country_rules_is_state_required (self->rules));
}

static void
onramp_account_page_update_postal_code (OnrampAccountPage *self,
                                        GString           *taken)
{
  const char *label = self->rules ? onramp_country_rules_get_postal_code_label (self->rules)
                                  : _("Postal code");
  g_autofree char *title = make_mnemonic_title (label, "pzjqx", taken);

  onramp_account_page_set_base_title (self, self->postal_code_row, title);
  onramp_account_page_mark_required (self, self->postal_code_row,
                                     !self->rules || onramp_country_rules_is_postal_code_required (self->rules));
}

static void
on_registration_row_changed_cb (OnrampAccountPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->registration_row));
  const char *sample = self->rules ? onramp_country_rules_get_registration_number_sample (self->rules) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->registration_sample_label), text[0] == '\0' && sample != NULL);
}

/* Shown where the country names the number or needs it, and wherever one
 * was typed (a draft, another country): nothing is dropped unseen */
static void
onramp_account_page_update_registration (OnrampAccountPage *self,
                                         GString           *taken)
{
  const char *name = self->rules ? onramp_country_rules_get_registration_number_name (self->rules) : NULL;
  const char *sample = self->rules ? onramp_country_rules_get_registration_number_sample (self->rules) : NULL;
  gboolean required = self->rules && onramp_country_rules_is_registration_number_required (self->rules);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->registration_row));
  g_autofree char *title = make_mnemonic_title (name ? name : _("Company registration number"), "jqxzs", taken);
  g_autofree char *hint = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->registration_row), name != NULL || required || text[0] != '\0');
  onramp_account_page_set_base_title (self, self->registration_row, title);
  onramp_account_page_mark_required (self, self->registration_row, required);

  /* Translators: an example of a company registration number; %s is it */
  hint = sample ? g_strdup_printf (_("e.g. %s"), sample) : NULL;
  gtk_label_set_label (self->registration_sample_label, hint ? hint : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->registration_row), hint);
  on_registration_row_changed_cb (self);
}

static void
onramp_account_page_update_phone (OnrampAccountPage *self)
{
  const char * const *codes = self->rules ? onramp_country_rules_get_calling_codes (self->rules) : NULL;
  g_autofree char *prefix = codes && codes[0] ? g_strconcat ("+", codes[0], NULL) : NULL;
  gboolean required = self->rules && onramp_country_rules_is_phone_required (self->rules);

  gtk_label_set_label (self->phone_prefix_label, prefix ? prefix : "");
  gtk_label_set_label (self->agreement_phone_prefix_label, prefix ? prefix : "");
  /* The row's prefix box keeps its spacing around a hidden label: hide
   * the box too, or the title moves right for nothing */
  gtk_widget_set_visible (GTK_WIDGET (self->phone_prefix_label), prefix != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->phone_prefix_label)), prefix != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->agreement_phone_prefix_label), prefix != NULL);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->agreement_phone_prefix_label)), prefix != NULL);
  onramp_account_page_mark_required (self, self->phone_row, required);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

/* The country's culture in the user's language, else its default */
static const char *
default_culture (OnrampCountryRules *rules)
{
  return onramp_locale_pick_culture (onramp_country_rules_get_cultures (rules),
                                     onramp_country_rules_get_code (rules),
                                     onramp_country_rules_get_default_culture (rules),
                                     g_get_language_names ());
}

/* The language of the default culture, where the country has it */
static const char *
default_language (OnrampCountryRules *rules)
{
  const char * const *languages = onramp_country_rules_get_languages (rules);
  const char *culture = default_culture (rules);

  for (guint i = 0; languages && languages[i]; i++)
    {
      gsize len = strlen (languages[i]);

      if (culture && strncmp (culture, languages[i], len) == 0 && culture[len] == '-')
        return languages[i];
    }

  return languages && languages[0] ? languages[0] : NULL;
}

/* The user's choice stands while the new country supports it; otherwise,
 * and where the old country's default was left as it was, the new
 * country's default takes its place */
static void
onramp_account_page_default_culture (OnrampCustomer     *customer,
                                     OnrampCountryRules *old_rules,
                                     OnrampCountryRules *rules)
{
  const char *culture = onramp_customer_get_field (customer, ONRAMP_FIELD_CULTURE);
  const char *language = onramp_customer_get_field (customer, ONRAMP_FIELD_LANGUAGE);

  if (rules == NULL)
    return;

  if (culture[0] == '\0' ||
      !strv_contains (onramp_country_rules_get_cultures (rules), culture) ||
      (old_rules && g_strcmp0 (culture, default_culture (old_rules)) == 0))
    onramp_customer_set_field (customer, ONRAMP_FIELD_CULTURE, default_culture (rules));

  if (language[0] == '\0' ||
      !strv_contains (onramp_country_rules_get_languages (rules), language) ||
      (old_rules && g_strcmp0 (language, default_language (old_rules)) == 0))
    onramp_customer_set_field (customer, ONRAMP_FIELD_LANGUAGE, default_language (rules));
}

static void
onramp_account_page_update_languages (OnrampAccountPage *self)
{
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  const char * const *languages = self->rules ? onramp_country_rules_get_languages (self->rules) : NULL;
  const char * const *cultures = self->rules ? onramp_country_rules_get_cultures (self->rules) : NULL;
  guint n_languages = languages ? g_strv_length ((char **)languages) : 0;
  guint n_cultures = cultures ? g_strv_length ((char **)cultures) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_languages; i++)
    g_ptr_array_add (names, g_strdup (onramp_iso_codes_language_name (languages[i])));
  onramp_choice_row_set_choices (self->language_row, n_languages, languages,
                                 (const char * const *)names->pdata, NULL);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < n_cultures; i++)
    g_ptr_array_add (names, onramp_country_database_dup_culture_name (database, cultures[i]));
  onramp_choice_row_set_choices (self->culture_row, n_cultures, cultures,
                                 (const char * const *)names->pdata, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), n_languages > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->culture_row), n_cultures > 0);
}

static void
onramp_account_page_apply_country (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  g_autoptr(OnrampCountryRules) old_rules = g_steal_pointer (&self->rules);
  g_autoptr(GString) taken = new_taken_mnemonics ();
  OnrampCountryRules *rules = NULL;

  if (customer != NULL)
    rules = onramp_country_database_lookup (database, onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY));
  g_set_object (&self->rules, rules);

  /* The letters the address takes first, so the registration number's
   * stays the same once the address is built */
  if (HAS_MORE (self))
    {
      onramp_account_page_order_address (self);
      onramp_account_page_update_postal_code (self, taken);
      onramp_account_page_update_state (self, taken);
    }
  onramp_account_page_update_registration (self, taken);
  if (HAS_MORE (self))
    {
      onramp_account_page_update_phone (self);
      onramp_account_page_mark_required (self, self->city_row,
                                         !rules || onramp_country_rules_is_city_required (rules));
      onramp_account_page_update_languages (self);
    }

  if (customer != NULL)
    onramp_account_page_default_culture (customer, old_rules, rules);
}

/* The default country's name, before every name is read */
static const char *
country_name (OnrampChoiceRow *row,
              const char      *code,
              gpointer         user_data)
{
  OnrampAccountPage *self = user_data;
  OnrampCountryRules *rules = onramp_country_database_lookup (onramp_validator_get_database (self->validator), code);

  return rules != NULL ? onramp_country_rules_get_name (rules) : NULL;
}

static void
fill_country_choices (OnrampChoiceRow *row,
                      gpointer         user_data)
{
  OnrampAccountPage *self = user_data;
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  const char * const *codes = onramp_country_database_list_codes (database);
  guint n_codes = g_strv_length ((char **)codes);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) english = g_ptr_array_new ();

  for (guint i = 0; i < n_codes; i++)
    {
      OnrampCountryRules *rules = onramp_country_database_lookup (database, codes[i]);

      g_ptr_array_add (names, (gpointer)onramp_country_rules_get_name (rules));
      g_ptr_array_add (english, (gpointer)onramp_country_rules_get_english_name (rules));
    }

  onramp_choice_row_set_choices (row, n_codes, codes,
                                 (const char * const *)names->pdata,
                                 (const char * const *)english->pdata);
}

static void
unbind_binding (gpointer data)
{
  GBinding *binding = data;

  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
onramp_account_page_bind (OnrampAccountPage *self,
                          OnrampCustomer    *customer,
                          const char        *property,
                          gpointer           widget,
                          const char        *widget_property)
{
  GBinding *binding = g_object_bind_property (customer, property, widget, widget_property,
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_ptr_array_add (self->bindings, g_object_ref (binding));
}

static void
onramp_account_page_bind_row (OnrampAccountPage *self,
                              OnrampCustomer    *customer,
                              guint              i)
{
  GtkWidget *row = ROW (self, field_rows[i].row_offset);

  onramp_account_page_bind (self, customer, onramp_field_get_property_name (field_rows[i].field),
                            row, ONRAMP_IS_CHOICE_ROW (row) ? "value" : "text");
}

static void
onramp_account_page_bind_agreement (OnrampAccountPage *self,
                                    OnrampCustomer    *customer)
{
  gboolean other = FALSE;

  onramp_account_page_bind (self, customer, "agreement-accepted", self->agreement_switch, "active");

  /* Someone else accepted when the draft names them */
  for (OnrampField field = ONRAMP_FIELD_AGREEMENT_FIRST_NAME; field <= ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER; field++)
    other |= onramp_customer_get_field (customer, field)[0] != '\0';
  gtk_switch_set_active (self->agreement_other_switch, other);
}

static void
onramp_account_page_bind_customer (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  g_ptr_array_set_size (self->bindings, 0);
  g_signal_group_set_target (self->customer_signals, customer);
  onramp_account_page_cancel_domain_check (self);
  onramp_account_page_cancel_address_check (self);
  onramp_account_page_abandon_apply (self);
  onramp_account_page_forget_address_result (self);
  if (customer == NULL)
    return;

  onramp_account_page_connect_remote (self);
  onramp_account_page_default_country (self, customer);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (ROW (self, field_rows[i].row_offset) != NULL)
      onramp_account_page_bind_row (self, customer, i);
  if (HAS_MORE (self))
    onramp_account_page_bind_agreement (self, customer);

  onramp_account_page_apply_country (self);
  onramp_account_page_revalidate (self);
}

static void
on_customer_changed_cb (OnrampAccountPage *self)
{
  onramp_account_page_bind_customer (self);

  /* Another customer (“Add another customer”): the rows start afresh, and
   * the text the binding just put in is nobody's typing */
  for (guint i = 0; i < self->issue_rows->len; i++)
    onramp_issue_row_forget (g_ptr_array_index (self->issue_rows, i));
}

static void
on_agreement_other_switch_active_cb (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  /* Back to the primary contact: their own fields go, as the wire form
   * then takes the primary contact's */
  if (customer != NULL && !gtk_switch_get_active (self->agreement_other_switch))
    for (OnrampField field = ONRAMP_FIELD_AGREEMENT_FIRST_NAME; field <= ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER; field++)
      onramp_customer_set_field (customer, field, NULL);

  onramp_account_page_revalidate (self);
}

/* A choice is a deliberate act: its message shows at once */
static void
on_choice_row_value_cb (OnrampAccountPage *self,
                        GParamSpec        *pspec,
                        OnrampChoiceRow   *row)
{
  for (guint i = 0; i < self->issue_rows->len; i++)
    {
      OnrampIssueRow *issue_row = g_ptr_array_index (self->issue_rows, i);

      if (onramp_issue_row_get_target (issue_row) == GTK_WIDGET (row))
        onramp_issue_row_reveal (issue_row);
    }
}

static void
onramp_account_page_shown (OnrampPage *page)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->company_name_row));
}

/* Shows every issue, and focuses the first row in error, in the order the
 * user sees them */
static void
onramp_account_page_focus_first_error (OnrampAccountPage *self)
{
  GtkListBox *lists[] = {
    self->company_list, self->country_list, self->address_list,
    self->contact_list, self->language_list, self->agreement_list,
  };

  for (guint i = 0; i < self->issue_rows->len; i++)
    onramp_issue_row_reveal (g_ptr_array_index (self->issue_rows, i));

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        OnrampIssueRow *row;

        if (!ONRAMP_IS_ISSUE_ROW (child))
          continue;

        row = ONRAMP_ISSUE_ROW (child);
        if (onramp_issue_row_get_showing (row) && is_error (onramp_issue_row_get_issue (row)))
          {
            gtk_widget_grab_focus (onramp_issue_row_get_target (row));
            return;
          }
      }
}

static void
onramp_account_page_focus_first_error_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  OnrampAccountPage *self = ONRAMP_ACCOUNT_PAGE (widget);

  /* Review asks before the first frame when it reopens a draft */
  onramp_account_page_build_more (self);
  onramp_account_page_focus_first_error (self);
}

static void
onramp_account_page_reveal_issues (OnrampPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "account.focus-first-error", NULL);
}

static void
onramp_account_page_dispose (GObject *object)
{
  OnrampAccountPage *self = (OnrampAccountPage *)object;

  g_clear_handle_id (&self->domain_timeout_id, g_source_remove);
  g_cancellable_cancel (self->domain_cancellable);
  g_cancellable_cancel (self->address_cancellable);
  onramp_account_page_abandon_apply (self);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->customer_signals);
  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_ACCOUNT_PAGE);
  /* The second part's widgets go with the template's page: forget them as
   * gtk_widget_dispose_template() forgets the template's */
  for (guint i = 0; i < G_N_ELEMENTS (more_widgets); i++)
    G_STRUCT_MEMBER (gpointer, self, more_widgets[i].offset) = NULL;

  g_clear_object (&self->validator);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->base_titles, g_hash_table_unref);
  g_clear_object (&self->domain_cancellable);
  g_clear_object (&self->address_cancellable);
  g_clear_pointer (&self->domain_checking, g_free);
  g_clear_pointer (&self->domain_answers, g_hash_table_unref);
  g_clear_pointer (&self->alternatives, g_strfreev);
  g_clear_pointer (&self->address_checking, g_free);
  g_clear_pointer (&self->address_key, g_free);
  g_clear_pointer (&self->address_suggestions, json_array_unref);
  g_clear_pointer (&self->address_issues, g_ptr_array_unref);

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
  page_class->reveal_issues = onramp_account_page_reveal_issues;
  page_class->apply_async = onramp_account_page_apply_async;
  page_class->apply_finish = onramp_account_page_apply_finish;

  position_quark = g_quark_from_static_string ("onramp-account-page-position");

  g_type_ensure (ONRAMP_TYPE_CHOICE_ROW);
  g_type_ensure (ONRAMP_TYPE_DATE_ROW);
  g_type_ensure (ONRAMP_TYPE_ISSUE_ROW);
  g_type_ensure (ONRAMP_TYPE_CARD_SHADOW);
  g_type_ensure (ONRAMP_TYPE_WIDTH_FIRST_BIN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-account-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OnrampAccountPage, name)
  BIND (company_list);
  BIND (country_list);
  BIND (company_name_row);
  BIND (company_name_issue);
  BIND (domain_row);
  BIND (domain_spinner);
  BIND (domain_status_icon);
  BIND (domain_issue);
  BIND (registration_row);
  BIND (registration_sample_label);
  BIND (registration_issue);
  BIND (country_row);
  BIND (country_issue);
  BIND (relationship_list);
  BIND (relationship_row);
  BIND (relationship_subtitle);
  BIND (domain_note_row);
  BIND (domain_note_icon);
  BIND (domain_note_label);
  BIND (domain_alternative1);
  BIND (domain_alternative2);
  BIND (domain_alternative3);
  BIND (domain_alternative_button1);
  BIND (domain_alternative_button2);
  BIND (domain_alternative_button3);
  BIND (domain_suffix_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "account.focus-first-error", NULL,
                                   onramp_account_page_focus_first_error_action);
  gtk_widget_class_install_action (widget_class, "account.use-domain", "s",
                                   onramp_account_page_use_domain_action);
  gtk_widget_class_install_action (widget_class, "account.use-suggested-address", "i",
                                   onramp_account_page_use_suggested_address_action);
  gtk_widget_class_install_action (widget_class, "account.keep-entered-address", NULL,
                                   onramp_account_page_keep_entered_address_action);
  gtk_widget_class_install_action (widget_class, "account.request-relationship", NULL,
                                   onramp_account_page_request_relationship_action);
}

/* Which fields are always required; the country decides the rest */
static gboolean
field_always_required (OnrampField field)
{
  static const OnrampField required[] = {
    ONRAMP_FIELD_COMPANY_NAME, ONRAMP_FIELD_DOMAIN_PREFIX, ONRAMP_FIELD_COUNTRY,
    ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_FIRST_NAME, ONRAMP_FIELD_LAST_NAME,
    ONRAMP_FIELD_EMAIL, ONRAMP_FIELD_AGREEMENT_DATE, ONRAMP_FIELD_AGREEMENT_FIRST_NAME,
    ONRAMP_FIELD_AGREEMENT_LAST_NAME, ONRAMP_FIELD_AGREEMENT_EMAIL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (required[i] == field)
      return TRUE;

  return FALSE;
}

/* The rows not yet set up: titles, required marks and issue rows. The
 * first part's at init, the rest's once built */
static void
onramp_account_page_set_up_rows (OnrampAccountPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW (self, field_rows[i].row_offset);
      OnrampIssueRow *issue = ISSUE (self, field_rows[i].issue_offset);

      if (row == NULL || g_hash_table_contains (self->base_titles, row))
        continue;
      onramp_account_page_set_base_title (self, row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      onramp_account_page_mark_required (self, row, field_always_required (field_rows[i].field));
      if (ONRAMP_IS_CHOICE_ROW (row))
        g_signal_connect_object (row, "notify::value", G_CALLBACK (on_choice_row_value_cb), self, G_CONNECT_SWAPPED);

      /* The state's second input shares the first one's issue row */
      if (g_ptr_array_find (self->issue_rows, issue, NULL))
        continue;
      onramp_issue_row_set_field (issue, field_rows[i].field);
      onramp_issue_row_set_target (issue, row);
      g_ptr_array_add (self->issue_rows, issue);
    }
}

/* The agreement's switch and the address block: what only the second part has */
static void
onramp_account_page_set_up_more (OnrampAccountPage *self)
{
  GtkEventController *focus;

  onramp_account_page_set_up_rows (self);

  onramp_account_page_set_base_title (self, self->agreement_accepted_row,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->agreement_accepted_row)));
  onramp_account_page_mark_required (self, self->agreement_accepted_row, TRUE);
  onramp_issue_row_set_field (self->agreement_accepted_issue, ONRAMP_FIELD_AGREEMENT_DATE);
  onramp_issue_row_set_target (self->agreement_accepted_issue, GTK_WIDGET (self->agreement_accepted_row));
  g_ptr_array_add (self->issue_rows, self->agreement_accepted_issue);

  gtk_list_box_set_sort_func (self->address_list, compare_address_rows, NULL, NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_address_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->address_list), focus);
}

/*
 * onramp_account_page_build_more:
 *
 * Building every row of the form took a good part of the time before the
 * window first showed (tests/bench/startup): what is below the fold —
 * address, contact, language, agreement — comes from its own .ui, built
 * right after the page's first frame, or at once when something needs it
 * first (Next, Review's issues, a test). The customer is bound to it as to
 * the rest, so it shows the draft's values and issues as if it had always
 * been there.
 */
static void
onramp_account_page_build_more (OnrampAccountPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_missing[G_N_ELEMENTS (field_rows)];
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  if (HAS_MORE (self))
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (scope, on_agreement_other_switch_active_cb);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_expose_object (builder, "OnrampAccountPage", G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/onramp-account-page-more.ui", &error))
    g_error ("The account page's resources are broken: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    was_missing[i] = ROW (self, field_rows[i].row_offset) == NULL;
  for (guint i = 0; i < G_N_ELEMENTS (more_widgets); i++)
    {
      GObject *object = gtk_builder_get_object (builder, more_widgets[i].name);

      g_assert (object != NULL);
      G_STRUCT_MEMBER (GObject *, self, more_widgets[i].offset) = object;
    }
  /* The page is the template's child (not bound: AdwBin unparents it) */
  for (guint i = 0; i < G_N_ELEMENTS (more_widgets); i++)
    {
      gpointer widget = G_STRUCT_MEMBER (gpointer, self, more_widgets[i].offset);

      if (ADW_IS_PREFERENCES_GROUP (widget))
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (adw_bin_get_child (ADW_BIN (self))), widget);
    }

  onramp_account_page_set_up_more (self);
  if (customer == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    if (was_missing[i])
      onramp_account_page_bind_row (self, customer, i);
  onramp_account_page_bind_agreement (self, customer);
  onramp_account_page_apply_country (self);
  onramp_account_page_revalidate (self);
}

static void
on_first_frame_cb (GtkWidget *widget)
{
  onramp_account_page_build_more (ONRAMP_ACCOUNT_PAGE (widget));
}

static void
onramp_account_page_init (OnrampAccountPage *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->validator = onramp_validator_new ();
  self->issue_rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new_with_free_func (unbind_binding);
  self->base_titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->customer_signals = g_signal_group_new (ONRAMP_TYPE_CUSTOMER);
  self->domain_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->address_issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
  /* The country first, so the rows fit it before they are checked */
  g_signal_group_connect_object (self->customer_signals, "notify::country",
                                 G_CALLBACK (onramp_account_page_apply_country), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->customer_signals, "notify",
                                 G_CALLBACK (onramp_account_page_revalidate), self, G_CONNECT_SWAPPED);

  onramp_account_page_set_up_rows (self);
  g_signal_connect_object (self->registration_row, "changed",
                           G_CALLBACK (on_registration_row_changed_cb), self, G_CONNECT_SWAPPED);

  /* The remote check of the domain, as typing pauses (the address's is
   * set up with its rows) */
  g_signal_connect_object (self->domain_row, "changed", G_CALLBACK (on_domain_row_changed_cb), self, G_CONNECT_SWAPPED);
  self->domain_focus = focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (onramp_account_page_update_domain_suffix), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_domain_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->domain_row), focus);
  onramp_account_page_update_domain_suffix (self);

  /* Every country's rules to read for their names: only once needed */
  onramp_choice_row_set_fill_func (self->country_row, fill_country_choices, country_name, self);
  onramp_account_page_apply_country (self);

  onramp_widget_after_first_frame (GTK_WIDGET (self), on_first_frame_cb);
  g_signal_connect (self, "notify::customer", G_CALLBACK (on_customer_changed_cb), NULL);
}

GtkWidget *
onramp_account_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_ACCOUNT_PAGE, NULL);
}

OnrampDomainStatus
onramp_account_page_get_domain_status (OnrampAccountPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_ACCOUNT_PAGE (self), ONRAMP_DOMAIN_STATUS_UNKNOWN);

  return self->domain_status;
}

/**
 * onramp_account_page_set_domain_status:
 * @prefix: the prefix the answer is about
 * @status: what the service said, or that it is being asked
 *
 * For the remote availability check: the domain row shows a spinner while
 * checking and a mark once answered; a taken prefix becomes the
 * validator's `domain.taken` error, so it blocks Next like any other.
 */
void
onramp_account_page_set_domain_status (OnrampAccountPage  *self,
                                       const char         *prefix,
                                       OnrampDomainStatus  status)
{
  gboolean checking = status == ONRAMP_DOMAIN_STATUS_CHECKING;
  gboolean answered = status == ONRAMP_DOMAIN_STATUS_AVAILABLE || status == ONRAMP_DOMAIN_STATUS_TAKEN;
  const char *description = NULL;

  g_return_if_fail (ONRAMP_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (prefix != NULL);

  self->domain_status = status;

  gtk_widget_set_visible (GTK_WIDGET (self->domain_spinner), checking);
  gtk_spinner_set_spinning (self->domain_spinner, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->domain_status_icon), answered);

  if (status == ONRAMP_DOMAIN_STATUS_CHECKING)
    description = _("Checking whether the domain is available…");
  else if (status == ONRAMP_DOMAIN_STATUS_AVAILABLE)
    description = _("The domain is available");
  else if (status == ONRAMP_DOMAIN_STATUS_TAKEN)
    description = _("The domain is taken");

  gtk_image_set_from_icon_name (self->domain_status_icon,
                                status == ONRAMP_DOMAIN_STATUS_TAKEN ? "dialog-error-symbolic"
                                                                     : "emblem-ok-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->domain_spinner), description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->domain_status_icon), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->domain_status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description ? description : "", -1);

  /* Said in words too, under the row; a taken prefix's message is the
   * validator's, with the alternatives */
  if (status == ONRAMP_DOMAIN_STATUS_AVAILABLE)
    {
      /* Translators: %s is a domain such as contoso.onmicrosoft.com */
      g_autofree char *text = g_strdup_printf (_("%s.onmicrosoft.com is available."), prefix);

      onramp_account_page_set_domain_note (self, REMOTE_GOOD, text);
    }
  else if (status == ONRAMP_DOMAIN_STATUS_CHECKING)
    onramp_account_page_set_domain_note (self, REMOTE_CHECKING, _("Checking availability…"));
  else
    onramp_account_page_set_domain_note (self, REMOTE_WARNING, NULL);

  if (answered)
    {
      onramp_validator_set_domain_taken (self->validator, prefix, status == ONRAMP_DOMAIN_STATUS_TAKEN);
      onramp_account_page_revalidate (self);
    }
}

/* onramp-account-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-account-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-choice-row.h"
#include "onramp-country-database.h"
#include "onramp-date-row.h"
#include "onramp-issue-row.h"
#include "onramp-validator.h"

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

  AdwEntryRow        *company_name_row;
  OnrampIssueRow     *company_name_issue;
  AdwEntryRow        *domain_row;
  GtkSpinner         *domain_spinner;
  GtkImage           *domain_status_icon;
  OnrampIssueRow     *domain_issue;
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

static const OnrampField default_address_order[] = {
  ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_ADDRESS_LINE2, ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE,
};

/* The page's fixed titles (the .ui's msgids), and the window's Back and
 * Next: the titles the country decides take a letter none of these uses in
 * the UI language (translations underline other letters than English). */
static const char * const fixed_mnemonic_titles[] = {
  "Company _legal name", "_Domain prefix", "_Country or region", "Address line _1",
  "Address line _2", "C_ity", "_First name", "_Middle name", "L_ast name", "_Email", "P_hone",
  "Langua_ge", "C_ulture", "Custome_r accepted the agreement", "Da_te accepted",
  "S_omeone else accepted", "Gi_ven name", "Famil_y name", "_Work email", "Wor_k phone",
  "_Back", "_Next",
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

/* Languages the bundled rules offer, by their iso-codes English names:
 * iso-codes translates them (the iso_639-3 domain) */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "ar", "Arabic" }, { "az", "Azerbaijani" }, { "bg", "Bulgarian" }, { "bn", "Bengali" },
  { "bs", "Bosnian" }, { "ca", "Catalan" }, { "cs", "Czech" }, { "da", "Danish" },
  { "de", "German" }, { "el", "Modern Greek (1453-)" }, { "en", "English" }, { "es", "Spanish" },
  { "et", "Estonian" }, { "eu", "Basque" }, { "fi", "Finnish" }, { "fo", "Faroese" },
  { "fr", "French" }, { "gl", "Galician" }, { "he", "Hebrew" }, { "hr", "Croatian" },
  { "hu", "Hungarian" }, { "hy", "Armenian" }, { "id", "Indonesian" }, { "is", "Icelandic" },
  { "it", "Italian" }, { "ja", "Japanese" }, { "ka", "Georgian" }, { "kk", "Kazakh" },
  { "kl", "Kalaallisut" }, { "km", "Khmer" }, { "ko", "Korean" }, { "lo", "Lao" },
  { "lt", "Lithuanian" }, { "lv", "Latvian" }, { "mk", "Macedonian" }, { "mn", "Mongolian" },
  { "ms", "Malay (macrolanguage)" }, { "mt", "Maltese" }, { "my", "Burmese" },
  { "nb", "Norwegian Bokmål" }, { "ne", "Nepali (macrolanguage)" }, { "nl", "Dutch" },
  { "pl", "Polish" }, { "pt", "Portuguese" }, { "ro", "Romanian" }, { "ru", "Russian" },
  { "si", "Sinhala" }, { "sk", "Slovak" }, { "sl", "Slovenian" }, { "sq", "Albanian" },
  { "sr", "Serbian" }, { "sv", "Swedish" }, { "th", "Thai" }, { "tr", "Turkish" },
  { "uk", "Ukrainian" }, { "ur", "Urdu" }, { "uz", "Uzbek" }, { "vi", "Vietnamese" },
  { "zh", "Chinese" },
};

static const char *
language_name (const char *code)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bindtextdomain ("iso_639-3", ISO_CODES_LOCALEDIR);
      bind_textdomain_codeset ("iso_639-3", "UTF-8");
      g_once_init_leave (&bound, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (strcmp (language_names[i].code, code) == 0)
        return g_dgettext ("iso_639-3", language_names[i].name);
    }

  return code;
}

/* "zh-TW" -> "Chinese (Taiwan)", in the user's language */
static char *
culture_name (OnrampCountryDatabase *database,
              const char            *culture)
{
  g_auto(GStrv) parts = g_strsplit (culture, "-", 2);
  OnrampCountryRules *region;

  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (culture);

  region = onramp_country_database_lookup (database, parts[1]);
  if (region == NULL)
    return g_strdup (culture);

  /* Translators: a language as spoken in a country, e.g. "Chinese (Taiwan)";
   * the first %s is the language, the second the country */
  return g_strdup_printf (_("%s (%s)"), language_name (parts[0]), onramp_country_rules_get_name (region));
}

/* The English name, to match it in any language: the country database only
 * gives the translated one, so ask gettext in the C locale for this thread.
 * (GNU gettext ignores $LANGUAGE when the messages locale is C.) */
static char *
dup_english_name (OnrampCountryRules *rules,
                  int                 state)
{
  locale_t c_locale = newlocale (LC_MESSAGES_MASK, "C", (locale_t) 0);
  locale_t previous;
  char *name;

  if (c_locale == (locale_t) 0)
    return NULL;

  previous = uselocale (c_locale);
  name = g_strdup (state < 0 ? onramp_country_rules_get_name (rules)
                             : onramp_country_rules_get_state_name (rules, state));
  uselocale (previous);
  freelocale (c_locale);

  return name;
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
  onramp_account_page_update_acceptor (self, customer);

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
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *input;

  for (guint i = 0; i < n_states; i++)
    {
      g_ptr_array_add (codes, (gpointer)onramp_country_rules_get_state_code (self->rules, i));
      g_ptr_array_add (names, (gpointer)onramp_country_rules_get_state_name (self->rules, i));
      g_ptr_array_add (english, dup_english_name (self->rules, i));
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

static const char *
default_language (OnrampCountryRules *rules)
{
  const char * const *languages = onramp_country_rules_get_languages (rules);
  const char *culture = onramp_country_rules_get_default_culture (rules);

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
      (old_rules && g_strcmp0 (culture, onramp_country_rules_get_default_culture (old_rules)) == 0))
    onramp_customer_set_field (customer, ONRAMP_FIELD_CULTURE, onramp_country_rules_get_default_culture (rules));

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
    g_ptr_array_add (names, g_strdup (language_name (languages[i])));
  onramp_choice_row_set_choices (self->language_row, n_languages, languages,
                                 (const char * const *)names->pdata, NULL);

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < n_cultures; i++)
    g_ptr_array_add (names, culture_name (database, cultures[i]));
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

  onramp_account_page_order_address (self);
  onramp_account_page_update_postal_code (self, taken);
  onramp_account_page_update_state (self, taken);
  onramp_account_page_update_registration (self, taken);
  onramp_account_page_update_phone (self);
  onramp_account_page_mark_required (self, self->city_row,
                                     !rules || onramp_country_rules_is_city_required (rules));
  onramp_account_page_update_languages (self);

  if (customer != NULL)
    onramp_account_page_default_culture (customer, old_rules, rules);
}

static void
onramp_account_page_update_country_choices (OnrampAccountPage *self)
{
  OnrampCountryDatabase *database = onramp_validator_get_database (self->validator);
  const char * const *codes = onramp_country_database_list_codes (database);
  guint n_codes = g_strv_length ((char **)codes);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_codes; i++)
    {
      OnrampCountryRules *rules = onramp_country_database_lookup (database, codes[i]);

      g_ptr_array_add (names, (gpointer)onramp_country_rules_get_name (rules));
      g_ptr_array_add (english, dup_english_name (rules, -1));
    }

  onramp_choice_row_set_choices (self->country_row, n_codes, codes,
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
onramp_account_page_bind_customer (OnrampAccountPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  gboolean other = FALSE;

  g_ptr_array_set_size (self->bindings, 0);
  g_signal_group_set_target (self->customer_signals, customer);
  if (customer == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW (self, field_rows[i].row_offset);

      onramp_account_page_bind (self, customer, onramp_field_get_property_name (field_rows[i].field),
                                row, ONRAMP_IS_CHOICE_ROW (row) ? "value" : "text");
    }
  onramp_account_page_bind (self, customer, "agreement-accepted", self->agreement_switch, "active");

  /* Someone else accepted when the draft names them */
  for (OnrampField field = ONRAMP_FIELD_AGREEMENT_FIRST_NAME; field <= ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER; field++)
    other |= onramp_customer_get_field (customer, field)[0] != '\0';
  gtk_switch_set_active (self->agreement_other_switch, other);

  onramp_account_page_apply_country (self);
  onramp_account_page_revalidate (self);
}

static void
on_customer_changed_cb (OnrampAccountPage *self)
{
  onramp_account_page_bind_customer (self);
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
  onramp_account_page_focus_first_error (ONRAMP_ACCOUNT_PAGE (widget));
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

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->customer_signals);
  g_clear_pointer (&self->issue_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_ACCOUNT_PAGE);

  g_clear_object (&self->validator);
  g_clear_object (&self->rules);
  g_clear_pointer (&self->base_titles, g_hash_table_unref);

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

  position_quark = g_quark_from_static_string ("onramp-account-page-position");

  g_type_ensure (ONRAMP_TYPE_CHOICE_ROW);
  g_type_ensure (ONRAMP_TYPE_DATE_ROW);
  g_type_ensure (ONRAMP_TYPE_ISSUE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-account-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OnrampAccountPage, name)
  BIND (company_list);
  BIND (country_list);
  BIND (address_list);
  BIND (contact_list);
  BIND (language_list);
  BIND (agreement_list);
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
  BIND (address_line1_row);
  BIND (address_line1_issue);
  BIND (address_line2_row);
  BIND (address_line2_issue);
  BIND (city_row);
  BIND (city_issue);
  BIND (state_choice_row);
  BIND (state_entry_row);
  BIND (state_issue);
  BIND (postal_code_row);
  BIND (postal_code_issue);
  BIND (first_name_row);
  BIND (first_name_issue);
  BIND (middle_name_row);
  BIND (middle_name_issue);
  BIND (last_name_row);
  BIND (last_name_issue);
  BIND (email_row);
  BIND (email_issue);
  BIND (phone_row);
  BIND (phone_prefix_label);
  BIND (phone_issue);
  BIND (language_row);
  BIND (language_issue);
  BIND (culture_row);
  BIND (culture_issue);
  BIND (agreement_accepted_row);
  BIND (agreement_switch);
  BIND (agreement_accepted_issue);
  BIND (agreement_date_row);
  BIND (agreement_date_issue);
  BIND (agreement_other_row);
  BIND (agreement_other_switch);
  BIND (agreement_first_name_row);
  BIND (agreement_first_name_issue);
  BIND (agreement_last_name_row);
  BIND (agreement_last_name_issue);
  BIND (agreement_email_row);
  BIND (agreement_email_issue);
  BIND (agreement_phone_row);
  BIND (agreement_phone_prefix_label);
  BIND (agreement_phone_issue);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_agreement_other_switch_active_cb);

  gtk_widget_class_install_action (widget_class, "account.focus-first-error", NULL,
                                   onramp_account_page_focus_first_error_action);
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

static void
onramp_account_page_init (OnrampAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->validator = onramp_validator_new ();
  self->issue_rows = g_ptr_array_new ();
  self->bindings = g_ptr_array_new_with_free_func (unbind_binding);
  self->base_titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->customer_signals = g_signal_group_new (ONRAMP_TYPE_CUSTOMER);
  /* The country first, so the rows fit it before they are checked */
  g_signal_group_connect_object (self->customer_signals, "notify::country",
                                 G_CALLBACK (onramp_account_page_apply_country), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->customer_signals, "notify",
                                 G_CALLBACK (onramp_account_page_revalidate), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = ROW (self, field_rows[i].row_offset);
      OnrampIssueRow *issue = ISSUE (self, field_rows[i].issue_offset);

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

  onramp_account_page_set_base_title (self, self->agreement_accepted_row,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->agreement_accepted_row)));
  onramp_account_page_mark_required (self, self->agreement_accepted_row, TRUE);
  onramp_issue_row_set_field (self->agreement_accepted_issue, ONRAMP_FIELD_AGREEMENT_DATE);
  onramp_issue_row_set_target (self->agreement_accepted_issue, GTK_WIDGET (self->agreement_accepted_row));
  g_ptr_array_add (self->issue_rows, self->agreement_accepted_issue);

  gtk_list_box_set_sort_func (self->address_list, compare_address_rows, NULL, NULL);
  g_signal_connect_object (self->registration_row, "changed",
                           G_CALLBACK (on_registration_row_changed_cb), self, G_CONNECT_SWAPPED);

  onramp_account_page_update_country_choices (self);
  onramp_account_page_apply_country (self);

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

  if (answered)
    {
      onramp_validator_set_domain_taken (self->validator, prefix, status == ONRAMP_DOMAIN_STATUS_TAKEN);
      onramp_account_page_revalidate (self);
    }
}

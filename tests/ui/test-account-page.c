/* test-account-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-account-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-choice-row.h"
#include "onramp-date-row.h"
#include "onramp-issue-row.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* Drives the real application in demo mode through the Account info page,
 * as a user would: a Taiwanese customer, then an American one, meeting and
 * fixing the live checks on the way, in the language of the run.
 */

static OnrampApplication *app;
static int test_status;

static OnrampWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ONRAMP_IS_WINDOW (window));
  return ONRAMP_WINDOW (window);
}

static OnrampAssistant *
get_assistant (void)
{
  return onramp_window_get_assistant (get_window ());
}

static OnrampCustomer *
get_customer (void)
{
  return onramp_window_get_customer (get_window ());
}

static GtkWidget *
get_child (gpointer    widget,
           GType       type,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GtkWidget *
page_child (const char *name)
{
  OnrampPage *page = onramp_assistant_get_current_page (get_assistant ());

  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (page));
  return get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, name);
}

static GtkWidget *
next_button (void)
{
  return get_child (get_assistant (), ONRAMP_TYPE_ASSISTANT, "next_button");
}

static gboolean
issue_row_showing (gpointer row)
{
  return onramp_issue_row_get_showing (row);
}

static gboolean
issue_row_hidden (gpointer row)
{
  return !onramp_issue_row_get_showing (row);
}

static gboolean
widget_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
widget_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
agreement_accepted (gpointer customer)
{
  return onramp_customer_get_agreement_accepted (customer);
}

static void
screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (GTK_WIDGET (get_window ()), name);
}

/* The page's content below its scrolled window: all of it, not just what
 * fits on the screen */
static GtkWidget *
page_content (void)
{
  GtkWidget *widget = GTK_WIDGET (onramp_assistant_get_current_page (get_assistant ()));

  while (widget != NULL && !GTK_IS_VIEWPORT (widget))
    widget = gtk_widget_get_first_child (widget);

  g_assert_nonnull (widget);
  return gtk_viewport_get_child (GTK_VIEWPORT (widget));
}

static void
save_content_screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (page_content (), name);
}

/* The window as the user sees it, and the whole page, at a desktop's width
 * and at a phone's */
static void
screenshots (const char *what)
{
  GtkWindow *window = GTK_WINDOW (get_window ());
  g_autofree char *page = g_strdup_printf ("%s-page", what);
  g_autofree char *narrow = g_strdup_printf ("%s-360", what);
  g_autofree char *narrow_page = g_strdup_printf ("%s-page-360", what);

  screenshot (what);
  save_content_screenshot (page);
  gtk_window_set_default_size (window, 360, 720);
  onramp_test_iterate (400);
  screenshot (narrow);
  save_content_screenshot (narrow_page);
  gtk_window_set_default_size (window, 720, 640);
  onramp_test_iterate (300);
}

static void
type_into (const char *row_name,
           const char *text)
{
  GtkWidget *row = page_child (row_name);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Waits for the row's message and checks its code */
static void
assert_issue (const char *issue_name,
              const char *code)
{
  OnrampIssueRow *row = ONRAMP_ISSUE_ROW (page_child (issue_name));

  g_assert_true (onramp_test_wait_for (issue_row_showing, row, 3000));
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (row)), ==, code);
}

static void
assert_no_issue (const char *issue_name)
{
  OnrampIssueRow *row = ONRAMP_ISSUE_ROW (page_child (issue_name));

  /* A fix is seen at once; a new message waits for a pause, so look after it */
  onramp_test_iterate (700);
  if (onramp_issue_row_get_showing (row))
    g_error ("%s shows “%s”", issue_name,
             onramp_issue_get_message (onramp_issue_row_get_issue (row)));
}

static gboolean
focus_is_in (GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (get_window ()));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      gboolean       *searched)
{
  *searched = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *)flag;
}

/* Opens the row's list, types into its search entry, and takes the first
 * match with Enter */
static void
choose_and_show (const char *row_name,
                 const char *search,
                 const char *expected_code,
                 const char *what)
{
  GtkWidget *row = page_child (row_name);
  GtkWidget *popover = get_child (row, ONRAMP_TYPE_CHOICE_ROW, "popover");
  GtkWidget *entry = get_child (row, ONRAMP_TYPE_CHOICE_ROW, "search_entry");
  gboolean searched = FALSE;
  gulong handler;

  g_assert_true (gtk_widget_activate (row));
  g_assert_true (onramp_test_wait_for (widget_mapped, popover, 3000));
  g_assert_true (focus_is_in (entry));

  /* The search entry filters after its own typing delay: wait for it (a
   * fixed wait is too short when the first CJK frame is slow to draw) */
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &searched);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_assert_true (onramp_test_wait_for (is_true, &searched, 3000));
  g_signal_handler_disconnect (entry, handler);
  if (what != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

      onramp_test_save_screenshot (popover, name);
    }
  g_signal_emit_by_name (entry, "activate");

  g_assert_cmpstr (onramp_choice_row_get_value (ONRAMP_CHOICE_ROW (row)), ==, expected_code);
  g_assert_true (onramp_test_wait_for (widget_unmapped, popover, 3000));
}

static void
choose (const char *row_name,
        const char *search,
        const char *expected_code)
{
  choose_and_show (row_name, search, expected_code, NULL);
}

/* A title without its mnemonic underline and required mark */
static char *
plain_title (const char *row_name)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child (row_name)));
  GString *plain = g_string_new (NULL);

  for (const char *p = title; *p; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);

  return g_string_free (plain, FALSE);
}

static void
assert_title_starts_with (const char *row_name,
                          const char *expected)
{
  g_autofree char *title = plain_title (row_name);

  if (!g_str_has_prefix (title, expected))
    g_error ("%s is titled “%s”, not “%s”", row_name, title, expected);
}

/* Whether @a comes before @b among their parent's children */
static gboolean
comes_before (const char *a,
              const char *b)
{
  GtkWidget *widget_b = page_child (b);

  for (GtkWidget *w = gtk_widget_get_next_sibling (page_child (a)); w; w = gtk_widget_get_next_sibling (w))
    if (w == widget_b)
      return TRUE;

  return FALSE;
}

/* Every visible row has a mnemonic, and no two share one, nor one with the
 * window's Back and Next (in the language of the run) */
static void
assert_unique_mnemonics (void)
{
  static const char * const lists[] = {
    "company_list", "country_list", "address_list", "contact_list", "language_list", "agreement_list",
  };
  g_autoptr(GString) used = g_string_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      const char *underline = strchr (i == 0 ? _("_Back") : _("_Next"), '_');

      g_assert_nonnull (underline);
      g_string_append_c (used, g_ascii_tolower (underline[1]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *row = gtk_widget_get_first_child (page_child (lists[i])); row; row = gtk_widget_get_next_sibling (row))
      {
        const char *title;
        const char *underline;
        char key;

        if (!ADW_IS_PREFERENCES_ROW (row) || !gtk_widget_get_visible (row))
          continue;

        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
        g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
        underline = strchr (title, '_');
        /* Only a title without a free letter goes without (e.g. "Prefecture") */
        if (underline == NULL)
          {
            g_test_message ("No mnemonic: %s", title);
            continue;
          }
        key = g_ascii_tolower (underline[1]);
        if (strchr (used->str, key) != NULL)
          g_error ("“%s” repeats the mnemonic %c", title, key);
        g_string_append_c (used, key);
      }
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, days);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
test_empty_form_and_forced_next (void)
{
  GtkWidget *next = next_button ();

  g_assert_true (onramp_test_wait_for (widget_mapped, get_window (), 5000));
  g_assert_false (gtk_widget_is_sensitive (next));
  /* Nothing is shown before the user has done anything */
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));

  /* Required fields say so, to the eye */
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child ("domain_row"))), " *"));
  g_assert_false (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child ("middle_name_row"))), " *"));

  type_into ("company_name_row", "Contoso Pharmaceuticals Limited");
  assert_no_issue ("company_name_issue");

  /* Next from the keyboard on an incomplete page: every message shows, and
   * the first field in error (the domain, under the name) has the focus */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.try-next", NULL));
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (get_assistant ())));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("country_issue"))));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("agreement_accepted_issue"))));
  g_assert_true (focus_is_in (page_child ("domain_row")));
  screenshots ("account-errors");
}

static void
test_taiwanese_customer (void)
{
  OnrampCustomer *customer = get_customer ();
  g_autofree char *accepted_on = date_from_today (-10);
  GtkWidget *phone_prefix = page_child ("phone_prefix_label");

  type_into ("company_name_row", "聯發科技股份有限公司");
  assert_no_issue ("company_name_issue");
  type_into ("domain_row", "mediatekdemo");

  /* The English name finds the country in any language */
  choose_and_show ("country_row", "taiwan", "TW", "account-country-search");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY), ==, "TW");

  /* Taiwan writes the postal code first, then the county or city */
  g_assert_true (comes_before ("postal_code_row", "state_choice_row"));
  g_assert_true (comes_before ("state_choice_row", "city_row"));
  g_assert_true (comes_before ("city_row", "address_line1_row"));
  assert_title_starts_with ("state_choice_row", _("County/City"));
  g_assert_true (gtk_widget_get_visible (page_child ("state_choice_row")));
  g_assert_false (gtk_widget_get_visible (page_child ("state_entry_row")));

  /* Taiwan's default culture, without asking */
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_CULTURE), ==, "zh-TW");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_LANGUAGE), ==, "zh");

  /* A postal code of four digits is wrong; six are right */
  type_into ("postal_code_row", "1060");
  assert_issue ("postal_code_issue", "address.postal-code-format");
  g_assert_true (gtk_widget_has_css_class (page_child ("postal_code_row"), "error"));
  type_into ("postal_code_row", "106001");
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("postal_code_issue"), 100));

  choose ("state_choice_row", "TPE", "TPE");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_STATE), ==, "TPE");
  type_into ("city_row", "大安區");
  type_into ("address_line1_row", "敦化南路二段 100 號");

  type_into ("first_name_row", "小明");
  type_into ("last_name_row", "王");
  type_into ("email_row", "xiaoming@mediatek.example");
  assert_no_issue ("email_issue");

  /* The calling code stands before the number */
  g_assert_true (gtk_widget_get_visible (phone_prefix));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (phone_prefix)), ==, "+886");
  type_into ("phone_row", "0227208889");
  assert_no_issue ("phone_issue");

  g_assert_false (gtk_widget_is_sensitive (next_button ()));
  /* The switch moves, then the record follows */
  g_assert_true (gtk_widget_activate (page_child ("agreement_accepted_row")));
  g_assert_true (onramp_test_wait_for (agreement_accepted, customer, 3000));
  type_into ("agreement_date_row", accepted_on);
  assert_no_issue ("agreement_date_issue");
  /* The person who accepted is the primary contact, named the Chinese way */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (page_child ("agreement_other_row"))), "王小明"));

  g_assert_true (onramp_test_wait_for (widget_sensitive, next_button (), 1000));
  assert_unique_mnemonics ();
  screenshots ("account-tw");
}

/* The calendar cannot pick a day after today: it goes back to today */
static void
assert_calendar_refuses_future (const char *today)
{
  OnrampCustomer *customer = get_customer ();
  GtkWidget *date_row = page_child ("agreement_date_row");
  GtkWidget *popover = get_child (date_row, ONRAMP_TYPE_DATE_ROW, "popover");
  GtkCalendar *calendar = GTK_CALENDAR (get_child (date_row, ONRAMP_TYPE_DATE_ROW, "calendar"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *last_week_text = g_date_time_format (last_week, "%Y-%m-%d");

  gtk_menu_button_popup (GTK_MENU_BUTTON (get_child (date_row, ONRAMP_TYPE_DATE_ROW, "menu_button")));
  g_assert_true (onramp_test_wait_for (widget_mapped, popover, 3000));
  gtk_calendar_select_day (calendar, next_week);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, today);
  g_assert_true (gtk_widget_get_mapped (popover));

  gtk_calendar_select_day (calendar, last_week);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, last_week_text);
  g_assert_true (onramp_test_wait_for (widget_unmapped, popover, 3000));
}

static void
test_american_customer (void)
{
  OnrampCustomer *customer = get_customer ();
  g_autofree char *future = date_from_today (30);
  g_autofree char *today = date_from_today (0);
  GtkWidget *suggestion = get_child (page_child ("email_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button");

  type_into ("company_name_row", "Contoso Pharmaceuticals Incorporated");
  choose ("country_row", "united states", "US");

  /* Another country: the default culture follows; the address goes back to
   * the usual order with a state from the list */
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_CULTURE), ==, "en-US");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_LANGUAGE), ==, "en");
  g_assert_true (comes_before ("address_line1_row", "city_row"));
  g_assert_true (comes_before ("city_row", "state_choice_row"));
  g_assert_true (comes_before ("state_choice_row", "postal_code_row"));
  assert_title_starts_with ("state_choice_row", _("State"));
  assert_title_starts_with ("postal_code_row", _("ZIP code"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child ("phone_prefix_label"))), ==, "+1");

  /* Taipei is no American state */
  assert_issue ("state_issue", "address.state-unknown");
  g_assert_false (gtk_widget_is_sensitive (next_button ()));
  choose_and_show ("state_choice_row", "wa", "WA", "account-state-search");
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("state_issue"), 100));

  type_into ("address_line1_row", "1 Microsoft Way");
  type_into ("city_row", "Redmond");
  type_into ("postal_code_row", "9805");
  assert_issue ("postal_code_issue", "address.postal-code-format");
  screenshot ("account-us-zip-error");
  type_into ("postal_code_row", "98052-6399");
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("postal_code_issue"), 100));

  type_into ("first_name_row", "Jane");
  type_into ("last_name_row", "Doe");
  /* Pasted with spaces around it: one click takes the clean address */
  type_into ("email_row", " jane@contoso.example ");
  assert_issue ("email_issue", "contact.email-format");
  g_assert_true (gtk_widget_get_visible (suggestion));
  g_assert_true (gtk_widget_activate (suggestion));
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("email_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_EMAIL), ==, "jane@contoso.example");

  type_into ("phone_row", "425 555 0100");
  assert_no_issue ("phone_issue");

  /* The agreement cannot be accepted in the future */
  type_into ("agreement_date_row", future);
  assert_issue ("agreement_date_issue", "agreement.date-in-future");
  g_assert_false (gtk_widget_is_sensitive (next_button ()));
  g_assert_true (gtk_widget_activate (get_child (page_child ("agreement_date_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button")));
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("agreement_date_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, today);

  assert_calendar_refuses_future (today);

  /* Someone else accepted: their name and email are needed */
  g_assert_false (gtk_widget_get_visible (page_child ("agreement_first_name_row")));
  g_assert_true (gtk_widget_activate (page_child ("agreement_other_row")));
  g_assert_true (onramp_test_wait_for (widget_mapped, page_child ("agreement_first_name_row"), 3000));
  type_into ("agreement_first_name_row", "Alex");
  type_into ("agreement_last_name_row", "Wu");
  type_into ("agreement_email_row", "alex@contoso");
  assert_issue ("agreement_email_issue", "contact.email-format");
  type_into ("agreement_email_row", "alex@contoso.example");
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("agreement_email_issue"), 100));

  /* A state by name (from an imported draft) gets its code in one click */
  onramp_customer_set_field (customer, ONRAMP_FIELD_STATE, "Washington");
  assert_issue ("state_issue", "address.state-unknown");
  g_assert_true (gtk_widget_activate (get_child (page_child ("state_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button")));
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("state_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_STATE), ==, "WA");

  g_assert_true (onramp_test_wait_for (widget_sensitive, next_button (), 1000));
  assert_unique_mnemonics ();
  screenshots ("account-us");
}

/* What the remote availability check will report, shown on the row; a
 * taken prefix blocks Next like any other error */
static void
test_domain_status (void)
{
  OnrampAccountPage *page = ONRAMP_ACCOUNT_PAGE (onramp_assistant_get_current_page (get_assistant ()));
  GtkWidget *spinner = page_child ("domain_spinner");
  GtkWidget *icon = page_child ("domain_status_icon");
  const char *prefix = onramp_customer_get_field (get_customer (), ONRAMP_FIELD_DOMAIN_PREFIX);

  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_visible (icon));
  g_assert_true (gtk_widget_is_sensitive (next_button ()));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_CHECKING);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_TAKEN);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_visible (icon));
  assert_issue ("domain_issue", "domain.taken");
  g_assert_false (gtk_widget_is_sensitive (next_button ()));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_AVAILABLE);
  g_assert_true (onramp_test_wait_for (issue_row_hidden, page_child ("domain_issue"), 100));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "emblem-ok-symbolic");
  g_assert_true (onramp_test_wait_for (widget_sensitive, next_button (), 1000));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_UNKNOWN);
  g_assert_false (gtk_widget_get_visible (icon));
}

static void
test_registration_number_follows_country (void)
{
  GtkWidget *row = page_child ("registration_row");

  g_assert_false (gtk_widget_get_visible (row));

  choose ("country_row", "brazil", "BR");
  g_assert_true (gtk_widget_get_visible (row));
  assert_title_starts_with ("registration_row", "CNPJ");
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_NONE);
  /* Brazil requires it: Next closes until it is there */
  g_assert_false (gtk_widget_is_sensitive (next_button ()));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child ("registration_sample_label"))), !=, "");
  assert_unique_mnemonics ();
  gtk_widget_grab_focus (row);
  onramp_test_iterate (300);
  screenshot ("account-br");

  choose ("country_row", "united states", "US");
  g_assert_false (gtk_widget_get_visible (row));
  choose ("state_choice_row", "washington", "WA");
  g_assert_true (onramp_test_wait_for (widget_sensitive, next_button (), 1000));
}

static void
test_forced_next_focuses_first_invalid_row (void)
{
  GtkWidget *city_row = page_child ("city_row");

  type_into ("city_row", "");
  g_assert_false (gtk_widget_is_sensitive (next_button ()));
  gtk_widget_grab_focus (page_child ("company_name_row"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.try-next", NULL));
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (get_assistant ())));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("city_issue"))));
  g_assert_true (focus_is_in (city_row));

  /* Fixed, the keyboard's Next moves on */
  type_into ("city_row", "Redmond");
  g_assert_true (onramp_test_wait_for (widget_sensitive, next_button (), 1000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.try-next", NULL));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)widget_unmapped, city_row, 3000));
}

static void
on_activate_cb (GApplication *application)
{
  test_status = g_test_run ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/account/empty-form-and-forced-next", test_empty_form_and_forced_next);
  g_test_add_func ("/account/taiwanese-customer", test_taiwanese_customer);
  g_test_add_func ("/account/american-customer", test_american_customer);
  g_test_add_func ("/account/domain-status", test_domain_status);
  g_test_add_func ("/account/registration-number-follows-country", test_registration_number_follows_country);
  g_test_add_func ("/account/forced-next-focuses-first-invalid-row", test_forced_next_focuses_first_invalid_row);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  return test_status;
}

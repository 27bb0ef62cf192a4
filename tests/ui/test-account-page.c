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
#include <stdio.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-locale.h"
#include "onramp-application.h"
#include "onramp-choice-row.h"
#include "onramp-date-row.h"
#include "onramp-issue-row.h"
#include "onramp-relationship-dialog.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* Drives the real application in demo mode through the Account info page,
 * as a user would: a Taiwanese customer, then an American one, meeting and
 * fixing the live checks on the way, in the language of the run.
 */

static OnrampApplication *app;
static int test_status;

static GtkWidget *
page_child (const char *name)
{
  OnrampPage *page = onramp_assistant_get_current_page (onramp_test_get_assistant (app));

  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (page));
  return onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, name);
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

  onramp_test_save_screenshot (GTK_WIDGET (onramp_test_get_window (app)), name);
}

/* The page's content below its scrolled window: all of it, not just what
 * fits on the screen */
static GtkWidget *
page_content (void)
{
  GtkWidget *widget = GTK_WIDGET (onramp_assistant_get_current_page (onramp_test_get_assistant (app)));

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
  GtkWindow *window = GTK_WINDOW (onramp_test_get_window (app));
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

  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_showing, row, 3000));
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
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (onramp_test_get_window (app)));

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
  GtkWidget *popover = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "popover");
  GtkWidget *entry = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "search_entry");
  gboolean searched = FALSE;
  gulong handler;

  /* A user clicks a row they see: scrolled to it first */
  gtk_widget_grab_focus (row);
  onramp_test_iterate (100);
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, popover, 3000));
  g_assert_true (focus_is_in (entry));

  /* The search entry filters after its own typing delay: wait for it (a
   * fixed wait is too short when the first CJK frame is slow to draw) */
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &searched);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* The search entry waits for a typing pause before it searches; on a
   * loaded machine a fixed wait was not always enough, so end the pause */
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (onramp_test_wait_for (is_true, &searched, 3000));
  g_signal_handler_disconnect (entry, handler);
  onramp_test_iterate (100);
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
  GtkWidget *next = onramp_test_next_button (app);

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, onramp_test_get_window (app), 5000));
  g_assert_false (gtk_widget_is_sensitive (next));
  /* Nothing is shown before the user has done anything */
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));

  /* Required fields say so, to the eye */
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child ("domain_row"))), " *"));
  g_assert_false (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child ("middle_name_row"))), " *"));

  /* A new record starts in the country of the user's locale: Taiwan for
   * zh_TW.UTF-8, none for C.UTF-8 */
  if (g_str_equal (onramp_test_language (), "zh_TW"))
    {
      g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_COUNTRY), ==, "TW");
      g_assert_cmpstr (onramp_choice_row_get_value (ONRAMP_CHOICE_ROW (page_child ("country_row"))), ==, "TW");
      g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_CULTURE), ==, "zh-TW");
      g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_LANGUAGE), ==, "zh");
    }
  else
    {
      g_autofree char *territory = onramp_locale_dup_user_territory ();

      /* ja_JP → Japan, de_DE → Germany, C.UTF-8 → none */
      g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_COUNTRY), ==, territory ? territory : "");
    }

  type_into ("company_name_row", "Contoso Pharmaceuticals Limited");
  assert_no_issue ("company_name_issue");

  /* Next from the keyboard on an incomplete page: every message shows, and
   * the first field in error (the domain, under the name) has the focus */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.try-next", NULL));
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app))));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));
  /* The country is missing only where the locale names none (C.UTF-8) */
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("country_issue"))) ==
                 (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_COUNTRY)[0] == '\0'));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("agreement_accepted_issue"))));
  g_assert_true (focus_is_in (page_child ("domain_row")));
  screenshots ("account-errors");
}

static void
test_taiwanese_customer (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
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
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("postal_code_issue"), 100));

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

  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  /* The switch moves, then the record follows */
  g_assert_true (gtk_widget_activate (page_child ("agreement_accepted_row")));
  g_assert_true (onramp_test_wait_for (agreement_accepted, customer, 3000));
  type_into ("agreement_date_row", accepted_on);
  assert_no_issue ("agreement_date_issue");
  /* The person who accepted is the primary contact, named the Chinese way */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (page_child ("agreement_other_row"))), "王小明"));

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 1000));
  assert_unique_mnemonics ();
  screenshots ("account-tw");
}

/* The calendar cannot pick a day after today: it goes back to today */
static void
assert_calendar_refuses_future (const char *today)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  GtkWidget *date_row = page_child ("agreement_date_row");
  GtkWidget *popover = onramp_test_get_child (date_row, ONRAMP_TYPE_DATE_ROW, "popover");
  GtkCalendar *calendar;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *last_week_text = g_date_time_format (last_week, "%Y-%m-%d");

  gtk_menu_button_popup (GTK_MENU_BUTTON (onramp_test_get_child (date_row, ONRAMP_TYPE_DATE_ROW, "menu_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, popover, 3000));
  calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  gtk_calendar_select_day (calendar, next_week);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_year (shown), ==, g_date_time_get_day_of_year (now));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, today);
  g_assert_true (gtk_widget_get_mapped (popover));

  gtk_calendar_select_day (calendar, last_week);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, last_week_text);
  g_assert_true (onramp_test_wait_for (widget_unmapped, popover, 3000));
}

/* The typed date is also shown the way the locale writes dates */
static void
assert_local_date (void)
{
  const char *text = onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_AGREEMENT_DATE);
  GtkWidget *label = onramp_test_get_child (page_child ("agreement_date_row"), ONRAMP_TYPE_DATE_ROW, "local_label");
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  expected = g_date_time_format (date, "%x");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
}

static void
test_american_customer (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  g_autofree char *future = date_from_today (30);
  g_autofree char *today = date_from_today (0);
  GtkWidget *suggestion = onramp_test_get_child (page_child ("email_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button");

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
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  choose_and_show ("state_choice_row", "wa", "WA", "account-state-search");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("state_issue"), 100));

  type_into ("address_line1_row", "1 Microsoft Way");
  type_into ("city_row", "Redmond");
  type_into ("postal_code_row", "9805");
  assert_issue ("postal_code_issue", "address.postal-code-format");
  screenshot ("account-us-zip-error");
  type_into ("postal_code_row", "98052-6399");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("postal_code_issue"), 100));

  type_into ("first_name_row", "Jane");
  type_into ("last_name_row", "Doe");
  /* Pasted with spaces around it: one click takes the clean address */
  type_into ("email_row", " jane@contoso.example ");
  assert_issue ("email_issue", "contact.email-format");
  g_assert_true (gtk_widget_get_visible (suggestion));
  g_assert_true (gtk_widget_activate (suggestion));
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("email_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_EMAIL), ==, "jane@contoso.example");

  type_into ("phone_row", "425 555 0100");
  assert_no_issue ("phone_issue");

  /* The agreement cannot be accepted in the future */
  type_into ("agreement_date_row", future);
  assert_issue ("agreement_date_issue", "agreement.date-in-future");
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  g_assert_true (gtk_widget_activate (onramp_test_get_child (page_child ("agreement_date_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("agreement_date_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_AGREEMENT_DATE), ==, today);

  assert_calendar_refuses_future (today);
  assert_local_date ();

  /* Someone else accepted: their name and email are needed */
  g_assert_false (gtk_widget_get_visible (page_child ("agreement_first_name_row")));
  g_assert_true (gtk_widget_activate (page_child ("agreement_other_row")));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, page_child ("agreement_first_name_row"), 3000));
  type_into ("agreement_first_name_row", "Alex");
  type_into ("agreement_last_name_row", "Wu");
  type_into ("agreement_email_row", "alex@contoso");
  assert_issue ("agreement_email_issue", "contact.email-format");
  type_into ("agreement_email_row", "alex@contoso.example");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("agreement_email_issue"), 100));

  /* A state by name (from an imported draft) gets its code in one click */
  onramp_customer_set_field (customer, ONRAMP_FIELD_STATE, "Washington");
  assert_issue ("state_issue", "address.state-unknown");
  g_assert_true (gtk_widget_activate (onramp_test_get_child (page_child ("state_issue"), ONRAMP_TYPE_ISSUE_ROW, "suggestion_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("state_issue"), 3000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_STATE), ==, "WA");

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 1000));
  assert_unique_mnemonics ();
  screenshots ("account-us");
}

/* What the remote availability check will report, shown on the row; a
 * taken prefix blocks Next like any other error */
static void
test_domain_status (void)
{
  OnrampAccountPage *page = ONRAMP_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app)));
  GtkWidget *spinner = page_child ("domain_spinner");
  GtkWidget *icon = page_child ("domain_status_icon");
  const char *prefix = onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_DOMAIN_PREFIX);

  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_false (gtk_widget_get_visible (icon));
  g_assert_true (gtk_widget_is_sensitive (onramp_test_next_button (app)));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_CHECKING);
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_TAKEN);
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (gtk_widget_get_visible (icon));
  assert_issue ("domain_issue", "domain.taken");
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));

  onramp_account_page_set_domain_status (page, prefix, ONRAMP_DOMAIN_STATUS_AVAILABLE);
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("domain_issue"), 100));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "emblem-ok-symbolic");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 1000));

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
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (page_child ("registration_sample_label"))), !=, "");
  assert_unique_mnemonics ();
  gtk_widget_grab_focus (row);
  onramp_test_iterate (300);
  screenshot ("account-br");

  choose ("country_row", "united states", "US");
  g_assert_false (gtk_widget_get_visible (row));
  choose ("state_choice_row", "washington", "WA");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 1000));
}

static void
test_forced_next_focuses_first_invalid_row (void)
{
  GtkWidget *city_row = page_child ("city_row");

  type_into ("city_row", "");
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  gtk_widget_grab_focus (page_child ("company_name_row"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.try-next", NULL));
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app))));
  g_assert_true (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("city_issue"))));
  g_assert_true (focus_is_in (city_row));

  /* Fixed, the keyboard's Next moves on */
  type_into ("city_row", "Redmond");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 1000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.try-next", NULL));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)widget_unmapped, city_row, 3000));
}

/* Remote checks ----------------------------------------------------------- */

static OnrampAuth *
get_auth (void)
{
  return onramp_application_get_auth (app);
}

static gboolean
signed_in (gpointer data)
{
  return onramp_auth_get_state (get_auth ()) == ONRAMP_AUTH_STATE_SIGNED_IN;
}

static gboolean
signed_out (gpointer data)
{
  return onramp_auth_get_state (get_auth ()) == ONRAMP_AUTH_STATE_SIGNED_OUT;
}

static gboolean
label_is (gpointer label)
{
  return g_strcmp0 (gtk_label_get_label (label), g_object_get_data (label, "expected")) == 0;
}

static void
wait_for_label (GtkWidget  *label,
                const char *expected)
{
  g_object_set_data_full (G_OBJECT (label), "expected", g_strdup (expected), g_free);
  if (!onramp_test_wait_for (label_is, label, 10000))
    g_error ("The label says “%s”, not “%s”", gtk_label_get_label (GTK_LABEL (label)), expected);
}

static gboolean
row_title_is (gpointer row)
{
  return g_strcmp0 (adw_preferences_row_get_title (row), g_object_get_data (row, "expected")) == 0;
}

static void
wait_for_row_title (GtkWidget  *row,
                    const char *expected)
{
  g_object_set_data_full (G_OBJECT (row), "expected", g_strdup (expected), g_free);
  if (!onramp_test_wait_for (row_title_is, row, 10000))
    g_error ("The row says “%s”, not “%s”", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), expected);
}

static gboolean
on_other_page (gpointer data)
{
  return !ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app)));
}

static gboolean
on_account_page (gpointer data)
{
  return ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app)));
}

static gboolean
domain_available (gpointer page)
{
  return onramp_account_page_get_domain_status (page) == ONRAMP_DOMAIN_STATUS_AVAILABLE;
}

static OnrampAccountPage *
account_page (void)
{
  return ONRAMP_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app)));
}

/* Next moves on, then Back returns */
static void
assert_next_moves_on (void)
{
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (on_other_page, NULL, 10000));
  /* The next page may be busy loading a moment (its list, from the
   * service or the cache); Back is offered once it is not */
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive,
                                       gtk_widget_get_template_child (GTK_WIDGET (onramp_test_get_assistant (app)),
                                                                      ONRAMP_TYPE_ASSISTANT, "back_button"),
                                       10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.back", NULL));
  g_assert_true (onramp_test_wait_for (on_account_page, NULL, 3000));
}

/* Types into an address row, then leaves the address block for the
 * company name: the check runs on leaving */
static void
edit_address_and_leave (const char *row_name,
                        const char *text)
{
  type_into (row_name, text);
  onramp_test_iterate (50);
  gtk_widget_grab_focus (page_child ("company_name_row"));
}

/* A button's activation (Enter, Space) clicks it a moment later */
static void
press (const char *name)
{
  g_assert_true (gtk_widget_activate (page_child (name)));
  onramp_test_iterate (400);
}

static OnrampRelationshipDialog *
find_relationship_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ONRAMP_IS_RELATIONSHIP_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ONRAMP_RELATIONSHIP_DIALOG (window);
    }

  return NULL;
}

static OnrampRelationshipDialog *relationship_dialog;

static void sign_out (void);

/* Signed out: the remote checks say when they will run, and block nothing */
static void
test_signed_out (void)
{
  GtkWidget *note = page_child ("domain_note_label");
  g_autofree char *screenshot_name = NULL;
  GtkStack *stack;

  /* A session an earlier run left in the keyring goes first */
  if (!signed_out (NULL))
    sign_out ();
  g_assert_true (onramp_test_wait_for (signed_out, NULL, 5000));

  type_into ("domain_row", "contosopharma");
  wait_for_label (note, _("Sign in to check availability. It is checked before the customer is created."));
  g_assert_true (gtk_widget_get_mapped (page_child ("domain_note_row")));

  edit_address_and_leave ("city_row", "Redmond");
  edit_address_and_leave ("address_line1_row", "2 Microsoft Way");
  wait_for_row_title (page_child ("address_status_row"), _("Sign in to check the address"));
  g_assert_true (gtk_widget_get_mapped (page_child ("address_check_group")));
  screenshot ("account-signed-out");
  assert_next_moves_on ();

  /* The relationship request asks for a sign-in too */
  g_assert_true (gtk_widget_activate (page_child ("relationship_row")));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)find_relationship_dialog, NULL, 3000));
  relationship_dialog = g_object_ref (find_relationship_dialog ());
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (relationship_dialog),
                                                    ONRAMP_TYPE_RELATIONSHIP_DIALOG, "stack"));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)onramp_test_widget_mapped,
                                       gtk_widget_get_template_child (GTK_WIDGET (relationship_dialog),
                                                                      ONRAMP_TYPE_RELATIONSHIP_DIALOG, "error_page"),
                                       5000));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  onramp_test_iterate (200);
  screenshot_name = g_strdup_printf ("relationship-signed-out-%s.png", onramp_test_language ());
  onramp_test_save_screenshot (GTK_WIDGET (relationship_dialog), screenshot_name);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!onramp_auth_sign_in_finish (ONRAMP_AUTH (object), result, &error))
    g_error ("Sign-in failed: %s", error->message);
}

static gboolean
has_url (gpointer dialog)
{
  return onramp_relationship_dialog_get_url (dialog) != NULL;
}

static char *clipboard_text;

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (clipboard_text == NULL)
    clipboard_text = g_strdup ("");
}

static gboolean
has_clipboard_text (gpointer data)
{
  return clipboard_text != NULL;
}

static char *
copy_and_read (GtkWidget  *widget,
               const char *action)
{
  g_clear_pointer (&clipboard_text, g_free);
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read_cb, NULL);
  g_assert_true (onramp_test_wait_for (has_clipboard_text, NULL, 5000));

  return g_steal_pointer (&clipboard_text);
}

/* Signing in with the relationship dialog open fetches the link, shown
 * with a copy button and an email to send */
static void
test_sign_in_and_relationship_link (void)
{
  OnrampRelationshipDialog *dialog = relationship_dialog;
  g_autofree char *link = NULL;
  g_autofree char *email = NULL;
  g_autofree char *screenshot_name = g_strdup_printf ("relationship-%s.png", onramp_test_language ());
  GtkWidget *link_label;

  g_assert_nonnull (dialog);
  onramp_auth_sign_in_async (get_auth (), NULL, on_signed_in_cb, NULL);
  g_assert_true (onramp_test_wait_for (signed_in, NULL, 20000));
  g_test_message ("Signed in as %s", onramp_auth_get_account (get_auth ()));

  g_assert_true (onramp_test_wait_for (has_url, dialog, 10000));
  g_test_message ("Link: %s", onramp_relationship_dialog_get_url (dialog));
  link_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), ONRAMP_TYPE_RELATIONSHIP_DIALOG, "link_label"));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, link_label, 3000));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (link_label)),
                                   "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship"));

  link = copy_and_read (GTK_WIDGET (dialog), "relationship.copy-link");
  g_assert_cmpstr (link, ==, onramp_relationship_dialog_get_url (dialog));

  /* The email carries the link and who sends it, in the user's language */
  email = copy_and_read (GTK_WIDGET (dialog), "relationship.copy-email");
  g_assert_nonnull (strstr (email, link));
  g_assert_nonnull (strstr (email, onramp_auth_get_account (get_auth ())));
  g_assert_true (g_str_has_prefix (email, _("Hello,")));

  onramp_test_iterate (300);
  onramp_test_save_screenshot (GTK_WIDGET (dialog), screenshot_name);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 600);
  onramp_test_iterate (300);
  g_free (screenshot_name);
  screenshot_name = g_strdup_printf ("relationship-360-%s.png", onramp_test_language ());
  onramp_test_save_screenshot (GTK_WIDGET (dialog), screenshot_name);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&relationship_dialog);

  /* Signed in, what could not be checked is checked now */
  g_assert_true (onramp_test_wait_for (domain_available, account_page (), 10000));
  wait_for_row_title (page_child ("address_status_row"), _("Address verified"));
}

/* A taken prefix: the spinner while asking, "taken", and free
 * alternatives one click away */
static void
test_domain_taken_offers_alternatives (void)
{
  OnrampAccountPage *page = account_page ();
  GtkWidget *spinner = page_child ("domain_spinner");
  GtkWidget *alternative = page_child ("domain_alternative1");
  g_autofree char *expected = NULL;

  /* A check superseded by new typing is dropped: "fabrikam" is taken,
   * but only the free prefix typed after it is answered */
  type_into ("domain_row", "fabrikam");
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)gtk_widget_get_visible, spinner, 3000));
  type_into ("domain_row", "fabrikamdemo");
  g_assert_true (onramp_test_wait_for (domain_available, page, 10000));
  onramp_test_iterate (500);
  g_assert_cmpint (onramp_account_page_get_domain_status (page), ==, ONRAMP_DOMAIN_STATUS_AVAILABLE);
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));
  expected = g_strdup_printf (_("%s.onmicrosoft.com is available."), "fabrikamdemo");
  wait_for_label (page_child ("domain_note_label"), expected);
  g_clear_pointer (&expected, g_free);

  type_into ("domain_row", "contoso");
  /* Not on the first keystroke: the check waits for a pause */
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition)gtk_widget_get_visible, spinner, 3000));
  assert_issue ("domain_issue", "domain.taken");
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, alternative, 10000));
  /* The customer's country first: contoso + us */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (alternative)), ==, "contosous.onmicrosoft.com");
  g_assert_true (gtk_widget_get_mapped (page_child ("domain_alternative2")));
  g_assert_true (gtk_widget_get_mapped (page_child ("domain_alternative3")));
  wait_for_label (page_child ("domain_note_label"), _("These are free: use one, or type another prefix."));
  gtk_widget_grab_focus (page_child ("domain_alternative_button1"));
  onramp_test_iterate (200);
  screenshots ("account-domain-taken");

  press ("domain_alternative_button1");
  g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_DOMAIN_PREFIX), ==, "contosous");
  g_assert_true (onramp_test_wait_for (domain_available, page, 3000));
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, page_child ("domain_issue"), 3000));
  g_assert_false (gtk_widget_get_visible (alternative));
  expected = g_strdup_printf (_("%s.onmicrosoft.com is available."), "contosous");
  wait_for_label (page_child ("domain_note_label"), expected);
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 3000));
}

/* The row's subtitle label, whose label keeps the markup */
static gboolean
is_subtitle_label (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "subtitle");
}

static GtkLabel *
find_subtitle_label (GtkWidget *widget)
{
  return GTK_LABEL (onramp_test_find_descendant (widget, is_subtitle_label, NULL));
}

static gboolean
subtitle_contains (AdwActionRow *row,
                   const char   *text)
{
  GtkLabel *label = find_subtitle_label (GTK_WIDGET (row));

  g_assert_nonnull (label);
  if (strstr (gtk_label_get_label (label), text) != NULL)
    return TRUE;

  g_test_message ("The subtitle is “%s”", gtk_label_get_label (label));
  return FALSE;
}

/* The service's suggestion, beside what was entered: "Keep what I
 * entered" goes on, "Use suggested" writes the record */
static void
test_address_suggestion (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  AdwActionRow *entered = ADW_ACTION_ROW (page_child ("address_entered_row"));
  AdwActionRow *suggested = ADW_ACTION_ROW (page_child ("address_suggestion1"));

  /* The demo server suggests capitals for an address in lower case */
  edit_address_and_leave ("address_line1_row", "2 microsoft way");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, suggested, 10000));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (entered)));
  g_assert_true (subtitle_contains (entered, "2 microsoft way"));
  /* What differs is in bold, and said to assistive technologies */
  g_assert_true (subtitle_contains (suggested, "<b>2 Microsoft Way</b>"));
  g_assert_true (subtitle_contains (suggested, "Redmond"));
  g_assert_false (gtk_widget_get_visible (page_child ("address_suggestion2")));
  g_assert_true (gtk_widget_get_mapped (page_child ("address_keep_button")));
  /* The street's own row offers the change too, as a warning */
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_showing, page_child ("address_line1_issue"), 3000));
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (ONRAMP_ISSUE_ROW (page_child ("address_line1_issue")))),
                   ==, "address.suggestion");
  g_assert_false (gtk_widget_has_css_class (page_child ("address_line1_row"), "error"));
  screenshots ("account-address-suggestion");

  /* Next waits for the choice, and puts the focus on it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  onramp_test_iterate (300);
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app))));
  g_assert_true (focus_is_in (page_child ("address_use_button1")));

  /* Keeping it goes on, the address as entered */
  g_assert_true (gtk_widget_activate (page_child ("address_keep_button")));
  g_assert_true (onramp_test_wait_for (on_other_page, NULL, 5000));
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE1), ==, "2 microsoft way");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.back", NULL));
  g_assert_true (onramp_test_wait_for (on_account_page, NULL, 3000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggested)));
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("address_line1_issue"))));

  /* Another address, another check; this time the suggestion is used */
  edit_address_and_leave ("city_row", "redmond city");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, suggested, 10000));
  g_assert_true (subtitle_contains (suggested, "<b>Redmond City</b>"));
  press ("address_use_button1");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE1), ==, "2 Microsoft Way");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_CITY), ==, "Redmond City");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child ("city_row"))), ==, "Redmond City");
  wait_for_row_title (page_child ("address_status_row"), _("Using the suggested address"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggested)));
  /* Taken: no second check, no question on Next */
  assert_next_moves_on ();
}

/* Several matches: three suggestions, and warnings on the rows concerned */
static void
test_address_several_suggestions (void)
{
  edit_address_and_leave ("city_row", "Springfield");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, page_child ("address_suggestion3"), 10000));
  g_assert_true (gtk_widget_get_mapped (page_child ("address_suggestion2")));
  g_assert_true (subtitle_contains (ADW_ACTION_ROW (page_child ("address_suggestion1")), "<b>IL</b>"));
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (ONRAMP_ISSUE_ROW (page_child ("postal_code_issue")))),
                   ==, "address.unverified");
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (ONRAMP_ISSUE_ROW (page_child ("city_issue")))),
                   ==, "address.unverified");
  screenshots ("account-address-multiple");

  /* The second one, then back to where the customer really is */
  press ("address_use_button2");
  g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_STATE), ==, "MA");
  g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_POSTAL_CODE), ==, "01101");
  g_assert_null (onramp_issue_row_get_issue (ONRAMP_ISSUE_ROW (page_child ("city_issue"))));

  choose ("state_choice_row", "washington", "WA");
  type_into ("postal_code_row", "98052");
  edit_address_and_leave ("city_row", "Redmond");
  wait_for_row_title (page_child ("address_status_row"), _("Address verified"));
}

static gboolean
page_busy (gpointer page)
{
  return onramp_page_get_busy (page);
}

static gboolean
page_idle (gpointer page)
{
  return !onramp_page_get_busy (page);
}

/* Next waits for the address check with the page busy; an edit meanwhile
 * keeps the user on the page, and Next works again */
static void
test_edit_while_next_waits (void)
{
  OnrampPage *page = ONRAMP_PAGE (account_page ());

  type_into ("city_row", "Kirkland");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (page_busy, page, 3000));
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));

  type_into ("city_row", "Redmond");
  g_assert_true (onramp_test_wait_for (page_idle, page, 3000));
  onramp_test_iterate (500);
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_assistant_get_current_page (onramp_test_get_assistant (app))));
  assert_next_moves_on ();
}

/* No answer from the service: "will be checked when online", and Next
 * still goes on */
static void
test_offline (void)
{
  OnrampPartnerClient *client = onramp_application_get_partner_client (app);
  g_autofree char *url = g_strdup (onramp_partner_client_get_base_url (client));

  /* Nothing listens on port 1: the connection is refused */
  g_assert_true (onramp_partner_client_set_base_url (client, "http://127.0.0.1:1", NULL));
  onramp_partner_client_set_retry_policy (client, 1, 0, 0);

  type_into ("domain_row", "contosooffline");
  wait_for_label (page_child ("domain_note_label"), _("Will be checked when online."));
  g_assert_cmpint (onramp_account_page_get_domain_status (account_page ()), ==, ONRAMP_DOMAIN_STATUS_UNKNOWN);
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (page_child ("domain_issue"))));

  edit_address_and_leave ("address_line1_row", "3 Microsoft Way");
  wait_for_row_title (page_child ("address_status_row"), _("Will be checked when online"));
  screenshots ("account-offline");
  assert_next_moves_on ();

  g_assert_true (onramp_partner_client_set_base_url (client, url, NULL));
  onramp_partner_client_set_retry_policy (client, 4, 500, 60 * 1000);
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* Leave nothing in the keyring */
static void
sign_out (void)
{
  gboolean done = FALSE;

  onramp_auth_sign_out_async (get_auth (), NULL, on_signed_out_cb, &done);
  onramp_test_wait_for (is_true, &done, 10000);
}

static void
on_activate_cb (GApplication *application)
{
  test_status = g_test_run ();
  sign_out ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();
  /* Slow enough to see the domain check's spinner */
  g_setenv ("ONRAMP_DEMO_FAULTS", "HEAD /v1/domains/*=latency:300;POST /v1/validations/address=latency:300", TRUE);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/account/empty-form-and-forced-next", test_empty_form_and_forced_next);
  g_test_add_func ("/account/taiwanese-customer", test_taiwanese_customer);
  g_test_add_func ("/account/american-customer", test_american_customer);
  g_test_add_func ("/account/domain-status", test_domain_status);
  g_test_add_func ("/account/registration-number-follows-country", test_registration_number_follows_country);
  g_test_add_func ("/account/signed-out", test_signed_out);
  g_test_add_func ("/account/sign-in-and-relationship-link", test_sign_in_and_relationship_link);
  g_test_add_func ("/account/domain-taken-offers-alternatives", test_domain_taken_offers_alternatives);
  g_test_add_func ("/account/address-suggestion", test_address_suggestion);
  g_test_add_func ("/account/address-several-suggestions", test_address_several_suggestions);
  g_test_add_func ("/account/edit-while-next-waits", test_edit_while_next_waits);
  g_test_add_func ("/account/offline", test_offline);
  g_test_add_func ("/account/forced-next-focuses-first-invalid-row", test_forced_next_focuses_first_invalid_row);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  return test_status;
}

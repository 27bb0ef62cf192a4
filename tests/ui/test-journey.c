/* test-journey.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-journey"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-choice-row.h"
#include "onramp-done-page.h"
#include "onramp-issue-row.h"
#include "onramp-line-item.h"
#include "onramp-offer-row.h"
#include "onramp-preferences-window.h"
#include "onramp-reseller-page.h"
#include "onramp-reseller.h"
#include "onramp-review-page.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-submit-steps.h"
#include "onramp-subscriptions-page.h"
#include "onramp-iso-codes.h"
#include "onramp-country-database.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* The whole journey, end to end, through the real window against the
 * in-process demo server, as a user walks it: the partner type in the
 * preferences, sign-in from the header, a Taiwanese customer with two
 * subscriptions and a reseller, an American one with none, each meeting a
 * live error and fixing it, Review and Update, Submit, Done and the
 * customer on the server. Then a third customer with the keyboard alone:
 * real key events (xdotool, through XTEST) into the real window. A
 * screenshot of every page at a desktop's width and at 360 pixels.
 */

static OnrampApplication *app;
static int test_status;
static char *data_dir;

/* Finding things ----------------------------------------------------------- */

static GtkWidget *
account_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "account"), ONRAMP_TYPE_ACCOUNT_PAGE, name);
}

static GtkWidget *
review_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "review"), ONRAMP_TYPE_REVIEW_PAGE, name);
}

static GtkWidget *
done_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "done"), ONRAMP_TYPE_DONE_PAGE, name);
}

static GtkWidget *
assistant_child (const char *name)
{
  return onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, name);
}

static const char *
review_value (const char *row_name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (review_child (row_name)));
}

/* Conditions ---------------------------------------------------------------- */

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static gboolean
widget_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (assistant_child ("stack")));
}

static gboolean
domain_available (gpointer page)
{
  return onramp_account_page_get_domain_status (page) == ONRAMP_DOMAIN_STATUS_AVAILABLE;
}

static gboolean
can_submit (gpointer review)
{
  return onramp_review_page_get_can_submit (review);
}

/* Pages --------------------------------------------------------------------- */

/* The window at its width and at 360 pixels, and the whole page */
static void
screenshots (const char *what)
{
  g_autofree char *page = g_strconcat (what, "-page", NULL);

  onramp_test_wait_for (stack_settled, NULL, 2000);
  onramp_test_save_screenshots (GTK_WINDOW (onramp_test_get_window (app)), what);
  onramp_test_save_page_screenshot (GTK_WIDGET (onramp_test_current_page (app)), page);
}

static void
wait_for_page (const char *name)
{
  OnrampPage *page = onramp_test_named_page (app, name);

  if (!onramp_test_wait_for (onramp_test_page_is_current, page, 15000))
    g_error ("Still on “%s”, not on “%s”", onramp_page_get_title (onramp_test_current_page (app)), name);
  g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, page, 15000));
  onramp_test_wait_for (stack_settled, NULL, 2000);
}

/* Next as the user clicks it, once it lets them */
static void
click_next (const char *expected_page)
{
  GtkWidget *next = assistant_child ("next_button");

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, next, 10000));
  g_assert_true (gtk_widget_activate (next));
  wait_for_page (expected_page);
}

/* Typing ---------------------------------------------------------------- */

static void
type_into (const char *row_name,
           const char *text)
{
  GtkWidget *row = account_child (row_name);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Tab out of the field the focus is in */
static void
leave_field (void)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (onramp_test_get_window (app)), GTK_DIR_TAB_FORWARD));
}

static void
assert_issue (const char *issue_name,
              const char *code)
{
  OnrampIssueRow *row = ONRAMP_ISSUE_ROW (account_child (issue_name));

  if (!onramp_test_wait_for (onramp_test_issue_row_showing, row, 5000))
    g_error ("%s shows nothing, not %s", issue_name, code);
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (row)), ==, code);
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, days);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
wait_domain_available (const char *prefix)
{
  g_autofree char *expected = g_strdup_printf (_("%s.onmicrosoft.com is available."), prefix);
  GtkLabel *note = GTK_LABEL (account_child ("domain_note_label"));

  g_assert_true (onramp_test_wait_for (domain_available, onramp_test_named_page (app, "account"), 10000));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, account_child ("domain_note_row"), 3000));
  g_assert_cmpstr (gtk_label_get_label (note), ==, expected);
}

/* A test name, then leaving the field: the error shows on its row; Next
 * refuses and takes the user there; the real name clears it */
static void
meet_and_fix_name_error (const char *bad_name,
                         const char *code,
                         const char *good_name)
{
  GtkWidget *name_row = account_child ("company_name_row");
  OnrampIssueRow *issue = ONRAMP_ISSUE_ROW (account_child ("company_name_issue"));

  type_into ("company_name_row", bad_name);
  leave_field ();
  assert_issue ("company_name_issue", code);
  g_assert_cmpint (onramp_issue_get_severity (onramp_issue_row_get_issue (issue)), ==, ONRAMP_SEVERITY_ERROR);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (assistant_child ("next_button")));

  /* Pressed anyway (Ctrl+Enter): the first invalid row gets the focus */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.try-next", NULL));
  g_assert_true (onramp_test_current_page (app) == onramp_test_named_page (app, "account"));
  g_assert_true (onramp_test_focus_is_in (name_row));

  gtk_editable_set_text (GTK_EDITABLE (name_row), good_name);
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, issue, 1000));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
}

static void
accept_agreement (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  g_autofree char *date = date_from_today (-3);

  if (!onramp_customer_get_agreement_accepted (customer))
    g_assert_true (gtk_widget_activate (account_child ("agreement_accepted_row")));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition) onramp_customer_get_agreement_accepted, customer, 3000));
  type_into ("agreement_date_row", date);
}

/* Preferences and sign-in ---------------------------------------------------- */

/* A closed dialog gives the focus back to the main window: under Xvfb no
 * window manager does, and an unfocused window's app notifies instead of
 * showing (the test session has no notification server) */
static void
focus_main_window (void)
{
  onramp_test_xdotool_focus (GTK_WINDOW (onramp_test_get_window (app)));
  onramp_test_iterate (100);
}

static OnrampPreferencesWindow *
open_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *preferences = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ONRAMP_IS_PREFERENCES_WINDOW (window))
        preferences = window;
    }
  g_assert_nonnull (preferences);
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, preferences, 5000));
  return ONRAMP_PREFERENCES_WINDOW (preferences);
}

/* The user makes themselves an indirect provider: the Indirect reseller
 * step appears */
static void
choose_indirect_provider (void)
{
  OnrampPreferencesWindow *preferences = open_preferences ();
  AdwComboRow *row = ADW_COMBO_ROW (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "partner_type_row"));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *partner_type = NULL;

  adw_combo_row_set_selected (row, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (onramp_test_named_page (app, "reseller"))));
  adw_combo_row_set_selected (row, 1);
  partner_type = g_settings_get_string (settings, "partner-type");
  g_assert_cmpstr (partner_type, ==, "indirect");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (onramp_test_named_page (app, "reseller"))));
  gtk_window_destroy (GTK_WINDOW (preferences));
  focus_main_window ();
}

static GtkWidget *
find_sign_in_dialog (gpointer unused)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ONRAMP_IS_SIGN_IN_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return l->data;

  return NULL;
}

static gboolean
sign_in_dialog_gone (gpointer unused)
{
  return find_sign_in_dialog (NULL) == NULL;
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
sign_out (void)
{
  gboolean done = FALSE;

  onramp_auth_sign_out_async (onramp_application_get_auth (app), NULL, on_signed_out_cb, &done);
  onramp_test_wait_for (is_true, &done, 10000);
}

/* The header's account button, its "Sign In…" item, the device-code
 * dialog (the demo server approves it by itself) */
static void
sign_in_from_header (void)
{
  OnrampAuth *auth = onramp_application_get_auth (app);
  GtkWidget *account_button = onramp_test_get_child (onramp_test_get_window (app), ONRAMP_TYPE_WINDOW, "account_button");
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_first_child (account_button));
  GtkWidget *popover;
  GtkWidget *item;
  g_autofree char *shot = g_strdup_printf ("journey-sign-in-%s.png", onramp_test_language ());

  if (onramp_test_auth_signed_in (auth))
    sign_out ();

  gtk_menu_button_popup (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, popover, 3000));
  item = onramp_test_find_menu_item (popover, _("_Sign In…"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_activate (item));

  g_assert_true (onramp_test_wait_for ((OnrampTestCondition) find_sign_in_dialog, NULL, 5000));
  onramp_test_iterate (300);
  onramp_test_save_screenshot (find_sign_in_dialog (NULL), shot);
  g_assert_true (onramp_test_wait_for (onramp_test_auth_signed_in, auth, 20000));
  g_assert_true (onramp_test_wait_for (sign_in_dialog_gone, NULL, 5000));
  focus_main_window ();
}

/* Reseller and subscriptions ------------------------------------------------ */

static GtkWidget *
reseller_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "reseller"), ONRAMP_TYPE_RESELLER_PAGE, name);
}

static GtkWidget *
subscriptions_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "subscriptions"), ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, name);
}

static void
search (GtkWidget  *entry,
        const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits for a typing pause: end it */
  g_signal_emit_by_name (entry, "search-changed");
  onramp_test_iterate (100);
}

/* Clicks the reseller named @name in the searched list */
static void
choose_reseller (const char *search_text,
                 const char *name)
{
  GtkListView *view = GTK_LIST_VIEW (reseller_child ("list_view"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  guint position = GTK_INVALID_LIST_POSITION;

  search (reseller_child ("search_entry"), search_text);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OnrampReseller) reseller = g_list_model_get_item (model, i);

      if (g_strcmp0 (onramp_reseller_get_name (reseller), name) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "list.select-item", "(ubb)", position, FALSE, FALSE));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (reseller_child ("choice_label"))), name));
}

static gboolean
plans_shown (gpointer data)
{
  GtkWidget *list = subscriptions_child ("plans_list");

  return !onramp_page_get_busy (onramp_test_named_page (app, "subscriptions")) && gtk_widget_get_visible (list) &&
         onramp_test_find_actionable (list, "subscriptions.add") != NULL;
}

static gboolean
has_n_items (gpointer model)
{
  return g_list_model_get_n_items (model) == GPOINTER_TO_UINT (g_object_get_data (model, "expected"));
}

/* Searches the catalog, clicks the first product, then its first plan's Add */
static void
add_offer (const char *search_text)
{
  GtkListView *view = GTK_LIST_VIEW (subscriptions_child ("catalog_view"));
  GListModel *line_items = onramp_customer_get_line_items (onramp_test_get_customer (app));
  guint before = g_list_model_get_n_items (line_items);
  GtkWidget *add_button;

  search (subscriptions_child ("search_entry"), search_text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "list.select-item", "(ubb)", 0, FALSE, FALSE));
  g_assert_true (onramp_test_wait_for (plans_shown, NULL, 15000));

  add_button = onramp_test_find_actionable (subscriptions_child ("plans_list"), "subscriptions.add");
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_is_sensitive (add_button));
  g_assert_true (gtk_widget_activate (add_button));
  /* A button's activation clicks it a moment later */
  g_object_set_data (G_OBJECT (line_items), "expected", GUINT_TO_POINTER (before + 1));
  g_assert_true (onramp_test_wait_for (has_n_items, line_items, 3000));
}

static OnrampOfferRow *
offer_row (guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (subscriptions_child ("offers_list")), index);

  g_assert_true (ONRAMP_IS_OFFER_ROW (row));
  return ONRAMP_OFFER_ROW (row);
}

/* Types a quantity inside the offer's range and presses Enter */
static void
set_quantity (guint index)
{
  OnrampOfferRow *row = offer_row (index);
  OnrampLineItem *item = onramp_offer_row_get_item (row);
  GtkWidget *spin = onramp_test_get_child (row, ONRAMP_TYPE_OFFER_ROW, "quantity_spin");
  guint quantity = CLAMP (12, onramp_line_item_get_minimum_quantity (item), onramp_line_item_get_maximum_quantity (item));
  g_autofree char *text = g_strdup_printf ("%u", quantity);

  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  /* Enter in its text */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, quantity);
  /* The term shows what the record has, not GTK's “(None)” */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (onramp_test_get_child (row, ONRAMP_TYPE_OFFER_ROW, "term_dropdown"))),
                    !=, GTK_INVALID_LIST_POSITION);
}

/* Done and the server --------------------------------------------------------- */

static gboolean
steps_have_title (const char *title)
{
  GtkListBox *steps = GTK_LIST_BOX (done_child ("steps_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (steps, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;

  return FALSE;
}

static guint
n_steps_shown (void)
{
  GtkListBox *steps = GTK_LIST_BOX (done_child ("steps_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (steps, n) != NULL)
    n++;
  return n;
}

typedef struct
{
  gboolean    done;
  JsonObject *customer;
  GError     *error;
} Lookup;

static void
on_customer_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->customer = onramp_partner_client_get_customer_finish (ONRAMP_PARTNER_CLIENT (object), result, &lookup->error);
  lookup->done = TRUE;
}

static void
on_client_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &lookup->error);
  if (client == NULL)
    {
      lookup->done = TRUE;
      return;
    }
  onramp_partner_client_get_customer_async (client, g_object_get_data (G_OBJECT (object), "customer-id"),
                                            NULL, on_customer_cb, lookup);
}

/* The demo server knows the customer Done names */
static void
assert_server_has_customer (const char *customer_id,
                            const char *company,
                            const char *domain)
{
  Lookup lookup = { FALSE, NULL, NULL };
  JsonObject *billing;
  JsonObject *profile;

  g_object_set_data_full (G_OBJECT (app), "customer-id", g_strdup (customer_id), g_free);
  onramp_application_ready_client_async (app, NULL, on_client_ready_cb, &lookup);
  g_assert_true (onramp_test_wait_for (is_true, &lookup.done, 10000));
  g_assert_no_error (lookup.error);
  g_assert_nonnull (lookup.customer);

  g_assert_cmpstr (json_object_get_string_member (lookup.customer, "id"), ==, customer_id);
  billing = json_object_get_object_member (lookup.customer, "billingProfile");
  profile = json_object_get_object_member (lookup.customer, "companyProfile");
  g_assert_cmpstr (json_object_get_string_member (billing, "companyName"), ==, company);
  g_assert_cmpstr (json_object_get_string_member (profile, "domain"), ==, domain);
  json_object_unref (lookup.customer);
}

/* Done: the id, the domain, the administrator and the password, a line
 * for every step of the plan; and the customer on the server */
static void
assert_done (const char *company,
             const char *prefix)
{
  OnrampDonePage *done = ONRAMP_DONE_PAGE (onramp_test_named_page (app, "done"));
  const char *customer_id = onramp_done_page_get_customer_id (done);
  g_autofree char *domain = g_strconcat (prefix, ".onmicrosoft.com", NULL);
  g_autofree char *admin = g_strconcat ("admin@", domain, NULL);

  g_assert_true (g_uuid_string_is_valid (customer_id));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("customer_id_row"))), ==, customer_id);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("domain_row"))), ==, domain);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("user_name_row"))), ==, admin);
  g_assert_true (onramp_done_page_has_password (done));
  g_assert_cmpuint (strlen (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("password_row")))), >=, 8);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (done_child ("company_label"))), ==, company);

  /* Local checks, address, domain, creation, agreement, cart, order, status */
  g_assert_cmpuint (n_steps_shown (), ==, ONRAMP_SUBMIT_STEP_DONE);
  g_assert_true (steps_have_title (_("Customer created")));
  g_assert_true (steps_have_title (_("Microsoft Customer Agreement confirmed")));
  g_assert_false (steps_have_title (_("Step completed")));

  assert_server_has_customer (customer_id, company, domain);
}

/* Review --------------------------------------------------------------------- */

static gboolean
review_contains (gpointer data)
{
  const char * const *args = data;

  return strstr (review_value (args[0]), args[1]) != NULL;
}

static void
assert_review_shows (const char *row_name,
                     const char *text)
{
  const char *args[] = { row_name, text };

  if (!onramp_test_wait_for (review_contains, args, 3000))
    g_error ("Review’s %s says “%s”, without “%s”", row_name, review_value (row_name), text);
}

/* Update on a section, a change there, and back to Review, which shows it */
static void
update_email (const char *email)
{
  g_autofree char *back_label = g_strdup_printf (_("Retur_n to %s"), _("Review"));

  g_assert_true (gtk_widget_activate (review_child ("account_update_button")));
  wait_for_page ("account");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (assistant_child ("next_button"))), ==, back_label);
  type_into ("email_row", email);
  click_next ("review");
  assert_review_shows ("contact_row", email);
}

/* The journeys ---------------------------------------------------------------- */

/* As the user sets things up: an indirect provider, signed in */
static void
test_settings_and_sign_in (void)
{
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, onramp_test_get_window (app), 5000));
  choose_indirect_provider ();
  sign_in_from_header ();
  g_assert_true (onramp_test_current_page (app) == onramp_test_named_page (app, "account"));
}

static void
test_taiwanese_journey (void)
{
  OnrampCustomer *customer;
  OnrampPage *review = onramp_test_named_page (app, "review");
  GListModel *line_items;

  wait_for_page ("account");
  customer = onramp_test_get_customer (app);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME), ==, "");

  /* zh_TW starts in Taiwan; elsewhere the user picks it */
  if (g_strcmp0 (onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY), "TW") != 0)
    g_assert_cmpstr (onramp_test_choose (account_child ("country_row"), "taiwan"), ==, "TW");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_CULTURE), ==, "zh-TW");

  meet_and_fix_name_error ("Test Company", "legal-name.test-name", "台灣好物股份有限公司");

  type_into ("domain_row", "formosagoods");
  wait_domain_available ("formosagoods");

  /* Postal code first, then the county or city from the list */
  type_into ("postal_code_row", "106001");
  g_assert_cmpstr (onramp_test_choose (account_child ("state_choice_row"), "TPE"), ==, "TPE");
  type_into ("city_row", "大安區");
  type_into ("address_line1_row", "敦化南路二段100號");
  type_into ("first_name_row", "美玲");
  type_into ("last_name_row", "林");
  type_into ("email_row", "meiling@formosagoods.example");
  type_into ("phone_row", "0227208889");
  accept_agreement ();
  screenshots ("journey-tw-account");
  click_next ("reseller");

  choose_reseller ("litware", "Litware Taiwan");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID), ==,
                   "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e09");
  screenshots ("journey-tw-reseller");
  click_next ("subscriptions");

  add_offer ("business premium");
  add_offer ("exchange online");
  line_items = onramp_customer_get_line_items (customer);
  g_assert_cmpuint (g_list_model_get_n_items (line_items), ==, 2);
  set_quantity (0);
  screenshots ("journey-tw-subscriptions");
  click_next ("review");

  /* Every section in the words typed */
  g_assert_true (onramp_test_wait_for (can_submit, review, 5000));
  assert_review_shows ("company_row", "台灣好物股份有限公司");
  g_assert_cmpstr (review_value ("domain_row"), ==, "formosagoods.onmicrosoft.com");
  assert_review_shows ("address_row", "106001");
  assert_review_shows ("address_row", "敦化南路二段100號");
  assert_review_shows ("contact_row", "meiling@formosagoods.example");
  /* The family name first, the Chinese way */
  assert_review_shows ("contact_row", "林美玲");
  assert_review_shows ("reseller_row", "Litware Taiwan");
  /* Language and culture by name, as Account info shows them, not codes */
  {
    g_autofree char *culture = onramp_country_database_dup_culture_name (onramp_country_database_get_default (), "zh-TW");

    assert_review_shows ("language_row", onramp_iso_codes_language_name ("zh"));
    assert_review_shows ("language_row", culture);
    g_assert_null (strstr (review_value ("language_row"), "zh-TW"));
  }
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (review_child ("subscriptions_list")), 1));
  /* The quantity chosen after adding the offer */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (review_child ("subscriptions_list")), 0);
    OnrampLineItem *item = g_list_model_get_item (line_items, 0);
    guint quantity = onramp_line_item_get_quantity (item);
    g_autofree char *expected = g_strdup_printf (ngettext ("%u license", "%u licenses", quantity), quantity);

    g_object_unref (item);
    g_assert_cmpuint (quantity, >, 1);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), expected));
  }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (assistant_child ("next_button"))), ==, _("_Submit"));
  screenshots ("journey-tw-review");

  update_email ("service@formosagoods.example");
  g_assert_true (onramp_test_wait_for (can_submit, review, 5000));

  click_next ("done");
  assert_done ("台灣好物股份有限公司", "formosagoods");
  g_assert_true (steps_have_title (_("Subscriptions ordered")));
  screenshots ("journey-tw-done");
}

static void
test_american_journey (void)
{
  OnrampCustomer *customer;
  OnrampPage *review = onramp_test_named_page (app, "review");
  AdwActionRow *suggested = ADW_ACTION_ROW (account_child ("address_suggestion1"));
  g_autofree char *cart_skipped = NULL;

  /* The next customer, from Done */
  g_assert_true (gtk_widget_activate (done_child ("add_another_button")));
  wait_for_page ("account");
  customer = onramp_test_get_customer (app);
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME), ==, "");

  g_assert_cmpstr (onramp_test_choose (account_child ("country_row"), "united states"), ==, "US");
  meet_and_fix_name_error ("Inc.", "legal-name.legal-form-only", "Contoso Journey Incorporated");

  type_into ("domain_row", "contosojourney");
  wait_domain_available ("contosojourney");

  /* A street in lower case: the service suggests capitals, and one click
   * takes them */
  type_into ("address_line1_row", "2 microsoft way");
  type_into ("city_row", "Redmond");
  g_assert_cmpstr (onramp_test_choose (account_child ("state_choice_row"), "washington"), ==, "WA");
  type_into ("postal_code_row", "98052");
  /* On to the contact: the address is checked once the user leaves it */
  type_into ("first_name_row", "Jane");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, suggested, 10000));
  screenshots ("journey-us-address-suggestion");
  g_assert_true (gtk_widget_activate (account_child ("address_use_button1")));
  onramp_test_iterate (400);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (account_child ("address_line1_row"))), ==, "2 Microsoft Way");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ADDRESS_LINE1), ==, "2 Microsoft Way");

  type_into ("last_name_row", "Doe");
  type_into ("email_row", "jane@contoso.example");
  type_into ("phone_row", "4255550101");
  accept_agreement ();
  screenshots ("journey-us-account");
  click_next ("reseller");

  /* A direct customer: nobody to choose, and the Taiwanese customer's
   * search for a reseller is gone */
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (onramp_test_get_child (onramp_test_current_page (app),
                                                                               ONRAMP_TYPE_RESELLER_PAGE,
                                                                               "search_entry"))), ==, "");
  screenshots ("journey-us-reseller");
  click_next ("subscriptions");
  g_assert_cmpuint (g_list_model_get_n_items (onramp_customer_get_line_items (customer)), ==, 0);
  /* The page starts at its top, not where the Taiwanese customer left it */
  {
    GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (onramp_test_current_page (app)));

    g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))),
                       ==, 0);
  }
  screenshots ("journey-us-subscriptions");
  click_next ("review");

  g_assert_true (onramp_test_wait_for (can_submit, review, 5000));
  assert_review_shows ("company_row", "Contoso Journey Incorporated");
  assert_review_shows ("address_row", "2 Microsoft Way");
  assert_review_shows ("address_row", "98052");
  assert_review_shows ("reseller_row", _("None — direct customer"));
  screenshots ("journey-us-review");

  click_next ("done");
  assert_done ("Contoso Journey Incorporated", "contosojourney");
  /* No subscriptions: the order steps say they did not run, and why */
  cart_skipped = onramp_submit_step_dup_skipped_label (ONRAMP_SUBMIT_STEP_CART, _("no subscriptions chosen; nothing sent"));
  g_assert_true (steps_have_title (cart_skipped));
  g_assert_false (steps_have_title (_("Order prepared")));
  g_assert_false (steps_have_title (_("Subscriptions ordered")));
  screenshots ("journey-us-done");
}

/* Keyboard only ------------------------------------------------------------- */

static void
key (const char *keys)
{
  onramp_test_xdotool ("key", "--clearmodifiers", keys, NULL);
}

static void
type_text (const char *text)
{
  onramp_test_xdotool ("type", "--delay", "15", text, NULL);
}

static gboolean
focus_in (gpointer widget)
{
  return onramp_test_focus_is_in (widget);
}

/* Waits for the focus to reach @widget, saying where it is instead */
static void
expect_focus (GtkWidget  *widget,
              const char *what)
{
  if (!onramp_test_wait_for (focus_in, widget, 3000))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (onramp_test_get_window (app)));

      g_autoptr(GString) path = g_string_new (NULL);

      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (path, " < %s%s%s", G_OBJECT_TYPE_NAME (w),
                                GTK_IS_BUILDABLE (w) && gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) ? " " : "",
                                GTK_IS_BUILDABLE (w) && gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : "");
      g_error ("The focus should be in %s, but is on%s", what, focus ? path->str : " nothing");
    }
}

static gboolean
text_is (gpointer widget)
{
  return g_strcmp0 (gtk_editable_get_text (widget), g_object_get_data (widget, "expected")) == 0;
}

/* The row's own underlined letter, then the text, typed */
static void
key_type_into (const char *row_name,
               const char *text)
{
  GtkWidget *row = account_child (row_name);
  g_autofree char *mnemonic = onramp_test_mnemonic_key (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  if (mnemonic != NULL)
    {
      key (mnemonic);
      expect_focus (row, row_name);
    }
  else
    g_assert_true (onramp_test_focus_is_in (row));
  key ("ctrl+a");
  type_text (text);
  g_object_set_data_full (G_OBJECT (row), "expected", g_strdup (text), g_free);
  if (!onramp_test_wait_for (text_is, row, 5000))
    g_error ("%s says “%s”, not the “%s” typed", row_name, gtk_editable_get_text (GTK_EDITABLE (row)), text);
}

/* Tab, and the focus is in @row_name */
static void
tab_to (const char *row_name)
{
  GtkWidget *row = account_child (row_name);

  /* One Tab per row, a list's row too (its arrow is no stop of its own) */
  key ("Tab");
  expect_focus (row, row_name);
}

static gboolean
choice_is (gpointer row)
{
  return g_strcmp0 (onramp_choice_row_get_value (row), g_object_get_data (row, "expected")) == 0;
}

/* The focused row's list is open: the search goes to its entry as GTK
 * delivers typing (its text), and Enter (its activate signal) */
static void
choose_in_open_list (const char *row_name,
                     const char *search_text,
                     const char *expected)
{
  GtkWidget *row = account_child (row_name);
  GtkWidget *popover = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "popover");
  GtkWidget *entry = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "search_entry");
  GtkWidget *focus;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, popover, 3000));
  expect_focus (entry, "the search entry");
  focus = gtk_root_get_focus (GTK_ROOT (onramp_test_get_window (app)));
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), search_text);
  g_signal_emit_by_name (focus, "activate");

  g_object_set_data_full (G_OBJECT (row), "expected", g_strdup (expected), g_free);
  if (!onramp_test_wait_for (choice_is, row, 5000))
    g_error ("%s chose “%s”, not %s", row_name, onramp_choice_row_get_value (ONRAMP_CHOICE_ROW (row)), expected);
  g_assert_true (onramp_test_wait_for (widget_unmapped, popover, 3000));
  expect_focus (row, row_name);
}

/* Ctrl+Enter's path: the assistant.try-next action its binding calls */
static void
key_next (const char *expected_page)
{
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, assistant_child ("next_button"), 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.try-next", NULL));
  wait_for_page (expected_page);
}

/* Tab's path: GtkWindow's binding calls gtk_widget_child_focus() */
static void
focus_tab_to (const char *row_name)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (onramp_test_get_window (app)), GTK_DIR_TAB_FORWARD));
  expect_focus (account_child (row_name), row_name);
}

/* The keyboard alone, in the real window: xdotool types, presses Tab,
 * Space, Ctrl+Enter and the underlined letters (Alt+letter) through XTEST,
 * as a user's keyboard does, and the focus must land where the user
 * expects it. The limit is Xvfb's: with no window manager, no key event
 * reaches an open popover, and after one the window's own key handling is
 * unreliable. So the two lists (country, state) come last, a list is
 * opened by its real key, and from then on the keys' own GTK paths are
 * taken: typing is the entry's text, Enter its activate signal, Tab
 * gtk_widget_child_focus(), Ctrl+Enter the assistant.try-next action,
 * Alt+letter gtk_widget_mnemonic_activate(). */
static void
test_keyboard_journey (void)
{
  GtkWindow *window = GTK_WINDOW (onramp_test_get_window (app));
  OnrampCustomer *customer;
  g_autofree char *date = date_from_today (-1);
  GtkWidget *focus;

  if (!onramp_test_xdotool_focus (window))
    {
      g_test_skip ("No X11 display or no xdotool: build-aux/setup-deps installs it");
      return;
    }
  onramp_test_iterate (300);
  wait_for_page ("account");
  customer = onramp_test_get_customer (app);

  /* A test name, then Tab: the error shows; Ctrl+Enter goes back to it */
  key_type_into ("company_name_row", "Test Company");
  tab_to ("domain_row");
  assert_issue ("company_name_issue", "legal-name.test-name");
  key ("ctrl+Return");
  expect_focus (account_child ("company_name_row"), "company_name_row");
  key_type_into ("company_name_row", "Northwind Keyboard Limited");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, account_child ("company_name_issue"), 2000));

  tab_to ("domain_row");
  key_type_into ("domain_row", "northwindkeys");
  wait_domain_available ("northwindkeys");

  /* The contact, one Tab after another, then the agreement */
  key_type_into ("first_name_row", "Nora");
  tab_to ("middle_name_row");
  tab_to ("last_name_row");
  key_type_into ("last_name_row", "Keys");
  tab_to ("email_row");
  key_type_into ("email_row", "nora@northwind.example");
  tab_to ("phone_row");
  key_type_into ("phone_row", "4255550123");
  /* Language and culture follow the country: none chosen yet (C.UTF-8),
   * nothing to choose */
  if (gtk_widget_is_visible (account_child ("language_row")) && gtk_widget_is_sensitive (account_child ("language_row")))
    {
      tab_to ("language_row");
      tab_to ("culture_row");
    }
  tab_to ("agreement_accepted_row");
  key ("space");
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition) onramp_customer_get_agreement_accepted, customer, 3000));
  tab_to ("agreement_date_row");
  key_type_into ("agreement_date_row", date);

  /* The street and the city by their underlined letters */
  key_type_into ("address_line1_row", "1 Microsoft Way");
  key_type_into ("city_row", "Redmond");

  /* The lists: the country by its letter, then the American order */
  key (onramp_test_mnemonic_key (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (account_child ("country_row")))));
  choose_in_open_list ("country_row", "united states", "US");
  gtk_widget_grab_focus (account_child ("city_row"));
  focus_tab_to ("state_choice_row");
  g_assert_true (gtk_widget_activate (account_child ("state_choice_row")));
  choose_in_open_list ("state_choice_row", "washington", "WA");
  /* One Tab stop per list row */
  focus_tab_to ("postal_code_row");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "98052");

  key_next ("reseller");
  key_next ("subscriptions");
  key_next ("review");
  g_assert_true (onramp_test_wait_for (can_submit, onramp_test_named_page (app, "review"), 5000));
  assert_review_shows ("company_row", "Northwind Keyboard Limited");
  assert_review_shows ("address_row", "98052");
  key_next ("done");
  assert_done ("Northwind Keyboard Limited", "northwindkeys");

  /* The next customer: Alt and the underlined letter of “Add Another
   * Customer” */
  g_assert_nonnull (strchr (gtk_button_get_label (GTK_BUTTON (done_child ("add_another_button"))), '_'));
  g_assert_true (gtk_widget_mnemonic_activate (done_child ("add_another_button"), FALSE));
  wait_for_page ("account");
  g_assert_true (onramp_test_get_customer (app) != customer);
}

/* Running --------------------------------------------------------------------- */

static void
on_activate_cb (GApplication *application)
{
  test_status = g_test_run ();
  sign_out ();
  g_application_quit (application);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();

  /* Drafts and submissions of this run only: a customer another run made
   * would be found already made */
  data_dir = g_dir_make_tmp ("onramp-test-journey-XXXXXX", NULL);
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/journey/settings-and-sign-in", test_settings_and_sign_in);
  g_test_add_func ("/journey/keyboard-only", test_keyboard_journey);
  g_test_add_func ("/journey/taiwanese-customer", test_taiwanese_journey);
  g_test_add_func ("/journey/american-customer", test_american_journey);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  remove_tree (data_dir);
  g_free (data_dir);

  return test_status;
}

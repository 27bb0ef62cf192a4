/* test-window.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "onramp-account-button.h"
#include "onramp-account-page.h"
#include "onramp-demo-auth.h"
#include "onramp-drafts-sidebar.h"
#include "onramp-application.h"
#include "onramp-issue-row.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-reseller-page.h"
#include "onramp-step-indicator.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* Drives the real application in demo mode: the window, the assistant and
 * the Account info page, as a user would — set text, wait for the effect,
 * assert — and saves screenshots in the language of the run.
 */

static OnrampApplication *app;
static int test_status;

static gboolean
stack_settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

static gboolean
window_unmapped (gpointer window)
{
  return !gtk_widget_get_mapped (window);
}

static void
screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (GTK_WIDGET (onramp_test_get_window (app)), name);
}

/* Untranslated titles, translated here the way the app does */
static const char * const step_msgids[] = {
  N_("Account info"), N_("Indirect reseller"), N_("Subscriptions"), N_("Review"), N_("Done"),
};

static gboolean
demo_banner_revealed (gpointer window)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "demo_revealer")));
}

static void
test_window_shows_steps_and_demo_mode (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  OnrampAssistant *assistant = onramp_window_get_assistant (window);
  OnrampStepIndicator *indicator = ONRAMP_STEP_INDICATOR (onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "indicator"));
  GtkLabel *demo_label = GTK_LABEL (onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "demo_label"));

  g_assert_true (onramp_test_wait_for (window_mapped, window, 5000));

  g_assert_cmpuint (onramp_step_indicator_get_n_steps (indicator), ==, G_N_ELEMENTS (step_msgids));
  for (guint i = 0; i < G_N_ELEMENTS (step_msgids); i++)
    g_assert_cmpstr (onramp_step_indicator_get_title (indicator, i), ==, _(step_msgids[i]));
  /* Outside English the titles really are translated: the run's locale
   * exists and the catalog was found (else everything falls back to English) */
  if (!g_str_equal (onramp_test_language (), "en"))
    for (guint i = 0; i < G_N_ELEMENTS (step_msgids); i++)
      g_assert_cmpstr (onramp_step_indicator_get_title (indicator, i), !=, step_msgids[i]);
  g_assert_cmpuint (onramp_step_indicator_get_current (indicator), ==, 0);

  /* Demo mode is unmistakable, and names the loopback server: the header
   * says so at once, the banner slides in right after the first frame */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "window_title"))),
                   ==, _("Demo mode"));
  g_assert_true (onramp_test_wait_for (demo_banner_revealed, window, 5000));
  g_assert_nonnull (strstr (gtk_label_get_label (demo_label), "http://127.0.0.1:"));
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (onramp_test_current_page (app)));
}

static gboolean
sign_in_dialog_open (gpointer unused)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ONRAMP_IS_SIGN_IN_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      return TRUE;

  return FALSE;
}

static GtkWidget *
find_sign_in_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ONRAMP_IS_SIGN_IN_DIALOG (l->data))
      return l->data;

  return NULL;
}

static gboolean
sign_in_dialog_gone (gpointer unused)
{
  return !sign_in_dialog_open (NULL);
}

/* The user's path: the header's account button, its Sign In… item (the
 * app.sign-in action), the device-code dialog, which the demo server
 * approves on its own; then the header names the account */
static void
test_sign_in_from_window (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  GtkWidget *account_button = onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "account_button");
  GtkWidget *menu_button = gtk_widget_get_first_child (account_button);
  OnrampAuth *auth = onramp_application_get_auth (app);
  g_autofree char *expected = NULL;
  g_autofree char *shot = NULL;

  g_assert_true (onramp_account_button_get_auth (ONRAMP_ACCOUNT_BUTTON (account_button)) == auth);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, _("Not signed in"));

  /* Real time: the demo server approves after 2 s and asks for 5 s between
   * polls, so the first poll succeeds */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  g_assert_true (onramp_test_wait_for (sign_in_dialog_open, NULL, 5000));
  onramp_test_iterate (200);
  shot = g_strdup_printf ("window-sign-in-%s.png", onramp_test_language ());
  onramp_test_save_screenshot (find_sign_in_dialog (), shot);

  g_assert_true (onramp_test_wait_for (onramp_test_auth_signed_in, auth, 15000));
  g_assert_true (onramp_test_wait_for (sign_in_dialog_gone, NULL, 5000));

  /* Translators: must match onramp-account-button.c */
  expected = g_strdup_printf (_("Signed in as %s"), onramp_auth_get_account (auth));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, expected);
}

static void
test_legal_name_live_error (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  OnrampAssistant *assistant = onramp_window_get_assistant (window);
  OnrampPage *account = onramp_test_current_page (app);
  GtkWidget *name_row = onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_row");
  OnrampIssueRow *issue_row = ONRAMP_ISSUE_ROW (onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_issue"));
  GtkWidget *next_button = onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "next_button");
  OnrampCustomer *customer = onramp_window_get_customer (window);

  /* An empty form shows no error before the user has done anything */
  g_assert_false (onramp_issue_row_get_showing (issue_row));
  g_assert_false (gtk_widget_is_sensitive (next_button));

  /* Tabbing through the empty field is not a mistake: nothing shows */
  gtk_widget_grab_focus (name_row);
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_false (gtk_widget_has_focus (name_row));
  onramp_test_iterate (800);
  g_assert_false (onramp_issue_row_get_showing (issue_row));

  gtk_widget_grab_focus (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Test Company");

  /* The record follows the row at once; the message waits for a pause */
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME), ==, "Test Company");
  g_assert_false (onramp_issue_row_get_showing (issue_row));

  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_showing, issue_row, 3000));
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (issue_row)), ==, "legal-name.test-name");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (next_button));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (onramp_test_get_child (issue_row, ONRAMP_TYPE_ISSUE_ROW, "message_label"))), ==,
                   onramp_issue_get_message (onramp_issue_row_get_issue (issue_row)));
  screenshot ("account-error");

  /* A proper name: the error goes away at once, and with the rest of the
   * form filled in, Next opens */
  onramp_test_fill_valid_customer_but (customer, ONRAMP_FIELD_COMPANY_NAME);
  g_assert_false (gtk_widget_is_sensitive (next_button));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Contoso Pharmaceuticals Limited");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, issue_row, 100));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, next_button, 1000));
  screenshot ("account");
}

static void
test_legal_name_suggestion (void)
{
  OnrampPage *account = onramp_test_current_page (app);
  GtkWidget *name_row = onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_row");
  OnrampIssueRow *issue_row = ONRAMP_ISSUE_ROW (onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_issue"));
  GtkWidget *button = onramp_test_get_child (issue_row, ONRAMP_TYPE_ISSUE_ROW, "suggestion_button");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Contoso Ltd");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_showing, issue_row, 3000));
  g_assert_cmpstr (onramp_issue_get_code (onramp_issue_row_get_issue (issue_row)), ==, "legal-name.abbreviation");
  g_assert_true (gtk_widget_has_css_class (name_row, "warning"));
  g_assert_true (gtk_widget_get_visible (button));
  screenshot ("account-warning");

  /* One click applies the full legal form */
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_hidden, issue_row, 3000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Contoso Limited");
  g_assert_false (gtk_widget_has_css_class (name_row, "warning"));
  g_assert_cmpstr (onramp_customer_get_field (onramp_window_get_customer (onramp_test_get_window (app)),
                                              ONRAMP_FIELD_COMPANY_NAME), ==, "Contoso Limited");
}

static void
test_next_and_back (void)
{
  OnrampAssistant *assistant = onramp_window_get_assistant (onramp_test_get_window (app));
  OnrampStepIndicator *indicator = ONRAMP_STEP_INDICATOR (onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "indicator"));
  OnrampPage *account = onramp_test_current_page (app);
  GtkWidget *next_button = onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "next_button");

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, next_button, 1000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_not_current, account, 3000));
  g_assert_cmpstr (onramp_page_get_title (onramp_test_current_page (app)), ==, _("Indirect reseller"));
  g_assert_cmpuint (onramp_step_indicator_get_current (indicator), ==, 1);
  g_assert_true (onramp_test_wait_for (stack_settled, onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "stack"), 3000));

  /* Nobody is signed in here: the reseller step says so once it has
   * looked, and a direct customer needs nothing more */
  g_assert_true (ONRAMP_IS_RESELLER_PAGE (onramp_test_current_page (app)));
  g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, onramp_test_current_page (app), 5000));
  g_assert_true (onramp_page_get_complete (onramp_test_current_page (app)));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, next_button, 1000));
  screenshot ("reseller");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, account, 3000));
  g_assert_cmpuint (onramp_step_indicator_get_current (indicator), ==, 0);
}

static void
test_narrow_window (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  guint n_clipped;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  onramp_test_iterate (500);
  /* In every language the window fits a phone's 360 px, and no label is cut
   * short with "…": long words (German) and titles must fit or wrap */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  n_clipped = onramp_test_count_ellipsized_labels (GTK_WIDGET (window));
  screenshot ("narrow");
  g_assert_cmpuint (n_clipped, ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  onramp_test_iterate (300);
}

static gboolean
drafts_loaded (gpointer store)
{
  return onramp_draft_store_is_loaded (store);
}

static guint
n_drafts (OnrampDraftStore *store)
{
  return g_list_model_get_n_items (onramp_draft_store_get_drafts (store));
}

static gboolean
has_n_drafts (gpointer data)
{
  gpointer *args = data;

  return n_drafts (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The drafts beside the form: the record becomes a draft as it is typed,
 * New starts another, the list opens either, a deletion can be undone,
 * and the next start knows which draft to reopen */
static void
test_drafts (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  OnrampDraftStore *store = onramp_application_get_draft_store (app);
  GtkWidget *sidebar = onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "sidebar");
  OnrampDraft *first;
  OnrampDraft *second;
  g_autofree char *first_id = NULL;
  gpointer one[] = { store, GUINT_TO_POINTER (1) };
  gpointer two[] = { store, GUINT_TO_POINTER (2) };

  g_assert_true (onramp_test_wait_for (drafts_loaded, store, 5000));

  /* The record typed in the earlier tests is a draft, listed, reopened next time */
  first = onramp_window_get_draft (window);
  g_assert_nonnull (first);
  first_id = g_strdup (onramp_draft_get_id (first));
  g_assert_cmpuint (n_drafts (store), ==, 1);
  g_assert_cmpuint (onramp_drafts_sidebar_get_n_shown (ONRAMP_DRAFTS_SIDEBAR (sidebar)), ==, 1);
  g_assert_cmpstr (onramp_draft_store_get_last_draft_id (store), ==, first_id);

  /* New: an empty form, no draft until something is typed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-draft", NULL));
  g_assert_null (onramp_window_get_draft (window));
  g_assert_cmpstr (onramp_customer_get_field (onramp_window_get_customer (window), ONRAMP_FIELD_COMPANY_NAME), ==, "");
  onramp_customer_set_field (onramp_window_get_customer (window), ONRAMP_FIELD_COMPANY_NAME, "Fabrikam Limited");
  second = onramp_window_get_draft (window);
  g_assert_nonnull (second);
  g_assert_true (onramp_test_wait_for (has_n_drafts, two, 2000));
  screenshot ("drafts");

  /* Choosing the first one in the list brings its record back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-draft", "s", first_id));
  g_assert_true (onramp_window_get_draft (window) == first);
  g_assert_cmpstr (onramp_draft_store_get_last_draft_id (store), ==, first_id);

  /* Deleting the second, then Undo */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-draft", "s", onramp_draft_get_id (second)));
  g_assert_true (onramp_test_wait_for (has_n_drafts, one, 2000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", NULL));
  g_assert_true (onramp_test_wait_for (has_n_drafts, two, 2000));
}

static gboolean
signed_out (gpointer auth)
{
  return onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_OUT;
}

/* The session was revoked elsewhere: the service answers 401 to a token
 * that looked current and the sign-in service refuses to renew it. The
 * header must stop saying "Signed in as …" */
static void
test_session_revoked (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  OnrampDemoServer *server = onramp_application_get_demo_server (app);
  OnrampAuth *auth = onramp_application_get_auth (app);
  GtkWidget *account_button = onramp_test_get_child (window, ONRAMP_TYPE_WINDOW, "account_button");
  GtkWidget *menu_button = gtk_widget_get_first_child (account_button);
  OnrampPage *page;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (server);
  g_assert_true (onramp_test_wait_for (onramp_test_auth_signed_in, auth, 1000));

  onramp_demo_auth_revoke_refresh_tokens (onramp_demo_server_get_auth (server));
  g_assert_true (onramp_demo_server_set_faults (server, "HEAD /v1/domains/*=unauthorized*1", &error));
  g_assert_no_error (error);

  /* The domain's live check is the call that meets the 401 */
  page = onramp_test_current_page (app);
  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, "domain_row")),
                         "revokedsessiondemo");

  g_assert_true (onramp_test_wait_for (signed_out, auth, 10000));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, _("Not signed in"));
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  GtkWindow *shortcuts = onramp_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  return shortcuts != NULL && gtk_widget_get_mapped (GTK_WIDGET (shortcuts));
}

/* Built when first asked for (not with the window), from the main menu or
 * with Ctrl+?, and then the same window each time */
static void
test_keyboard_shortcuts (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_autofree char *shot = g_strdup_printf ("shortcuts-%s.png", onramp_test_language ());
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (onramp_test_get_child (window, ONRAMP_TYPE_WINDOW,
                                                                       "primary_menu_button"));
  GtkWidget *popover, *item;
  GtkWindow *shortcuts;

  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_null (onramp_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>question"));

  /* From the main menu, whose popover is built when it first pops up */
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_nonnull (popover);
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, popover, 3000));
  item = onramp_test_find_menu_item (popover, _("_Keyboard Shortcuts"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_activate (item));
  g_assert_true (onramp_test_wait_for (shortcuts_window_shown, NULL, 5000));
  shortcuts = onramp_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == shortcuts);
  onramp_test_save_screenshot (GTK_WIDGET (shortcuts), shot);

  gtk_window_close (shortcuts);
  g_assert_true (onramp_test_wait_for (window_unmapped, shortcuts, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (onramp_test_wait_for (shortcuts_window_shown, NULL, 5000));
  g_assert_true (onramp_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  gtk_window_close (shortcuts);
  g_assert_true (onramp_test_wait_for (window_unmapped, shortcuts, 5000));
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
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/window/steps-and-demo-mode", test_window_shows_steps_and_demo_mode);
  g_test_add_func ("/window/keyboard-shortcuts", test_keyboard_shortcuts);
  g_test_add_func ("/window/sign-in", test_sign_in_from_window);
  g_test_add_func ("/window/legal-name-live-error", test_legal_name_live_error);
  g_test_add_func ("/window/legal-name-suggestion", test_legal_name_suggestion);
  g_test_add_func ("/window/next-and-back", test_next_and_back);
  g_test_add_func ("/window/narrow", test_narrow_window);
  g_test_add_func ("/window/drafts", test_drafts);
  g_test_add_func ("/window/session-revoked", test_session_revoked);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  return test_status;
}

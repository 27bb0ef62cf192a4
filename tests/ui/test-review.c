/* test-review.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-choice-row.h"
#include "onramp-done-page.h"
#include "onramp-issue-row.h"
#include "onramp-preferences-window.h"
#include "onramp-keyring.h"
#include "onramp-locale.h"
#include "onramp-review-page.h"
#include "onramp-ui-test-utils.h"
#include "onramp-validator.h"
#include "onramp-window.h"

/* Drives the real application in demo mode from a filled-in record to
 * Done, as a user would: Review, Update and back, queueing while signed
 * out, signing in, a submission cancelled, one refused by the service and
 * retried, the one-time password, “Add another customer”; then the
 * preferences. The demo server is slowed and made to refuse once through
 * ONRAMP_DEMO_FAULTS. Screenshots in the language of the run, at a
 * desktop's width and at 360 pixels.
 */

/* The first creation is slow (time to see the progress and cancel; the
 * Account info page makes address checks of its own, so only a creation
 * is sure to come from the submission) and refused, as is the next one
 * (the error and Retry) */
#define DEMO_FAULTS "POST /v1/customers=latency:2500*1;POST /v1/customers=forbidden*2"

static OnrampApplication *app;
static int test_status;
static char *data_dir;

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

static const char *
row_value (const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (review_child (name)));
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, "stack")));
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
page_incomplete (gpointer page)
{
  return !onramp_page_get_complete (page);
}

static gboolean
has_pointer (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static gboolean
row_value_contains (gpointer data)
{
  const char * const *args = data;

  return strstr (row_value (args[0]), args[1]) != NULL;
}

static void
screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  /* Quick steps one after the other may leave the stack's last slide
   * unfinished for a while: give it time, it is only a picture */
  onramp_test_wait_for (stack_settled, NULL, 1000);
  onramp_test_save_screenshot (GTK_WIDGET (onramp_test_get_window (app)), name);
}

/* The page's content below its scrolled window: all of it */
static void
content_screenshot (const char *what)
{
  GtkWidget *widget = GTK_WIDGET (onramp_test_current_page (app));
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  while (widget != NULL && !GTK_IS_VIEWPORT (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);
  onramp_test_save_screenshot (gtk_viewport_get_child (GTK_VIEWPORT (widget)), name);
}

/* The window, the whole page, and both again at 360 pixels wide */
static void
screenshots (const char *what)
{
  GtkWindow *window = GTK_WINDOW (onramp_test_get_window (app));
  g_autofree char *page = g_strdup_printf ("%s-page", what);
  g_autofree char *narrow = g_strdup_printf ("%s-360", what);
  g_autofree char *narrow_page = g_strdup_printf ("%s-page-360", what);

  screenshot (what);
  content_screenshot (page);
  gtk_window_set_default_size (window, 360, 720);
  onramp_test_iterate (400);
  screenshot (narrow);
  content_screenshot (narrow_page);
  gtk_window_set_default_size (window, 720, 640);
  onramp_test_iterate (300);
}

/* Next, page after page, up to Review: the reseller and subscriptions are
 * optional, so a valid record passes them as they are */
static void
walk_to_review (void)
{
  OnrampPage *review = onramp_test_named_page (app, "review");

  for (guint guard = 0; onramp_test_current_page (app) != review && guard < 10; guard++)
    {
      OnrampPage *page = onramp_test_current_page (app);

      if (!onramp_page_get_complete (page))
        g_error ("The page “%s” is not complete with a valid record", onramp_page_get_title (page));

      g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 2000));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
      g_assert_true (onramp_test_wait_for (onramp_test_page_is_not_current, page, 3000));
    }

  g_assert_true (onramp_test_current_page (app) == review);
}

static void
test_review_summarises_the_record (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  OnrampPage *review = onramp_test_named_page (app, "review");
  g_autofree char *domain = NULL;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, onramp_test_get_window (app), 5000));
  onramp_test_fill_valid_customer (customer);
  walk_to_review ();

  /* Every section, in the words of the record */
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 2000));
  g_assert_nonnull (strstr (row_value ("company_row"), "Contoso Pharmaceuticals Limited"));
  g_assert_cmpstr (row_value ("domain_row"), ==, "contosopharma.onmicrosoft.com");
  g_assert_nonnull (strstr (row_value ("address_row"), "1 Microsoft Way"));
  g_assert_nonnull (strstr (row_value ("address_row"), "98052"));
  g_assert_nonnull (strstr (row_value ("contact_row"), "Jane Doe"));
  g_assert_nonnull (strstr (row_value ("contact_row"), "jane@contoso.example"));
  g_assert_nonnull (strstr (row_value ("agreement_row"), "2024-05-01"));
  g_assert_nonnull (strstr (row_value ("agreement_row"), "Jane Doe"));
  g_assert_true (gtk_widget_get_visible (review_child ("reseller_group")));
  g_assert_cmpstr (row_value ("reseller_row"), ==, _("None — direct customer"));
  g_assert_true (onramp_page_get_complete (review));

  /* Signed out: the way on is to queue */
  g_assert_false (onramp_review_page_get_can_submit (ONRAMP_REVIEW_PAGE (review)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (onramp_test_next_button (app))), ==, _("_Queue for Submission"));
  g_assert_true (gtk_widget_get_visible (review_child ("sign_in_button")));
  screenshots ("review");
}

/* What the validator says about the record, as the only warning */
static char *
warning_message (OnrampCustomer *customer)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) issues = onramp_validator_validate (validator, customer);

  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpint (onramp_issue_get_severity (g_ptr_array_index (issues, 0)), ==, ONRAMP_SEVERITY_WARNING);
  return g_strdup (onramp_issue_get_message (g_ptr_array_index (issues, 0)));
}

static void
test_review_lists_warnings (void)
{
  OnrampCustomer *customer = onramp_test_get_customer (app);
  GtkWidget *issues_group = review_child ("issues_group");
  GtkListBox *issues_list = GTK_LIST_BOX (review_child ("issues_list"));
  GtkListBoxRow *row;
  g_autofree char *message = NULL;

  g_assert_false (gtk_widget_get_visible (issues_group));

  /* An abbreviated legal form is a warning: listed, but Submit stays */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Ltd");
  g_assert_true (onramp_test_wait_for (widget_visible, issues_group, 2000));
  row = gtk_list_box_get_row_at_index (issues_list, 0);
  g_assert_nonnull (row);
  message = warning_message (customer);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, message);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (issues_group)), ==, _("Remaining warnings"));
  g_assert_true (onramp_page_get_complete (onramp_test_current_page (app)));
  screenshot ("review-warning");

  /* An error blocks the way on, and says so first */
  onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, "jane@");
  g_assert_true (onramp_test_wait_for (page_incomplete, onramp_test_current_page (app), 2000));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (issues_group)), ==, _("Fix before submitting"));
  g_assert_false (onramp_page_get_complete (onramp_test_current_page (app)));
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));

  onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, "jane@contoso.example");
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Pharmaceuticals Limited");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 2000));
  g_assert_false (gtk_widget_get_visible (issues_group));
}

static void
test_update_and_back_to_review (void)
{
  OnrampAssistant *assistant = onramp_test_get_assistant (app);
  OnrampPage *review = onramp_test_named_page (app, "review");
  OnrampPage *account = onramp_test_named_page (app, "account");
  GtkWidget *name_row = onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_row");
  const char *args[] = { "company_row", "Northwind Traders Incorporated" };
  g_autofree char *back_label = g_strdup_printf (_("Retur_n to %s"), _("Review"));

  /* Update on Account info goes there, and Next now leads back */
  g_assert_true (gtk_widget_activate (review_child ("account_update_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, account, 3000));
  g_assert_true (onramp_assistant_get_return_page (assistant) == review);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (onramp_test_next_button (app))), ==, back_label);

  gtk_widget_grab_focus (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Northwind Traders Incorporated");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 2000));
  screenshot ("review-update");

  g_assert_true (gtk_widget_activate (onramp_test_next_button (app)));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, review, 3000));
  g_assert_null (onramp_assistant_get_return_page (assistant));
  g_assert_true (onramp_test_wait_for (row_value_contains, args, 2000));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (onramp_test_next_button (app))), ==, _("_Queue for Submission"));

  /* Update, then Back on the way: Next still returns to Review */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.update", "s", "subscriptions"));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, onramp_test_named_page (app, "subscriptions"), 3000));
  /* The page is busy a moment with its catalog; Back is offered after */
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_get_child (assistant, ONRAMP_TYPE_ASSISTANT, "back_button"), 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_not_current, onramp_test_named_page (app, "subscriptions"), 3000));
  g_assert_true (onramp_assistant_get_return_page (assistant) == review);
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 10000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, review, 3000));
}

static void
on_submission_queued_cb (OnrampWindow   *window,
                         OnrampCustomer *customer,
                         gpointer        user_data)
{
  *(OnrampCustomer **)user_data = customer;
}

static void
test_queue_while_signed_out (void)
{
  OnrampCustomer *queued = NULL;
  OnrampPage *review = onramp_test_named_page (app, "review");
  gulong handler = g_signal_connect (onramp_test_get_window (app), "submission-queued",
                                     G_CALLBACK (on_submission_queued_cb), &queued);

  g_assert_true (gtk_widget_activate (onramp_test_next_button (app)));
  g_assert_true (onramp_test_wait_for (has_pointer, &queued, 3000));
  g_signal_handler_disconnect (onramp_test_get_window (app), handler);
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 3000));

  /* The record went to the outbox; the user stays on Review, told so */
  g_assert_true (queued == onramp_test_get_customer (app));
  g_assert_true (onramp_test_current_page (app) == review);
  g_assert_false (gtk_widget_get_visible (review_child ("submission_group")));
  g_assert_cmpint (onramp_draft_get_status (onramp_window_get_draft (onramp_test_get_window (app))), ==, ONRAMP_DRAFT_STATUS_READY);
  screenshot ("review-queued");

  /* Edited again, it leaves the outbox: nothing half-edited is sent */
  onramp_customer_set_field (onramp_test_get_customer (app), ONRAMP_FIELD_PHONE_NUMBER, "4255550102");
  g_assert_cmpint (onramp_draft_get_status (onramp_window_get_draft (onramp_test_get_window (app))), ==, ONRAMP_DRAFT_STATUS_DRAFT);
}

static void
on_signed_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_auth_sign_in_finish (ONRAMP_AUTH (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static gboolean
can_submit (gpointer review)
{
  return onramp_review_page_get_can_submit (review);
}

static void
test_sign_in_turns_queue_into_submit (void)
{
  OnrampAuth *auth = onramp_application_get_auth (app);
  OnrampPage *review = onramp_test_named_page (app, "review");
  gboolean signed_in = FALSE;

  /* The demo server approves the device code by itself after 2 s; the
   * first poll comes after its 5 s interval */
  onramp_auth_sign_in_async (auth, NULL, on_signed_in_cb, &signed_in);
  g_assert_true (onramp_test_wait_for (is_true, &signed_in, 20000));

  g_assert_true (onramp_test_wait_for (can_submit, review, 2000));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (onramp_test_next_button (app))), ==, _("_Submit"));
  g_assert_false (gtk_widget_get_visible (review_child ("sign_in_button")));
}

static gboolean
steps_listed (gpointer data)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (review_child ("steps_list")), 0) != NULL;
}

static void
test_cancel_submission (void)
{
  OnrampPage *review = onramp_test_named_page (app, "review");
  gint64 sent = g_get_monotonic_time ();
  gint64 answered;

  /* The creation is slow this time: the progress shows, Cancel stops */
  g_assert_true (gtk_widget_activate (onramp_test_next_button (app)));
  g_assert_true (onramp_test_wait_for (steps_listed, NULL, 2000));
  g_assert_true (onramp_page_get_busy (review));
  g_assert_true (gtk_widget_get_visible (review_child ("submission_group")));
  g_assert_true (gtk_widget_get_visible (review_child ("cancel_button")));
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
  g_assert_false (gtk_widget_is_sensitive (onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, "back_button")));
  screenshots ("review-submitting");

  g_assert_true (gtk_widget_activate (review_child ("cancel_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, review, 5000));
  g_assert_true (onramp_test_current_page (app) == review);
  g_assert_false (gtk_widget_get_visible (review_child ("error_box")));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 2000));

  /* Like Partner Center, the demo server still handles the request the
   * app gave up on, once its latency is over, and that takes the first
   * refusal of DEMO_FAULTS. Unseen from here: wait it out, or the next
   * test's Retry may come first and meet the second refusal */
  answered = sent + (2500 + 300) * 1000;
  if (g_get_monotonic_time () < answered)
    onramp_test_iterate ((answered - g_get_monotonic_time ()) / 1000);
}

static void
test_refused_then_retried (void)
{
  OnrampPage *review = onramp_test_named_page (app, "review");
  OnrampPage *done = onramp_test_named_page (app, "done");
  GtkLabel *details = GTK_LABEL (review_child ("error_details_label"));

  /* Partner Center refuses the creation once: its words, code and request
   * id show on the page, with Retry */
  g_assert_true (gtk_widget_activate (onramp_test_next_button (app)));
  g_assert_true (onramp_test_wait_for (widget_visible, review_child ("error_box"), 10000));
  g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, review, 2000));
  g_assert_true (onramp_test_current_page (app) == review);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (review_child ("error_label"))), !=, "");
  g_assert_nonnull (strstr (gtk_label_get_label (details), "900150"));
  g_assert_true (g_regex_match_simple ("[0-9a-f]{8}-[0-9a-f]{4}-", gtk_label_get_label (details), 0, 0));
  g_assert_true (gtk_widget_is_sensitive (review_child ("retry_button")));
  screenshots ("review-error");

  /* Retry sends it again, and the customer is made */
  g_assert_true (gtk_widget_activate (review_child ("retry_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, done, 10000));
  g_assert_false (gtk_widget_get_visible (review_child ("error_box")));
}

static gboolean
has_text (gpointer data)
{
  return *(char **)data != NULL;
}

static void
on_clipboard_text_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  *(char **)user_data = text ? text : g_strdup ("");
}

static char *
read_clipboard (void)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (onramp_test_get_window (app))), NULL,
                                 on_clipboard_text_cb, &text);
  g_assert_true (onramp_test_wait_for (has_text, &text, 5000));
  return text;
}

static gboolean
steps_have_title (GtkListBox *steps,
                  const char *title)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (steps, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return TRUE;

  return FALSE;
}

static void
on_password_looked_up_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  struct { gboolean done; char *password; GError *error; } *lookup = user_data;

  lookup->password = onramp_keyring_lookup_admin_password_finish (ONRAMP_KEYRING (object), result, &lookup->error);
  lookup->done = TRUE;
}

/* The one-time password is kept in the keyring, and only there (when the
 * session has a secret service at all, as under build-aux/test) */
static void
assert_password_in_keyring (const char *customer_id,
                            const char *password)
{
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  struct { gboolean done; char *password; GError *error; } lookup = { FALSE, NULL, NULL };

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      lookup.done = FALSE;
      g_clear_error (&lookup.error);
      onramp_keyring_lookup_admin_password_async (keyring, customer_id, NULL, on_password_looked_up_cb, &lookup);
      g_assert_true (onramp_test_wait_for (is_true, &lookup.done, 10000));
      if (lookup.password != NULL || lookup.error != NULL)
        break;
      onramp_test_iterate (100);   /* stored asynchronously after Done shows */
    }

  if (lookup.error != NULL)
    {
      g_test_message ("No keyring to check: %s", lookup.error->message);
      g_clear_error (&lookup.error);
      return;
    }
  g_assert_cmpstr (lookup.password, ==, password);
  g_free (lookup.password);
}

static void
test_done_shows_the_new_customer (void)
{
  OnrampDonePage *done = ONRAMP_DONE_PAGE (onramp_test_named_page (app, "done"));
  const char *customer_id = onramp_done_page_get_customer_id (done);
  const char *password = adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("password_row")));
  g_autofree char *clipboard = NULL;
  GtkListBox *steps = GTK_LIST_BOX (done_child ("steps_list"));

  /* The customer's id and domain, and the administrator's one-time
   * sign-in, with a plain warning */
  g_assert_true (g_uuid_string_is_valid (customer_id));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("customer_id_row"))), ==, customer_id);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("domain_row"))), ==,
                   "contosopharma.onmicrosoft.com");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("user_name_row"))), ==,
                   "admin@contosopharma.onmicrosoft.com");
  g_assert_true (onramp_done_page_has_password (done));
  g_assert_cmpuint (strlen (password), >=, 8);
  assert_password_in_keyring (customer_id, password);
  g_assert_true (gtk_widget_get_visible (done_child ("once_box")));

  /* A line per step that ran: details, address, domain, creation, and
   * those after it; none left with the generic words */
  for (int i = 0; i < 4; i++)
    g_assert_nonnull (gtk_list_box_get_row_at_index (steps, i));
  g_assert_true (steps_have_title (steps, _("Customer created")));
  g_assert_false (steps_have_title (steps, _("Step completed")));

  /* Done is the end: no Back to Review, which would offer to submit again */
  g_assert_false (gtk_widget_get_visible (onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, "actions_box")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (done), "done.copy", "s", "password"));
  clipboard = read_clipboard ();
  g_assert_cmpstr (clipboard, ==, password);
  screenshots ("done");
}

static gboolean
clipboard_has_no_password (gpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (onramp_test_get_window (app)));

  return gdk_clipboard_get_content (clipboard) == NULL;
}

static void
test_add_another_customer (void)
{
  OnrampDonePage *done = ONRAMP_DONE_PAGE (onramp_test_named_page (app, "done"));
  OnrampPage *account = onramp_test_named_page (app, "account");
  OnrampCustomer *old_customer = onramp_test_get_customer (app);
  GtkWidget *name_row = onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_row");
  g_autofree char *territory = onramp_locale_dup_user_territory ();

  g_assert_true (gtk_widget_activate (done_child ("add_another_button")));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, account, 3000));

  /* A new, empty record on every page (but for the country of the user's
   * locale and its culture), the one-time password forgotten and off the
   * clipboard, and no error shouted at an untouched form */
  g_assert_true (onramp_test_get_customer (app) != old_customer);
  g_assert_true (onramp_page_get_customer (onramp_test_named_page (app, "review")) == onramp_test_get_customer (app));
  g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_COUNTRY), ==, territory ? territory : "");
  for (OnrampField field = 0; field < ONRAMP_N_FIELDS; field++)
    if (field != ONRAMP_FIELD_COUNTRY && field != ONRAMP_FIELD_CULTURE && field != ONRAMP_FIELD_LANGUAGE)
      g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), field), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_false (onramp_done_page_has_password (done));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (done_child ("password_row"))), ==, "");
  g_assert_true (onramp_test_wait_for (clipboard_has_no_password, NULL, 1000));
  onramp_test_iterate (800);
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "company_name_issue"))));
  g_assert_false (onramp_issue_row_get_showing (ONRAMP_ISSUE_ROW (onramp_test_get_child (account, ONRAMP_TYPE_ACCOUNT_PAGE, "email_issue"))));
  g_assert_true (gtk_widget_get_visible (onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, "actions_box")));
  g_assert_false (gtk_widget_is_sensitive (onramp_test_next_button (app)));
}

static OnrampPreferencesWindow *
open_preferences (void)
{
  GtkWindow *preferences = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
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

static GskRenderNode *
render_node (GtkWidget *widget,
             int       *width,
             int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  *width = gdk_paintable_get_intrinsic_width (paintable);
  *height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), *width, *height);
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
has_render_node (gpointer widget)
{
  int width, height;
  g_autoptr(GskRenderNode) node = render_node (widget, &width, &height);

  return node != NULL;
}

/* Like onramp_test_save_screenshot(), for a second toplevel: its frame
 * clock may tick with the main window's, so instead of waiting for a paint
 * after asking for one, wait until it has been drawn */
static void
preferences_screenshot (OnrampPreferencesWindow *preferences,
                        const char              *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());
  g_autofree char *path = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  int width, height;

  onramp_test_iterate (300);
  g_assert_true (onramp_test_wait_for (has_render_node, preferences, 5000));
  node = render_node (GTK_WIDGET (preferences), &width, &height);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (preferences)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir ? dir : g_get_tmp_dir (), 0755);
  path = g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  OnrampPreferencesWindow *preferences = open_preferences ();
  GtkWidget *restart_group = onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "restart_group");
  AdwComboRow *cloud_row = ADW_COMBO_ROW (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "cloud_row"));
  AdwComboRow *partner_row = ADW_COMBO_ROW (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "partner_type_row"));
  OnrampChoiceRow *country_row = ONRAMP_CHOICE_ROW (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "country_row"));
  GtkSwitch *demo_switch = GTK_SWITCH (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "demo_switch"));
  g_autofree char *cloud = NULL;
  g_autofree char *partner_type = NULL;
  g_autofree char *country = NULL;

  /* What runs: the commercial cloud, in demo mode. Nothing to restart for */
  g_assert_cmpuint (adw_combo_row_get_selected (cloud_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (partner_row), ==, 1);
  g_assert_null (onramp_choice_row_get_value (country_row));
  g_assert_true (gtk_switch_get_active (demo_switch) == g_settings_get_boolean (settings, "demo-mode"));
  g_assert_false (gtk_widget_get_visible (restart_group));
  preferences_screenshot (preferences, "preferences");

  /* Each row writes its key */
  adw_combo_row_set_selected (cloud_row, 1);
  cloud = g_settings_get_string (settings, "cloud");
  g_assert_cmpstr (cloud, ==, "us-government");
  g_assert_true (gtk_widget_get_visible (restart_group));

  adw_combo_row_set_selected (partner_row, 0);
  partner_type = g_settings_get_string (settings, "partner-type");
  g_assert_cmpstr (partner_type, ==, "direct");
  /* …and Indirect reseller stops being a step at once */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (onramp_test_named_page (app, "reseller"))));
  g_assert_false (gtk_widget_get_visible (review_child ("reseller_group")));

  onramp_choice_row_set_value (country_row, "TW");
  country = g_settings_get_string (settings, "default-country");
  g_assert_cmpstr (country, ==, "TW");
  g_assert_true (gtk_widget_get_visible (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "clear_country_button")));
  preferences_screenshot (preferences, "preferences-changed");
  gtk_window_set_default_size (GTK_WINDOW (preferences), 360, 640);
  onramp_test_iterate (400);
  preferences_screenshot (preferences, "preferences-360");

  /* Back to the commercial cloud: no restart for that any more, but
   * demo mode is read at start too */
  adw_combo_row_set_selected (cloud_row, 0);
  g_assert_false (gtk_widget_get_visible (restart_group));
  gtk_switch_set_active (demo_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "demo-mode"));
  g_assert_true (gtk_widget_get_visible (restart_group));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "restart_label"))),
                   ==, _("Restart Onramp for the demo mode setting to take effect."));
  gtk_switch_set_active (demo_switch, FALSE);

  /* The next customer starts in the default country */
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_window (app)), "win.add-customer", NULL));
  g_assert_cmpstr (onramp_customer_get_field (onramp_test_get_customer (app), ONRAMP_FIELD_COUNTRY), ==, "TW");

  /* Clearing the country is a choice too */
  preferences = open_preferences ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "preferences.clear-country", NULL));
  g_free (country);
  country = g_settings_get_string (settings, "default-country");
  g_assert_cmpstr (country, ==, "");
  g_assert_null (onramp_choice_row_get_value (ONRAMP_CHOICE_ROW (onramp_test_get_child (preferences, ONRAMP_TYPE_PREFERENCES_WINDOW, "country_row"))));
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_settings_reset (settings, "cloud");
  g_settings_reset (settings, "partner-type");
  g_settings_reset (settings, "demo-mode");
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
on_activate_cb (GApplication *application)
{
  gboolean signed_out = FALSE;

  test_status = g_test_run ();

  /* Leave nothing in the keyring */
  onramp_auth_sign_out_async (onramp_application_get_auth (app), NULL, on_signed_out_cb, &signed_out);
  onramp_test_wait_for (is_true, &signed_out, 10000);
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
  onramp_test_use_private_data ();

  /* Submissions are remembered under $XDG_DATA_HOME so that none is made
   * twice: each run gets its own, or the second language would find the
   * first one's customer already made */
  data_dir = g_dir_make_tmp ("onramp-test-review-XXXXXX", NULL);
  g_assert_nonnull (data_dir);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("ONRAMP_DEMO_FAULTS", DEMO_FAULTS, TRUE);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/review/summarises-the-record", test_review_summarises_the_record);
  g_test_add_func ("/review/lists-warnings", test_review_lists_warnings);
  g_test_add_func ("/review/update-and-back", test_update_and_back_to_review);
  g_test_add_func ("/review/queue-while-signed-out", test_queue_while_signed_out);
  g_test_add_func ("/review/sign-in-turns-queue-into-submit", test_sign_in_turns_queue_into_submit);
  g_test_add_func ("/review/cancel-submission", test_cancel_submission);
  g_test_add_func ("/review/refused-then-retried", test_refused_then_retried);
  g_test_add_func ("/done/shows-the-new-customer", test_done_shows_the_new_customer);
  g_test_add_func ("/done/add-another-customer", test_add_another_customer);
  g_test_add_func ("/preferences/change-the-settings", test_preferences);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  remove_tree (data_dir);
  g_free (data_dir);

  return test_status;
}

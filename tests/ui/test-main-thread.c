/* test-main-thread.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-main-thread"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-assistant.h"
#include "onramp-draft-store.h"
#include "onramp-reseller-page.h"
#include "onramp-review-page.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-subscriptions-page.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* Main-thread hygiene (issue #8, item 4): the real application in demo
 * mode, with every request to the demo server — sign-in included —
 * answered two seconds late. The journey a user makes: sign in through the
 * dialog, type a domain prefix (the live availability check), Next (the
 * address check), the Indirect reseller step (the reseller list), the
 * Subscriptions step (the catalog, then a product's plans), Submit on
 * Review. For each request in
 * flight, the window keeps drawing (frames of its frame clock, and no pause
 * of the main loop longer than MAX_GAP_MS: a blocking 2 s call would show
 * as a 2 s pause) and the control that started it shows progress all the
 * while (a spinner that spins where it can be seen).
 *
 * Nothing here depends on the language, and a run takes half a minute of
 * waiting for the slowed server: tests/meson.build runs it in English only.
 */

#define LATENCY_MS 2000
#define DEMO_FAULTS "/*=latency:2000"

/* Generous: a frame on a loaded Xvfb takes tens of milliseconds; a call
 * that blocks for the server's 2 s would show as a 2000 ms pause */
#define MAX_GAP_MS 250
/* A spinner asks for a frame each refresh (60 a second); ten a second is
 * what a user still sees as moving */
#define MIN_FRAMES_IN_2S 20

static OnrampApplication *app;
static int test_status;
static GString *figures;
static const char *home;

static GtkWidget *
assistant_child (const char *name)
{
  return onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, name);
}

static GtkWidget *
account_child (const char *name)
{
  return onramp_test_get_child (onramp_test_named_page (app, "account"), ONRAMP_TYPE_ACCOUNT_PAGE, name);
}

/* The assistant's own progress: its spinner by Next, Next and Back locked */
static gboolean
assistant_shows_progress (void)
{
  return onramp_test_spinner_showing (assistant_child ("spinner")) &&
         !gtk_widget_is_sensitive (assistant_child ("next_button")) &&
         !gtk_widget_is_sensitive (assistant_child ("back_button"));
}

/* Checks what onramp_test_watch_while() saw of one request (or a run of
 * them) started at @started, and notes the figures for the summary */
static void
assert_responsive (const char            *what,
                   const OnrampTestWatch *watch,
                   gint64                 started,
                   guint                  n_requests)
{
  gint64 in_flight = g_get_monotonic_time () - started;
  g_autofree char *line = NULL;

  line = g_strdup_printf ("%s: %.2f s in flight, %u frames (%.0f/s; fewest in any 2 s: %u), "
                          "longest main-loop pause %.0f ms, progress shown at %u of %u checks",
                          what, in_flight / 1e6, watch->n_frames,
                          watch->n_frames / (watch->duration_us / 1e6), watch->min_frames_2s,
                          watch->longest_gap_us / 1e3,
                          watch->n_checks - watch->n_without_progress, watch->n_checks);
  g_test_message ("%s", line);
  g_string_append_printf (figures, "# %s\n", line);

  /* The requests really were slowed: else this proves nothing */
  g_assert_cmpint (in_flight, >=, (gint64)n_requests * (LATENCY_MS - 100) * 1000);
  g_assert_cmpuint (watch->n_checks, >, 0);
  if (watch->n_without_progress > 0)
    g_error ("%s: no progress shown at %u of %u checks while in flight",
             what, watch->n_without_progress, watch->n_checks);
  g_assert_cmpint (watch->longest_gap_us, <, MAX_GAP_MS * 1000);
  g_assert_cmpuint (watch->min_frames_2s, >=, MIN_FRAMES_IN_2S);
}

/* Sign-in */

static OnrampSignInDialog *sign_in_dialog;

static gboolean
dialog_getting_code (gpointer data)
{
  return onramp_sign_in_dialog_get_state (sign_in_dialog) == ONRAMP_SIGN_IN_STATE_BUSY;
}

static gboolean
not_signed_in (gpointer data)
{
  return onramp_auth_get_state (onramp_application_get_auth (app)) != ONRAMP_AUTH_STATE_SIGNED_IN;
}

static gboolean
dialog_shows_progress (gpointer spinner)
{
  return onramp_test_spinner_showing (spinner) ||
         onramp_sign_in_dialog_get_state (sign_in_dialog) == ONRAMP_SIGN_IN_STATE_DONE;
}

static void
test_sign_in (void)
{
  GtkWidget *spinner;
  OnrampTestWatch watch;
  gint64 started;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, onramp_test_get_window (app), 5000));
  started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  sign_in_dialog = ONRAMP_SIGN_IN_DIALOG (onramp_test_find_toplevel (ONRAMP_TYPE_SIGN_IN_DIALOG));
  g_assert_nonnull (sign_in_dialog);
  g_object_add_weak_pointer (G_OBJECT (sign_in_dialog), (gpointer *)&sign_in_dialog);
  spinner = onramp_test_get_child (sign_in_dialog, ONRAMP_TYPE_SIGN_IN_DIALOG, "spinner");
  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, sign_in_dialog, 5000));

  /* The device code: "Getting a sign-in code…" with the spinner */
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (sign_in_dialog), dialog_getting_code,
                                          dialog_shows_progress, spinner, 10000, &watch));
  assert_responsive ("sign-in, the device code", &watch, started, 1);
  g_assert_cmpint (onramp_sign_in_dialog_get_state (sign_in_dialog), ==, ONRAMP_SIGN_IN_STATE_READY);

  /* The code shown, the token endpoint polled (every 5 s, each poll 2 s
   * late) until the demo approves it by itself */
  started = g_get_monotonic_time ();
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (sign_in_dialog), not_signed_in,
                                          dialog_shows_progress, spinner, 30000, &watch));
  assert_responsive ("sign-in, polling for the token", &watch, started, 1);
  onramp_test_return_focus (GTK_WINDOW (onramp_test_get_window (app)));
}

/* The domain prefix's live availability check */

static gboolean
domain_unanswered (gpointer page)
{
  OnrampDomainStatus status = onramp_account_page_get_domain_status (page);

  return status != ONRAMP_DOMAIN_STATUS_AVAILABLE && status != ONRAMP_DOMAIN_STATUS_TAKEN;
}

static gboolean
domain_shows_progress (gpointer page)
{
  return onramp_test_spinner_showing (account_child ("domain_spinner"));
}

static void
test_domain_check (void)
{
  OnrampPage *account = onramp_test_named_page (app, "account");
  GtkWidget *domain_row = account_child ("domain_row");
  OnrampTestWatch watch;
  gint64 started;

  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, account, 3000));
  gtk_widget_grab_focus (domain_row);
  started = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (domain_row), "contosopharma");

  /* The check starts once typing pauses */
  g_assert_true (onramp_test_wait_for (domain_shows_progress, account, 3000));
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (account), domain_unanswered,
                                          domain_shows_progress, account, 10000, &watch));
  assert_responsive ("domain availability (HEAD /v1/domains/…)", &watch, started, 1);
  g_assert_cmpint (onramp_account_page_get_domain_status (ONRAMP_ACCOUNT_PAGE (account)), ==,
                   ONRAMP_DOMAIN_STATUS_AVAILABLE);
}

/* Next on Account info: the address check */

static gboolean
address_shows_progress (gpointer page)
{
  return assistant_shows_progress () && onramp_test_spinner_showing (account_child ("address_spinner"));
}

static void
test_address_check (void)
{
  OnrampPage *account = onramp_test_named_page (app, "account");
  OnrampTestWatch watch;
  gint64 started;

  /* The domain is the one typed above: the same value checks nothing again */
  onramp_test_fill_valid_customer (onramp_test_get_customer (app));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, assistant_child ("next_button"), 3000));

  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (account), onramp_test_page_is_current,
                                          address_shows_progress, account, 10000, &watch));
  assert_responsive ("address check (POST /v1/validations/address)", &watch, started, 1);
  g_assert_true (onramp_test_page_is_current (onramp_test_named_page (app, "reseller")));
}

/* The Indirect reseller step: the list of resellers */

static gboolean
resellers_not_from_service (gpointer page)
{
  return onramp_reseller_page_get_source (page) != ONRAMP_LIST_SOURCE_SERVICE;
}

static gboolean
resellers_show_progress (gpointer page)
{
  return assistant_shows_progress () &&
         onramp_test_spinner_showing (onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE, "spinner"));
}

static void
test_resellers (void)
{
  OnrampPage *reseller = onramp_test_named_page (app, "reseller");
  OnrampTestWatch watch;
  gint64 started = g_get_monotonic_time ();

  /* It loads as it shows, right after the address check */
  g_assert_true (onramp_test_page_is_current (reseller));
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (reseller), resellers_not_from_service,
                                          resellers_show_progress, reseller, 10000, &watch));
  /* Started with the page, a moment before `started` */
  assert_responsive ("indirect resellers (GET /v1/relationships)", &watch, started - 100 * 1000, 1);
}

/* The Subscriptions step: the catalog */

static gboolean
catalog_not_from_service (gpointer page)
{
  return onramp_subscriptions_page_get_source (page) != ONRAMP_LIST_SOURCE_SERVICE;
}

static gboolean
catalog_shows_progress (gpointer page)
{
  return assistant_shows_progress () &&
         onramp_test_spinner_showing (onramp_test_get_child (page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "spinner"));
}

static void
test_catalog (void)
{
  OnrampPage *subscriptions = onramp_test_named_page (app, "subscriptions");
  OnrampTestWatch watch;
  gint64 started;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, assistant_child ("next_button"), 3000));
  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, subscriptions, 3000));
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (subscriptions), catalog_not_from_service,
                                          catalog_shows_progress, subscriptions, 10000, &watch));
  assert_responsive ("catalog (GET /v1/products)", &watch, started, 1);
}

/* A product picked: its plans (SKUs, then their availabilities) */

static gboolean
plans_not_from_service (gpointer page)
{
  return onramp_subscriptions_page_get_plans_source (page) != ONRAMP_LIST_SOURCE_SERVICE;
}

static gboolean
plans_show_progress (gpointer page)
{
  return assistant_shows_progress () &&
         onramp_test_spinner_showing (onramp_test_get_child (page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "plans_spinner"));
}

static void
test_plans (void)
{
  OnrampPage *subscriptions = onramp_test_named_page (app, "subscriptions");
  GtkWidget *view = onramp_test_get_child (subscriptions, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "catalog_view");
  OnrampTestWatch watch;
  gint64 started = g_get_monotonic_time ();

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view))), 0);
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (subscriptions), plans_not_from_service,
                                          plans_show_progress, subscriptions, 20000, &watch));
  assert_responsive ("plans of a product (GET …/skus, then …/availabilities)", &watch, started, 2);
}

/* Submit on Review: address, domain, creation, agreement, each 2 s late */

static gboolean
not_done (gpointer data)
{
  return !onramp_test_page_is_current (onramp_test_named_page (app, "done"));
}

/* The row of the step under way has a spinning spinner */
static gboolean
a_step_spins (GtkListBox *steps)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (steps, i)) != NULL; i++)
    {
      GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "onramp-step-prefix");

      if (spinner != NULL && onramp_test_spinner_showing (spinner))
        return TRUE;
    }

  return FALSE;
}

static gboolean
submission_shows_progress (gpointer review)
{
  GtkListBox *steps = GTK_LIST_BOX (onramp_test_get_child (review, ONRAMP_TYPE_REVIEW_PAGE, "steps_list"));

  return assistant_shows_progress () && a_step_spins (steps);
}

static void
test_submit (void)
{
  OnrampPage *review = onramp_test_named_page (app, "review");
  OnrampTestWatch watch;
  gint64 started;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, assistant_child ("next_button"), 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_wait_for (onramp_test_page_is_current, review, 3000));
  g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, assistant_child ("next_button"), 3000));
  g_assert_true (onramp_review_page_get_can_submit (ONRAMP_REVIEW_PAGE (review)));

  started = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
  g_assert_true (onramp_test_watch_while (GTK_WIDGET (review), not_done,
                                          submission_shows_progress, review, 60000, &watch));
  /* At least the address check, the domain check and the creation */
  assert_responsive ("submission (address, domain, customer, agreement)", &watch, started, 3);
}

/* The one synchronous write, by design: the submission's checkpoint (its
 * request ids) goes into the draft, on disk, before each call. How long a
 * user's main loop waits for it: */
static void
test_checkpoint_write_time (void)
{
  OnrampDraftStore *store = onramp_application_get_draft_store (app);
  OnrampDraft *draft = onramp_window_get_draft (onramp_test_get_window (app));
  gint64 times[7];
  gint64 longest = 0;

  g_assert_nonnull (draft);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 before;

      /* A change, or the store has nothing new to write */
      onramp_draft_set_page (draft, i % 2 ? "review" : "done");
      before = g_get_monotonic_time ();
      g_assert_true (onramp_draft_store_save (store, draft, &error));
      g_assert_no_error (error);
      times[i] = g_get_monotonic_time () - before;
      longest = MAX (longest, times[i]);
    }

  for (guint i = 1; i < G_N_ELEMENTS (times); i++)
    for (guint j = i; j > 0 && times[j - 1] > times[j]; j--)
      {
        gint64 t = times[j];

        times[j] = times[j - 1];
        times[j - 1] = t;
      }
  g_string_append_printf (figures, "# checkpoint (a durable draft save): median %.1f ms, longest %.1f ms of %u\n",
                          times[G_N_ELEMENTS (times) / 2] / 1e3, longest / 1e3, (guint)G_N_ELEMENTS (times));
  g_test_message ("Checkpoint write: median %.1f ms, longest %.1f ms",
                  times[G_N_ELEMENTS (times) / 2] / 1e3, longest / 1e3);
  g_assert_cmpint (times[G_N_ELEMENTS (times) / 2], <, MAX_GAP_MS * 1000);
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_activate_cb (GApplication *application)
{
  gboolean signed_out = FALSE;

  test_status = g_test_run ();
  g_print ("%s", figures->str);

  /* Leave nothing in the keyring */
  onramp_auth_sign_out_async (onramp_application_get_auth (app), NULL, on_signed_out_cb, &signed_out);
  onramp_test_wait_for (is_true, &signed_out, 10000);
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();
  home = onramp_test_use_private_home ();
  g_setenv ("ONRAMP_DEMO_FAULTS", DEMO_FAULTS, TRUE);
  /* Under Xvfb the GL renderer is Mesa's llvmpipe, which compiles each
   * shader on the CPU the first time it is used, on the main thread: the
   * sign-in dialog's first frames paused the loop for 1.6 s that way (seen
   * with strace: no blocking call, only JIT mprotects). A GPU does that in
   * milliseconds; this test is about the app's own calls, so it draws with
   * the software renderer, which has no such first-use cost. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  figures = g_string_new (NULL);

  /* One journey, in order: each test goes on from where the last stopped */
  g_test_add_func ("/main-thread/sign-in", test_sign_in);
  g_test_add_func ("/main-thread/domain-check", test_domain_check);
  g_test_add_func ("/main-thread/address-check", test_address_check);
  g_test_add_func ("/main-thread/resellers", test_resellers);
  g_test_add_func ("/main-thread/catalog", test_catalog);
  g_test_add_func ("/main-thread/plans", test_plans);
  g_test_add_func ("/main-thread/submit", test_submit);
  g_test_add_func ("/main-thread/checkpoint-write-time", test_checkpoint_write_time);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  onramp_test_remove_tree (home);
  g_string_free (figures, TRUE);

  return test_status;
}

/* test-gui-secrets.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-gui-secrets"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "onramp-application.h"
#include "onramp-done-page.h"
#include "onramp-keyring.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-test-secrets.h"
#include "onramp-ui-test-utils.h"
#include "onramp-window.h"

/* Secrets hygiene of the GUI (issue #8, item 3): the real application in
 * demo mode, every debug message on, a whole journey as a user makes it:
 * sign in through the dialog, a customer filled in, Submit, Done showing
 * the one-time password. Then the access token and the refresh token (from
 * the keyring, where they belong) and that password are looked for in
 * every file under the test's own $HOME and XDG directories (data,
 * config, cache, state, runtime: onramp_test_use_private_home()), in the
 * log, and on the command line and in the environment of every process
 * readable. None may be anywhere. Before that, each search proves it finds
 * a secret that is there. The sign-in path alone is
 * tests/service/test-secrets.c, the command line's tests/cli/test-secrets.sh.
 */

static OnrampApplication *app;
static int test_status;
static const char *home;
static GString *captured_log;
static GPtrArray *secrets;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_string_append (captured_log, line);
  g_string_append_c (captured_log, '\n');

  /* The debug messages are the test's to read, not to show */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static gboolean
has_pointer (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* The journey */

static void
test_sign_in_through_the_dialog (void)
{
  GtkWindow *dialog;

  g_assert_true (onramp_test_wait_for (onramp_test_widget_mapped, onramp_test_get_window (app), 5000));
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-in", NULL);
  dialog = onramp_test_find_toplevel (ONRAMP_TYPE_SIGN_IN_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);

  /* The demo approves the code by itself after 2 s; the first poll comes
   * after Entra ID's 5 s */
  g_assert_true (onramp_test_wait_for (onramp_test_auth_signed_in, onramp_application_get_auth (app), 30000));
  g_assert_true (onramp_test_wait_for (is_null, &dialog, 5000));
  onramp_test_return_focus (GTK_WINDOW (onramp_test_get_window (app)));
}

static void
test_submit_to_done (void)
{
  OnrampPage *review = onramp_test_named_page (app, "review");
  OnrampPage *done = onramp_test_named_page (app, "done");

  onramp_test_fill_valid_customer (onramp_test_get_customer (app));

  /* Next, page after page (the address check, the resellers, the catalog
   * on the way), then Submit on Review */
  for (guint guard = 0; !onramp_test_page_is_current (done) && guard < 10; guard++)
    {
      OnrampPage *page = onramp_test_current_page (app);

      g_assert_true (onramp_test_wait_for (onramp_test_widget_sensitive, onramp_test_next_button (app), 10000));
      if (page == review)
        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (onramp_test_next_button (app))), ==, _("_Submit"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (onramp_test_get_assistant (app)), "assistant.next", NULL));
      g_assert_true (onramp_test_wait_for (onramp_test_page_is_not_current, page, 20000));
    }

  g_assert_true (onramp_test_page_is_current (done));
}

/* The secrets of the journey */

static void
on_token_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(char **)user_data = onramp_auth_get_access_token_finish (ONRAMP_AUTH (object), result, &error);
  g_assert_no_error (error);
}

static void
on_tokens_looked_up_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(OnrampTokens **)user_data = onramp_keyring_lookup_tokens_finish (ONRAMP_KEYRING (object), result, &error);
  g_assert_no_error (error);
}

static void
test_collect_secrets (void)
{
  OnrampDonePage *done = ONRAMP_DONE_PAGE (onramp_test_named_page (app, "done"));
  GtkWidget *password_row = onramp_test_get_child (done, ONRAMP_TYPE_DONE_PAGE, "password_row");
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autoptr(OnrampTokens) tokens = NULL;
  g_autofree char *access_token = NULL;

  /* The one-time password, as Done shows it */
  g_assert_true (onramp_done_page_has_password (done));
  onramp_test_remember_secret (secrets, adw_action_row_get_subtitle (ADW_ACTION_ROW (password_row)));

  /* The token the app calls with, and both tokens it keeps (in the demo's
   * own keyring entry) */
  onramp_auth_get_access_token_async (onramp_application_get_auth (app), NULL, on_token_cb, &access_token);
  g_assert_true (onramp_test_wait_for (has_pointer, &access_token, 10000));
  onramp_test_remember_secret (secrets, access_token);

  onramp_keyring_lookup_tokens_async (keyring, "demo", NULL, on_tokens_looked_up_cb, &tokens);
  g_assert_true (onramp_test_wait_for (has_pointer, &tokens, 10000));
  onramp_test_remember_secret (secrets, tokens->access_token);
  onramp_test_remember_secret (secrets, tokens->refresh_token);

  g_assert_cmpuint (secrets->len, >=, 3);
  g_test_message ("%u secrets to look for", secrets->len);
}

/* Each search finds a secret that is there: a decoy, planted where it is
 * looked for. Else "no hits" would prove nothing. */

static void
in_own_process_group (gpointer user_data)
{
  setpgid (0, 0);
}

static void
test_searches_find_a_planted_secret (void)
{
  g_autoptr(GPtrArray) decoys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *decoy = g_uuid_string_random ();
  g_autofree char *planted_dir = g_build_filename (g_get_user_cache_dir (), "onramp", NULL);
  g_autofree char *planted = g_build_filename (planted_dir, "planted.json", NULL);
  g_autofree char *contents = g_strdup_printf ("{\"token\":\"%s\"}", decoy);
  g_autofree char *variable = g_strdup_printf ("PLANTED=%s", decoy);
  /* The shell stays (a command after sleep), with the decoy as its $0 */
  const char *child_argv[] = { "/bin/sh", "-c", "sleep 30; true", decoy, NULL };
  const char *child_envp[] = { variable, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *child_environ = NULL;
  g_autofree char *child_cmdline = NULL;
  GPid child;

  onramp_test_remember_secret (decoys, decoy);

  /* A file under the XDG directories */
  g_assert_cmpint (g_mkdir_with_parents (planted_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (planted, contents, -1, NULL));
  onramp_test_scan_tree (decoys, home, hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (hits, 0), ==, planted);
  g_unlink (planted);
  g_ptr_array_set_size (hits, 0);

  /* The log */
  g_debug ("Planted: %s", decoy);
  g_assert_nonnull (onramp_test_find_secret (decoys, captured_log->str, captured_log->len));

  /* A process's command line and environment */
  g_assert_true (g_spawn_async (NULL, (char **)child_argv, (char **)child_envp,
                                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                in_own_process_group, NULL, &child, &error));
  g_assert_no_error (error);
  onramp_test_scan_processes (decoys, hits);
  kill (-child, SIGTERM);   /* the shell and its sleep */
  g_spawn_close_pid (child);
  child_cmdline = g_strdup_printf ("/proc/%d/cmdline", child);
  child_environ = g_strdup_printf ("/proc/%d/environ", child);
  g_assert_true (g_ptr_array_find_with_equal_func (hits, child_cmdline, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (hits, child_environ, g_str_equal, NULL));
}

/* …and none of the journey's secrets is anywhere */

static void
test_no_secret_in_files (void)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  guint n_files = onramp_test_scan_tree (secrets, home, hits);

  /* The app did write there: its draft, with the submission's state */
  g_test_message ("%u files under the test's $HOME", n_files);
  g_assert_cmpuint (n_files, >=, 1);
  onramp_test_assert_no_hits (hits, "a file under $HOME or the XDG directories");
}

static void
test_no_secret_in_the_log (void)
{
  /* The log works, and has the app's debug messages of sign-in, calls and
   * the submission */
  g_assert_nonnull (strstr (captured_log->str, "onramp-auth"));
  g_assert_nonnull (strstr (captured_log->str, "onramp-partner-client"));
  g_test_message ("%" G_GSIZE_FORMAT " bytes of log", captured_log->len);
  if (onramp_test_find_secret (secrets, captured_log->str, captured_log->len) != NULL)
    g_error ("A secret is in the log");
}

static void
test_no_secret_in_processes (void)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  guint n_read = onramp_test_scan_processes (secrets, hits);

  g_test_message ("%u command lines and environments read", n_read);
  onramp_test_assert_no_hits (hits, "a process's command line or environment");
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

  /* Leave no token in the keyring */
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
  /* Before any thread starts and before GLib reads them once and for all */
  home = onramp_test_use_private_home ();
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_unsetenv ("ONRAMP_DEMO_FAULTS");

  g_test_init (&argc, &argv, NULL);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  secrets = g_ptr_array_new_with_free_func (g_free);

  /* One journey, in order */
  g_test_add_func ("/gui-secrets/sign-in-through-the-dialog", test_sign_in_through_the_dialog);
  g_test_add_func ("/gui-secrets/submit-to-done", test_submit_to_done);
  g_test_add_func ("/gui-secrets/collect-secrets", test_collect_secrets);
  g_test_add_func ("/gui-secrets/no-secret-in-files", test_no_secret_in_files);
  g_test_add_func ("/gui-secrets/no-secret-in-the-log", test_no_secret_in_the_log);
  g_test_add_func ("/gui-secrets/no-secret-in-processes", test_no_secret_in_processes);
  g_test_add_func ("/gui-secrets/searches-find-a-planted-secret", test_searches_find_a_planted_secret);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);
  onramp_test_remove_tree (home);

  g_ptr_array_unref (secrets);
  g_string_free (captured_log, TRUE);

  return test_status;
}

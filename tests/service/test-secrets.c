/* test-secrets.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "onramp-auth.h"
#include "onramp-demo-server.h"
#include "onramp-partner-client.h"
#include "onramp-test-secrets.h"

/* Secrets hygiene on the sign-in path (issue #8, item 3): a device-code
 * sign-in through the demo server, a token refresh and a Partner Center call
 * made with the token, every debug message on. Afterwards neither access
 * token, neither refresh token nor the device code is in any file under
 * this process's throwaway $HOME and XDG directories, in its log, or on the
 * command line or in the environment of any process on the machine. The
 * keyring, where they belong, is the daemon build-aux/test starts, outside
 * that $HOME. The command-line path is tests/cli/test-secrets.sh.
 */

#define CLIENT_ID "7a1b3c5d-0000-4000-8000-00000000c11e"

static GString *captured_log;
static char *scratch_home;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_string_append (captured_log, line);
  g_string_append_c (captured_log, '\n');

  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
await (GAsyncResult **result)
{
  guint deadline = g_timeout_add_seconds (20, on_deadline_cb, (gpointer)"an async result");

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);

  return *result;
}

static void
remember_stored (GPtrArray     *secrets,
                 OnrampKeyring *keyring,
                 const char    *cloud)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OnrampTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  onramp_keyring_lookup_tokens_async (keyring, cloud, NULL, on_result_cb, &result);
  tokens = onramp_keyring_lookup_tokens_finish (keyring, await (&result), &error);
  g_assert_no_error (error);
  onramp_test_remember_secret (secrets, tokens->access_token);
  onramp_test_remember_secret (secrets, tokens->refresh_token);
}

static void
sign_in (OnrampAuth       *auth,
         OnrampDemoServer *server,
         GPtrArray        *secrets)
{
  OnrampDemoAuth *demo = onramp_demo_server_get_auth (server);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  onramp_auth_sign_in_async (auth, NULL, on_result_cb, &result);
  while (onramp_auth_get_user_code (auth) == NULL)
    g_main_context_iteration (NULL, TRUE);
  onramp_test_remember_secret (secrets, onramp_demo_auth_get_last_device_code (demo));

  g_assert_true (onramp_demo_auth_approve (demo, onramp_auth_get_user_code (auth)));
  g_assert_true (onramp_auth_sign_in_finish (auth, await (&result), &error));
  g_assert_no_error (error);
}

static void
call_partner_center (OnrampDemoServer *server,
                     const char       *token)
{
  g_autoptr(OnrampPartnerClient) client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) rules = NULL;

  g_assert_true (onramp_partner_client_set_base_url (client, onramp_demo_server_get_url (server), &error));
  onramp_partner_client_set_access_token (client, token);
  onramp_partner_client_get_country_rules_async (client, "TW", NULL, on_result_cb, &result);
  rules = onramp_partner_client_get_country_rules_finish (client, await (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (rules);
}

static void
test_sign_in_leaves_no_secret (void)
{
  g_autoptr(OnrampDemoServer) server = onramp_demo_server_new ();
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autoptr(OnrampAuth) auth = NULL;
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *cloud = g_strconcat ("test-secrets-", uuid, NULL);
  g_autofree char *token = NULL;
  guint n_files = 0;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run under build-aux/test, which unlocks a throwaway keyring");
      return;
    }

  g_assert_true (onramp_demo_server_start (server, &error));
  g_assert_no_error (error);
  onramp_demo_auth_set_time_scale (onramp_demo_server_get_auth (server), 0.01);
  onramp_keyring_set_timeout (keyring, 10);
  auth = onramp_auth_new (keyring, cloud, CLIENT_ID);
  onramp_auth_set_authority (auth, onramp_demo_server_get_url (server));
  onramp_auth_set_time_scale (auth, 0.01);

  sign_in (auth, server, secrets);
  remember_stored (secrets, keyring, cloud);

  /* A refresh rotates both tokens: the new ones must not leak either */
  onramp_auth_refresh_async (auth, NULL, on_result_cb, &result);
  g_assert_true (onramp_auth_refresh_finish (auth, await (&result), &error));
  g_assert_no_error (error);
  remember_stored (secrets, keyring, cloud);
  g_assert_cmpuint (secrets->len, >=, 5);

  g_clear_object (&result);
  onramp_auth_get_access_token_async (auth, NULL, on_result_cb, &result);
  token = onramp_auth_get_access_token_finish (auth, await (&result), &error);
  g_assert_no_error (error);
  call_partner_center (server, token);

  /* The log works, and with everything on it has lines from sign-in and
   * from the client */
  g_assert_nonnull (strstr (captured_log->str, "onramp-auth"));
  g_assert_nonnull (strstr (captured_log->str, "onramp-partner-client"));
  if (onramp_test_find_secret (secrets, captured_log->str, captured_log->len) != NULL)
    g_error ("A secret is in the log");

  n_files = onramp_test_scan_tree (secrets, scratch_home, hits);
  onramp_test_assert_no_hits (hits, "the throwaway $HOME");
  g_test_message ("%u files under the throwaway $HOME, %u secrets looked for", n_files, secrets->len);
  onramp_test_scan_processes (secrets, hits);
  onramp_test_assert_no_hits (hits, "a process's command line or environment");

  g_clear_object (&result);
  onramp_keyring_clear_tokens_async (keyring, cloud, NULL, on_result_cb, &result);
  g_assert_true (onramp_keyring_clear_tokens_finish (keyring, await (&result), NULL));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
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
  g_autoptr(GError) error = NULL;
  int status;

  /* Before any thread starts and before GLib reads them once and for all */
  scratch_home = g_dir_make_tmp ("onramp-secrets-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", scratch_home, TRUE);
  g_setenv ("XDG_DATA_HOME", scratch_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", scratch_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", scratch_home, TRUE);
  g_setenv ("XDG_STATE_HOME", scratch_home, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  g_test_init (&argc, &argv, NULL);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);

  g_test_add_func ("/secrets/sign-in-leaves-no-secret", test_sign_in_leaves_no_secret);

  status = g_test_run ();

  remove_tree (scratch_home);
  g_free (scratch_home);
  g_string_free (captured_log, TRUE);

  return status;
}

/* test-keyring.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "onramp-error.h"
#include "onramp-keyring.h"

/* OnrampKeyring against real secret services: the unlocked throwaway
 * gnome-keyring that build-aux/test provides, and, in subprocesses, a
 * private session bus with no secret service, a second gnome-keyring whose
 * collection is locked, and a fake service that never answers. */

static char *scratch_dir;
static GPid bare_bus_pid;
static GPid locked_bus_pid;

/* Runs the main loop until an async call has finished */
static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
await (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static char *
random_cloud (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("test-", uuid, NULL);
}

static gboolean
store_tokens (OnrampKeyring       *keyring,
              const char          *cloud,
              const OnrampTokens  *tokens,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  onramp_keyring_store_tokens_async (keyring, cloud, tokens, NULL, on_result_cb, &result);
  return onramp_keyring_store_tokens_finish (keyring, await (&result), error);
}

static OnrampTokens *
lookup_tokens (OnrampKeyring  *keyring,
               const char     *cloud,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  onramp_keyring_lookup_tokens_async (keyring, cloud, NULL, on_result_cb, &result);
  return onramp_keyring_lookup_tokens_finish (keyring, await (&result), error);
}

static gboolean
clear_tokens (OnrampKeyring  *keyring,
              const char     *cloud,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  onramp_keyring_clear_tokens_async (keyring, cloud, NULL, on_result_cb, &result);
  return onramp_keyring_clear_tokens_finish (keyring, await (&result), error);
}

static gboolean
skip_without_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return FALSE;

  g_test_skip ("No session bus: run under build-aux/test, which unlocks a throwaway keyring");
  return TRUE;
}

static void
assert_user_error (const GError *error,
                   int           code)
{
  g_assert_error (error, ONRAMP_ERROR, code);
  /* Every keyring failure tells the user their work is safe */
  g_assert_nonnull (strstr (error->message, "drafting"));
}

static void
test_tokens_round_trip (void)
{
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autofree char *cloud = random_cloud ();
  g_autoptr(OnrampTokens) first = onramp_tokens_new ("access-1", "refresh-1", 1900000000, "agent@contoso.com");
  g_autoptr(OnrampTokens) second = onramp_tokens_new ("access-2", NULL, 1900000100, "other@contoso.com");
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  /* Nothing stored yet: its own answer, not a crash */
  found = lookup_tokens (keyring, cloud, &error);
  g_assert_null (found);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  g_assert_true (store_tokens (keyring, cloud, first, &error));
  g_assert_no_error (error);
  found = lookup_tokens (keyring, cloud, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->access_token, ==, "access-1");
  g_assert_cmpstr (found->refresh_token, ==, "refresh-1");
  g_assert_cmpint (found->expires_at, ==, 1900000000);
  g_assert_cmpstr (found->account, ==, "agent@contoso.com");
  g_clear_pointer (&found, onramp_tokens_free);

  /* Another account in the same cloud replaces the first: one session per cloud */
  g_assert_true (store_tokens (keyring, cloud, second, &error));
  g_assert_no_error (error);
  found = lookup_tokens (keyring, cloud, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->access_token, ==, "access-2");
  g_assert_null (found->refresh_token);
  g_assert_cmpstr (found->account, ==, "other@contoso.com");
  g_clear_pointer (&found, onramp_tokens_free);

  g_assert_true (clear_tokens (keyring, cloud, &error));
  g_assert_no_error (error);
  found = lookup_tokens (keyring, cloud, &error);
  g_assert_null (found);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  /* Clearing what is not there is fine */
  g_assert_true (clear_tokens (keyring, cloud, &error));
  g_assert_no_error (error);
}

static void
test_clouds_are_separate (void)
{
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autofree char *commercial = random_cloud ();
  g_autofree char *government = random_cloud ();
  g_autoptr(OnrampTokens) tokens = onramp_tokens_new ("access-c", "refresh-c", 1900000000, NULL);
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_tokens (keyring, commercial, tokens, &error));
  g_assert_no_error (error);
  found = lookup_tokens (keyring, government, &error);
  g_assert_null (found);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_assert_true (clear_tokens (keyring, commercial, NULL));
}

static const SecretSchema token_schema = {
  .name = "io.github.onrampcsp.Onramp.Token",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { "version", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "cloud", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static void
test_unreadable_item (void)
{
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autofree char *cloud = random_cloud ();
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const garbage[] = {
    "not a variant",
    "{'access-token': <'only this'>}",
    "{'access-token': <42>, 'expires-at': <int64 5>}",
    "",
  };

  if (skip_without_keyring ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_assert_true (secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT, "garbage",
                                                 garbage[i], NULL, &error,
                                                 "version", "1", "cloud", cloud, "account", "x", NULL));
      g_assert_no_error (error);
      found = lookup_tokens (keyring, cloud, &error);
      g_assert_null (found);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
      g_clear_error (&error);
    }

  g_assert_true (clear_tokens (keyring, cloud, NULL));
}

static void
test_admin_password_round_trip (void)
{
  g_autoptr(OnrampKeyring) keyring = onramp_keyring_new ();
  g_autofree char *customer_id = g_uuid_string_random ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (skip_without_keyring ())
    return;

  onramp_keyring_lookup_admin_password_async (keyring, customer_id, NULL, on_result_cb, &result);
  password = onramp_keyring_lookup_admin_password_finish (keyring, await (&result), &error);
  g_assert_no_error (error);
  g_assert_null (password);
  g_clear_object (&result);

  onramp_keyring_store_admin_password_async (keyring, customer_id, "admin@contoso2026.onmicrosoft.com",
                                             "Xy7!p4ssw0rd", NULL, on_result_cb, &result);
  g_assert_true (onramp_keyring_store_admin_password_finish (keyring, await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  onramp_keyring_lookup_admin_password_async (keyring, customer_id, NULL, on_result_cb, &result);
  password = onramp_keyring_lookup_admin_password_finish (keyring, await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "Xy7!p4ssw0rd");
  g_clear_pointer (&password, g_free);
  g_clear_object (&result);

  onramp_keyring_clear_admin_password_async (keyring, customer_id, NULL, on_result_cb, &result);
  g_assert_true (onramp_keyring_clear_admin_password_finish (keyring, await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  onramp_keyring_lookup_admin_password_async (keyring, customer_id, NULL, on_result_cb, &result);
  password = onramp_keyring_lookup_admin_password_finish (keyring, await (&result), &error);
  g_assert_no_error (error);
  g_assert_null (password);
}

/* Subprocess cases: the child points its session bus elsewhere before any
 * D-Bus call, so the parent's connection is untouched. */

static void
run_in_subprocess (const char *bus_variable)
{
  if (g_getenv (bus_variable) == NULL)
    {
      g_test_skip ("Could not start the private bus this case needs");
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
use_bus (const char *bus_variable)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", g_getenv (bus_variable), TRUE);
}

static void
assert_every_call_fails (OnrampKeyring *keyring,
                         int            code)
{
  g_autoptr(OnrampTokens) tokens = onramp_tokens_new ("access", "refresh", 1900000000, "a@b.c");
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (store_tokens (keyring, "commercial", tokens, &error));
  assert_user_error (error, code);
  g_clear_error (&error);

  found = lookup_tokens (keyring, "commercial", &error);
  g_assert_null (found);
  assert_user_error (error, code);
  g_clear_error (&error);

  g_assert_false (clear_tokens (keyring, "commercial", &error));
  assert_user_error (error, code);
}

static void
test_no_service (void)
{
  g_autoptr(OnrampKeyring) keyring = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ("ONRAMP_TEST_BARE_BUS");
      return;
    }

  /* A bus where nothing provides org.freedesktop.secrets */
  use_bus ("ONRAMP_TEST_BARE_BUS");
  keyring = onramp_keyring_new ();
  assert_every_call_fails (keyring, ONRAMP_ERROR_KEYRING_UNAVAILABLE);
}

static void
test_no_bus (void)
{
  g_autoptr(OnrampKeyring) keyring = NULL;
  g_autofree char *address = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  address = g_strdup_printf ("unix:path=%s/no-such-bus", g_get_tmp_dir ());
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  keyring = onramp_keyring_new ();
  assert_every_call_fails (keyring, ONRAMP_ERROR_KEYRING_UNAVAILABLE);
}

static void
test_locked (void)
{
  g_autoptr(OnrampKeyring) keyring = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(OnrampTokens) tokens = onramp_tokens_new ("access", "refresh", 1900000000, "a@b.c");
  g_autoptr(GError) error = NULL;
  GList *objects;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ("ONRAMP_TEST_LOCKED_BUS");
      return;
    }

  /* A second gnome-keyring, unlocked at start; lock its collection now */
  use_bus ("ONRAMP_TEST_LOCKED_BUS");
  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  objects = g_list_append (NULL, collection);
  secret_service_lock_sync (service, objects, NULL, NULL, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));

  keyring = onramp_keyring_new ();
  g_assert_false (store_tokens (keyring, "commercial", tokens, &error));
  assert_user_error (error, ONRAMP_ERROR_KEYRING_LOCKED);
}

/* A "secret service" that takes every call and never answers, like one
 * stuck on a prompt nobody can see */

/* A "secret service" that takes every call and never answers, like one
 * stuck on a prompt nobody can see. The filter runs in GDBus's worker
 * thread, hence the atomic count. */
static GDBusMessage *
swallow_method_calls_cb (GDBusConnection *connection,
                         GDBusMessage    *message,
                         gboolean         incoming,
                         gpointer         user_data)
{
  int *swallowed = user_data;

  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    return message;

  g_atomic_int_inc (swallowed);
  g_object_unref (message);
  return NULL;
}

static GDBusConnection *
start_silent_service (int *swallowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (connection, swallow_method_calls_cb, swallowed, NULL);

  return connection;
}

static void
test_timeout (void)
{
  g_autoptr(OnrampKeyring) keyring = NULL;
  g_autoptr(GDBusConnection) service = NULL;
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;
  int swallowed = 0;
  gint64 start;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ("ONRAMP_TEST_BARE_BUS");
      return;
    }

  use_bus ("ONRAMP_TEST_BARE_BUS");
  service = start_silent_service (&swallowed);

  keyring = onramp_keyring_new ();
  onramp_keyring_set_timeout (keyring, 1);
  start = g_get_monotonic_time ();
  found = lookup_tokens (keyring, "commercial", &error);
  g_assert_null (found);
  assert_user_error (error, ONRAMP_ERROR_KEYRING_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "did not answer"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (g_atomic_int_get (&swallowed), >, 0);
}

static gboolean
cancel_soon_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancelled (void)
{
  g_autoptr(OnrampKeyring) keyring = NULL;
  g_autoptr(GDBusConnection) service = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OnrampTokens) found = NULL;
  g_autoptr(GError) error = NULL;
  int swallowed = 0;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ("ONRAMP_TEST_BARE_BUS");
      return;
    }

  use_bus ("ONRAMP_TEST_BARE_BUS");
  service = start_silent_service (&swallowed);

  /* The caller's cancellation stays a plain cancellation: no message */
  keyring = onramp_keyring_new ();
  g_timeout_add (100, cancel_soon_cb, cancellable);
  onramp_keyring_lookup_tokens_async (keyring, "commercial", cancellable, on_result_cb, &result);
  found = onramp_keyring_lookup_tokens_finish (keyring, await (&result), &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Private buses, started once by the parent before any thread exists */

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:dir=%s</listen>\n"
  "  <auth>EXTERNAL</auth>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

/* A test that aborts must not leave its bus behind */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* No <servicedir>: nothing is D-Bus-activated, so no gnome-keyring either */
static char *
start_bus (const char *name,
           GPid       *pid)
{
  g_autofree char *dir = g_build_filename (scratch_dir, name, NULL);
  g_autofree char *config_path = g_build_filename (scratch_dir, "bus.conf", NULL);
  g_autofree char *config = g_strdup_printf (bus_config, scratch_dir);
  g_autofree char *address = NULL;
  const char *argv[] = { "dbus-daemon", "--nofork", "--print-address=1", NULL, NULL };
  g_autofree char *config_arg = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GError) error = NULL;
  int out_fd = -1;

  if (!g_file_set_contents (config_path, config, -1, &error))
    return NULL;
  config_arg = g_strconcat ("--config-file=", config_path, NULL);
  argv[3] = config_arg;

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 die_with_parent, NULL, pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("# cannot start dbus-daemon: %s\n", error->message);
      return NULL;
    }

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  if (g_io_channel_read_line (channel, &address, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
    {
      g_printerr ("# dbus-daemon printed no address: %s\n", error ? error->message : "end of file");
      return NULL;
    }

  return g_strstrip (g_steal_pointer (&address));
}

static gboolean
start_locked_keyring (const char *address)
{
  g_autofree char *data = g_build_filename (scratch_dir, "keyring-data", NULL);
  g_autofree char *runtime = g_build_filename (scratch_dir, "keyring-run", NULL);
  const char *argv[] = { "gnome-keyring-daemon", "--unlock", "--components=secrets", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int in_fd = -1;
  int status = 0;
  GPid pid;

  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (runtime, 0700);
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", runtime, TRUE);
  envp = g_environ_unsetenv (envp, "GNOME_KEYRING_CONTROL");
  envp = g_environ_unsetenv (envp, "DISPLAY");

  if (!g_spawn_async_with_pipes (NULL, (char **)argv, envp,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                 G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, &in_fd, NULL, NULL, &error))
    {
      g_printerr ("# cannot start gnome-keyring-daemon: %s\n", error->message);
      return FALSE;
    }

  /* --unlock reads the password from stdin and returns once ready */
  if (write (in_fd, "second-keyring", strlen ("second-keyring")) < 0)
    return FALSE;
  close (in_fd);
  if (waitpid (pid, &status, 0) < 0)
    return FALSE;
  g_spawn_close_pid (pid);

  return g_spawn_check_wait_status (status, NULL);
}

static void
stop_bus (GPid pid)
{
  if (pid > 0)
    {
      kill (pid, SIGTERM);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
    }
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

static void
start_private_buses (void)
{
  g_autofree char *bare = NULL;
  g_autofree char *locked = NULL;

  scratch_dir = g_dir_make_tmp ("onramp-test-keyring-XXXXXX", NULL);
  if (scratch_dir == NULL)
    return;

  bare = start_bus ("bare", &bare_bus_pid);
  if (bare != NULL)
    g_setenv ("ONRAMP_TEST_BARE_BUS", bare, TRUE);

  locked = start_bus ("locked", &locked_bus_pid);
  if (locked != NULL && start_locked_keyring (locked))
    g_setenv ("ONRAMP_TEST_LOCKED_BUS", locked, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    start_private_buses ();

  g_test_add_func ("/keyring/tokens/round-trip", test_tokens_round_trip);
  g_test_add_func ("/keyring/tokens/clouds-are-separate", test_clouds_are_separate);
  g_test_add_func ("/keyring/tokens/unreadable-item", test_unreadable_item);
  g_test_add_func ("/keyring/admin-password/round-trip", test_admin_password_round_trip);
  g_test_add_func ("/keyring/errors/no-service", test_no_service);
  g_test_add_func ("/keyring/errors/no-bus", test_no_bus);
  g_test_add_func ("/keyring/errors/locked", test_locked);
  g_test_add_func ("/keyring/errors/timeout", test_timeout);
  g_test_add_func ("/keyring/errors/cancelled", test_cancelled);

  status = g_test_run ();

  if (!g_test_subprocess ())
    {
      stop_bus (bare_bus_pid);
      stop_bus (locked_bus_pid);
      if (scratch_dir != NULL)
        remove_tree (scratch_dir);
      g_free (scratch_dir);
    }

  return status;
}

/* test-auth.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "onramp-auth.h"
#include "onramp-demo-server.h"
#include "onramp-error.h"

/* OnrampAuth against the demo server's device-code endpoints, with the
 * session kept in the throwaway keyring build-aux/test unlocks. Waits are
 * scaled down (time-scale) so each case takes milliseconds. Every log line
 * is captured, to check that no secret ever reaches it. */

#define CLIENT_ID "7a1b3c5d-0000-4000-8000-00000000c11e"
#define DEMO_ACCOUNT "agent@onrampdemo.onmicrosoft.com"

static GString *captured_log;

typedef struct
{
  OnrampDemoServer *server;
  OnrampDemoAuth   *demo;
  OnrampKeyring    *keyring;
  OnrampAuth       *auth;
  char             *cloud;
  GPtrArray        *secrets;
} Fixture;

static GLogWriterOutput
capture_log_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_string_append (captured_log, line);
  g_string_append_c (captured_log, '\n');

  /* Debug output is captured, not printed, to keep the TAP stream short */
  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
capture_old_api_log_cb (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message,
                        gpointer        user_data)
{
  g_string_append_printf (captured_log, "%s: %s\n", log_domain ? log_domain : "", message);

  if (!(log_level & G_LOG_LEVEL_DEBUG))
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
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
  guint deadline = g_timeout_add_seconds (10, on_deadline_cb, (gpointer)"an async result");

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);

  return *result;
}

static void
wait_for_state (Fixture         *f,
                OnrampAuthState  state)
{
  guint deadline = g_timeout_add_seconds (10, on_deadline_cb, (gpointer)"a state");

  while (onramp_auth_get_state (f->auth) != state)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (deadline);
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
remember_secret (Fixture    *f,
                 const char *secret)
{
  if (secret != NULL)
    g_ptr_array_add (f->secrets, g_strdup (secret));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  f->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  f->demo = onramp_demo_server_get_auth (f->server);
  onramp_demo_auth_set_time_scale (f->demo, 0.01);

  f->cloud = g_strconcat ("test-", uuid, NULL);
  f->keyring = onramp_keyring_new ();
  onramp_keyring_set_timeout (f->keyring, 10);
  f->auth = onramp_auth_new (f->keyring, f->cloud, CLIENT_ID);
  onramp_auth_set_authority (f->auth, onramp_demo_server_get_url (f->server));
  onramp_auth_set_time_scale (f->auth, 0.01);

  f->secrets = g_ptr_array_new_with_free_func (g_free);
  g_string_truncate (captured_log, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (f->keyring != NULL)
    {
      onramp_keyring_clear_tokens_async (f->keyring, f->cloud, NULL, on_result_cb, &result);
      onramp_keyring_clear_tokens_finish (f->keyring, await (&result), NULL);
    }

  g_clear_object (&f->auth);
  g_clear_object (&f->keyring);
  g_clear_object (&f->server);
  g_clear_pointer (&f->cloud, g_free);
  g_clear_pointer (&f->secrets, g_ptr_array_unref);
}

static gboolean
skip_without_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return FALSE;

  g_test_skip ("No session bus: run under build-aux/test, which unlocks a throwaway keyring");
  return TRUE;
}

/* Starts a sign-in and waits until the code is shown */
static void
start_sign_in (Fixture       *f,
               GAsyncResult **result)
{
  onramp_auth_sign_in_async (f->auth, NULL, on_result_cb, result);
  wait_for_state (f, ONRAMP_AUTH_STATE_AWAITING_USER);

  g_assert_cmpstr (onramp_auth_get_user_code (f->auth), ==, onramp_demo_auth_get_last_user_code (f->demo));
  g_assert_true (g_str_has_prefix (onramp_auth_get_verification_uri (f->auth),
                                   onramp_demo_server_get_url (f->server)));
  g_assert_true (g_str_has_suffix (onramp_auth_get_verification_uri (f->auth), "/devicelogin"));
  remember_secret (f, onramp_auth_get_user_code (f->auth));
  remember_secret (f, onramp_demo_auth_get_last_device_code (f->demo));
}

static char *
get_access_token (Fixture  *f,
                  GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;

  onramp_auth_get_access_token_async (f->auth, NULL, on_result_cb, &result);
  token = onramp_auth_get_access_token_finish (f->auth, await (&result), error);
  remember_secret (f, token);

  return token;
}

static OnrampTokens *
lookup_keyring (Fixture  *f,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  OnrampTokens *tokens;

  onramp_keyring_lookup_tokens_async (f->keyring, f->cloud, NULL, on_result_cb, &result);
  tokens = onramp_keyring_lookup_tokens_finish (f->keyring, await (&result), error);
  if (tokens != NULL)
    {
      remember_secret (f, tokens->access_token);
      remember_secret (f, tokens->refresh_token);
    }

  return tokens;
}

static void
sign_in_approved (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  start_sign_in (f, &result);
  g_assert_true (onramp_demo_auth_approve (f->demo, onramp_auth_get_user_code (f->auth)));
  g_assert_true (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);
}

/* The log has lines (so the capture works) and none holds a secret */
static void
assert_no_secret_logged (Fixture *f)
{
  g_assert_nonnull (strstr (captured_log->str, "onramp-auth"));

  for (guint i = 0; i < f->secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (f->secrets, i);

      g_assert_cmpuint (strlen (secret), >=, 8);
      if (strstr (captured_log->str, secret) != NULL)
        g_error ("A secret (%zu characters) appeared in the log", strlen (secret));
    }
}

static void
test_sign_in_approved (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(OnrampTokens) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *bearer = NULL;

  if (skip_without_keyring ())
    return;

  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  sign_in_approved (f);

  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
  g_assert_cmpstr (onramp_auth_get_account (f->auth), ==, DEMO_ACCOUNT);
  g_assert_null (onramp_auth_get_user_code (f->auth));
  g_assert_null (onramp_auth_get_error (f->auth));

  token = get_access_token (f, &error);
  g_assert_no_error (error);
  bearer = g_strconcat ("Bearer ", token, NULL);
  g_assert_true (onramp_demo_auth_check_bearer (f->demo, bearer));
  g_assert_false (onramp_demo_auth_check_bearer (f->demo, "Bearer forged"));
  g_assert_false (onramp_demo_auth_check_bearer (f->demo, token));

  /* The session is in the keyring, and only there */
  stored = lookup_keyring (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->access_token, ==, token);
  g_assert_nonnull (stored->refresh_token);
  g_assert_cmpstr (stored->account, ==, DEMO_ACCOUNT);
  g_assert_cmpint (stored->expires_at, >, g_get_real_time () / G_USEC_PER_SEC + 3000);

  assert_no_secret_logged (f);
}

static void
test_sign_in_pending (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  /* Several polls (every 50 ms) hear authorization_pending; the client
   * keeps waiting, and never polls too fast */
  start_sign_in (f, &result);
  iterate_for (300);
  g_assert_null (result);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_AWAITING_USER);
  g_assert_cmpuint (onramp_demo_auth_get_slow_down_count (f->demo), ==, 0);

  g_assert_true (onramp_demo_auth_approve (f->demo, onramp_auth_get_user_code (f->auth)));
  g_assert_true (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);
  assert_no_secret_logged (f);
}

static void
test_sign_in_slow_down (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint slow_downs;

  if (skip_without_keyring ())
    return;

  /* The client polls every 5 ms where the server wants 50 ms: each
   * slow_down must add 5 s (here 5 ms) until it is slow enough. A client
   * that ignored slow_down would never get through. */
  onramp_auth_set_time_scale (f->auth, 0.001);
  onramp_demo_auth_set_auto_approve (f->demo, 20);
  onramp_auth_sign_in_async (f->auth, NULL, on_result_cb, &result);
  g_assert_true (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);

  slow_downs = onramp_demo_auth_get_slow_down_count (f->demo);
  g_assert_cmpuint (slow_downs, >=, 1);
  g_assert_cmpuint (slow_downs, <=, 10);
}

static void
assert_sign_in_fails (Fixture    *f,
                      const char *words)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *user_code;

  start_sign_in (f, &result);
  user_code = onramp_auth_get_user_code (f->auth);
  if (strstr (words, "declined") != NULL)
    g_assert_true (onramp_demo_auth_deny (f->demo, user_code));

  g_assert_false (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_ERROR);
  g_assert_nonnull (onramp_auth_get_error (f->auth));
  g_assert_null (onramp_auth_get_user_code (f->auth));
  assert_no_secret_logged (f);
}

static void
test_sign_in_expired (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The server's code lives 100 ms; the client would wait 200 ms, so it is
   * the server's expired_token that ends the sign-in */
  onramp_demo_auth_set_interval (f->demo, 1);
  onramp_demo_auth_set_code_lifetime (f->demo, 10);
  onramp_auth_set_time_scale (f->auth, 0.02);
  assert_sign_in_fails (f, "expired");

  /* Approving a dead code does nothing */
  g_assert_false (onramp_demo_auth_approve (f->demo, onramp_demo_auth_get_last_user_code (f->demo)));

  /* A new sign-in works afterwards */
  onramp_demo_auth_set_code_lifetime (f->demo, 900);
  if (skip_without_keyring ())
    return;
  sign_in_approved (f);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static void
test_sign_in_declined (Fixture       *f,
                       gconstpointer  data)
{
  assert_sign_in_fails (f, "declined");
}

static void
test_sign_in_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* A 5 s interval: cancelling must not wait for the next poll */
  onramp_auth_set_time_scale (f->auth, 1.0);
  onramp_auth_sign_in_async (f->auth, cancellable, on_result_cb, &result);
  wait_for_state (f, ONRAMP_AUTH_STATE_AWAITING_USER);

  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_assert_false (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  g_assert_null (onramp_auth_get_user_code (f->auth));
  g_assert_null (onramp_auth_get_error (f->auth));
}

static void
test_sign_in_needs_client_id (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  onramp_auth_set_client_id (f->auth, "");
  onramp_auth_sign_in_async (f->auth, NULL, on_result_cb, &result);
  g_assert_false (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "client"));
  g_assert_null (onramp_demo_auth_get_last_user_code (f->demo));
}

static void
test_refresh_before_expiry (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OnrampTokens) stored = NULL;
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_a = NULL;
  g_autofree char *token_b = NULL;
  g_autofree char *initial = NULL;

  if (skip_without_keyring ())
    return;

  /* A token with one minute left is refreshed at its next use */
  onramp_demo_auth_set_token_lifetime (f->demo, 60);
  sign_in_approved (f);
  stored = lookup_keyring (f, &error);
  g_assert_no_error (error);
  initial = g_strdup (stored->access_token);
  g_clear_pointer (&stored, onramp_tokens_free);

  /* Two callers at once share one refresh */
  onramp_auth_get_access_token_async (f->auth, NULL, on_result_cb, &first);
  onramp_auth_get_access_token_async (f->auth, NULL, on_result_cb, &second);
  token_a = onramp_auth_get_access_token_finish (f->auth, await (&first), &error);
  g_assert_no_error (error);
  token_b = onramp_auth_get_access_token_finish (f->auth, await (&second), &error);
  g_assert_no_error (error);
  remember_secret (f, token_a);
  g_assert_cmpstr (token_a, ==, token_b);
  g_assert_cmpstr (token_a, !=, initial);
  g_assert_cmpuint (onramp_demo_auth_get_refresh_count (f->demo), ==, 1);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);

  /* The keyring has the new session (the refresh token rotated) */
  iterate_for (100);
  stored = lookup_keyring (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->access_token, ==, token_a);

  assert_no_secret_logged (f);
}

static void
test_no_refresh_while_fresh (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token_a = NULL;
  g_autofree char *token_b = NULL;

  if (skip_without_keyring ())
    return;

  sign_in_approved (f);
  token_a = get_access_token (f, &error);
  g_assert_no_error (error);
  token_b = get_access_token (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token_a, ==, token_b);
  g_assert_cmpuint (onramp_demo_auth_get_refresh_count (f->demo), ==, 0);
}

static void
test_refresh_on_demand (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (skip_without_keyring ())
    return;

  sign_in_approved (f);
  before = get_access_token (f, &error);
  onramp_auth_refresh_async (f->auth, NULL, on_result_cb, &result);
  g_assert_true (onramp_auth_refresh_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);
  after = get_access_token (f, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (onramp_demo_auth_get_refresh_count (f->demo), ==, 1);
  assert_no_secret_logged (f);
}

static void
test_refresh_revoked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(OnrampTokens) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (skip_without_keyring ())
    return;

  /* The user's sessions were revoked: the app is signed out, the keyring
   * emptied, and the caller told to sign in again */
  onramp_demo_auth_set_token_lifetime (f->demo, 60);
  sign_in_approved (f);
  onramp_demo_auth_revoke_refresh_tokens (f->demo);

  token = get_access_token (f, &error);
  g_assert_null (token);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  g_assert_null (onramp_auth_get_account (f->auth));

  iterate_for (100);
  stored = lookup_keyring (f, &error);
  g_assert_null (stored);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
}

static void
test_sign_out (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(OnrampTokens) stored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (skip_without_keyring ())
    return;

  sign_in_approved (f);
  onramp_auth_sign_out_async (f->auth, NULL, on_result_cb, &result);
  g_assert_true (onramp_auth_sign_out_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);

  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  g_assert_null (onramp_auth_get_account (f->auth));
  token = get_access_token (f, &error);
  g_assert_null (token);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_clear_error (&error);

  stored = lookup_keyring (f, &error);
  g_assert_null (stored);
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
}

static void
test_sign_out_cancels_sign_in (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GAsyncResult) sign_in = NULL;
  g_autoptr(GAsyncResult) sign_out = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  start_sign_in (f, &sign_in);
  onramp_auth_sign_out_async (f->auth, NULL, on_result_cb, &sign_out);
  g_assert_false (onramp_auth_sign_in_finish (f->auth, await (&sign_in), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (onramp_auth_sign_out_finish (f->auth, await (&sign_out), NULL));
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(OnrampAuth) later = NULL;
  g_autoptr(OnrampAuth) elsewhere = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *restored_token = NULL;

  if (skip_without_keyring ())
    return;

  sign_in_approved (f);
  token = get_access_token (f, &error);
  g_assert_no_error (error);

  /* The next start of the app */
  later = onramp_auth_new (f->keyring, f->cloud, CLIENT_ID);
  onramp_auth_set_authority (later, onramp_demo_server_get_url (f->server));
  g_assert_cmpint (onramp_auth_get_state (later), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  onramp_auth_restore_async (later, NULL, on_result_cb, &result);
  g_assert_true (onramp_auth_restore_finish (later, await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (onramp_auth_get_state (later), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
  g_assert_cmpstr (onramp_auth_get_account (later), ==, DEMO_ACCOUNT);

  onramp_auth_get_access_token_async (later, NULL, on_result_cb, &result);
  restored_token = onramp_auth_get_access_token_finish (later, await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored_token, ==, token);
  g_clear_object (&result);

  /* Another cloud has no session */
  elsewhere = onramp_auth_new (f->keyring, "test-nothing-stored-here", CLIENT_ID);
  onramp_auth_restore_async (elsewhere, NULL, on_result_cb, &result);
  g_assert_false (onramp_auth_restore_finish (elsewhere, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);
  g_assert_cmpint (onramp_auth_get_state (elsewhere), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  assert_no_secret_logged (f);
}

static void
test_environment_token (void)
{
  g_unsetenv ("ONRAMP_ACCESS_TOKEN");
  g_assert_null (onramp_auth_get_environment_token ());

  g_setenv ("ONRAMP_ACCESS_TOKEN", "", TRUE);
  g_assert_null (onramp_auth_get_environment_token ());

  g_setenv ("ONRAMP_ACCESS_TOKEN", "eyJ0eXAiOiJKV1Qi.from.automation", TRUE);
  g_assert_cmpstr (onramp_auth_get_environment_token (), ==, "eyJ0eXAiOiJKV1Qi.from.automation");
  g_unsetenv ("ONRAMP_ACCESS_TOKEN");
}

static void
test_allowed_urls (void)
{
  static const struct {
    const char *url;
    gboolean    allowed;
  } cases[] = {
    { "https://login.microsoftonline.com", TRUE },
    { "https://login.microsoftonline.us/", TRUE },
    { "HTTPS://login.microsoftonline.com", TRUE },
    { "http://login.microsoftonline.com", FALSE },
    { "http://127.0.0.1:41234", TRUE },
    { "http://127.0.0.2", TRUE },
    { "http://localhost:8080/devicelogin", TRUE },
    { "http://[::1]:8080", TRUE },
    { "http://127.0.0.1.example.com", FALSE },
    { "http://10.0.0.1", FALSE },
    { "ftp://127.0.0.1", FALSE },
    { "javascript:alert(1)", FALSE },
    { "https://", FALSE },
    { "not a url", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].url ? cases[i].url : "(null)");
      g_assert_cmpint (onramp_auth_is_allowed_url (cases[i].url), ==, cases[i].allowed);
    }
}

static void
test_https_only (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Refused before any request leaves the machine */
  onramp_auth_set_authority (f->auth, "http://login.microsoftonline.com");
  onramp_auth_sign_in_async (f->auth, NULL, on_result_cb, &result);
  g_assert_false (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_ERROR);
}

static void
test_refresh_https_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_keyring ())
    return;

  /* The refresh token is not sent to an address that became insecure */
  sign_in_approved (f);
  onramp_auth_set_authority (f->auth, "http://login.example.com");
  onramp_auth_refresh_async (f->auth, NULL, on_result_cb, &result);
  g_assert_false (onramp_auth_refresh_finish (f->auth, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_assert_cmpuint (onramp_demo_auth_get_refresh_count (f->demo), ==, 0);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static void
test_authorities (void)
{
  g_autoptr(OnrampAuth) commercial = onramp_auth_new (NULL, NULL, CLIENT_ID);
  g_autoptr(OnrampAuth) government = onramp_auth_new (NULL, "us-government", CLIENT_ID);

  g_assert_cmpstr (onramp_auth_get_cloud (commercial), ==, "commercial");
  g_assert_cmpstr (onramp_auth_get_authority (commercial), ==, "https://login.microsoftonline.com");
  g_assert_cmpstr (onramp_auth_get_authority (government), ==, "https://login.microsoftonline.us");

  onramp_auth_set_authority (government, "http://127.0.0.1:8080/");
  g_assert_cmpstr (onramp_auth_get_authority (government), ==, "http://127.0.0.1:8080");
  onramp_auth_set_authority (government, NULL);
  g_assert_cmpstr (onramp_auth_get_authority (government), ==, "https://login.microsoftonline.us");
}

/* A hostile or broken sign-in service */

static void
on_hostile_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char *body = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
test_hostile_replies (void)
{
  static const char * const replies[] = {
    "",
    "not json at all",
    "[1, 2, 3]",
    "{\"user_code\": 42, \"device_code\": \"d\", \"verification_uri\": \"https://x\"}",
    "{\"user_code\": \"ABC\", \"verification_uri\": \"https://x\"}",
    /* a code to type into a page that is not secure */
    "{\"user_code\": \"ABC\", \"device_code\": \"d\", \"verification_uri\": \"http://phish.example.com/\"}",
    "{\"user_code\": \"ABC\", \"device_code\": \"d\", \"verification_uri\": \"javascript:alert(1)\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(OnrampAuth) auth = onramp_auth_new (NULL, "test-hostile", CLIENT_ID);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;
      GSList *uris;

      soup_server_add_handler (server, NULL, on_hostile_cb, (gpointer)replies[i], NULL);
      g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
      uris = soup_server_get_uris (server);
      url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
      g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

      onramp_auth_set_authority (auth, url);
      onramp_auth_sign_in_async (auth, NULL, on_result_cb, &result);
      g_assert_false (onramp_auth_sign_in_finish (auth, await (&result), &error));
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_assert_cmpint (onramp_auth_get_state (auth), ==, ONRAMP_AUTH_STATE_ERROR);
      soup_server_disconnect (server);
    }
}

static void
test_unreachable (void)
{
  g_autoptr(OnrampAuth) auth = onramp_auth_new (NULL, "test-unreachable", CLIENT_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing listens on port 9 */
  onramp_auth_set_authority (auth, "http://127.0.0.1:9");
  onramp_auth_sign_in_async (auth, NULL, on_result_cb, &result);
  g_assert_false (onramp_auth_sign_in_finish (auth, await (&result), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "drafting"));
}

/* The verification page, as a browser uses it */

typedef struct
{
  SoupMessage *message;
  GBytes      *body;
} Page;

static void
on_page_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Page *page = user_data;
  g_autoptr(GError) error = NULL;

  page->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

static char *
browse (Fixture    *f,
        const char *method,
        const char *form,
        guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (onramp_demo_server_get_url (f->server), "/devicelogin", NULL);
  Page page = { NULL, NULL };
  char *text;

  page.message = form ? soup_message_new_from_encoded_form (method, url, g_strdup (form))
                      : soup_message_new (method, url);
  soup_session_send_and_read_async (session, page.message, G_PRIORITY_DEFAULT, NULL, on_page_cb, &page);
  while (page.body == NULL)
    g_main_context_iteration (NULL, TRUE);

  *status = soup_message_get_status (page.message);
  text = g_strndup (g_bytes_get_data (page.body, NULL), g_bytes_get_size (page.body));
  g_bytes_unref (page.body);
  g_object_unref (page.message);

  return text;
}

static void
test_verification_page (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *form = NULL;
  g_autofree char *lower = NULL;
  guint status = 0;

  if (skip_without_keyring ())
    return;

  start_sign_in (f, &result);

  /* The page asks for the code */
  page = browse (f, "GET", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (page, "<form method=\"post\" action=\"/devicelogin\">"));
  g_assert_nonnull (strstr (page, "name=\"user_code\""));
  g_assert_nonnull (strstr (page, "value=\"approve\""));
  g_clear_pointer (&page, g_free);

  /* A wrong code changes nothing, and is not echoed back unescaped */
  page = browse (f, "POST", "user_code=%3Cscript%3E&action=approve", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_null (strstr (page, "<SCRIPT>"));
  g_assert_null (strstr (page, "<script>"));
  g_clear_pointer (&page, g_free);
  iterate_for (100);
  g_assert_null (result);

  /* The right code, typed in lower case with spaces, signs the app in */
  lower = g_ascii_strdown (onramp_auth_get_user_code (f->auth), -1);
  form = g_strdup_printf ("user_code=+%s+&action=approve", lower);
  page = browse (f, "POST", form, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (onramp_auth_sign_in_finish (f->auth, await (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static void
add (const char *path,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_log_cb, NULL, NULL);
  g_log_set_default_handler (capture_old_api_log_cb, NULL);

  /* First: it sets the environment, which is safe only before threads start */
  g_test_add_func ("/auth/environment-token", test_environment_token);
  g_test_add_func ("/auth/allowed-urls", test_allowed_urls);
  g_test_add_func ("/auth/authorities", test_authorities);
  g_test_add_func ("/auth/hostile-replies", test_hostile_replies);
  g_test_add_func ("/auth/unreachable", test_unreachable);
  add ("/auth/https-only", test_https_only);
  add ("/auth/sign-in/approved", test_sign_in_approved);
  add ("/auth/sign-in/pending", test_sign_in_pending);
  add ("/auth/sign-in/slow-down", test_sign_in_slow_down);
  add ("/auth/sign-in/expired", test_sign_in_expired);
  add ("/auth/sign-in/declined", test_sign_in_declined);
  add ("/auth/sign-in/cancelled", test_sign_in_cancelled);
  add ("/auth/sign-in/needs-client-id", test_sign_in_needs_client_id);
  add ("/auth/sign-in/verification-page", test_verification_page);
  add ("/auth/refresh/before-expiry", test_refresh_before_expiry);
  add ("/auth/refresh/not-while-fresh", test_no_refresh_while_fresh);
  add ("/auth/refresh/on-demand", test_refresh_on_demand);
  add ("/auth/refresh/revoked", test_refresh_revoked);
  add ("/auth/refresh/https-only", test_refresh_https_only);
  add ("/auth/sign-out", test_sign_out);
  add ("/auth/sign-out/cancels-sign-in", test_sign_out_cancels_sign_in);
  add ("/auth/restore", test_restore);

  return g_test_run ();
}

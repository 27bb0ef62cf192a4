/* test-submission.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "onramp-demo-private.h"
#include "onramp-demo-server.h"
#include "onramp-error.h"
#include "onramp-validator.h"
#include "onramp-line-item.h"
#include "onramp-submit.h"
#include "onramp-wire.h"

/* The submission plan against the demo server on 127.0.0.1: every step,
 * crashes between and during steps (the object dropped after a checkpoint,
 * resumed from what was saved), answers lost after the work was committed,
 * 5xx, 429, latency, the duplicate answers 600061 and 800065, and what the
 * saved state never holds. "Exactly one" is counted in the demo server's
 * own tables. */

#define TOKEN "submission-test-token"
#define RESELLER_ID "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e09"
#define VALID_ITEM "CFQ7TTC0003D:0001:CFQ7TTC000RT"

typedef struct
{
  OnrampDemoServer    *server;
  OnrampPartnerClient *client;
  GMainLoop           *loop;
  GAsyncResult        *result;

  /* The "disk": what the last checkpoint saved, as text */
  char                *saved;
  guint                n_checkpoints;
  guint                crash_at;        /* 0: never */
  const char          *crash_running;   /* crash once this step is saved running */
  gboolean             crashed;
  gboolean             refuse_running;  /* the checkpoint fails at crash_running */
  gboolean             crash_in_call;   /* crash once the server has that step's request */
  guint                crash_delay_ms;  /* … and this much later */
  char                *crash_request;
  guint                crash_source;
  GCancellable        *cancellable;
} Env;

static Env *
env_new (OnrampPartnerCloud cloud)
{
  Env *env = g_new0 (Env, 1);
  g_autoptr(GError) error = NULL;

  env->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (env->server, &error));
  g_assert_no_error (error);
  onramp_demo_server_add_access_token (env->server, TOKEN);

  env->client = onramp_partner_client_new (cloud);
  g_assert_true (onramp_partner_client_set_base_url (env->client, onramp_demo_server_get_url (env->server), &error));
  onramp_partner_client_set_access_token (env->client, TOKEN);
  onramp_partner_client_set_retry_policy (env->client, 4, 5, 50);
  env->loop = g_main_loop_new (NULL, FALSE);

  return env;
}

static void
env_free (Env *env)
{
  g_clear_handle_id (&env->crash_source, g_source_remove);
  g_clear_object (&env->client);
  g_clear_object (&env->server);
  g_clear_object (&env->cancellable);
  g_clear_pointer (&env->loop, g_main_loop_unref);
  g_free (env->saved);
  g_free (env->crash_request);
  g_free (env);

  /* libsoup closes connections in idle callbacks: let them run */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Env, env_free)

static void
set_faults (Env        *env,
            const char *spec)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_demo_server_set_faults (env->server, spec, &error));
  g_assert_no_error (error);
}

static char *
object_to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static JsonObject *
text_to_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static const char *
saved_step_state (JsonObject *state,
                  const char *step)
{
  JsonArray *steps = json_object_get_array_member (state, "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *entry = json_array_get_object_element (steps, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "step"), step) == 0)
        return json_object_get_string_member (entry, "state");
    }

  return NULL;
}

static gboolean
on_crash_due_cb (gpointer user_data)
{
  Env *env = user_data;

  env->crash_source = 0;
  env->crashed = TRUE;
  g_cancellable_cancel (env->cancellable);

  return G_SOURCE_REMOVE;
}

/* Waits for the request to reach the server, however slow the machine */
static gboolean
on_crash_poll_cb (gpointer user_data)
{
  Env *env = user_data;

  if (onramp_demo_server_count_requests (env->server, env->crash_request) == 0)
    return G_SOURCE_CONTINUE;

  env->crash_source = g_timeout_add (env->crash_delay_ms, on_crash_due_cb, env);
  return G_SOURCE_REMOVE;
}

static char *
saved_request_id (JsonObject *state,
                  const char *step)
{
  JsonArray *steps = json_object_get_array_member (state, "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *entry = json_array_get_object_element (steps, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "step"), step) == 0)
        return g_strdup (json_object_get_string_member_with_default (entry, "requestId", NULL));
    }

  return NULL;
}

/* The draft owner's side of the hook. A "crash" keeps what was saved so
 * far and stops the run: later checkpoints reach no disk. */
static gboolean
store_checkpoint (OnrampSubmission  *submission,
                  JsonObject        *state,
                  gpointer           user_data,
                  GError           **error)
{
  Env *env = user_data;
  g_autofree char *text = object_to_text (state);

  env->n_checkpoints++;
  if (env->crashed)
    return TRUE;

  g_assert_null (strstr (text, "password"));
  g_assert_null (strstr (text, "userCredentials"));

  if (env->refuse_running != FALSE && env->crash_running != NULL &&
      g_strcmp0 (saved_step_state (state, env->crash_running), "running") == 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "No space left on the test disk");
      return FALSE;
    }

  g_free (env->saved);
  env->saved = g_steal_pointer (&text);

  if (env->crash_in_call && env->crash_running != NULL && env->crash_source == 0 &&
      g_strcmp0 (saved_step_state (state, env->crash_running), "running") == 0)
    {
      g_free (env->crash_request);
      env->crash_request = saved_request_id (state, env->crash_running);
      g_assert_nonnull (env->crash_request);
      env->crash_source = g_timeout_add (2, on_crash_poll_cb, env);
    }
  else if (env->n_checkpoints == env->crash_at ||
           (env->crash_running != NULL && !env->crash_in_call &&
            g_strcmp0 (saved_step_state (state, env->crash_running), "running") == 0))
    {
      env->crashed = TRUE;
      g_cancellable_cancel (env->cancellable);
    }

  return TRUE;
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Env *env = user_data;

  env->result = g_object_ref (result);
  g_main_loop_quit (env->loop);
}

static JsonObject *
run (Env               *env,
     OnrampSubmission  *submission,
     GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_clear_object (&env->cancellable);
  env->cancellable = g_cancellable_new ();
  env->crashed = FALSE;
  onramp_submission_run_async (submission, env->client, env->cancellable, on_done_cb, env);
  while (env->result == NULL)
    g_main_loop_run (env->loop);
  result = g_steal_pointer (&env->result);

  return onramp_submission_run_finish (submission, result, error);
}

/* A new object over the last saved state: what the app does at start */
static OnrampSubmission *
resume (Env            *env,
        OnrampCustomer *customer)
{
  g_autoptr(JsonObject) state = env->saved != NULL ? text_to_object (env->saved) : NULL;
  OnrampSubmission *submission = onramp_submission_new_from_state (customer, state);

  onramp_submission_set_checkpoint (submission, store_checkpoint, env, NULL);
  return submission;
}

/* Runs again from the saved state until done, as the outbox would */
static JsonObject *
resume_until_done (Env            *env,
                   OnrampCustomer *customer)
{
  env->crash_at = 0;
  env->crash_running = NULL;
  env->crash_in_call = FALSE;
  env->crash_delay_ms = 0;

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(OnrampSubmission) submission = resume (env, customer);
      g_autoptr(GError) error = NULL;
      JsonObject *customer_json = run (env, submission, &error);

      if (customer_json != NULL)
        {
          g_assert_true (onramp_submission_is_done (submission));
          return customer_json;
        }
      g_test_message ("resumed run %u failed: %s", attempt, error->message);
    }

  g_assert_not_reached ();
  return NULL;
}

static OnrampCustomer *
load_customer (const char *prefix)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "customer-tw.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  OnrampCustomer *customer;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  customer = onramp_wire_customer_from_data (data, length, &error);
  g_assert_no_error (error);
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, prefix);

  return customer;
}

static void
drop_agreement (OnrampCustomer *customer)
{
  static const OnrampField fields[] = {
    ONRAMP_FIELD_AGREEMENT_DATE, ONRAMP_FIELD_AGREEMENT_FIRST_NAME, ONRAMP_FIELD_AGREEMENT_LAST_NAME,
    ONRAMP_FIELD_AGREEMENT_EMAIL, ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER,
  };

  onramp_customer_set_agreement_accepted (customer, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    onramp_customer_set_field (customer, fields[i], "");
}

static void
add_line (OnrampCustomer *customer,
          const char     *catalog_item_id,
          const char     *product_id,
          const char     *sku_id,
          guint           quantity)
{
  g_autoptr(OnrampLineItem) item = onramp_line_item_new ();

  onramp_line_item_set_catalog_item_id (item, catalog_item_id);
  if (product_id != NULL)
    onramp_line_item_set_product_id (item, product_id);
  if (sku_id != NULL)
    onramp_line_item_set_sku_id (item, sku_id);
  onramp_line_item_set_quantity (item, quantity);
  onramp_line_item_set_minimum_quantity (item, 1);
  onramp_line_item_set_billing_cycle (item, "monthly");
  onramp_line_item_set_term_duration (item, "P1Y");
  g_list_store_append (G_LIST_STORE (onramp_customer_get_line_items (customer)), item);
}

static void
clear_lines (OnrampCustomer *customer)
{
  g_list_store_remove_all (G_LIST_STORE (onramp_customer_get_line_items (customer)));
}

/* Counting in the demo server's own tables */

static guint
count_agreements (Env        *env,
                  const char *customer_id)
{
  JsonArray *agreements = g_hash_table_lookup (env->server->agreements, customer_id);

  return agreements != NULL ? json_array_get_length (agreements) : 0;
}

static guint
count_orders (Env        *env,
              const char *customer_id)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, env->server->carts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (g_strcmp0 (json_object_get_string_member (value, "customerId"), customer_id) == 0 &&
          g_strcmp0 (json_object_get_string_member (value, "status"), "Ordered") == 0)
        count++;
    }

  return count;
}

static void
assert_exactly_one (Env        *env,
                    JsonObject *customer,
                    guint       agreements,
                    guint       orders)
{
  const char *id = json_object_get_string_member (customer, "id");

  g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 1);
  g_assert_true (g_hash_table_contains (env->server->customers, id));
  g_assert_cmpuint (count_agreements (env, id), ==, agreements);
  g_assert_cmpuint (count_orders (env, id), ==, orders);
}

/* Every step's happy path */

typedef struct
{
  const char          *name;
  gboolean             agreement;
  guint                n_lines;       /* valid lines */
  gboolean             stale_line;    /* an old availability id, product and SKU still on sale */
  gboolean             bad_line;      /* a quantity beyond the maximum */
  gboolean             reseller;
  OnrampPartnerCloud   cloud;
  OnrampSubmitState    expected[ONRAMP_SUBMIT_STEP_DONE - ONRAMP_SUBMIT_STEP_ADDRESS];
  guint                unordered;
} HappyCase;

#define D ONRAMP_SUBMIT_STATE_DONE
#define S ONRAMP_SUBMIT_STATE_SKIPPED

static const HappyCase happy_cases[] = {
  { "everything", TRUE, 1, FALSE, FALSE, FALSE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, D, D, D, D }, 0 },
  { "customer only", FALSE, 0, FALSE, FALSE, FALSE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, S, S, S, D }, 0 },
  { "agreement, no lines", TRUE, 0, FALSE, FALSE, FALSE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, D, S, S, D }, 0 },
  { "indirect reseller", TRUE, 1, FALSE, FALSE, TRUE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, D, D, D, D }, 0 },
  { "US Government: no agreement call", TRUE, 0, FALSE, FALSE, FALSE, ONRAMP_PARTNER_CLOUD_US_GOVERNMENT, { D, D, D, S, S, S, D }, 0 },
  { "stale availability resolved afresh", TRUE, 0, TRUE, FALSE, FALSE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, D, D, D, D }, 0 },
  { "partial checkout", TRUE, 1, FALSE, TRUE, FALSE, ONRAMP_PARTNER_CLOUD_COMMERCIAL, { D, D, D, D, D, D, D }, 1 },
};

#undef D
#undef S

static void
test_happy_paths (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (happy_cases); c++)
    {
      const HappyCase *test = &happy_cases[c];
      g_autoptr(Env) env = env_new (test->cloud);
      g_autoptr(OnrampCustomer) customer = load_customer ("happypath");
      g_autoptr(OnrampSubmission) submission = NULL;
      g_autoptr(JsonObject) created = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      JsonArray *lines;
      guint n_lines = test->n_lines + test->stale_line + test->bad_line;

      g_test_message ("case: %s", test->name);
      if (!test->agreement)
        drop_agreement (customer);
      clear_lines (customer);
      for (guint i = 0; i < test->n_lines; i++)
        add_line (customer, VALID_ITEM, NULL, NULL, 20);
      if (test->stale_line)
        add_line (customer, "CFQ7TTC0003D:0001:CFQ7TTC0OLD0", "CFQ7TTC0003D", "0001", 5);
      if (test->bad_line)
        add_line (customer, VALID_ITEM, NULL, NULL, 999999);
      if (test->reseller)
        onramp_customer_set_field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID, RESELLER_ID);

      submission = resume (env, customer);
      created = run (env, submission, &error);
      g_assert_no_error (error);
      g_assert_nonnull (created);

      /* The answer, password included, goes to the caller once */
      g_assert_nonnull (json_object_get_object_member (created, "userCredentials"));
      g_assert_true (onramp_submission_get_created_customer (submission) != NULL);
      g_assert_true (onramp_submission_is_done (submission));
      g_assert_cmpint (onramp_submission_get_step (submission), ==, ONRAMP_SUBMIT_STEP_DONE);
      g_assert_cmpstr (json_object_get_string_member (onramp_submission_get_stored_result (submission), "id"), ==,
                       json_object_get_string_member (created, "id"));
      g_assert_cmpstr (json_object_get_string_member (onramp_submission_get_stored_result (submission), "domain"), ==,
                       "happypath.onmicrosoft.com");
      assert_exactly_one (env, created, test->agreement && test->cloud == ONRAMP_PARTNER_CLOUD_COMMERCIAL ? 1 : 0,
                          n_lines > 0 ? 1 : 0);

      records = onramp_submission_get_step_records (submission);
      g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (test->expected));
      for (guint i = 0; i < records->len; i++)
        {
          OnrampSubmitRecord *record = g_ptr_array_index (records, i);

          g_assert_cmpint (record->step, ==, ONRAMP_SUBMIT_STEP_ADDRESS + i);
          g_assert_cmpint (record->state, ==, test->expected[i]);
          g_assert_cmpstr (record->message, !=, "");
          g_assert_cmpint (onramp_submission_get_step_state (submission, record->step), ==, test->expected[i]);
        }

      lines = onramp_submission_get_line_results (submission);
      g_assert_cmpuint (lines != NULL ? json_array_get_length (lines) : 0, ==, n_lines);
      g_assert_cmpuint (onramp_submission_count_unordered_lines (submission), ==, test->unordered);
      for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
        {
          JsonObject *line = json_array_get_object_element (lines, i);
          gboolean bad = test->bad_line && i == n_lines - 1;

          g_assert_cmpstr (json_object_get_string_member (line, "state"), ==, bad ? "failed" : "ordered");
          if (bad)
            g_assert_cmpstr (json_object_get_string_member (line, "message"), !=, "");
          else
            g_assert_cmpuint (strlen (json_object_get_string_member (line, "orderId")), ==, 36);
        }
      if (test->stale_line)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 0), "catalogItemId"), ==,
                         VALID_ITEM);

      if (test->reseller)
        g_assert_cmpstr (json_object_get_string_member (created, "associatedPartnerId"), ==, RESELLER_ID);
      else
        g_assert_false (json_object_has_member (created, "associatedPartnerId"));

      g_assert_cmpint (onramp_submission_get_account_status (submission), ==, ONRAMP_ACCOUNT_STATUS_ALLOWED);
      g_assert_cmpint (onramp_submission_get_address_status (submission), !=, ONRAMP_ADDRESS_STATUS_UNKNOWN);

      /* Done means done: another run sends nothing */
      {
        guint before = onramp_demo_server_count_requests (env->server, onramp_submission_get_request_id (submission));
        g_autoptr(OnrampSubmission) again = resume (env, customer);
        g_autoptr(JsonObject) stored = run (env, again, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (json_object_get_string_member (stored, "id"), ==, json_object_get_string_member (created, "id"));
        g_assert_false (json_object_has_member (stored, "userCredentials"));
        g_assert_cmpuint (onramp_demo_server_count_requests (env->server, onramp_submission_get_request_id (again)), ==, before);
      }
    }
}

/* A full run's checkpoints, crashed after each in turn */
static void
test_crash_between_steps (void)
{
  guint n_checkpoints;

  {
    g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
    g_autoptr(OnrampCustomer) customer = load_customer ("countcheckpoints");
    g_autoptr(OnrampSubmission) submission = resume (env, customer);
    g_autoptr(JsonObject) created = run (env, submission, NULL);

    g_assert_nonnull (created);
    n_checkpoints = env->n_checkpoints;
    /* Before and after each of the six calls, at least */
    g_assert_cmpuint (n_checkpoints, >=, 12);
  }

  for (guint k = 1; k <= n_checkpoints; k++)
    {
      g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
      g_autoptr(OnrampCustomer) customer = load_customer ("crashtest");
      g_autoptr(OnrampSubmission) submission = resume (env, customer);
      g_autoptr(JsonObject) first = NULL;
      g_autoptr(JsonObject) created = NULL;
      g_autoptr(GError) error = NULL;

      env->crash_at = k;
      first = run (env, submission, &error);
      /* After the last checkpoint there is nothing left to stop */
      if (first == NULL)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else
        g_assert_cmpuint (k, ==, n_checkpoints);
      g_clear_object (&submission);

      created = resume_until_done (env, customer);
      g_test_message ("crash after checkpoint %u of %u: resumed", k, n_checkpoints);
      assert_exactly_one (env, created, 1, 1);
    }
}

/* A crash while a creating call is held by the server, which commits it
 * after the process is gone: the saved "running" state makes the next run
 * send the same request id, and the service answers with what it did */

typedef struct
{
  const char       *name;
  const char       *fault;
  OnrampSubmitStep  step;
} CallCase;

static const CallCase call_cases[] = {
  { "create", "POST /v1/customers=latency:150", ONRAMP_SUBMIT_STEP_CREATE },
  { "agreement", "POST /v1/customers/*/agreements=latency:150", ONRAMP_SUBMIT_STEP_AGREEMENT },
  { "cart", "POST /v1/customers/*/carts=latency:150", ONRAMP_SUBMIT_STEP_CART },
  { "checkout", "POST /v1/customers/*/checkout=latency:150", ONRAMP_SUBMIT_STEP_CHECKOUT },
};

/* Until the server has answered (into the void) what latency held */
static void
wait_for_held_requests (Env *env)
{
  while (env->server->delayed->len > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_crash_during_call (void)
{
  static const char * const names[] = { [ONRAMP_SUBMIT_STEP_CREATE] = "create", [ONRAMP_SUBMIT_STEP_AGREEMENT] = "agreement",
                                        [ONRAMP_SUBMIT_STEP_CART] = "cart", [ONRAMP_SUBMIT_STEP_CHECKOUT] = "checkout" };

  for (guint c = 0; c < G_N_ELEMENTS (call_cases); c++)
    {
      const CallCase *test = &call_cases[c];
      g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
      g_autoptr(OnrampCustomer) customer = load_customer ("crashmidcall");
      g_autoptr(OnrampSubmission) submission = resume (env, customer);
      g_autoptr(JsonObject) created = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *request_id = NULL;

      g_test_message ("crash during the %s call", test->name);
      set_faults (env, test->fault);
      env->crash_running = names[test->step];
      env->crash_in_call = TRUE;
      g_assert_null (run (env, submission, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      request_id = g_strdup (onramp_submission_get_step_request_id (submission, test->step));
      g_clear_object (&submission);

      /* The server got it and commits it after the latency */
      g_assert_cmpuint (onramp_demo_server_count_requests (env->server, request_id), ==, 1);
      wait_for_held_requests (env);
      if (test->step == ONRAMP_SUBMIT_STEP_CREATE)
        g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 1);

      set_faults (env, NULL);
      created = resume_until_done (env, customer);
      assert_exactly_one (env, created, 1, 1);
      g_assert_cmpuint (onramp_demo_server_count_requests (env->server, request_id), ==, 2);
    }
}

/* The answer lost after the work was committed, on each creating step */

typedef struct
{
  const char       *name;
  const char       *fault;
  OnrampSubmitStep  step;
} DropCase;

static const DropCase drop_cases[] = {
  { "create", "POST /v1/customers=drop*1", ONRAMP_SUBMIT_STEP_CREATE },
  { "agreement", "POST /v1/customers/*/agreements=drop*1", ONRAMP_SUBMIT_STEP_AGREEMENT },
  { "cart", "POST /v1/customers/*/carts=drop*1", ONRAMP_SUBMIT_STEP_CART },
  { "checkout", "POST /v1/customers/*/checkout=drop*1", ONRAMP_SUBMIT_STEP_CHECKOUT },
};

static void
test_drop_after_commit (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (drop_cases); c++)
    {
      const DropCase *test = &drop_cases[c];

      /* With retries: the client's second attempt gets the first answer */
      {
        g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
        g_autoptr(OnrampCustomer) customer = load_customer ("dropretried");
        g_autoptr(OnrampSubmission) submission = resume (env, customer);
        g_autoptr(JsonObject) created = NULL;
        g_autoptr(GError) error = NULL;

        g_test_message ("drop after commit, retried in the call: %s", test->name);
        set_faults (env, test->fault);
        created = run (env, submission, &error);
        g_assert_no_error (error);
        assert_exactly_one (env, created, 1, 1);
        g_assert_cmpuint (onramp_demo_server_count_requests (env->server,
                                                             onramp_submission_get_step_request_id (submission, test->step)),
                          ==, 2);
      }

      /* Without: the run fails not knowing, and the next run looks it up */
      {
        g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
        g_autoptr(OnrampCustomer) customer = load_customer ("dropuncertain");
        g_autoptr(OnrampSubmission) submission = resume (env, customer);
        g_autoptr(JsonObject) created = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) records = NULL;
        g_autofree char *request_id = NULL;
        OnrampSubmitRecord *record;

        g_test_message ("drop after commit, outcome unknown: %s", test->name);
        set_faults (env, test->fault);
        onramp_partner_client_set_retry_policy (env->client, 1, 5, 50);
        created = run (env, submission, &error);
        g_assert_null (created);
        g_assert_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_NETWORK);
        g_clear_error (&error);

        g_assert_cmpint (onramp_submission_get_step_state (submission, test->step), ==, ONRAMP_SUBMIT_STATE_FAILED);
        request_id = g_strdup (onramp_submission_get_step_request_id (submission, test->step));
        g_assert_nonnull (request_id);
        records = onramp_submission_get_step_records (submission);
        record = g_ptr_array_index (records, test->step - ONRAMP_SUBMIT_STEP_ADDRESS);
        g_assert_cmpstr (record->request_id, ==, request_id);
        g_assert_cmpint (record->state, ==, ONRAMP_SUBMIT_STATE_FAILED);

        g_clear_object (&submission);
        submission = resume (env, customer);
        g_assert_cmpstr (onramp_submission_get_step_request_id (submission, test->step), ==, request_id);
        created = run (env, submission, &error);
        g_assert_no_error (error);
        assert_exactly_one (env, created, 1, 1);
        g_assert_cmpuint (onramp_demo_server_count_requests (env->server, request_id), ==, 2);
      }
    }
}

/* Transient trouble the client waits out, reusing the request id */

typedef struct
{
  const char *name;
  const char *fault;
  guint       expected_create_requests;
} TransientCase;

static const TransientCase transient_cases[] = {
  { "503 twice on create", "POST /v1/customers=status:503*2", 3 },
  { "500 on every creating call once", "POST /v1/customers=status:500*1;POST /v1/customers/*=status:502*3", 2 },
  { "429 with Retry-After", "POST /v1/customers=throttle:1*1;/v1/customers/*=throttle:1*2", 2 },
  { "latency everywhere", "/v1/*=latency:40", 1 },
};

static void
test_transient_faults (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (transient_cases); c++)
    {
      const TransientCase *test = &transient_cases[c];
      g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
      g_autoptr(OnrampCustomer) customer = load_customer ("transient");
      g_autoptr(OnrampSubmission) submission = resume (env, customer);
      g_autoptr(JsonObject) created = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", test->name);
      set_faults (env, test->fault);
      created = run (env, submission, &error);
      g_assert_no_error (error);
      assert_exactly_one (env, created, 1, 1);
      g_assert_cmpuint (onramp_demo_server_count_requests (env->server, onramp_submission_get_request_id (submission)), ==,
                        test->expected_create_requests);
    }
}

/* A 5xx that outlasts the retries: failed, request id kept, no duplicate */
static void
test_server_down_then_back (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("serverdown");
  g_autoptr(OnrampSubmission) submission = resume (env, customer);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request_id = NULL;

  set_faults (env, "POST /v1/customers=status:503");
  created = run (env, submission, &error);
  g_assert_null (created);
  g_assert_error (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_SERVER);
  g_clear_error (&error);
  request_id = g_strdup (onramp_submission_get_request_id (submission));
  g_assert_nonnull (request_id);
  g_assert_cmpint (onramp_submission_get_step (submission), ==, ONRAMP_SUBMIT_STEP_CREATE);

  set_faults (env, NULL);
  g_clear_object (&submission);
  submission = resume (env, customer);
  created = run (env, submission, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (onramp_submission_get_request_id (submission), ==, request_id);
  assert_exactly_one (env, created, 1, 1);
}

/* Cancelled (the window closed, the app quit) while the client waits to
 * retry a 503: the run stops cleanly, and the next one goes on */
static void
test_cancel_while_waiting_to_retry (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("cancelwaiting");
  g_autoptr(OnrampSubmission) submission = resume (env, customer);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;

  onramp_partner_client_set_retry_policy (env->client, 4, 3000, 50);
  set_faults (env, "POST /v1/customers=status:503");
  env->crash_running = "create";
  env->crash_in_call = TRUE;
  env->crash_delay_ms = 200;
  g_assert_null (run (env, submission, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (onramp_demo_server_count_requests (env->server, onramp_submission_get_request_id (submission)), ==, 1);
  g_assert_cmpint (onramp_submission_get_step_state (submission, ONRAMP_SUBMIT_STEP_CREATE), ==, ONRAMP_SUBMIT_STATE_FAILED);

  set_faults (env, NULL);
  onramp_partner_client_set_retry_policy (env->client, 4, 5, 50);
  g_clear_object (&submission);
  created = resume_until_done (env, customer);
  assert_exactly_one (env, created, 1, 1);
}

/* The service forgot the request id, but the work was done: 600061 for the
 * agreement, 800065 for the checkout, both "already done" */
static void
test_duplicate_answers (void)
{
  /* 600061 */
  {
    g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
    g_autoptr(OnrampCustomer) customer = load_customer ("agreementtwice");
    g_autoptr(OnrampSubmission) submission = resume (env, customer);
    g_autoptr(JsonObject) state = NULL;
    g_autoptr(JsonObject) body = NULL;
    g_autoptr(JsonObject) created = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = NULL;
    g_autofree char *other_request = g_uuid_string_random ();
    JsonObject *customer_result;
    gboolean already = TRUE;

    env->crash_running = "agreement";
    g_assert_null (run (env, submission, &error));
    g_clear_error (&error);
    state = text_to_object (env->saved);
    g_assert_cmpstr (saved_step_state (state, "agreement"), ==, "running");

    /* The attempt that went through, under a request id not on record */
    customer_result = onramp_submission_get_stored_result (submission);
    body = text_to_object ("{\"primaryContact\":{\"firstName\":\"美玲\",\"lastName\":\"陳\","
                           "\"email\":\"meiling.chen@hsinyidigital.com.tw\",\"phoneNumber\":\"0227208889\"},"
                           "\"templateId\":\"117a77b0-9360-443b-8795-c6dedc750cf9\","
                           "\"dateAgreed\":\"2026-11-20T00:00:00.000Z\",\"type\":\"MicrosoftCustomerAgreement\"}");
    onramp_partner_client_confirm_agreement_async (env->client, json_object_get_string_member (customer_result, "id"),
                                                   body, other_request, NULL, on_done_cb, env);
    while (env->result == NULL)
      g_main_loop_run (env->loop);
    result = g_steal_pointer (&env->result);
    g_assert_true (onramp_partner_client_confirm_agreement_finish (env->client, result, &already, &error));
    g_assert_false (already);

    env->crash_running = NULL;
    g_clear_object (&submission);
    submission = resume (env, customer);
    created = run (env, submission, &error);
    g_assert_no_error (error);
    assert_exactly_one (env, created, 1, 1);
    records = onramp_submission_get_step_records (submission);
    g_assert_cmpint (((OnrampSubmitRecord *) g_ptr_array_index (records, 3))->step, ==, ONRAMP_SUBMIT_STEP_AGREEMENT);
    g_assert_cmpint (((OnrampSubmitRecord *) g_ptr_array_index (records, 3))->state, ==, ONRAMP_SUBMIT_STATE_DONE);
    g_assert_nonnull (strstr (env->saved, "\"alreadyConfirmed\":true"));
  }

  /* 800065 */
  {
    g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
    g_autoptr(OnrampCustomer) customer = load_customer ("checkouttwice");
    g_autoptr(OnrampSubmission) submission = resume (env, customer);
    g_autoptr(JsonObject) created = NULL;
    g_autoptr(JsonObject) checkout = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *other_request = g_uuid_string_random ();
    g_autofree char *cart_id = NULL;
    JsonArray *lines;
    const char *id;

    env->crash_running = "checkout";
    g_assert_null (run (env, submission, &error));
    g_clear_error (&error);
    id = json_object_get_string_member (onramp_submission_get_stored_result (submission), "id");
    {
      g_autoptr(JsonObject) state = onramp_submission_dup_state (submission);
      JsonArray *steps = json_object_get_array_member (state, "steps");

      for (guint i = 0; i < json_array_get_length (steps); i++)
        {
          JsonObject *entry = json_array_get_object_element (steps, i);

          if (g_str_equal (json_object_get_string_member (entry, "step"), "cart"))
            cart_id = g_strdup (json_object_get_string_member (json_object_get_object_member (entry, "result"), "cartId"));
        }
    }
    g_assert_nonnull (cart_id);

    onramp_partner_client_checkout_cart_async (env->client, id, cart_id, other_request, NULL, on_done_cb, env);
    while (env->result == NULL)
      g_main_loop_run (env->loop);
    result = g_steal_pointer (&env->result);
    checkout = onramp_partner_client_checkout_cart_finish (env->client, result, &error);
    g_assert_no_error (error);

    env->crash_running = NULL;
    g_clear_object (&submission);
    submission = resume (env, customer);
    created = run (env, submission, &error);
    g_assert_no_error (error);
    assert_exactly_one (env, created, 1, 1);
    g_assert_cmpint (onramp_submission_get_step_state (submission, ONRAMP_SUBMIT_STEP_CHECKOUT), ==, ONRAMP_SUBMIT_STATE_DONE);
    lines = onramp_submission_get_line_results (submission);
    g_assert_cmpuint (json_array_get_length (lines), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (lines, 0), "state"), ==, "unknown");
    g_assert_cmpuint (onramp_submission_count_unordered_lines (submission), ==, 0);
  }
}

/* The checkpoint is the owner's disk: when it fails before a call, the call
 * is not made */
static void
test_checkpoint_failure (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("diskfull");
  g_autoptr(OnrampSubmission) submission = resume (env, customer);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;

  env->crash_running = "create";
  env->refuse_running = TRUE;
  created = run (env, submission, &error);
  g_assert_null (created);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_clear_error (&error);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 0);
  g_assert_cmpint (onramp_submission_get_step_state (submission, ONRAMP_SUBMIT_STEP_CREATE), ==, ONRAMP_SUBMIT_STATE_FAILED);

  env->refuse_running = FALSE;
  created = resume_until_done (env, customer);
  assert_exactly_one (env, created, 1, 1);
}

/* Local errors: nothing sent, nothing saved */
static void
test_record_with_errors (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("x");
  g_autoptr(OnrampSubmission) submission = NULL;
  g_autoptr(GError) error = NULL;

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "");
  submission = resume (env, customer);
  g_assert_null (run (env, submission, &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
  g_assert_true (onramp_issues_have_errors (onramp_submission_get_issues (submission)));
  g_assert_cmpint (onramp_submission_get_step (submission), ==, ONRAMP_SUBMIT_STEP_VALIDATE);
  g_assert_cmpuint (env->n_checkpoints, ==, 0);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 0);
}

/* A damaged state is refused whole: guessing could create twice */
static void
test_damaged_state (void)
{
  static const char * const states[] = {
    "{\"version\":2}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"done\"}]}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"sideways\"}]}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"running\",\"requestId\":\"not-a-uuid\"}]}",
    "{\"version\":2,\"steps\":[{\"step\":\"checkout\",\"state\":\"running\"}]}",
    "{\"version\":99,\"steps\":[]}",
    "{\"version\":1}",
    "{\"version\":\"two\",\"steps\":[]}",
    "{\"version\":{},\"steps\":[]}",
    "{\"version\":2,\"steps\":{}}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"running\",\"requestId\":5}]}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"done\",\"result\":{\"id\":7}}]}",
    "{\"version\":2,\"steps\":[{\"step\":\"create\",\"state\":\"done\",\"requestId\":\"3f2b8a9e-1c4d-4e5f-8a7b-9c0d1e2f3a4b\","
    "\"result\":{\"id\":\"x\"}},{\"step\":\"cart\",\"state\":\"done\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
      g_autoptr(OnrampCustomer) customer = load_customer ("damaged");
      g_autoptr(OnrampSubmission) submission = NULL;
      g_autoptr(GError) error = NULL;

      env->saved = g_strdup (states[i]);
      submission = resume (env, customer);
      g_assert_false (onramp_submission_is_done (submission));
      g_assert_null (run (env, submission, &error));
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 0);
      g_assert_cmpuint (env->n_checkpoints, ==, 0);
    }
}

/* Until something creating went out, an edited draft starts afresh; after,
 * retries send the record as it was sent */
static void
test_edited_record (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("contoso");
  g_autoptr(OnrampSubmission) submission = resume (env, customer);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent_first = NULL;

  /* contoso is taken: the domain check fails, nothing created */
  g_assert_null (run (env, submission, &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (onramp_submission_get_step_state (submission, ONRAMP_SUBMIT_STEP_DOMAIN), ==, ONRAMP_SUBMIT_STATE_FAILED);

  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, "contosonew");
  g_clear_object (&submission);
  created = resume_until_done (env, customer);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (created, "companyProfile"), "domain"),
                   ==, "contosonew.onmicrosoft.com");

  /* Sent: a later edit changes nothing about what this submission is */
  sent_first = g_strdup (env->saved);
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, "somethingelse");
  g_clear_object (&submission);
  submission = resume (env, customer);
  g_assert_true (onramp_submission_is_done (submission));
  g_assert_cmpstr (json_object_get_string_member (onramp_submission_get_stored_result (submission), "domain"), ==,
                   "contosonew.onmicrosoft.com");
}

/* onramp-cli's form: its own file, 0600, no password; version 1 still loads */
static void
test_state_file (void)
{
  g_autoptr(Env) env = env_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(OnrampCustomer) customer = load_customer ("statefile");
  g_autofree char *directory = g_dir_make_tmp ("onramp-submission-XXXXXX", NULL);
  g_autoptr(OnrampSubmission) submission = onramp_submission_new_in_directory (customer, directory);
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *password;
  GStatBuf info;

  g_assert_true (onramp_submission_load (submission, &error));
  created = run (env, submission, &error);
  g_assert_no_error (error);
  password = json_object_get_string_member (json_object_get_object_member (created, "userCredentials"), "password");
  g_assert_cmpuint (strlen (password), >, 0);

  g_assert_cmpint (g_stat (onramp_submission_get_path (submission), &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (onramp_submission_get_path (submission), &contents, NULL, &error));
  g_assert_null (strstr (contents, password));
  g_assert_null (strstr (contents, "password"));
  g_assert_nonnull (strstr (contents, onramp_submission_get_request_id (submission)));

  {
    g_autoptr(OnrampSubmission) again = onramp_submission_new_in_directory (customer, directory);

    g_assert_true (onramp_submission_load (again, &error));
    g_assert_true (onramp_submission_is_done (again));
    g_assert_cmpstr (onramp_submission_get_request_id (again), ==, onramp_submission_get_request_id (submission));
  }
  g_assert_cmpint (g_remove (onramp_submission_get_path (submission)), ==, 0);

  /* Version 1: a creation sent, its answer never heard */
  {
    g_autoptr(OnrampCustomer) other = load_customer ("versionone");
    g_autoptr(OnrampSubmission) old = onramp_submission_new_in_directory (other, directory);
    g_autofree char *request_id = g_uuid_string_random ();
    g_autofree char *v1 = g_strdup_printf ("{\"version\":1,\"requestId\":\"%s\",\"createSent\":true}", request_id);
    g_autoptr(JsonObject) replayed = NULL;

    g_assert_true (g_file_set_contents (onramp_submission_get_path (old), v1, -1, &error));
    g_assert_true (onramp_submission_load (old, &error));
    g_assert_cmpstr (onramp_submission_get_request_id (old), ==, request_id);
    g_assert_cmpint (onramp_submission_get_step_state (old, ONRAMP_SUBMIT_STEP_CREATE), ==, ONRAMP_SUBMIT_STATE_RUNNING);
    replayed = run (env, old, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (onramp_demo_server_count_requests (env->server, request_id), ==, 1);
    g_assert_cmpuint (onramp_demo_server_get_n_customers (env->server), ==, 2);
    g_assert_cmpint (g_remove (onramp_submission_get_path (old)), ==, 0);
  }

  /* Damaged: refused, left in place */
  {
    g_autoptr(OnrampSubmission) damaged = onramp_submission_new_in_directory (customer, directory);

    g_assert_true (g_file_set_contents (onramp_submission_get_path (damaged), "{ not json", -1, &error));
    g_assert_false (onramp_submission_load (damaged, &error));
    g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
    g_clear_error (&error);
    g_assert_true (g_file_test (onramp_submission_get_path (damaged), G_FILE_TEST_EXISTS));
    g_assert_cmpint (g_remove (onramp_submission_get_path (damaged)), ==, 0);
  }

  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/submission/happy-paths", test_happy_paths);
  g_test_add_func ("/submission/crash-between-steps", test_crash_between_steps);
  g_test_add_func ("/submission/crash-during-call", test_crash_during_call);
  g_test_add_func ("/submission/drop-after-commit", test_drop_after_commit);
  g_test_add_func ("/submission/transient-faults", test_transient_faults);
  g_test_add_func ("/submission/server-down-then-back", test_server_down_then_back);
  g_test_add_func ("/submission/cancel-while-waiting-to-retry", test_cancel_while_waiting_to_retry);
  g_test_add_func ("/submission/duplicate-answers", test_duplicate_answers);
  g_test_add_func ("/submission/checkpoint-failure", test_checkpoint_failure);
  g_test_add_func ("/submission/record-with-errors", test_record_with_errors);
  g_test_add_func ("/submission/damaged-state", test_damaged_state);
  g_test_add_func ("/submission/edited-record", test_edited_record);
  g_test_add_func ("/submission/state-file", test_state_file);

  return g_test_run ();
}

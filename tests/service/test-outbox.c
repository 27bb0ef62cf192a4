/* test-outbox.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "onramp-demo-server.h"
#include "onramp-draft-store.h"
#include "onramp-outbox.h"
#include "onramp-submit.h"
#include "onramp-wire.h"

/* The outbox against the demo server on 127.0.0.1 and a drafts folder of
 * its own: what is ready goes out, one customer per draft; it waits for
 * the network; a failure that may pass is retried later with the same
 * request ids; a refusal marks the draft "needs attention" and queueing it
 * again retries it; a submission stopped half-way resumes from the draft's
 * file in a new process (a new store and outbox). */

#define TOKEN "outbox-test-token"

/* A network monitor the test switches on and off */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

enum { PROP_0, PROP_AVAILABLE, PROP_METERED, PROP_CONNECTIVITY };

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* The fixture */

typedef struct
{
  OnrampDemoServer    *server;
  OnrampPartnerClient *client;
  TestMonitor         *monitor;
  char                *directory;
  OnrampDraftStore    *store;
  OnrampOutbox        *outbox;
  guint                n_submitted;
  guint                n_failed;
  guint                n_steps;
  JsonObject          *last_customer;
  gboolean             stopped;
} Fixture;

static void
on_submitted_cb (OnrampOutbox *outbox,
                 OnrampDraft  *draft,
                 JsonObject   *customer,
                 Fixture      *f)
{
  f->n_submitted++;
  g_clear_pointer (&f->last_customer, json_object_unref);
  f->last_customer = json_object_ref (customer);
}

static void
on_failed_cb (OnrampOutbox *outbox,
              OnrampDraft  *draft,
              GError       *error,
              Fixture      *f)
{
  g_test_message ("“%s” failed: %s", onramp_draft_get_title (draft), error->message);
  f->n_failed++;
}

static void
on_step_cb (OnrampOutbox *outbox,
            OnrampDraft  *draft,
            guint         step,
            Fixture      *f)
{
  f->n_steps++;
}

static void
open_store_and_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = onramp_draft_store_new (f->directory);
  g_assert_true (onramp_draft_store_load (f->store, NULL, &error));
  g_assert_no_error (error);

  f->outbox = onramp_outbox_new (f->store, f->client, NULL);
  onramp_outbox_set_network_monitor (f->outbox, G_NETWORK_MONITOR (f->monitor));
  onramp_outbox_set_backoff (f->outbox, 20, 100);
  g_signal_connect (f->outbox, "submitted", G_CALLBACK (on_submitted_cb), f);
  g_signal_connect (f->outbox, "failed", G_CALLBACK (on_failed_cb), f);
  g_signal_connect (f->outbox, "step", G_CALLBACK (on_step_cb), f);
}

static void
close_store_and_outbox (Fixture *f)
{
  if (f->outbox != NULL)
    onramp_outbox_stop (f->outbox);
  g_clear_object (&f->outbox);
  g_clear_object (&f->store);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (f->server, &error));
  g_assert_no_error (error);
  onramp_demo_server_add_access_token (f->server, TOKEN);

  f->client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_assert_true (onramp_partner_client_set_base_url (f->client, onramp_demo_server_get_url (f->server), &error));
  onramp_partner_client_set_access_token (f->client, TOKEN);
  onramp_partner_client_set_retry_policy (f->client, 2, 5, 50);

  f->monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  f->directory = g_dir_make_tmp ("onramp-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  open_store_and_outbox (f);
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

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_store_and_outbox (f);
  remove_tree (f->directory);
  g_clear_pointer (&f->directory, g_free);
  g_clear_pointer (&f->last_customer, json_object_unref);
  g_clear_object (&f->monitor);
  g_clear_object (&f->client);
  g_clear_object (&f->server);
}

static OnrampDraft *
add_draft (Fixture    *f,
           const char *prefix)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "customer-tw.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampCustomer) customer = NULL;
  OnrampDraft *draft;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  customer = onramp_wire_customer_from_data (data, length, &error);
  g_assert_no_error (error);
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, prefix);
  draft = onramp_draft_store_create (f->store, customer);
  g_assert_true (onramp_draft_store_save (f->store, draft, &error));
  g_assert_no_error (error);

  return draft;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until every draft has @status, or 10 s */
static gboolean
wait_for_status (OnrampDraft       **drafts,
                 guint               n_drafts,
                 OnrampDraftStatus   status)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (10000, on_timeout_cb, &timed_out);

  while (!timed_out)
    {
      guint n_done = 0;

      for (guint i = 0; i < n_drafts; i++)
        n_done += onramp_draft_get_status (drafts[i]) == status ? 1 : 0;
      if (n_done == n_drafts)
        {
          g_source_remove (timeout_id);
          return TRUE;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  return FALSE;
}

static void
iterate_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, on_timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_submits_ready_drafts (Fixture       *f,
                           gconstpointer  data)
{
  OnrampDraft *ready[2];
  OnrampDraft *kept;
  g_autoptr(GError) error = NULL;

  ready[0] = add_draft (f, "outboxone");
  ready[1] = add_draft (f, "outboxtwo");
  kept = add_draft (f, "outboxkept");
  g_assert_true (onramp_outbox_queue (f->outbox, ready[0], &error));
  g_assert_true (onramp_outbox_queue (f->outbox, ready[1], &error));
  g_assert_cmpuint (onramp_outbox_count_waiting (f->outbox), ==, 2);

  onramp_outbox_start (f->outbox);
  g_assert_true (wait_for_status (ready, 2, ONRAMP_DRAFT_STATUS_SUBMITTED));

  /* One customer each; the draft still being written stays a draft */
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 2);
  g_assert_cmpuint (f->n_submitted, ==, 2);
  g_assert_cmpuint (f->n_failed, ==, 0);
  g_assert_cmpuint (f->n_steps, >, 4);
  g_assert_cmpint (onramp_draft_get_status (kept), ==, ONRAMP_DRAFT_STATUS_DRAFT);
  g_assert_cmpuint (onramp_outbox_count_waiting (f->outbox), ==, 0);
  g_assert_false (onramp_outbox_get_busy (f->outbox));

  /* The new customer reaches the window once, password included */
  g_assert_true (json_object_has_member (f->last_customer, "id"));

  /* Submitted is final: queueing it again is refused */
  g_assert_false (onramp_outbox_queue (f->outbox, ready[0], &error));
  g_assert_nonnull (error);
}

static void
test_waits_for_network (Fixture       *f,
                        gconstpointer  data)
{
  OnrampDraft *draft = add_draft (f, "outboxoffline");
  g_autoptr(GError) error = NULL;

  test_monitor_set_available (f->monitor, FALSE);
  g_assert_true (onramp_outbox_queue (f->outbox, draft, &error));
  onramp_outbox_start (f->outbox);
  iterate_for (300);

  g_assert_cmpint (onramp_draft_get_status (draft), ==, ONRAMP_DRAFT_STATUS_READY);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 0);

  test_monitor_set_available (f->monitor, TRUE);
  g_assert_true (wait_for_status (&draft, 1, ONRAMP_DRAFT_STATUS_SUBMITTED));
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
test_retries_what_may_pass (Fixture       *f,
                            gconstpointer  data)
{
  OnrampDraft *draft = add_draft (f, "outboxflaky");
  g_autoptr(GError) error = NULL;

  /* Each attempt of the client is answered 503 or dropped after the
   * customer was made: the outbox tries again later, same request ids */
  g_assert_true (onramp_demo_server_set_faults (f->server, "POST /v1/customers=status:503*3;POST /v1/customers=drop*2", &error));
  g_assert_true (onramp_outbox_queue (f->outbox, draft, &error));
  onramp_outbox_start (f->outbox);

  g_assert_true (wait_for_status (&draft, 1, ONRAMP_DRAFT_STATUS_SUBMITTED));
  g_assert_cmpuint (f->n_failed, >=, 1);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
test_refusal_needs_attention (Fixture       *f,
                              gconstpointer  data)
{
  OnrampDraft *draft = add_draft (f, "outboxbroken");
  OnrampCustomer *customer = onramp_draft_get_customer (draft);
  g_autoptr(GError) error = NULL;

  /* An error the record itself has: nothing is sent, a person must look */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Test");
  g_assert_true (onramp_outbox_queue (f->outbox, draft, &error));
  onramp_outbox_start (f->outbox);

  g_assert_true (wait_for_status (&draft, 1, ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION));
  g_assert_nonnull (onramp_draft_get_status_reason (draft));
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 0);

  /* Fixed, then Retry */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "信義數位科技股份有限公司");
  g_assert_true (onramp_outbox_queue (f->outbox, draft, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_status (&draft, 1, ONRAMP_DRAFT_STATUS_SUBMITTED));
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
  g_assert_null (onramp_draft_get_status_reason (draft));
}

static gboolean
stop_outbox_cb (gpointer user_data)
{
  Fixture *f = user_data;

  onramp_outbox_stop (f->outbox);
  f->stopped = TRUE;

  return G_SOURCE_REMOVE;
}

static void
on_step_stop_at_create_cb (OnrampOutbox *outbox,
                           OnrampDraft  *draft,
                           guint         step,
                           Fixture      *f)
{
  /* The creation is on its way and held by the server: the app quits
   * without an answer, an uncertain outcome */
  if (step == ONRAMP_SUBMIT_STEP_CREATE)
    g_timeout_add (150, stop_outbox_cb, f);
}

/* The request id the saved state holds for the creation */
static const char *
saved_create_request_id (OnrampDraft *draft)
{
  JsonObject *state = onramp_draft_get_submission_state (draft);
  JsonArray *steps = json_object_get_array_member (state, "steps");

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *step = json_array_get_object_element (steps, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (step, "step", NULL), "create") == 0)
        return json_object_get_string_member_with_default (step, "requestId", NULL);
    }

  return NULL;
}

static void
test_resumes_in_a_new_process (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(OnrampDraft) draft = g_object_ref (add_draft (f, "outboxresume"));
  g_autofree char *id = g_strdup (onramp_draft_get_id (draft));
  g_autofree char *request_id = NULL;
  OnrampDraft *reloaded;
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_demo_server_set_faults (f->server, "POST /v1/customers=latency:500*1", &error));
  g_signal_connect (f->outbox, "step", G_CALLBACK (on_step_stop_at_create_cb), f);
  g_assert_true (onramp_outbox_queue (f->outbox, draft, &error));
  onramp_outbox_start (f->outbox);
  while (!f->stopped)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait_for_status (&draft, 1, ONRAMP_DRAFT_STATUS_READY));
  g_assert_nonnull (onramp_draft_get_submission_state (draft));
  request_id = g_strdup (saved_create_request_id (draft));
  g_assert_nonnull (request_id);

  /* Let the held creation happen on the server, then start afresh from
   * the files alone */
  iterate_for (600);
  close_store_and_outbox (f);
  open_store_and_outbox (f);
  reloaded = onramp_draft_store_lookup (f->store, id);
  g_assert_nonnull (reloaded);
  g_assert_cmpint (onramp_draft_get_status (reloaded), ==, ONRAMP_DRAFT_STATUS_READY);

  onramp_outbox_start (f->outbox);
  g_assert_true (wait_for_status (&reloaded, 1, ONRAMP_DRAFT_STATUS_SUBMITTED));

  /* The server made the customer for the abandoned request; the resumed
   * run sent the same request id and got it back */
  g_assert_cmpuint (onramp_demo_server_count_requests (f->server, request_id), ==, 2);
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

static void
on_run_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_run_once (Fixture       *f,
               gconstpointer  data)
{
  OnrampDraft *good = add_draft (f, "outboxgood");
  OnrampDraft *bad = add_draft (f, "outboxbad");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_submitted = 0;
  guint n_failed = 0;

  onramp_customer_set_field (onramp_draft_get_customer (bad), ONRAMP_FIELD_COMPANY_NAME, "Ltd");
  g_assert_true (onramp_outbox_queue (f->outbox, good, &error));
  g_assert_true (onramp_outbox_queue (f->outbox, bad, &error));

  /* Offline by the monitor, but a command line run just tries */
  test_monitor_set_available (f->monitor, FALSE);
  onramp_outbox_run_async (f->outbox, NULL, on_run_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (onramp_outbox_run_finish (f->outbox, result, &n_submitted, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_submitted, ==, 1);
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpint (onramp_draft_get_status (good), ==, ONRAMP_DRAFT_STATUS_SUBMITTED);
  g_assert_cmpint (onramp_draft_get_status (bad), ==, ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION);
}

static void
on_claimed_run_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Review's Submit: the window runs the draft's submission itself; the
 * outbox keeps off it meanwhile, then records the outcome */
static void
test_claim_and_release (Fixture       *f,
                        gconstpointer  data)
{
  OnrampDraft *draft = add_draft (f, "outboxclaimed");
  g_autoptr(OnrampSubmission) submission = NULL;
  g_autoptr(OnrampSubmission) second = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");

  onramp_outbox_start (f->outbox);
  submission = onramp_outbox_claim (f->outbox, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (onramp_draft_get_status (draft), ==, ONRAMP_DRAFT_STATUS_SUBMITTING);

  /* Claimed once only, and not taken by the outbox */
  second = onramp_outbox_claim (f->outbox, draft, &error);
  g_assert_null (second);
  g_assert_nonnull (error);
  g_clear_error (&error);
  iterate_for (200);
  g_assert_false (onramp_outbox_get_busy (f->outbox));

  /* Cancelled by the user: a draft again, not queued */
  onramp_outbox_release (f->outbox, draft, NULL, cancelled);
  g_assert_cmpint (onramp_draft_get_status (draft), ==, ONRAMP_DRAFT_STATUS_DRAFT);
  g_clear_object (&submission);

  submission = onramp_outbox_claim (f->outbox, draft, &error);
  g_assert_no_error (error);
  onramp_submission_run_async (submission, f->client, NULL, on_claimed_run_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  customer = onramp_submission_run_finish (submission, result, &error);
  g_assert_no_error (error);
  onramp_outbox_release (f->outbox, draft, customer, NULL);

  g_assert_cmpint (onramp_draft_get_status (draft), ==, ONRAMP_DRAFT_STATUS_SUBMITTED);
  g_assert_cmpuint (f->n_submitted, ==, 1);
  g_assert_nonnull (onramp_draft_get_submission_state (draft));
  g_assert_cmpuint (onramp_demo_server_get_n_customers (f->server), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/outbox/submits-ready-drafts", test_submits_ready_drafts);
  ADD ("/outbox/waits-for-network", test_waits_for_network);
  ADD ("/outbox/retries-what-may-pass", test_retries_what_may_pass);
  ADD ("/outbox/refusal-needs-attention", test_refusal_needs_attention);
  ADD ("/outbox/resumes-in-a-new-process", test_resumes_in_a_new_process);
  ADD ("/outbox/run-once", test_run_once);
  ADD ("/outbox/claim-and-release", test_claim_and_release);

#undef ADD

  return g_test_run ();
}

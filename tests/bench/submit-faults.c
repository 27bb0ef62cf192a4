/* submit-faults.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "onramp-demo-private.h"
#include "onramp-demo-server.h"
#include "onramp-line-item.h"
#include "onramp-submit.h"
#include "onramp-wire.h"

/* Many submissions against the in-process demo server with faults mixed in:
 * answers dropped after the work was committed, 5xx, 429 with Retry-After,
 * latency, runs killed mid-call (the object dropped while a request is held
 * by the server), and crashes between steps (the object dropped after a
 * checkpoint). Each draft is resumed from its last checkpoint, as the app
 * would after a restart, until its plan is done.
 *
 * Then counts, in the server's own tables: exactly one customer per draft,
 * at most one agreement and one order per customer, none lost.
 *
 *   build/tests/bench-submit-faults [TRIALS [SEED]]     (default 300)
 *
 * Exit status 0 when every draft has exactly one customer and nothing is
 * duplicated or lost. Built by the suite, not run by it.
 */

#define TOKEN "bench-token"
#define MAX_ATTEMPTS 25

typedef struct
{
  OnrampDemoServer    *server;
  OnrampPartnerClient *client;
  GMainLoop           *loop;
  GAsyncResult        *result;
  GRand               *rand;

  char                *saved;         /* the draft's "disk" */
  guint                n_checkpoints;
  guint                crash_at;
  gboolean             crashed;
  GCancellable        *cancellable;
  guint                kill_source;

  guint                crashes_between;
  guint                kills_mid_call;
  guint                runs;
  guint                failed_runs;
} Bench;

static const char * const fault_menu[] = {
  "POST /v1/customers=drop*1",
  "POST /v1/customers=drop*4",
  "POST /v1/customers/*/agreements=drop*1",
  "POST /v1/customers/*/agreements=drop*4",
  "POST /v1/customers/*/carts=drop*1",
  "POST /v1/customers/*/carts=drop*4",
  "POST /v1/customers/*/checkout=drop*1",
  "POST /v1/customers/*/checkout=drop*4",
  "/v1/*=status:503*2",
  "POST /v1/customers*=status:500*1",
  "/v1/*=status:502*5",
  "/v1/*=throttle:1*2",
  "POST /v1/customers/*=throttle:2*1",
  "/v1/*=latency:25*4",
  "POST /v1/customers=latency:60*1",
};

static gboolean
store_checkpoint (OnrampSubmission  *submission,
                  JsonObject        *state,
                  gpointer           user_data,
                  GError           **error)
{
  Bench *bench = user_data;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  bench->n_checkpoints++;
  if (bench->crashed)
    return TRUE;

  json_node_set_object (node, state);
  g_free (bench->saved);
  bench->saved = json_to_string (node, FALSE);
  if (strstr (bench->saved, "password") != NULL)
    g_error ("A password reached the saved state");

  if (bench->n_checkpoints == bench->crash_at)
    {
      bench->crashed = TRUE;
      bench->crashes_between++;
      g_cancellable_cancel (bench->cancellable);
    }

  return TRUE;
}

static gboolean
on_kill_cb (gpointer user_data)
{
  Bench *bench = user_data;

  bench->kill_source = 0;
  if (!bench->crashed)
    {
      bench->crashed = TRUE;
      bench->kills_mid_call++;
      g_cancellable_cancel (bench->cancellable);
    }

  return G_SOURCE_REMOVE;
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Bench *bench = user_data;

  bench->result = g_object_ref (result);
  g_main_loop_quit (bench->loop);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
choose_faults (Bench      *bench,
               const char *extra)
{
  g_autoptr(GString) spec = g_string_new (extra);
  guint n_rules = g_rand_int_range (bench->rand, 0, 3);

  for (guint i = 0; i < n_rules; i++)
    {
      if (spec->len > 0)
        g_string_append_c (spec, ';');
      g_string_append (spec, fault_menu[g_rand_int_range (bench->rand, 0, G_N_ELEMENTS (fault_menu))]);
    }

  if (!onramp_demo_server_set_faults (bench->server, spec->str, NULL))
    g_error ("Bad fault spec %s", spec->str);
}

/* One run of the draft from its saved state, maybe crashed or killed */
static gboolean
run_once (Bench          *bench,
          OnrampCustomer *customer)
{
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(OnrampSubmission) submission = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint dice = g_rand_int_range (bench->rand, 0, 100);

  if (bench->saved != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (bench->saved, NULL);

      state = json_object_ref (json_node_get_object (node));
    }
  submission = onramp_submission_new_from_state (customer, state);
  onramp_submission_set_checkpoint (submission, store_checkpoint, bench, NULL);

  /* A kill lands mid-call more often when the server is slow */
  choose_faults (bench, dice >= 25 && dice < 40 ? "/v1/*=latency:15*6" : NULL);
  g_clear_object (&bench->cancellable);
  bench->cancellable = g_cancellable_new ();
  bench->crashed = FALSE;
  bench->n_checkpoints = 0;
  bench->crash_at = dice < 25 ? (guint) g_rand_int_range (bench->rand, 1, 15) : 0;
  if (dice >= 25 && dice < 40)
    bench->kill_source = g_timeout_add (g_rand_int_range (bench->rand, 1, 90), on_kill_cb, bench);

  bench->runs++;
  onramp_submission_run_async (submission, bench->client, bench->cancellable, on_done_cb, bench);
  while (bench->result == NULL)
    g_main_loop_run (bench->loop);
  result = g_steal_pointer (&bench->result);
  g_clear_handle_id (&bench->kill_source, g_source_remove);

  created = onramp_submission_run_finish (submission, result, &error);
  if (created == NULL)
    bench->failed_runs++;

  /* The process is gone; the server finishes what it holds meanwhile */
  if (bench->crashed)
    spin (g_rand_int_range (bench->rand, 0, 80));

  return created != NULL && !bench->crashed && onramp_submission_is_done (submission);
}

static OnrampCustomer *
make_customer (Bench      *bench,
               const char *template,
               gsize       length,
               guint       trial)
{
  g_autoptr(GError) error = NULL;
  OnrampCustomer *customer = onramp_wire_customer_from_data (template, length, &error);
  g_autofree char *prefix = g_strdup_printf ("bench%06u", trial);
  GListStore *lines;

  if (customer == NULL)
    g_error ("customer-tw.json: %s", error->message);
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, prefix);

  /* A third without subscriptions, a third with a second line */
  lines = G_LIST_STORE (onramp_customer_get_line_items (customer));
  if (trial % 3 == 1)
    g_list_store_remove_all (lines);
  else if (trial % 3 == 2 && g_list_model_get_n_items (G_LIST_MODEL (lines)) > 0)
    {
      g_autoptr(OnrampLineItem) first = g_list_model_get_item (G_LIST_MODEL (lines), 0);
      g_autoptr(OnrampLineItem) second = onramp_line_item_copy (first);

      onramp_line_item_set_term_duration (second, "P1M");
      g_list_store_append (lines, second);
    }

  return customer;
}

static guint
count_orders (Bench      *bench,
              const char *customer_id)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, bench->server->carts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (g_strcmp0 (json_object_get_string_member (value, "customerId"), customer_id) == 0 &&
          g_strcmp0 (json_object_get_string_member (value, "status"), "Ordered") == 0)
        count++;
    }

  return count;
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  guint trials = argc > 1 ? (guint) atoi (argv[1]) : 300;
  guint32 seed = argc > 2 ? (guint32) strtoul (argv[2], NULL, 10) : (guint32) g_get_real_time ();
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "customer-tw.json", NULL);
  g_autofree char *template = NULL;
  g_autoptr(GHashTable) per_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint lost = 0, duplicates = 0, extra_agreements = 0, extra_orders = 0, finished = 0, customers;
  gboolean clean;
  GHashTableIter iter;
  gpointer key, value;
  gsize length;
  gint64 start;

  if (!g_file_get_contents (path, &template, &length, &error))
    g_error ("%s", error->message);

  bench.rand = g_rand_new_with_seed (seed);
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.server = onramp_demo_server_new ();
  if (!onramp_demo_server_start (bench.server, &error))
    g_error ("%s", error->message);
  onramp_demo_server_add_access_token (bench.server, TOKEN);
  bench.client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  onramp_partner_client_set_base_url (bench.client, onramp_demo_server_get_url (bench.server), NULL);
  onramp_partner_client_set_access_token (bench.client, TOKEN);
  onramp_partner_client_set_retry_policy (bench.client, 3, 2, 20);

  start = g_get_monotonic_time ();
  for (guint trial = 0; trial < trials; trial++)
    {
      g_autoptr(OnrampCustomer) customer = make_customer (&bench, template, length, trial);
      gboolean done = FALSE;

      g_clear_pointer (&bench.saved, g_free);
      for (guint attempt = 0; attempt < MAX_ATTEMPTS && !done; attempt++)
        done = run_once (&bench, customer);

      if (done)
        finished++;
      else
        {
          lost++;
          g_printerr ("draft %u never finished; last state: %s\n", trial, bench.saved);
        }
    }

  /* One customer per domain, one agreement and one order per customer */
  g_hash_table_iter_init (&iter, bench.server->customers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *domain = json_object_get_string_member (json_object_get_object_member (value, "companyProfile"), "domain");
      JsonArray *agreements = g_hash_table_lookup (bench.server->agreements, key);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_domain, domain));
      guint orders = count_orders (&bench, key);

      g_hash_table_insert (per_domain, g_strdup (domain), GUINT_TO_POINTER (n + 1));
      if (n > 0)
        duplicates++;
      if (agreements != NULL && json_array_get_length (agreements) > 1)
        extra_agreements += json_array_get_length (agreements) - 1;
      if (orders > 1)
        extra_orders += orders - 1;
    }
  for (guint trial = 0; trial < trials; trial++)
    {
      g_autofree char *domain = g_strdup_printf ("bench%06u.onmicrosoft.com", trial);

      if (!g_hash_table_contains (per_domain, domain))
        lost++;
    }

  customers = onramp_demo_server_get_n_customers (bench.server);
  clean = customers == trials && duplicates == 0 && extra_agreements == 0 && extra_orders == 0 && lost == 0;
  g_print ("seed:               %u\n", seed);
  g_print ("trials (drafts):    %u\n", trials);
  g_print ("runs:               %u (%u failed or crashed)\n", bench.runs, bench.failed_runs);
  g_print ("crashes between:    %u\n", bench.crashes_between);
  g_print ("kills mid-call:     %u\n", bench.kills_mid_call);
  g_print ("drafts finished:    %u\n", finished);
  g_print ("customers created:  %u\n", customers);
  g_print ("duplicates:         %u\n", duplicates);
  g_print ("extra agreements:   %u\n", extra_agreements);
  g_print ("extra orders:       %u\n", extra_orders);
  g_print ("lost:               %u\n", lost);
  g_print ("time:               %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  g_free (bench.saved);
  g_clear_object (&bench.cancellable);
  g_object_unref (bench.client);
  g_object_unref (bench.server);
  g_main_loop_unref (bench.loop);
  g_rand_free (bench.rand);

  g_print ("%s\n", clean ? "PASS: exactly one customer per draft, nothing twice, none lost" : "FAIL");
  return clean ? 0 : 1;
}

/* onramp-outbox.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-outbox"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-error.h"
#include "onramp-outbox.h"
#include "onramp-service-error.h"
#include "onramp-submit.h"

/* The outbox submits the drafts marked ready, one at a time, through the
 * submission plan, whose every checkpoint is written into the draft's file
 * before the next call goes out. So a crash, a lost connection or a
 * sign-out anywhere leaves a draft that resumes where it stopped, with the
 * same request ids: never a second customer.
 *
 * Watching (the window): it runs while the network is up and someone is
 * signed in, and waits out failures that may pass (no network, 5xx, 429,
 * an expired sign-in) with a growing, jittered delay per draft. A failure
 * that needs a person (Partner Center refused the record) marks the draft
 * "needs attention" with the reason; queueing it again is the Retry.
 *
 * Once (onramp-cli outbox run): every waiting draft is tried once, in
 * order, whatever the network monitor says. */

typedef struct
{
  guint  failures;
  gint64 not_before; /* monotonic µs */
} Backoff;

struct _OnrampOutbox
{
  GObject              parent_instance;

  OnrampDraftStore    *store;
  OnrampPartnerClient *client;
  OnrampAuth          *auth;
  GNetworkMonitor     *monitor;

  gboolean             started;
  OnrampDraft         *current;
  GCancellable        *cancellable;
  GHashTable          *backoffs;    /* draft id → Backoff */
  GHashTable          *claimed;     /* ids of drafts the window submits itself */
  guint                first_backoff_ms;
  guint                longest_backoff_ms;
  guint                kick_id;
  guint                timer_id;
};

G_DEFINE_FINAL_TYPE (OnrampOutbox, onramp_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_CURRENT,
  N_PROPS
};

enum {
  STEP,
  SUBMITTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void onramp_outbox_kick (OnrampOutbox *self);

static gboolean
draft_is_waiting (OnrampDraft *draft)
{
  OnrampDraftStatus status = onramp_draft_get_status (draft);

  /* Submitting at load time: the app stopped half-way; resume it */
  return status == ONRAMP_DRAFT_STATUS_READY || status == ONRAMP_DRAFT_STATUS_SUBMITTING;
}

/* Failures that may pass on their own: try again later, same request ids */
static gboolean
error_may_pass (const GError *error)
{
  if (error->domain == ONRAMP_SERVICE_ERROR)
    return error->code == ONRAMP_SERVICE_ERROR_NETWORK ||
           error->code == ONRAMP_SERVICE_ERROR_SERVER ||
           error->code == ONRAMP_SERVICE_ERROR_THROTTLED ||
           error->code == ONRAMP_SERVICE_ERROR_UNAUTHORIZED;

  if (error->domain == ONRAMP_ERROR)
    return error->code == ONRAMP_ERROR_NOT_SIGNED_IN;

  /* A keyring or connection trouble on the way to a token */
  return error->domain == G_IO_ERROR && error->code != G_IO_ERROR_CANCELLED;
}

static void
onramp_outbox_set_current (OnrampOutbox *self,
                           OnrampDraft  *draft)
{
  gboolean was_busy = self->current != NULL;

  if (!g_set_object (&self->current, draft))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  if (was_busy != (draft != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static guint
onramp_outbox_backoff_ms (OnrampOutbox *self,
                          guint         failures)
{
  guint64 delay = self->first_backoff_ms;

  for (guint i = 1; i < failures && delay < self->longest_backoff_ms; i++)
    delay *= 2;
  delay = MIN (delay, self->longest_backoff_ms);

  /* Jitter, so that many clients coming back online do not arrive at once */
  return (guint) (delay / 2 + g_random_int_range (0, (gint32) MAX (delay / 2, 1)));
}

static void
onramp_outbox_remember_failure (OnrampOutbox *self,
                                OnrampDraft  *draft)
{
  const char *id = onramp_draft_get_id (draft);
  Backoff *backoff = g_hash_table_lookup (self->backoffs, id);

  if (backoff == NULL)
    {
      backoff = g_new0 (Backoff, 1);
      g_hash_table_insert (self->backoffs, g_strdup (id), backoff);
    }

  backoff->failures++;
  backoff->not_before = g_get_monotonic_time () +
                        (gint64) onramp_outbox_backoff_ms (self, backoff->failures) * 1000;
}

/* One draft */

typedef struct
{
  OnrampDraftStore *store;
  OnrampDraft      *draft;
} Checkpoint;

static void
checkpoint_free (gpointer data)
{
  Checkpoint *checkpoint = data;

  g_object_unref (checkpoint->store);
  g_object_unref (checkpoint->draft);
  g_free (checkpoint);
}

/* Synchronous by the plan's contract: the next request must not leave
 * before its request id is on disk. A draft file is a few kilobytes. */
static gboolean
checkpoint_into_draft (OnrampSubmission  *submission,
                       JsonObject        *state,
                       gpointer           user_data,
                       GError           **error)
{
  Checkpoint *checkpoint = user_data;

  onramp_draft_set_submission_state (checkpoint->draft, state);

  return onramp_draft_store_save (checkpoint->store, checkpoint->draft, error);
}

static void
on_step_changed_cb (OnrampSubmission *submission,
                    GParamSpec       *pspec,
                    GTask            *task)
{
  OnrampOutbox *self = g_task_get_source_object (task);
  OnrampDraft *draft = g_task_get_task_data (task);

  g_signal_emit (self, signals[STEP], 0, draft, (guint) onramp_submission_get_step (submission));
}

static void
onramp_outbox_finish_draft (OnrampOutbox *self,
                            OnrampDraft  *draft,
                            JsonObject   *customer,
                            const GError *error)
{
  g_autoptr(GError) save_error = NULL;

  if (error == NULL)
    {
      g_hash_table_remove (self->backoffs, onramp_draft_get_id (draft));
      onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_SUBMITTED, NULL);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_READY, NULL);
  else if (error_may_pass (error))
    {
      onramp_outbox_remember_failure (self, draft);
      onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_READY, error->message);
    }
  else
    onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION, error->message);

  /* The status only: the submission's own checkpoints are already on disk */
  if (!onramp_draft_store_save (self->store, draft, &save_error))
    g_warning ("The status of “%s” could not be saved: %s", onramp_draft_get_title (draft), save_error->message);

  if (error == NULL)
    g_signal_emit (self, signals[SUBMITTED], 0, draft, customer);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[FAILED], 0, draft, error);
}

static void
on_submission_run_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampOutbox *self = g_task_get_source_object (task);
  OnrampDraft *draft = g_task_get_task_data (task);
  g_autoptr(JsonObject) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (object, on_step_changed_cb, task);
  customer = onramp_submission_run_finish (ONRAMP_SUBMISSION (object), result, &error);
  onramp_outbox_finish_draft (self, draft, customer, error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The draft's submission, resumed from its last checkpoint, saving each
 * next one into the draft's file */
static OnrampSubmission *
onramp_outbox_new_submission (OnrampOutbox *self,
                              OnrampDraft  *draft)
{
  OnrampSubmission *submission;
  Checkpoint *checkpoint = g_new0 (Checkpoint, 1);

  submission = onramp_submission_new_from_state (onramp_draft_get_customer (draft),
                                                 onramp_draft_get_submission_state (draft));
  checkpoint->store = g_object_ref (self->store);
  checkpoint->draft = g_object_ref (draft);
  onramp_submission_set_checkpoint (submission, checkpoint_into_draft, checkpoint, checkpoint_free);

  return submission;
}

static void
onramp_outbox_run_submission (GTask *task)
{
  OnrampOutbox *self = g_task_get_source_object (task);
  OnrampDraft *draft = g_task_get_task_data (task);
  g_autoptr(OnrampSubmission) submission = onramp_outbox_new_submission (self, draft);

  g_signal_connect (submission, "notify::step", G_CALLBACK (on_step_changed_cb), task);

  onramp_submission_run_async (submission, self->client, g_task_get_cancellable (task),
                               on_submission_run_cb, g_object_ref (task));
}

static void
on_token_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampOutbox *self = g_task_get_source_object (task);
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  token = onramp_auth_get_access_token_finish (ONRAMP_AUTH (object), result, &error);
  if (token == NULL)
    {
      onramp_outbox_finish_draft (self, g_task_get_task_data (task), NULL, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  onramp_partner_client_set_access_token (self->client, token);
  onramp_outbox_run_submission (task);
}

static void
onramp_outbox_submit_async (OnrampOutbox        *self,
                            OnrampDraft         *draft,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, onramp_outbox_submit_async);
  g_task_set_task_data (task, g_object_ref (draft), g_object_unref);
  onramp_outbox_set_current (self, draft);

  onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_SUBMITTING, NULL);
  if (!onramp_draft_store_save (self->store, draft, &error))
    {
      onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION, error->message);
      g_signal_emit (self, signals[FAILED], 0, draft, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->auth != NULL)
    onramp_auth_get_access_token_async (self->auth, cancellable, on_token_cb, g_steal_pointer (&task));
  else
    onramp_outbox_run_submission (task);
}

static gboolean
onramp_outbox_submit_finish (OnrampOutbox  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  onramp_outbox_set_current (self, NULL);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Watching */

static OnrampDraft *
onramp_outbox_next_due (OnrampOutbox *self,
                        gint64       *next_wake)
{
  GListModel *drafts = onramp_draft_store_get_drafts (self->store);
  gint64 now = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (drafts);

  *next_wake = G_MAXINT64;

  /* Oldest change first: the store lists the newest first */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i - 1);
      Backoff *backoff;

      if (!draft_is_waiting (draft) || g_hash_table_contains (self->claimed, onramp_draft_get_id (draft)))
        continue;

      backoff = g_hash_table_lookup (self->backoffs, onramp_draft_get_id (draft));
      if (backoff == NULL || backoff->not_before <= now)
        return g_steal_pointer (&draft);

      *next_wake = MIN (*next_wake, backoff->not_before);
    }

  return NULL;
}

static gboolean
onramp_outbox_may_run (OnrampOutbox *self)
{
  if (!self->started || self->current != NULL)
    return FALSE;

  if (!g_network_monitor_get_network_available (self->monitor))
    return FALSE;

  return self->auth == NULL || onramp_auth_get_state (self->auth) == ONRAMP_AUTH_STATE_SIGNED_IN;
}

static gboolean
on_timer_cb (gpointer user_data)
{
  OnrampOutbox *self = user_data;

  self->timer_id = 0;
  onramp_outbox_kick (self);

  return G_SOURCE_REMOVE;
}

static void
on_watched_submit_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  OnrampOutbox *self = ONRAMP_OUTBOX (object);
  g_autoptr(GError) error = NULL;

  if (!onramp_outbox_submit_finish (self, result, &error))
    g_debug ("Submission stopped: %s", error->message);

  onramp_outbox_kick (self);
}

static gboolean
on_kick_cb (gpointer user_data)
{
  OnrampOutbox *self = user_data;
  g_autoptr(OnrampDraft) draft = NULL;
  gint64 next_wake;

  self->kick_id = 0;
  if (!onramp_outbox_may_run (self))
    return G_SOURCE_REMOVE;

  draft = onramp_outbox_next_due (self, &next_wake);
  if (draft != NULL)
    onramp_outbox_submit_async (self, draft, self->cancellable, on_watched_submit_cb, NULL);
  else if (next_wake != G_MAXINT64 && self->timer_id == 0)
    self->timer_id = g_timeout_add ((guint) MAX ((next_wake - g_get_monotonic_time ()) / 1000, 1),
                                    on_timer_cb, self);

  return G_SOURCE_REMOVE;
}

/* Coalesces the triggers (network, sign-in, the list) into one look */
static void
onramp_outbox_kick (OnrampOutbox *self)
{
  if (self->kick_id == 0 && self->started)
    self->kick_id = g_idle_add (on_kick_cb, self);
}

static void
on_network_changed_cb (OnrampOutbox *self)
{
  /* Back online: what waited for the network need not wait longer */
  if (g_network_monitor_get_network_available (self->monitor))
    g_hash_table_remove_all (self->backoffs);

  onramp_outbox_kick (self);
}

static void
onramp_outbox_dispose (GObject *object)
{
  OnrampOutbox *self = (OnrampOutbox *)object;

  onramp_outbox_stop (self);
  g_clear_object (&self->current);
  g_clear_object (&self->monitor);
  g_clear_object (&self->auth);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (onramp_outbox_parent_class)->dispose (object);
}

static void
onramp_outbox_finalize (GObject *object)
{
  OnrampOutbox *self = (OnrampOutbox *)object;

  g_clear_pointer (&self->backoffs, g_hash_table_unref);
  g_clear_pointer (&self->claimed, g_hash_table_unref);

  G_OBJECT_CLASS (onramp_outbox_parent_class)->finalize (object);
}

static void
onramp_outbox_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OnrampOutbox *self = ONRAMP_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, onramp_outbox_get_busy (self));
      break;
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_outbox_class_init (OnrampOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onramp_outbox_dispose;
  object_class->finalize = onramp_outbox_finalize;
  object_class->get_property = onramp_outbox_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, ONRAMP_TYPE_DRAFT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampOutbox::step:
   * @draft: the draft being submitted
   * @step: the OnrampSubmitStep it has reached
   */
  signals[STEP] =
    g_signal_new ("step", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ONRAMP_TYPE_DRAFT, G_TYPE_UINT);

  /**
   * OnrampOutbox::submitted:
   * @draft: the draft, now marked submitted
   * @customer: the customer as Partner Center answered, with the one-time
   *   admin password when this run created it: show it once, keep it only
   *   in the keyring, never log it
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ONRAMP_TYPE_DRAFT, JSON_TYPE_OBJECT);

  /**
   * OnrampOutbox::failed:
   * @draft: the draft: ready again when the failure may pass, otherwise
   *   needs attention, with the reason
   * @error: what went wrong
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ONRAMP_TYPE_DRAFT, G_TYPE_ERROR);
}

static void
onramp_outbox_init (OnrampOutbox *self)
{
  self->backoffs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->first_backoff_ms = 2000;
  self->longest_backoff_ms = 5 * 60 * 1000;
}

/**
 * onramp_outbox_new:
 * @store: the drafts
 * @client: the client to submit with
 * @auth: (nullable): the sign-in that gives @client its tokens; %NULL when
 *   @client already carries one (onramp-cli with ONRAMP_ACCESS_TOKEN)
 */
OnrampOutbox *
onramp_outbox_new (OnrampDraftStore    *store,
                   OnrampPartnerClient *client,
                   OnrampAuth          *auth)
{
  OnrampOutbox *self;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (ONRAMP_IS_PARTNER_CLIENT (client), NULL);
  g_return_val_if_fail (auth == NULL || ONRAMP_IS_AUTH (auth), NULL);

  self = g_object_new (ONRAMP_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->auth = auth != NULL ? g_object_ref (auth) : NULL;
  self->monitor = g_object_ref (g_network_monitor_get_default ());

  return self;
}

/**
 * onramp_outbox_set_network_monitor:
 *
 * Tests hand in a monitor they control; the default is the system's.
 */
void
onramp_outbox_set_network_monitor (OnrampOutbox    *self,
                                   GNetworkMonitor *monitor)
{
  g_return_if_fail (ONRAMP_IS_OUTBOX (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));
  g_return_if_fail (!self->started);

  g_set_object (&self->monitor, monitor);
}

/**
 * onramp_outbox_set_backoff:
 * @first_ms: the wait after a first failure that may pass (default 2 s)
 * @longest_ms: the longest wait, however many failures (default 5 min)
 */
void
onramp_outbox_set_backoff (OnrampOutbox *self,
                           guint         first_ms,
                           guint         longest_ms)
{
  g_return_if_fail (ONRAMP_IS_OUTBOX (self));
  g_return_if_fail (first_ms >= 1 && longest_ms >= first_ms);

  self->first_backoff_ms = first_ms;
  self->longest_backoff_ms = longest_ms;
}

/**
 * onramp_outbox_start:
 *
 * Starts watching: waiting drafts go out whenever the network is up and
 * someone is signed in.
 */
void
onramp_outbox_start (OnrampOutbox *self)
{
  g_return_if_fail (ONRAMP_IS_OUTBOX (self));

  if (self->started)
    return;

  self->started = TRUE;
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->monitor, "network-changed", G_CALLBACK (on_network_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (onramp_draft_store_get_drafts (self->store), "items-changed",
                           G_CALLBACK (onramp_outbox_kick), self, G_CONNECT_SWAPPED);
  if (self->auth != NULL)
    g_signal_connect_object (self->auth, "notify::state", G_CALLBACK (onramp_outbox_kick),
                             self, G_CONNECT_SWAPPED);
  onramp_outbox_kick (self);
}

/**
 * onramp_outbox_stop:
 *
 * Stops watching and cancels the submission in flight; its draft is ready
 * again and resumes from its last checkpoint next time.
 */
void
onramp_outbox_stop (OnrampOutbox *self)
{
  g_return_if_fail (ONRAMP_IS_OUTBOX (self));

  if (!self->started)
    return;

  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->kick_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_signal_handlers_disconnect_by_data (onramp_draft_store_get_drafts (self->store), self);
  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
}

gboolean
onramp_outbox_get_busy (OnrampOutbox *self)
{
  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), FALSE);

  return self->current != NULL;
}

/**
 * onramp_outbox_get_current:
 *
 * Returns: (nullable) (transfer none): the draft being submitted
 */
OnrampDraft *
onramp_outbox_get_current (OnrampOutbox *self)
{
  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), NULL);

  return self->current;
}

/**
 * onramp_outbox_queue:
 *
 * Marks @draft ready and saves it; the outbox takes it when it may. Also
 * the Retry of a draft that needs attention. A submitted draft, or the one
 * being submitted, cannot be queued.
 */
gboolean
onramp_outbox_queue (OnrampOutbox  *self,
                     OnrampDraft   *draft,
                     GError       **error)
{
  OnrampDraftStatus status;

  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (ONRAMP_IS_DRAFT (draft), FALSE);

  status = onramp_draft_get_status (draft);
  if (status == ONRAMP_DRAFT_STATUS_SUBMITTED || draft == self->current)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                           status == ONRAMP_DRAFT_STATUS_SUBMITTED
                           ? _("This customer was already submitted")
                           : _("This customer is being submitted"));
      return FALSE;
    }

  g_hash_table_remove (self->backoffs, onramp_draft_get_id (draft));
  onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_READY, NULL);
  if (!onramp_draft_store_save (self->store, draft, error))
    return FALSE;

  onramp_outbox_kick (self);

  return TRUE;
}

/**
 * onramp_outbox_count_waiting:
 *
 * Returns: how many drafts are ready or being submitted
 */
guint
onramp_outbox_count_waiting (OnrampOutbox *self)
{
  GListModel *drafts;
  guint count = 0;

  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), 0);

  drafts = onramp_draft_store_get_drafts (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      count += draft_is_waiting (draft) ? 1 : 0;
    }

  return count;
}

/* Once */

typedef struct
{
  GPtrArray *drafts;
  guint      next;
  guint      n_submitted;
  guint      n_failed;
} RunOnce;

static void
run_once_free (gpointer data)
{
  RunOnce *run = data;

  g_ptr_array_unref (run->drafts);
  g_free (run);
}

static void run_once_next (GTask *task);

static void
on_run_once_submitted_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunOnce *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (onramp_outbox_submit_finish (ONRAMP_OUTBOX (object), result, &error))
    run->n_submitted++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    run->n_failed++;

  run_once_next (g_steal_pointer (&task));
}

static void
run_once_next (GTask *task)
{
  OnrampOutbox *self = g_task_get_source_object (task);
  RunOnce *run = g_task_get_task_data (task);

  if (run->next == run->drafts->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  onramp_outbox_submit_async (self, g_ptr_array_index (run->drafts, run->next++),
                              g_task_get_cancellable (task), on_run_once_submitted_cb, task);
}

/**
 * onramp_outbox_run_async:
 *
 * Tries every waiting draft once, oldest change first, and finishes with
 * how many were submitted and how many were not. The network monitor is not
 * asked: a command line run just tries. Progress and each result arrive
 * through the step, submitted and failed signals.
 */
void
onramp_outbox_run_async (OnrampOutbox        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  RunOnce *run;
  GListModel *drafts;

  g_return_if_fail (ONRAMP_IS_OUTBOX (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_outbox_run_async);

  run = g_new0 (RunOnce, 1);
  run->drafts = g_ptr_array_new_with_free_func (g_object_unref);
  drafts = onramp_draft_store_get_drafts (self->store);
  for (guint i = g_list_model_get_n_items (drafts); i > 0; i--)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i - 1);

      if (draft_is_waiting (draft))
        g_ptr_array_add (run->drafts, g_steal_pointer (&draft));
    }
  g_task_set_task_data (task, run, run_once_free);

  run_once_next (task);
}

/**
 * onramp_outbox_run_finish:
 * @n_submitted: (out) (optional): drafts submitted by this run
 * @n_failed: (out) (optional): drafts that were not
 *
 * Returns: %FALSE only when the run was cancelled
 */
gboolean
onramp_outbox_run_finish (OnrampOutbox  *self,
                          GAsyncResult  *result,
                          guint         *n_submitted,
                          guint         *n_failed,
                          GError       **error)
{
  RunOnce *run;

  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (G_TASK (result));
  if (n_submitted != NULL)
    *n_submitted = run->n_submitted;
  if (n_failed != NULL)
    *n_failed = run->n_failed;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Submitting from the window */

/**
 * onramp_outbox_claim:
 *
 * For the Review page's Submit: the draft's submission, which the caller
 * runs and follows itself. The outbox leaves the draft alone until
 * onramp_outbox_release(). Fails while the outbox is submitting it.
 *
 * Returns: (transfer full) (nullable): the submission, checkpointed into
 *   the draft
 */
OnrampSubmission *
onramp_outbox_claim (OnrampOutbox  *self,
                     OnrampDraft   *draft,
                     GError       **error)
{
  const char *id;

  g_return_val_if_fail (ONRAMP_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_DRAFT (draft), NULL);

  id = onramp_draft_get_id (draft);
  if (draft == self->current || g_hash_table_contains (self->claimed, id))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                           _("This customer is being submitted"));
      return NULL;
    }

  onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_SUBMITTING, NULL);
  if (!onramp_draft_store_save (self->store, draft, error))
    return NULL;

  g_hash_table_add (self->claimed, g_strdup (id));

  return onramp_outbox_new_submission (self, draft);
}

/**
 * onramp_outbox_release:
 * @customer: (nullable): what the submission answered, on success
 * @error: (nullable): why it stopped, otherwise
 *
 * Ends a claim: the draft is marked submitted, back in the outbox for a
 * failure that may pass, needs attention for a refusal, or a draft again
 * when the user cancelled. The submitted and failed signals follow.
 */
void
onramp_outbox_release (OnrampOutbox *self,
                       OnrampDraft  *draft,
                       JsonObject   *customer,
                       const GError *error)
{
  g_autoptr(GError) save_error = NULL;

  g_return_if_fail (ONRAMP_IS_OUTBOX (self));
  g_return_if_fail (ONRAMP_IS_DRAFT (draft));
  g_return_if_fail ((customer == NULL) != (error == NULL));

  if (!g_hash_table_remove (self->claimed, onramp_draft_get_id (draft)))
    return;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      onramp_outbox_finish_draft (self, draft, customer, error);
      onramp_outbox_kick (self);
      return;
    }

  /* Stopped by the user: it waits for them, not for the network */
  onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_DRAFT, NULL);
  if (!onramp_draft_store_save (self->store, draft, &save_error))
    g_warning ("The status of “%s” could not be saved: %s", onramp_draft_get_title (draft), save_error->message);
}

/* onramp-submit.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-submit"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "onramp-error.h"
#include "onramp-submit.h"
#include "onramp-validator.h"
#include "onramp-wire.h"

/* Submitting one customer: the plan of partner-center-api.md §15 and
 * DESIGN.md "Drafts and submission":
 *
 *   local checks → address check → domain check → create customer →
 *   confirm the agreement → cart → checkout → verification status
 *
 * Nothing lost, nothing twice. Each recorded step has a state (pending,
 * running, done, failed, skipped), and each creating step (create,
 * agreement, cart, checkout) an MS-RequestId of its own. The whole state is
 * checkpointed before every call that may change something and after every
 * answer: in its own file (onramp-cli submit), or through the owner's
 * checkpoint function (a draft). A step found "running" after a crash, or
 * failed without a definitive answer, is sent again with the SAME request
 * id: Partner Center documents create as idempotent on MS-RequestId (§1, the
 * headers page) and the demo server answers a replay with the original
 * answer, creating nothing. We rely on that to look the outcome up. Where
 * the service may have forgotten the id, the duplicate answers still mean
 * "already done": 600061 for the agreement (§5b), 800065 for a checkout
 * (§6c). A definitive answer (a 4xx about the request itself) clears the
 * step's request id, so that a later attempt is a new request, as §0 says.
 *
 * The state keeps ids only (customer id, domain, cart id, order ids and
 * per-line results); the one-time admin password of the create answer is
 * handed to the caller once and never stored.
 *
 *   { "version": 2, "customer": { wire JSON as sent },
 *     "steps": [ { "step": "create", "state": "done", "requestId": "…",
 *                  "result": { "id": "…", "domain": "…" } }, … ] }
 *
 * Version 1 files ({ "requestId", "createSent", "result" }) still load.
 */

#define STATE_VERSION 2
#define FIRST_RECORDED ONRAMP_SUBMIT_STEP_ADDRESS
#define N_RECORDED (ONRAMP_SUBMIT_STEP_DONE - ONRAMP_SUBMIT_STEP_ADDRESS)
#define AGREEMENT_TYPE "MicrosoftCustomerAgreement"

typedef struct
{
  OnrampSubmitState  state;
  char              *request_id;
  gboolean           uncertain;
  char              *error;
  JsonObject        *result;
} Slot;

struct _OnrampSubmission
{
  GObject                     parent_instance;

  OnrampCustomer             *customer;
  JsonNode                   *wire;
  char                       *path;
  Slot                        slots[N_RECORDED];
  GError                     *state_error;
  JsonObject                 *created;
  GPtrArray                  *issues;
  OnrampSubmitStep            step;
  gboolean                    running;

  OnrampSubmissionCheckpoint  checkpoint;
  gpointer                    checkpoint_data;
  GDestroyNotify              checkpoint_destroy;
};

G_DEFINE_FINAL_TYPE (OnrampSubmission, onramp_submission, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const step_names[] = {
  [ONRAMP_SUBMIT_STEP_VALIDATE] = "validate",
  [ONRAMP_SUBMIT_STEP_ADDRESS] = "address",
  [ONRAMP_SUBMIT_STEP_DOMAIN] = "domain",
  [ONRAMP_SUBMIT_STEP_CREATE] = "create",
  [ONRAMP_SUBMIT_STEP_AGREEMENT] = "agreement",
  [ONRAMP_SUBMIT_STEP_CART] = "cart",
  [ONRAMP_SUBMIT_STEP_CHECKOUT] = "checkout",
  [ONRAMP_SUBMIT_STEP_STATUS] = "status",
  [ONRAMP_SUBMIT_STEP_DONE] = "done",
};

static const char * const state_names[] = {
  [ONRAMP_SUBMIT_STATE_PENDING] = "pending",
  [ONRAMP_SUBMIT_STATE_RUNNING] = "running",
  [ONRAMP_SUBMIT_STATE_DONE] = "done",
  [ONRAMP_SUBMIT_STATE_FAILED] = "failed",
  [ONRAMP_SUBMIT_STATE_SKIPPED] = "skipped",
};

static const struct
{
  OnrampAccountStatus  status;
  const char          *name;
} account_statuses[] = {
  { ONRAMP_ACCOUNT_STATUS_ALLOWED, "Allowed" },
  { ONRAMP_ACCOUNT_STATUS_UNDER_REVIEW, "UnderReview" },
  { ONRAMP_ACCOUNT_STATUS_NOT_ALLOWED, "NotAllowed" },
  { ONRAMP_ACCOUNT_STATUS_NOT_READY, "NotReady" },
  { ONRAMP_ACCOUNT_STATUS_NOT_FOUND, "NotFound" },
  { ONRAMP_ACCOUNT_STATUS_UNKNOWN, "Unknown" },
};

void
onramp_submit_record_free (OnrampSubmitRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->message);
  g_free (record->request_id);
  g_free (record);
}

/**
 * onramp_submit_step_get_label:
 *
 * Returns: the step's translated name, such as “Address check”
 */
const char *
onramp_submit_step_get_label (OnrampSubmitStep step)
{
  switch (step)
    {
    case ONRAMP_SUBMIT_STEP_VALIDATE:
      return _("Local checks");
    case ONRAMP_SUBMIT_STEP_ADDRESS:
      return _("Address check");
    case ONRAMP_SUBMIT_STEP_DOMAIN:
      return _("Domain check");
    case ONRAMP_SUBMIT_STEP_CREATE:
      return _("Customer");
    case ONRAMP_SUBMIT_STEP_AGREEMENT:
      return _("Microsoft Customer Agreement");
    case ONRAMP_SUBMIT_STEP_CART:
      return _("Cart");
    case ONRAMP_SUBMIT_STEP_CHECKOUT:
      return _("Order");
    case ONRAMP_SUBMIT_STEP_STATUS:
      return _("Verification status");
    case ONRAMP_SUBMIT_STEP_DONE:
    default:
      return _("Done");
    }
}

static Slot *
slot_of (OnrampSubmission *self,
         OnrampSubmitStep  step)
{
  g_assert (step >= FIRST_RECORDED && step < ONRAMP_SUBMIT_STEP_DONE);

  return &self->slots[step - FIRST_RECORDED];
}

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->request_id, g_free);
  g_clear_pointer (&slot->error, g_free);
  g_clear_pointer (&slot->result, json_object_unref);
  slot->uncertain = FALSE;
  slot->state = ONRAMP_SUBMIT_STATE_PENDING;
}

static void
onramp_submission_reset_slots (OnrampSubmission *self)
{
  for (guint i = 0; i < N_RECORDED; i++)
    slot_clear (&self->slots[i]);
}

static gboolean
is_creating (OnrampSubmitStep step)
{
  return step == ONRAMP_SUBMIT_STEP_CREATE || step == ONRAMP_SUBMIT_STEP_AGREEMENT ||
         step == ONRAMP_SUBMIT_STEP_CART || step == ONRAMP_SUBMIT_STEP_CHECKOUT;
}

static gboolean
is_finished (OnrampSubmitState state)
{
  return state == ONRAMP_SUBMIT_STATE_DONE || state == ONRAMP_SUBMIT_STATE_SKIPPED;
}

static void
onramp_submission_finalize (GObject *object)
{
  OnrampSubmission *self = (OnrampSubmission *)object;

  if (self->checkpoint_destroy != NULL)
    self->checkpoint_destroy (self->checkpoint_data);
  onramp_submission_reset_slots (self);
  g_clear_object (&self->customer);
  g_clear_pointer (&self->wire, json_node_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->state_error);
  g_clear_pointer (&self->created, json_object_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);

  G_OBJECT_CLASS (onramp_submission_parent_class)->finalize (object);
}

static void
onramp_submission_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OnrampSubmission *self = ONRAMP_SUBMISSION (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_submission_class_init (OnrampSubmissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_submission_finalize;
  object_class->get_property = onramp_submission_get_property;

  /* An int, not an enum type: no enum-types generation for one property */
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL,
                      ONRAMP_SUBMIT_STEP_VALIDATE, ONRAMP_SUBMIT_STEP_DONE, ONRAMP_SUBMIT_STEP_VALIDATE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_submission_init (OnrampSubmission *self)
{
  self->step = ONRAMP_SUBMIT_STEP_VALIDATE;
}

static void
onramp_submission_set_step (OnrampSubmission *self,
                            OnrampSubmitStep  step)
{
  if (self->step == step)
    return;

  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* JSON helpers: the state and the record come from disk, so any member
 * may be missing or of another type */

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The state's version: 1 when absent (the first form had none), 0 when
 * it is not a number */
static gint64
state_version (JsonObject *state)
{
  JsonNode *node = state != NULL ? json_object_get_member (state, "version") : NULL;

  if (state == NULL)
    return 0;
  if (node == NULL)
    return 1;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static JsonObject *
object_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
object_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
object_boolean (JsonObject *object,
                const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* json_node_copy() shares objects and arrays; bodies are edited, and
 * saved states must not change under their owner, so copy all the way */
static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (object, name, deep_copy (member));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, object);
      return copy;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      JsonArray *array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, deep_copy (json_array_get_element (source, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array);
      return copy;
    }

  return json_node_copy (node);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, object);
  copy = deep_copy (node);

  return json_object_ref (json_node_get_object (copy));
}

static JsonObject *
wire_object (OnrampSubmission *self)
{
  return json_node_get_object (self->wire);
}

static char *
state_file_name (JsonNode *wire)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *canonical = NULL;
  g_autofree char *digest = NULL;
  gsize length = 0;

  json_generator_set_root (generator, wire);
  canonical = json_generator_to_data (generator, &length);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, length);

  return g_strconcat (digest, ".json", NULL);
}

static OnrampSubmission *
onramp_submission_new_for_customer (OnrampCustomer *customer)
{
  OnrampSubmission *self = g_object_new (ONRAMP_TYPE_SUBMISSION, NULL);

  self->customer = g_object_ref (customer);
  self->wire = onramp_wire_customer_to_node (customer);

  return self;
}

/**
 * onramp_submission_new_in_directory:
 * @customer: the record to submit; later changes to it are not seen
 * @directory: where the submission files live
 *
 * A submission checkpointed to its own file (mode 0600) in @directory,
 * named after the record's content. Call onramp_submission_load() next.
 */
OnrampSubmission *
onramp_submission_new_in_directory (OnrampCustomer *customer,
                                    const char     *directory)
{
  OnrampSubmission *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  self = onramp_submission_new_for_customer (customer);
  name = state_file_name (self->wire);
  self->path = g_build_filename (directory, name, NULL);

  return self;
}

/**
 * onramp_submission_new:
 *
 * A submission kept under $XDG_DATA_HOME/onramp/submissions.
 */
OnrampSubmission *
onramp_submission_new (OnrampCustomer *customer)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "onramp", "submissions", NULL);

  return onramp_submission_new_in_directory (customer, directory);
}

/* Reading the state */

static gboolean
state_from_name (const char        *name,
                 OnrampSubmitState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (name, state_names[i]) == 0)
        {
          *state = i;
          return TRUE;
        }
    }

  return FALSE;
}

static OnrampSubmitStep
step_from_name (const char *name)
{
  for (OnrampSubmitStep step = FIRST_RECORDED; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      if (g_strcmp0 (name, step_names[step]) == 0)
        return step;
    }

  return ONRAMP_SUBMIT_STEP_DONE;
}

static gboolean
is_request_id (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

static gboolean
slot_read (Slot       *slot,
           JsonObject *entry)
{
  const char *request_id = object_string (entry, "requestId");
  const char *error = object_string (entry, "error");
  JsonObject *result = object_object (entry, "result");

  if (!state_from_name (object_string (entry, "state"), &slot->state))
    return FALSE;
  if (json_object_has_member (entry, "requestId") && !is_request_id (request_id))
    return FALSE;

  slot->request_id = g_strdup (request_id);
  slot->uncertain = object_boolean (entry, "uncertain");
  slot->error = g_strdup (error);
  slot->result = result != NULL ? copy_object (result) : NULL;

  return TRUE;
}

/* What later steps rely on: the customer id once created, the cart id once
 * the cart exists */
static gboolean
onramp_submission_state_is_consistent (OnrampSubmission *self)
{
  Slot *create = slot_of (self, ONRAMP_SUBMIT_STEP_CREATE);
  Slot *cart = slot_of (self, ONRAMP_SUBMIT_STEP_CART);

  if (create->state == ONRAMP_SUBMIT_STATE_DONE && object_string (create->result, "id") == NULL)
    return FALSE;
  if (cart->state == ONRAMP_SUBMIT_STATE_DONE && object_string (cart->result, "cartId") == NULL)
    return FALSE;

  for (OnrampSubmitStep step = ONRAMP_SUBMIT_STEP_AGREEMENT; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      if (slot_of (self, step)->state != ONRAMP_SUBMIT_STATE_PENDING &&
          slot_of (self, step)->state != ONRAMP_SUBMIT_STATE_SKIPPED &&
          create->state != ONRAMP_SUBMIT_STATE_DONE)
        return FALSE;
    }

  return TRUE;
}

/* The first saved form: one request id, the creation only */
static gboolean
onramp_submission_read_version_1 (OnrampSubmission *self,
                                  JsonObject       *state)
{
  const char *request_id = object_string (state, "requestId");
  JsonObject *result = object_object (state, "result");
  Slot *create = slot_of (self, ONRAMP_SUBMIT_STEP_CREATE);

  if (!is_request_id (request_id))
    return FALSE;

  create->request_id = g_strdup (request_id);
  if (result != NULL && object_string (result, "id") != NULL)
    {
      create->state = ONRAMP_SUBMIT_STATE_DONE;
      create->result = copy_object (result);
    }
  else if (object_boolean (state, "createSent"))
    create->state = ONRAMP_SUBMIT_STATE_RUNNING;

  if (create->state != ONRAMP_SUBMIT_STATE_PENDING)
    {
      slot_of (self, ONRAMP_SUBMIT_STEP_ADDRESS)->state = ONRAMP_SUBMIT_STATE_DONE;
      slot_of (self, ONRAMP_SUBMIT_STEP_DOMAIN)->state = ONRAMP_SUBMIT_STATE_DONE;
    }

  return TRUE;
}

static gboolean
onramp_submission_read_version_2 (OnrampSubmission *self,
                                  JsonObject       *state)
{
  JsonArray *steps = object_array (state, "steps");

  if (steps == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      OnrampSubmitStep step = step_from_name (object_string (entry, "step"));

      /* A step this version does not know is left alone */
      if (entry == NULL || step == ONRAMP_SUBMIT_STEP_DONE)
        continue;

      slot_clear (slot_of (self, step));
      if (!slot_read (slot_of (self, step), entry))
        return FALSE;
    }

  return TRUE;
}

/* Whether any creating request may have reached Partner Center: from then
 * on the record as sent is what a retry must send again */
static gboolean
onramp_submission_has_sent (OnrampSubmission *self)
{
  for (OnrampSubmitStep step = FIRST_RECORDED; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      Slot *slot = slot_of (self, step);

      if (is_creating (step) &&
          (slot->state == ONRAMP_SUBMIT_STATE_RUNNING || slot->state == ONRAMP_SUBMIT_STATE_DONE || slot->uncertain))
        return TRUE;
    }

  return FALSE;
}

static OnrampSubmitStep
onramp_submission_next_step (OnrampSubmission *self)
{
  for (OnrampSubmitStep step = FIRST_RECORDED; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      if (!is_finished (slot_of (self, step)->state))
        return step;
    }

  return ONRAMP_SUBMIT_STEP_DONE;
}

static void
onramp_submission_show_progress (OnrampSubmission *self)
{
  OnrampSubmitStep next = onramp_submission_next_step (self);

  onramp_submission_set_step (self, next == FIRST_RECORDED ? ONRAMP_SUBMIT_STEP_VALIDATE : next);
}

/* Takes in a saved state. A damaged one is refused whole: guessing could
 * send a creation twice. */
static gboolean
onramp_submission_apply_state (OnrampSubmission  *self,
                               JsonObject        *state,
                               const char        *where,
                               GError           **error)
{
  JsonObject *snapshot = object_object (state, "customer");
  gint64 version = state_version (state);
  gboolean readable;

  onramp_submission_reset_slots (self);
  if (version > STATE_VERSION)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name or “the draft” */
                   _("The saved submission %s was made by a newer Onramp; update Onramp to go on"), where);
      return FALSE;
    }

  readable = version == 1 ? onramp_submission_read_version_1 (self, state)
                          : version == 2 && onramp_submission_read_version_2 (self, state);
  if (!readable || !onramp_submission_state_is_consistent (self) ||
      (onramp_submission_has_sent (self) && snapshot == NULL && version == 2))
    {
      onramp_submission_reset_slots (self);
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name or “the draft” */
                   _("The saved submission %s is damaged; nothing was sent"), where);
      return FALSE;
    }

  if (onramp_submission_has_sent (self) && snapshot != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, snapshot);
      g_clear_pointer (&self->wire, json_node_unref);
      self->wire = deep_copy (node);
    }
  else if (!onramp_submission_has_sent (self) && version == 2 && snapshot != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      /* Nothing went out yet: a record edited since then starts afresh */
      json_node_set_object (node, snapshot);
      if (!json_node_equal (node, self->wire))
        onramp_submission_reset_slots (self);
    }

  onramp_submission_show_progress (self);
  return TRUE;
}

/**
 * onramp_submission_new_from_state:
 * @customer: the record to submit
 * @state: (nullable): what the checkpoint function last saved, or %NULL
 *   for a submission not started yet
 *
 * A submission whose state lives with its owner, such as a draft: set a
 * checkpoint function with onramp_submission_set_checkpoint() before
 * running it. While no creating request has gone out, a record changed
 * since @state starts the plan afresh; after that, the record as sent is
 * what retries send. A damaged @state makes the run fail without sending
 * anything.
 */
OnrampSubmission *
onramp_submission_new_from_state (OnrampCustomer *customer,
                                  JsonObject     *state)
{
  OnrampSubmission *self;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  self = onramp_submission_new_for_customer (customer);
  /* Translators: stands for the file name of a saved submission kept in a draft */
  if (state != NULL && !onramp_submission_apply_state (self, state, _("in the draft"), &self->state_error))
    g_debug ("Saved submission refused: %s", self->state_error->message);

  return self;
}

/**
 * onramp_submission_set_checkpoint:
 * @checkpoint: (nullable): saves the state durably; %NULL to go back to the
 *   submission's own file, if it has one
 *
 * Replaces the submission file: from now on every checkpoint goes to
 * @checkpoint, synchronously, from the main context the run uses.
 */
void
onramp_submission_set_checkpoint (OnrampSubmission           *self,
                                  OnrampSubmissionCheckpoint  checkpoint,
                                  gpointer                    user_data,
                                  GDestroyNotify              destroy)
{
  g_return_if_fail (ONRAMP_IS_SUBMISSION (self));

  if (self->checkpoint_destroy != NULL)
    self->checkpoint_destroy (self->checkpoint_data);

  self->checkpoint = checkpoint;
  self->checkpoint_data = user_data;
  self->checkpoint_destroy = destroy;
}

/**
 * onramp_submission_load:
 *
 * Reads what an earlier run saved in the submission's file, if anything.
 * A missing file is not an error; a damaged one is, and is left in place
 * for a person to look at.
 */
gboolean
onramp_submission_load (OnrampSubmission  *self,
                        GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  g_clear_error (&self->state_error);
  if (!json_parser_load_from_file (parser, self->path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name, the second %s why it cannot be read */
                   _("Cannot read the saved submission %s: %s"), self->path, local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (!onramp_submission_apply_state (self, root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL,
                                      self->path, &local_error))
    {
      self->state_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Writing the state */

static JsonNode *
slot_to_node (Slot             *slot,
              OnrampSubmitStep  step)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "step");
  json_builder_add_string_value (builder, step_names[step]);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state_names[slot->state]);
  if (slot->request_id != NULL)
    {
      json_builder_set_member_name (builder, "requestId");
      json_builder_add_string_value (builder, slot->request_id);
    }
  if (slot->uncertain)
    {
      json_builder_set_member_name (builder, "uncertain");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (slot->error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, slot->error);
    }
  if (slot->result != NULL)
    {
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (result, copy_object (slot->result));
      json_builder_set_member_name (builder, "result");
      json_builder_add_value (builder, result);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * onramp_submission_dup_state:
 *
 * Returns: (transfer full): the whole state, ids and results only (never
 *   the one-time password): what the checkpoint function receives, and
 *   what onramp_submission_new_from_state() takes back
 */
JsonObject *
onramp_submission_dup_state (OnrampSubmission *self)
{
  JsonObject *state;
  JsonArray *steps;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  state = json_object_new ();
  steps = json_array_new ();
  json_object_set_int_member (state, "version", STATE_VERSION);
  json_object_set_object_member (state, "customer", copy_object (wire_object (self)));
  for (OnrampSubmitStep step = FIRST_RECORDED; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    json_array_add_element (steps, slot_to_node (slot_of (self, step), step));
  json_object_set_array_member (state, "steps", steps);

  return state;
}

static gboolean
write_state_file (const char  *path,
                  JsonObject  *state,
                  GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  json_node_set_object (root, state);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: %s is a folder name, the second %s why it cannot be made */
                   _("Cannot make the folder %s: %s"), directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* Temporary file, fsync, rename: a crash leaves the old state or the new one */
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static gboolean
onramp_submission_save (OnrampSubmission  *self,
                        GError           **error)
{
  g_autoptr(JsonObject) state = onramp_submission_dup_state (self);

  if (self->checkpoint != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (self->checkpoint (self, state, self->checkpoint_data, &local_error))
        return TRUE;
      if (local_error == NULL)
        g_set_error_literal (&local_error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED, _("The submission could not be saved"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->path != NULL)
    return write_state_file (self->path, state, error);

  g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                       _("The submission has nowhere to be saved; nothing was sent"));
  return FALSE;
}

/* Getters */

const char *
onramp_submission_get_path (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->path;
}

/**
 * onramp_submission_get_request_id:
 *
 * Returns: (nullable): the customer creation's MS-RequestId, once chosen
 */
const char *
onramp_submission_get_request_id (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return slot_of (self, ONRAMP_SUBMIT_STEP_CREATE)->request_id;
}

/**
 * onramp_submission_get_step_request_id:
 * @step: a creating step: CREATE, AGREEMENT, CART or CHECKOUT
 *
 * Returns: (nullable): its MS-RequestId, while one is in use
 */
const char *
onramp_submission_get_step_request_id (OnrampSubmission *self,
                                       OnrampSubmitStep  step)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);
  g_return_val_if_fail (step >= FIRST_RECORDED && step < ONRAMP_SUBMIT_STEP_DONE, NULL);

  return slot_of (self, step)->request_id;
}

OnrampSubmitState
onramp_submission_get_step_state (OnrampSubmission *self,
                                  OnrampSubmitStep  step)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), ONRAMP_SUBMIT_STATE_PENDING);
  g_return_val_if_fail (step >= FIRST_RECORDED && step < ONRAMP_SUBMIT_STEP_DONE, ONRAMP_SUBMIT_STATE_PENDING);

  return slot_of (self, step)->state;
}

/**
 * onramp_submission_is_done:
 *
 * Returns: whether every step is done or skipped: running again sends
 *   nothing
 */
gboolean
onramp_submission_is_done (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), FALSE);

  return self->state_error == NULL && onramp_submission_next_step (self) == ONRAMP_SUBMIT_STEP_DONE;
}

/**
 * onramp_submission_get_stored_result:
 *
 * Returns: (nullable) (transfer none): `{ "id", "domain" }` of the customer
 *   once created, by this run or an earlier one
 */
JsonObject *
onramp_submission_get_stored_result (OnrampSubmission *self)
{
  Slot *create;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  create = slot_of (self, ONRAMP_SUBMIT_STEP_CREATE);
  return create->state == ONRAMP_SUBMIT_STATE_DONE ? create->result : NULL;
}

/**
 * onramp_submission_get_created_customer:
 *
 * Returns: (nullable) (transfer none): the creation's answer when this
 *   object made (or replayed) it, one-time password included: in memory
 *   only, so show it now; it stays even when a later step fails
 */
JsonObject *
onramp_submission_get_created_customer (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->created;
}

OnrampSubmitStep
onramp_submission_get_step (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), ONRAMP_SUBMIT_STEP_VALIDATE);

  return self->step;
}

/**
 * onramp_submission_get_issues:
 *
 * Returns: (nullable) (transfer none) (element-type OnrampIssue): what the
 *   local checks found, once they ran
 */
GPtrArray *
onramp_submission_get_issues (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->issues;
}

OnrampAddressStatus
onramp_submission_get_address_status (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), ONRAMP_ADDRESS_STATUS_UNKNOWN);

  return onramp_address_status_from_string (object_string (slot_of (self, ONRAMP_SUBMIT_STEP_ADDRESS)->result, "status"));
}

/**
 * onramp_submission_get_account_status:
 *
 * Returns: the verification status (§13) once the last step ran; UNKNOWN
 *   before
 */
OnrampAccountStatus
onramp_submission_get_account_status (OnrampSubmission *self)
{
  const char *name;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), ONRAMP_ACCOUNT_STATUS_UNKNOWN);

  name = object_string (slot_of (self, ONRAMP_SUBMIT_STEP_STATUS)->result, "accountStatus");
  for (guint i = 0; i < G_N_ELEMENTS (account_statuses); i++)
    {
      if (g_strcmp0 (name, account_statuses[i].name) == 0)
        return account_statuses[i].status;
    }

  return ONRAMP_ACCOUNT_STATUS_UNKNOWN;
}

/**
 * onramp_submission_get_line_results:
 *
 * Returns: (nullable) (transfer none): once checked out, one object per
 *   cart line: line (its position), catalogItemId, state ("ordered",
 *   "failed", or "unknown" when the cart had been submitted before),
 *   orderId when ordered, message when not
 */
JsonArray *
onramp_submission_get_line_results (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return object_array (slot_of (self, ONRAMP_SUBMIT_STEP_CHECKOUT)->result, "lines");
}

/**
 * onramp_submission_count_unordered_lines:
 *
 * Returns: how many checked-out lines Partner Center refused: a partial
 *   checkout. Lines of a cart checked out earlier (800065) are not counted:
 *   their orders exist, only their ids are unknown here.
 */
guint
onramp_submission_count_unordered_lines (OnrampSubmission *self)
{
  JsonArray *lines;
  guint count = 0;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), 0);

  lines = onramp_submission_get_line_results (self);
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonNode *node = json_array_get_element (lines, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && g_strcmp0 (object_string (json_node_get_object (node), "state"), "failed") == 0)
        count++;
    }

  return count;
}

/* Step records, for the Done page and the CLI */

static const char *
address_status_label (OnrampAddressStatus status)
{
  switch (status)
    {
    case ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE:
      return _("verified and deliverable");
    case ONRAMP_ADDRESS_STATUS_VERIFIED:
      return _("verified");
    case ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED:
      return _("a suggested address differs; confirm it with the customer");
    case ONRAMP_ADDRESS_STATUS_STREET_PARTIAL:
      return _("the street is incomplete");
    case ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL:
      return _("the building or suite number is incomplete");
    case ONRAMP_ADDRESS_STATUS_MULTIPLE:
      return _("several parts are incomplete");
    case ONRAMP_ADDRESS_STATUS_NONE:
      return _("the address looks wrong");
    case ONRAMP_ADDRESS_STATUS_NOT_VALIDATED:
      return _("it could not be checked");
    case ONRAMP_ADDRESS_STATUS_UNKNOWN:
    default:
      return _("an unknown answer");
    }
}

static const char *
account_status_label (OnrampAccountStatus status)
{
  switch (status)
    {
    case ONRAMP_ACCOUNT_STATUS_ALLOWED:
      return _("allowed: the customer can buy");
    case ONRAMP_ACCOUNT_STATUS_UNDER_REVIEW:
      return _("under review: purchases wait until Microsoft has checked the company’s legal name and address");
    case ONRAMP_ACCOUNT_STATUS_NOT_ALLOWED:
      return _("not allowed: Microsoft did not approve the account; contact Partner Center support");
    case ONRAMP_ACCOUNT_STATUS_NOT_READY:
      return _("not ready yet; look again later");
    case ONRAMP_ACCOUNT_STATUS_NOT_FOUND:
      return _("no status yet; look again later");
    case ONRAMP_ACCOUNT_STATUS_UNKNOWN:
    default:
      return _("unknown");
    }
}

static char *
done_message (OnrampSubmission *self,
              OnrampSubmitStep  step)
{
  JsonObject *result = slot_of (self, step)->result;

  switch (step)
    {
    case ONRAMP_SUBMIT_STEP_ADDRESS:
      return g_strdup (address_status_label (onramp_submission_get_address_status (self)));
    case ONRAMP_SUBMIT_STEP_DOMAIN:
      return g_strdup (_("the domain is available"));
    case ONRAMP_SUBMIT_STEP_CREATE:
      /* Translators: the first %s is a customer id, the second its domain such as contoso.onmicrosoft.com */
      return g_strdup_printf (_("created: customer id %s, domain %s"),
                              object_string (result, "id"), object_string (result, "domain") ?: "");
    case ONRAMP_SUBMIT_STEP_AGREEMENT:
      return g_strdup (object_boolean (result, "alreadyConfirmed") ? _("already confirmed earlier")
                                                                   : _("confirmed"));
    case ONRAMP_SUBMIT_STEP_CART:
      {
        JsonArray *lines = object_array (result, "lines");
        guint n_lines = lines != NULL ? json_array_get_length (lines) : 0;

        /* Translators: %u is a number of subscriptions, %s the cart's id */
        return g_strdup_printf (ngettext ("%u line in cart %s", "%u lines in cart %s", n_lines),
                                n_lines, object_string (result, "cartId"));
      }
    case ONRAMP_SUBMIT_STEP_CHECKOUT:
      {
        JsonArray *lines = object_array (result, "lines");
        guint total = lines != NULL ? json_array_get_length (lines) : 0;

        if (object_boolean (result, "alreadySubmitted"))
          return g_strdup (_("the cart had already been checked out; see the customer’s order history for its orders"));
        /* Translators: the first %u is how many subscriptions were ordered, the second how many were asked for */
        return g_strdup_printf (ngettext ("%u of %u line ordered", "%u of %u lines ordered", total),
                                total - onramp_submission_count_unordered_lines (self), total);
      }
    case ONRAMP_SUBMIT_STEP_STATUS:
      return g_strdup (account_status_label (onramp_submission_get_account_status (self)));
    case ONRAMP_SUBMIT_STEP_VALIDATE:
    case ONRAMP_SUBMIT_STEP_DONE:
    default:
      return g_strdup ("");
    }
}

static char *
skipped_message (OnrampSubmission *self,
                 OnrampSubmitStep  step)
{
  const char *reason = object_string (slot_of (self, step)->result, "reason");

  if (g_strcmp0 (reason, "government") == 0)
    return g_strdup (_("not offered in Partner Center for US Government; nothing sent"));
  if (step == ONRAMP_SUBMIT_STEP_AGREEMENT)
    return g_strdup (_("the record does not say the customer accepted it; nothing sent"));

  return g_strdup (_("no subscriptions chosen; nothing sent"));
}

static char *
step_message (OnrampSubmission *self,
              OnrampSubmitStep  step)
{
  Slot *slot = slot_of (self, step);

  switch (slot->state)
    {
    case ONRAMP_SUBMIT_STATE_PENDING:
      return g_strdup (_("not run yet"));
    case ONRAMP_SUBMIT_STATE_RUNNING:
      return g_strdup (self->running ? _("running") : _("sent, answer not known yet; the next run looks it up"));
    case ONRAMP_SUBMIT_STATE_DONE:
      return done_message (self, step);
    case ONRAMP_SUBMIT_STATE_SKIPPED:
      return skipped_message (self, step);
    case ONRAMP_SUBMIT_STATE_FAILED:
    default:
      if (slot->uncertain)
        /* Translators: %s is why the step failed */
        return g_strdup_printf (_("%s (the outcome is unknown; the next run looks it up with the same request id)"),
                                slot->error ?: "");
      return g_strdup (slot->error != NULL ? slot->error : _("failed"));
    }
}

/**
 * onramp_submission_get_step_records:
 *
 * Returns: (transfer full) (element-type OnrampSubmitRecord): one record
 *   per step from the address check to the verification status, in order
 */
GPtrArray *
onramp_submission_get_step_records (OnrampSubmission *self)
{
  GPtrArray *records;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) onramp_submit_record_free);
  for (OnrampSubmitStep step = FIRST_RECORDED; step < ONRAMP_SUBMIT_STEP_DONE; step++)
    {
      OnrampSubmitRecord *record = g_new0 (OnrampSubmitRecord, 1);

      record->step = step;
      record->state = slot_of (self, step)->state;
      record->message = step_message (self, step);
      record->request_id = g_strdup (slot_of (self, step)->request_id);
      g_ptr_array_add (records, record);
    }

  return records;
}

/* The local checks */

static gboolean
onramp_submission_validate (OnrampSubmission  *self,
                            GError           **error)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();

  g_clear_pointer (&self->issues, g_ptr_array_unref);
  self->issues = onramp_validator_validate_resource (validator, self->customer);

  if (onramp_issues_have_errors (self->issues))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The customer has errors; nothing was sent"));
      return FALSE;
    }

  return TRUE;
}

/* Request bodies, from the record as sent */

/* §4's body: the address subset of billingProfile.defaultAddress */
static JsonObject *
address_body (OnrampSubmission *self)
{
  static const char * const members[] = {
    "addressLine1", "addressLine2", "city", "state", "postalCode", "country",
  };
  JsonObject *address = object_object (object_object (wire_object (self), "billingProfile"), "defaultAddress");
  JsonObject *body = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *value = object_string (address, members[i]);

      if (value != NULL)
        json_object_set_string_member (body, members[i], value);
    }

  return body;
}

/* §1's body: the record without our own `agreement` and `cart`, and without
 * associatedPartnerId, which the client adds itself (§7) */
static JsonObject *
customer_body (OnrampSubmission *self)
{
  static const char * const ours[] = { "agreement", "cart", "associatedPartnerId" };
  JsonObject *body = copy_object (wire_object (self));

  for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
    {
      if (json_object_has_member (body, ours[i]))
        json_object_remove_member (body, ours[i]);
    }

  return body;
}

static const char *
record_domain (OnrampSubmission *self)
{
  return object_string (object_object (wire_object (self), "companyProfile"), "domain");
}

static const char *
associated_partner_id (OnrampSubmission *self)
{
  const char *id = object_string (wire_object (self), "associatedPartnerId");

  return id != NULL && id[0] != '\0' ? id : NULL;
}

static gboolean
record_accepts_agreement (OnrampSubmission *self)
{
  return g_strcmp0 (object_string (object_object (wire_object (self), "agreement"), "type"), AGREEMENT_TYPE) == 0;
}

static JsonArray *
record_line_items (OnrampSubmission *self)
{
  JsonArray *lines = object_array (object_object (wire_object (self), "cart"), "lineItems");

  return lines != NULL && json_array_get_length (lines) > 0 ? lines : NULL;
}

/* "2026-11-20" as the date row stores it becomes the UTC ISO 8601 time
 * §5b wants; a full timestamp goes as it is */
static char *
agreement_date (const char *text)
{
  if (text != NULL && strlen (text) == 10)
    return g_strconcat (text, "T00:00:00.000Z", NULL);

  return g_strdup (text != NULL ? text : "");
}

static void
copy_contact_member (JsonObject *contact,
                     const char *member,
                     const char *value,
                     const char *fallback)
{
  const char *chosen = value != NULL && value[0] != '\0' ? value : fallback;

  if (chosen != NULL && chosen[0] != '\0')
    json_object_set_string_member (contact, member, chosen);
}

/* §5b's body. The person who accepted defaults to the primary contact, as
 * on the Account info page. */
static JsonObject *
agreement_body (OnrampSubmission *self,
                const char       *template_id)
{
  JsonObject *agreement = object_object (wire_object (self), "agreement");
  JsonObject *accepted_by = object_object (agreement, "primaryContact");
  JsonObject *billing = object_object (wire_object (self), "billingProfile");
  JsonObject *address = object_object (billing, "defaultAddress");
  JsonObject *body = json_object_new ();
  JsonObject *contact = json_object_new ();
  g_autofree char *date = agreement_date (object_string (agreement, "dateAgreed"));

  copy_contact_member (contact, "firstName", object_string (accepted_by, "firstName"), object_string (address, "firstName"));
  copy_contact_member (contact, "lastName", object_string (accepted_by, "lastName"), object_string (address, "lastName"));
  copy_contact_member (contact, "email", object_string (accepted_by, "email"), object_string (billing, "email"));
  copy_contact_member (contact, "phoneNumber", object_string (accepted_by, "phoneNumber"), NULL);

  json_object_set_object_member (body, "primaryContact", contact);
  json_object_set_string_member (body, "templateId", template_id);
  json_object_set_string_member (body, "dateAgreed", date);
  json_object_set_string_member (body, "type", AGREEMENT_TYPE);

  return body;
}

/* §6c's body: the lines with the members a cart takes, numbered 0…n-1;
 * the catalog facts we keep beside them stay home */
static JsonObject *
cart_body (OnrampSubmission *self)
{
  static const char * const members[] = { "catalogItemId", "quantity", "billingCycle", "termDuration" };
  JsonArray *lines = record_line_items (self);
  JsonObject *body = json_object_new ();
  JsonArray *items = json_array_new ();

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonNode *node = json_array_get_element (lines, i);
      JsonObject *line = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "id", i);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonNode *value = line != NULL ? json_object_get_member (line, members[m]) : NULL;

          if (value != NULL)
            json_object_set_member (item, members[m], deep_copy (value));
        }
      json_array_add_object_element (items, item);
    }

  json_object_set_array_member (body, "lineItems", items);
  return body;
}

/* The run */

typedef struct
{
  OnrampPartnerClient *client;
  JsonObject          *cart;       /* the cart body being prepared */
  guint                next_line;  /* the next line to resolve */
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->client);
  g_clear_pointer (&data->cart, json_object_unref);
  g_free (data);
}

static RunData *
task_run_data (GTask *task)
{
  return g_task_get_task_data (task);
}

static OnrampPartnerClient *
task_client (GTask *task)
{
  return ((RunData *) g_task_get_task_data (task))->client;
}

static const char *
customer_id (OnrampSubmission *self)
{
  return object_string (slot_of (self, ONRAMP_SUBMIT_STEP_CREATE)->result, "id");
}

static void onramp_submission_advance (GTask *task);

static void
onramp_submission_return (GTask  *task,
                          GError *error)
{
  OnrampSubmission *self = g_task_get_source_object (task);

  self->running = FALSE;
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->created != NULL)
    g_task_return_pointer (task, json_object_ref (self->created), (GDestroyNotify) json_object_unref);
  else
    g_task_return_pointer (task, copy_object (onramp_submission_get_stored_result (self)), (GDestroyNotify) json_object_unref);
}

/* A definitive answer about the request itself: Partner Center received it
 * and refused it. Anything else (no answer, 5xx, throttling, a token
 * refused, an unreadable answer, a cancelled run) leaves open whether it
 * took effect. "Order in progress" and "cart being processed" too. */
static gboolean
error_is_definitive (const GError *error)
{
  const char *code;

  if (error->domain == ONRAMP_ERROR)
    return TRUE;
  if (error->domain != ONRAMP_SERVICE_ERROR)
    return FALSE;
  if (error->code != ONRAMP_SERVICE_ERROR_FAILED && error->code != ONRAMP_SERVICE_ERROR_NOT_FOUND)
    return FALSE;

  code = onramp_service_error_get_service_code (error);
  return g_strcmp0 (code, "800060") != 0 && g_strcmp0 (code, "800064") != 0;
}

/* Records the failure of the current step and ends the run. The failure is
 * checkpointed when it can be; when it cannot, the state saved before the
 * call ("running") makes the next run look the outcome up anyway. */
static void
onramp_submission_step_failed (GTask  *task,
                               GError *error)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  Slot *slot = slot_of (self, self->step);
  g_autoptr(GError) save_error = NULL;

  slot->state = ONRAMP_SUBMIT_STATE_FAILED;
  g_free (slot->error);
  slot->error = g_strdup (error->message);
  if (is_creating (self->step) && error_is_definitive (error))
    {
      /* Answered: a later attempt is a new request (§0) */
      g_clear_pointer (&slot->request_id, g_free);
      slot->uncertain = FALSE;
    }
  else
    slot->uncertain = is_creating (self->step) && slot->request_id != NULL;

  g_debug ("Step %s failed%s: %s", step_names[self->step], slot->uncertain ? " (outcome unknown)" : "", error->message);
  if (!onramp_submission_save (self, &save_error))
    g_debug ("The failure could not be saved: %s", save_error->message);

  onramp_submission_return (task, error);
}

static void
onramp_submission_step_done (GTask      *task,
                             JsonObject *result)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  Slot *slot = slot_of (self, self->step);
  GError *error = NULL;

  slot->state = ONRAMP_SUBMIT_STATE_DONE;
  slot->uncertain = FALSE;
  g_clear_pointer (&slot->error, g_free);
  g_clear_pointer (&slot->result, json_object_unref);
  slot->result = result;

  if (!onramp_submission_save (self, &error))
    {
      GError *wrapped;

      /* It happened: say so along with the failure to remember it */
      if (self->step == ONRAMP_SUBMIT_STEP_CREATE)
        wrapped = g_error_new (error->domain, error->code,
                               /* Translators: %s is a customer id, the second %s why it was not saved */
                               _("The customer %s was created, but the result could not be saved: %s"),
                               customer_id (self), error->message);
      else
        wrapped = g_error_new (error->domain, error->code,
                               /* Translators: the first %s is a step such as “Cart”, the second why it was not saved */
                               _("%s: done, but the result could not be saved: %s"),
                               onramp_submit_step_get_label (self->step), error->message);
      g_error_free (error);
      onramp_submission_return (task, wrapped);
      return;
    }

  onramp_submission_advance (task);
}

/* Marks the step running, with its request id for a creating step, and
 * saves that before anything is sent */
static gboolean
onramp_submission_step_start (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  Slot *slot = slot_of (self, self->step);
  g_autoptr(GError) error = NULL;

  if (slot->uncertain || slot->state == ONRAMP_SUBMIT_STATE_RUNNING)
    g_debug ("Step %s: outcome unknown, looking it up with request id %s", step_names[self->step], slot->request_id);

  if (is_creating (self->step) && slot->request_id == NULL)
    slot->request_id = g_uuid_string_random ();
  slot->state = ONRAMP_SUBMIT_STATE_RUNNING;

  if (!onramp_submission_save (self, &error))
    {
      /* Nothing went out: not uncertain */
      if (is_creating (self->step) && !slot->uncertain)
        g_clear_pointer (&slot->request_id, g_free);
      slot->state = ONRAMP_SUBMIT_STATE_FAILED;
      g_free (slot->error);
      slot->error = g_strdup (error->message);
      onramp_submission_return (task, g_steal_pointer (&error));
      return FALSE;
    }

  return TRUE;
}

/* Address check */

static void
on_address_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) reply = NULL;
  JsonObject *stored;
  OnrampAddressStatus status;
  GError *error = NULL;
  const char *name;

  reply = onramp_partner_client_validate_address_finish (ONRAMP_PARTNER_CLIENT (object), result, &status, &error);
  if (reply == NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  /* Pre-validation only (§4): the creation validates on its own, so a
   * doubtful status is for the caller to show, not a reason to stop */
  name = object_string (reply, "status");
  stored = json_object_new ();
  json_object_set_string_member (stored, "status", name != NULL ? name : "Unknown");
  onramp_submission_step_done (task, stored);
}

static void
run_address (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) body = address_body (self);

  onramp_partner_client_validate_address_async (task_client (task), body, g_task_get_cancellable (task),
                                                on_address_checked_cb, g_object_ref (task));
}

/* Domain check */

static void
on_domain_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  JsonObject *stored;
  gboolean available = FALSE;
  GError *error = NULL;

  if (!onramp_partner_client_check_domain_finish (ONRAMP_PARTNER_CLIENT (object), result, &available, &error))
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  /* Nothing of ours was sent yet (the creation comes after this step), so
   * a taken domain is someone else's */
  if (!available)
    {
      onramp_submission_step_failed (task, g_error_new (ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                                                        /* Translators: %s is a domain such as contoso.onmicrosoft.com */
                                                        _("The domain %s is already taken; choose another one"),
                                                        record_domain (self)));
      return;
    }

  stored = json_object_new ();
  json_object_set_boolean_member (stored, "available", TRUE);
  onramp_submission_step_done (task, stored);
}

static void
run_domain (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  const char *domain = record_domain (self);

  onramp_partner_client_check_domain_async (task_client (task), domain != NULL ? domain : "",
                                            g_task_get_cancellable (task),
                                            on_domain_checked_cb, g_object_ref (task));
}

/* Customer creation */

static void
on_customer_created_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) customer = NULL;
  JsonObject *stored;
  const char *id;
  const char *domain;
  GError *error = NULL;

  customer = onramp_partner_client_create_customer_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (customer == NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  id = object_string (customer, "id");
  if (id == NULL)
    {
      onramp_submission_step_failed (task, g_error_new_literal (ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_INVALID_REPLY,
                                                                _("Partner Center created the customer but sent no customer id")));
      return;
    }

  /* Id and domain only: the answer's one-time password stays off the disk */
  domain = object_string (object_object (customer, "companyProfile"), "domain");
  stored = json_object_new ();
  json_object_set_string_member (stored, "id", id);
  json_object_set_string_member (stored, "domain", domain != NULL ? domain : record_domain (self));
  g_clear_pointer (&self->created, json_object_unref);
  self->created = g_steal_pointer (&customer);
  onramp_submission_step_done (task, stored);
}

static void
run_create (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) body = customer_body (self);

  onramp_partner_client_create_customer_async (task_client (task), body, associated_partner_id (self),
                                               slot_of (self, ONRAMP_SUBMIT_STEP_CREATE)->request_id,
                                               g_task_get_cancellable (task),
                                               on_customer_created_cb, g_object_ref (task));
}

/* The Microsoft Customer Agreement */

static void
on_agreement_confirmed_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  gboolean already_confirmed = FALSE;
  JsonObject *stored;
  GError *error = NULL;

  /* 600061 is success with already_confirmed: the replay of a confirmation
   * the service has forgotten the request id of */
  if (!onramp_partner_client_confirm_agreement_finish (ONRAMP_PARTNER_CLIENT (object), result, &already_confirmed, &error))
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  stored = json_object_new ();
  json_object_set_boolean_member (stored, "confirmed", TRUE);
  json_object_set_boolean_member (stored, "alreadyConfirmed", already_confirmed);
  onramp_submission_step_done (task, stored);
}

static void
on_agreement_metadata_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(JsonObject) body = NULL;
  GError *error = NULL;

  metadata = onramp_partner_client_get_agreement_metadata_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (metadata == NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  /* Fetched, never hard-coded (§5a) */
  body = agreement_body (self, object_string (metadata, "templateId"));
  onramp_partner_client_confirm_agreement_async (task_client (task), customer_id (self), body,
                                                 slot_of (self, ONRAMP_SUBMIT_STEP_AGREEMENT)->request_id,
                                                 g_task_get_cancellable (task),
                                                 on_agreement_confirmed_cb, g_object_ref (task));
}

static void
run_agreement (GTask *task)
{
  onramp_partner_client_get_agreement_metadata_async (task_client (task), g_task_get_cancellable (task),
                                                      on_agreement_metadata_cb, g_object_ref (task));
}

/* Cart */

static JsonObject *
cart_line_object (JsonArray *lines,
                  guint      index)
{
  JsonNode *node = lines != NULL && index < json_array_get_length (lines) ? json_array_get_element (lines, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Each cart line: its catalog item, its order group, and the error the
 * cart found in it, if any */
static JsonArray *
cart_line_results (JsonArray  *sent,
                   JsonObject *cart)
{
  JsonArray *answered = object_array (cart, "lineItems");
  JsonArray *lines = json_array_new ();

  for (guint i = 0; i < json_array_get_length (sent); i++)
    {
      JsonObject *line = json_object_new ();
      JsonObject *asked = cart_line_object (sent, i);
      JsonObject *got = cart_line_object (answered, i);
      JsonObject *error = object_object (got, "error");
      const char *group = object_string (got, "orderGroup");
      const char *description = object_string (error, "errorDescription");

      json_object_set_int_member (line, "line", i);
      json_object_set_string_member (line, "catalogItemId", object_string (asked, "catalogItemId") ?: "");
      if (group != NULL)
        json_object_set_string_member (line, "orderGroup", group);
      if (error != NULL)
        json_object_set_string_member (line, "error", description != NULL ? description : object_string (error, "errorCode") ?: "");
      json_array_add_object_element (lines, line);
    }

  return lines;
}

static void
on_cart_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) cart = NULL;
  JsonObject *stored;
  GError *error = NULL;

  cart = onramp_partner_client_create_cart_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (cart == NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }
  if (object_string (cart, "id") == NULL)
    {
      onramp_submission_step_failed (task, g_error_new_literal (ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_INVALID_REPLY,
                                                                _("Partner Center made the cart but sent no cart id")));
      return;
    }

  stored = json_object_new ();
  json_object_set_string_member (stored, "cartId", object_string (cart, "id"));
  json_object_set_array_member (stored, "lines",
                                cart_line_results (object_array (task_run_data (task)->cart, "lineItems"), cart));
  onramp_submission_step_done (task, stored);
}

static void
send_cart (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);

  onramp_partner_client_create_cart_async (task_client (task), customer_id (self), task_run_data (task)->cart,
                                           slot_of (self, ONRAMP_SUBMIT_STEP_CART)->request_id,
                                           g_task_get_cancellable (task),
                                           on_cart_created_cb, g_object_ref (task));
}

static void resolve_next_line (GTask *task);

/* The availability whose terms include @term; the first when the line
 * names no term */
static const char *
pick_catalog_item (JsonArray  *availabilities,
                   const char *term)
{
  for (guint i = 0; i < json_array_get_length (availabilities); i++)
    {
      JsonObject *availability = cart_line_object (availabilities, i);
      JsonArray *terms = object_array (availability, "terms");

      if (term == NULL)
        return object_string (availability, "catalogItemId");
      for (guint t = 0; terms != NULL && t < json_array_get_length (terms); t++)
        {
          if (g_strcmp0 (object_string (cart_line_object (terms, t), "duration"), term) == 0)
            return object_string (availability, "catalogItemId");
        }
    }

  return NULL;
}

static void
on_availabilities_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = task_run_data (task);
  JsonObject *line = cart_line_object (object_array (data->cart, "lineItems"), data->next_line);
  g_autoptr(JsonArray) availabilities = NULL;
  GError *error = NULL;
  const char *catalog_item_id;

  availabilities = onramp_partner_client_list_availabilities_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (availabilities == NULL && !g_error_matches (error, ONRAMP_SERVICE_ERROR, ONRAMP_SERVICE_ERROR_NOT_FOUND))
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  /* A product gone from the catalog keeps the id the draft had: the cart
   * then says what is wrong with that line */
  catalog_item_id = availabilities != NULL ? pick_catalog_item (availabilities, object_string (line, "termDuration")) : NULL;
  if (catalog_item_id != NULL)
    json_object_set_string_member (line, "catalogItemId", catalog_item_id);
  g_clear_error (&error);

  data->next_line++;
  resolve_next_line (task);
}

/* Availability ids change (§6b): each line's catalog item id is looked up
 * afresh from its product and SKU before the cart is made */
static void
resolve_next_line (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  RunData *data = task_run_data (task);
  JsonArray *record_lines = record_line_items (self);
  const char *country = object_string (object_object (object_object (wire_object (self), "billingProfile"),
                                                      "defaultAddress"), "country");

  for (; data->next_line < json_array_get_length (record_lines); data->next_line++)
    {
      JsonObject *line = cart_line_object (record_lines, data->next_line);
      const char *product_id = object_string (line, "productId");
      const char *sku_id = object_string (line, "skuId");

      if (product_id != NULL && sku_id != NULL && country != NULL)
        {
          onramp_partner_client_list_availabilities_async (task_client (task), product_id, sku_id, country,
                                                           g_task_get_cancellable (task),
                                                           on_availabilities_cb, g_object_ref (task));
          return;
        }
    }

  send_cart (task);
}

static void
run_cart (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  RunData *data = task_run_data (task);

  g_clear_pointer (&data->cart, json_object_unref);
  data->cart = cart_body (self);
  data->next_line = 0;
  resolve_next_line (task);
}

/* Checkout */

static gboolean
order_has_line (JsonObject *order,
                const char *group,
                const char *catalog_item_id)
{
  JsonArray *items = object_array (order, "lineItems");

  if (group != NULL && g_strcmp0 (object_string (order, "orderGroup"), group) == 0)
    return TRUE;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = cart_line_object (items, i);

      if (catalog_item_id != NULL && g_strcmp0 (object_string (item, "offerId"), catalog_item_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
find_order_error (JsonArray  *errors,
                  const char *group)
{
  for (guint i = 0; group != NULL && errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonObject *error = cart_line_object (errors, i);
      JsonNode *id = error != NULL ? json_object_get_member (error, "orderGroupId") : NULL;
      g_autofree char *text = NULL;

      if (id == NULL || !JSON_NODE_HOLDS_VALUE (id))
        continue;
      text = json_node_get_value_type (id) == G_TYPE_STRING ? g_strdup (json_node_get_string (id))
                                                            : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
      if (g_strcmp0 (text, group) == 0)
        return error;
    }

  return NULL;
}

/* One result per cart line: ordered (with its order id) or failed (with
 * why). §6c: some order groups can succeed while others fail. */
static JsonObject *
checkout_results (OnrampSubmission *self,
                  JsonObject       *checkout)
{
  JsonArray *cart_lines = object_array (slot_of (self, ONRAMP_SUBMIT_STEP_CART)->result, "lines");
  JsonArray *orders = object_array (checkout, "orders");
  JsonArray *errors = object_array (checkout, "orderErrors");
  JsonObject *stored = json_object_new ();
  JsonArray *order_ids = json_array_new ();
  JsonArray *lines = json_array_new ();

  for (guint i = 0; orders != NULL && i < json_array_get_length (orders); i++)
    {
      const char *id = object_string (cart_line_object (orders, i), "id");

      if (id != NULL)
        json_array_add_string_element (order_ids, id);
    }

  for (guint i = 0; cart_lines != NULL && i < json_array_get_length (cart_lines); i++)
    {
      JsonObject *cart_line = cart_line_object (cart_lines, i);
      const char *group = object_string (cart_line, "orderGroup");
      const char *catalog_item_id = object_string (cart_line, "catalogItemId");
      JsonObject *line = json_object_new ();
      JsonObject *order = NULL;
      JsonObject *order_error = find_order_error (errors, group);

      for (guint o = 0; order == NULL && orders != NULL && o < json_array_get_length (orders); o++)
        {
          if (order_has_line (cart_line_object (orders, o), group, catalog_item_id))
            order = cart_line_object (orders, o);
        }

      json_object_set_int_member (line, "line", i);
      json_object_set_string_member (line, "catalogItemId", catalog_item_id ?: "");
      if (object_string (cart_line, "error") == NULL && order != NULL && object_string (order, "id") != NULL)
        {
          json_object_set_string_member (line, "state", "ordered");
          json_object_set_string_member (line, "orderId", object_string (order, "id"));
        }
      else
        {
          const char *why = object_string (cart_line, "error");

          if (why == NULL)
            why = object_string (order_error, "description");
          json_object_set_string_member (line, "state", "failed");
          json_object_set_string_member (line, "message", why != NULL ? why : _("Partner Center placed no order for this line"));
        }
      json_array_add_object_element (lines, line);
    }

  json_object_set_array_member (stored, "orderIds", order_ids);
  json_object_set_array_member (stored, "lines", lines);
  return stored;
}

/* 800065: the cart was checked out before, by an attempt whose answer we
 * never saw and whose request id the service no longer knows. Done; which
 * orders came of it is in the customer's order history. */
static JsonObject *
already_submitted_results (OnrampSubmission *self)
{
  JsonArray *cart_lines = object_array (slot_of (self, ONRAMP_SUBMIT_STEP_CART)->result, "lines");
  JsonObject *stored = json_object_new ();
  JsonArray *lines = json_array_new ();

  for (guint i = 0; cart_lines != NULL && i < json_array_get_length (cart_lines); i++)
    {
      JsonObject *line = json_object_new ();

      json_object_set_int_member (line, "line", i);
      json_object_set_string_member (line, "catalogItemId", object_string (cart_line_object (cart_lines, i), "catalogItemId") ?: "");
      json_object_set_string_member (line, "state", "unknown");
      json_object_set_string_member (line, "message", _("checked out earlier; see the customer’s order history"));
      json_array_add_object_element (lines, line);
    }

  json_object_set_boolean_member (stored, "alreadySubmitted", TRUE);
  json_object_set_array_member (stored, "orderIds", json_array_new ());
  json_object_set_array_member (stored, "lines", lines);
  return stored;
}

static void
on_checked_out_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) checkout = NULL;
  GError *error = NULL;

  checkout = onramp_partner_client_checkout_cart_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (checkout == NULL && g_strcmp0 (onramp_service_error_get_service_code (error), "800065") == 0)
    {
      g_debug ("Checkout: cart already submitted (800065), counted as done");
      g_error_free (error);
      onramp_submission_step_done (task, already_submitted_results (self));
      return;
    }
  if (checkout == NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  onramp_submission_step_done (task, checkout_results (self, checkout));
}

static void
run_checkout (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);

  onramp_partner_client_checkout_cart_async (task_client (task), customer_id (self),
                                             object_string (slot_of (self, ONRAMP_SUBMIT_STEP_CART)->result, "cartId"),
                                             slot_of (self, ONRAMP_SUBMIT_STEP_CHECKOUT)->request_id,
                                             g_task_get_cancellable (task),
                                             on_checked_out_cb, g_object_ref (task));
}

/* Verification status */

static void
on_account_status_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampAccountStatus status;
  JsonObject *stored;
  GError *error = NULL;

  status = onramp_partner_client_get_account_status_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (error != NULL)
    {
      onramp_submission_step_failed (task, error);
      return;
    }

  stored = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (account_statuses); i++)
    {
      if (account_statuses[i].status == status)
        json_object_set_string_member (stored, "accountStatus", account_statuses[i].name);
    }
  onramp_submission_step_done (task, stored);
}

static void
run_status (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);

  onramp_partner_client_get_account_status_async (task_client (task), customer_id (self),
                                                  g_task_get_cancellable (task),
                                                  on_account_status_cb, g_object_ref (task));
}

/* Returns: (nullable): why @step has nothing to do for this record */
static const char *
skip_reason (GTask            *task,
             OnrampSubmitStep  step)
{
  OnrampSubmission *self = g_task_get_source_object (task);

  switch (step)
    {
    case ONRAMP_SUBMIT_STEP_AGREEMENT:
      if (!record_accepts_agreement (self))
        return "not-accepted";
      if (onramp_partner_client_get_cloud (task_client (task)) == ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
        return "government";
      return NULL;
    case ONRAMP_SUBMIT_STEP_CART:
    case ONRAMP_SUBMIT_STEP_CHECKOUT:
      return record_line_items (self) == NULL ? "no-lines" : NULL;
    case ONRAMP_SUBMIT_STEP_VALIDATE:
    case ONRAMP_SUBMIT_STEP_ADDRESS:
    case ONRAMP_SUBMIT_STEP_DOMAIN:
    case ONRAMP_SUBMIT_STEP_CREATE:
    case ONRAMP_SUBMIT_STEP_STATUS:
    case ONRAMP_SUBMIT_STEP_DONE:
    default:
      return NULL;
    }
}

static void
onramp_submission_advance (GTask *task)
{
  OnrampSubmission *self = g_task_get_source_object (task);
  static void (* const runners[]) (GTask *) = {
    [ONRAMP_SUBMIT_STEP_ADDRESS] = run_address,
    [ONRAMP_SUBMIT_STEP_DOMAIN] = run_domain,
    [ONRAMP_SUBMIT_STEP_CREATE] = run_create,
    [ONRAMP_SUBMIT_STEP_AGREEMENT] = run_agreement,
    [ONRAMP_SUBMIT_STEP_CART] = run_cart,
    [ONRAMP_SUBMIT_STEP_CHECKOUT] = run_checkout,
    [ONRAMP_SUBMIT_STEP_STATUS] = run_status,
  };
  OnrampSubmitStep step = onramp_submission_next_step (self);
  const char *reason;

  if (step == ONRAMP_SUBMIT_STEP_DONE)
    {
      onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_DONE);
      onramp_submission_return (task, NULL);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      self->running = FALSE;
      return;
    }

  onramp_submission_set_step (self, step);
  reason = skip_reason (task, step);
  if (reason != NULL)
    {
      Slot *slot = slot_of (self, step);
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "reason", reason);
      slot->state = ONRAMP_SUBMIT_STATE_SKIPPED;
      g_clear_pointer (&slot->result, json_object_unref);
      slot->result = result;
      onramp_submission_advance (task);
      return;
    }

  if (onramp_submission_step_start (task))
    runners[step] (task);
}

/**
 * onramp_submission_run_async:
 * @client: a client with its access token and base URL set
 *
 * Runs the steps still to do. For a file-backed submission, call
 * onramp_submission_load() first so that a resumed run keeps its request
 * ids. A submission already done finishes at once with a copy of its
 * stored result and sends nothing.
 */
void
onramp_submission_run_async (OnrampSubmission    *self,
                             OnrampPartnerClient *client,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;
  GError *error = NULL;

  g_return_if_fail (ONRAMP_IS_SUBMISSION (self));
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_submission_run_async);
  data = g_new0 (RunData, 1);
  data->client = g_object_ref (client);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  if (self->state_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->state_error));
      return;
    }

  self->running = TRUE;
  if (!onramp_submission_has_sent (self))
    {
      onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_VALIDATE);
      if (!onramp_submission_validate (self, &error))
        {
          onramp_submission_return (task, error);
          return;
        }
    }

  onramp_submission_advance (task);
}

/**
 * onramp_submission_run_finish:
 *
 * Returns: (transfer full): the created customer as Partner Center answered,
 *   one-time password included (show it once, never store it), when this
 *   object created it; else the stored `{ "id", "domain" }`
 */
JsonObject *
onramp_submission_run_finish (OnrampSubmission  *self,
                              GAsyncResult      *result,
                              GError           **error)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

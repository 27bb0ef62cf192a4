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

#include "onramp-error.h"
#include "onramp-submit.h"
#include "onramp-validator.h"
#include "onramp-wire.h"

/* Submitting one customer (partner-center-api.md §15, step 3, up to the
 * creation): local checks, address check, domain check, creation.
 *
 * Before the first request the record and its MS-RequestId are saved under
 * $XDG_DATA_HOME/onramp/submissions/<sha256 of the record's wire JSON>.json,
 * so a run killed half-way and started again sends the same MS-RequestId
 * and Partner Center answers with the customer it already made instead of
 * making a second one. After the creation the customer's id and domain are
 * added; the one-time password never is (nothing secret goes to disk).
 *
 * The file is a plain JSON object, meant to grow into the resumable plan
 * (agreement, cart, checkout) without breaking what is there:
 *   { "version": 1, "requestId": "…", "customer": { wire JSON },
 *     "createSent": true, "result": { "id": "…", "domain": "…" } }
 */

#define STATE_VERSION 1

struct _OnrampSubmission
{
  GObject              parent_instance;

  OnrampCustomer      *customer;
  JsonNode            *wire;
  char                *path;
  char                *request_id;
  gboolean             create_sent;
  JsonObject          *stored_result;
  GPtrArray           *issues;
  OnrampSubmitStep     step;
  OnrampAddressStatus  address_status;
};

G_DEFINE_FINAL_TYPE (OnrampSubmission, onramp_submission, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_submission_finalize (GObject *object)
{
  OnrampSubmission *self = (OnrampSubmission *)object;

  g_clear_object (&self->customer);
  g_clear_pointer (&self->wire, json_node_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->stored_result, json_object_unref);
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
  self->address_status = ONRAMP_ADDRESS_STATUS_UNKNOWN;
}

static char *
state_file_name (JsonNode *wire)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *canonical = NULL;
  gsize length = 0;
  g_autofree char *digest = NULL;

  json_generator_set_root (generator, wire);
  canonical = json_generator_to_data (generator, &length);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, length);

  return g_strconcat (digest, ".json", NULL);
}

/**
 * onramp_submission_new_in_directory:
 * @customer: the record to submit; later changes to it are not seen
 * @directory: where the submission files live
 */
OnrampSubmission *
onramp_submission_new_in_directory (OnrampCustomer *customer,
                                    const char     *directory)
{
  OnrampSubmission *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (ONRAMP_TYPE_SUBMISSION, NULL);
  self->customer = g_object_ref (customer);
  self->wire = onramp_wire_customer_to_node (customer);
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

const char *
onramp_submission_get_path (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->path;
}

const char *
onramp_submission_get_request_id (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->request_id;
}

gboolean
onramp_submission_is_done (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), FALSE);

  return self->stored_result != NULL;
}

/**
 * onramp_submission_get_stored_result:
 *
 * Returns: (nullable) (transfer none): `{ "id", "domain" }` of the customer
 *   an earlier run created
 */
JsonObject *
onramp_submission_get_stored_result (OnrampSubmission *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), NULL);

  return self->stored_result;
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

  return self->address_status;
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

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
object_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * onramp_submission_load:
 *
 * Reads what an earlier run saved, if anything. A missing file is not an
 * error; a damaged one is, and is left in place for a person to look at.
 */
gboolean
onramp_submission_load (OnrampSubmission  *self,
                        GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *state;
  JsonObject *result;
  const char *request_id;

  g_return_val_if_fail (ONRAMP_IS_SUBMISSION (self), FALSE);

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
  state = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  request_id = object_string (state, "requestId");
  if (request_id == NULL || !g_uuid_string_is_valid (request_id))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("The saved submission %s is damaged: it has no valid request id"), self->path);
      return FALSE;
    }

  g_free (self->request_id);
  self->request_id = g_strdup (request_id);
  self->create_sent = json_object_get_boolean_member_with_default (state, "createSent", FALSE);

  result = object_object (state, "result");
  g_clear_pointer (&self->stored_result, json_object_unref);
  if (result != NULL && object_string (result, "id") != NULL)
    {
      self->stored_result = json_object_ref (result);
      onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_DONE);
    }

  return TRUE;
}

static gboolean
onramp_submission_save (OnrampSubmission  *self,
                        GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *data = NULL;
  gsize length = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_VERSION);
  json_builder_set_member_name (builder, "requestId");
  json_builder_add_string_value (builder, self->request_id);
  json_builder_set_member_name (builder, "customer");
  json_builder_add_value (builder, json_node_copy (self->wire));
  json_builder_set_member_name (builder, "createSent");
  json_builder_add_boolean_value (builder, self->create_sent);
  if (self->stored_result != NULL)
    {
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (result, self->stored_result);
      json_builder_set_member_name (builder, "result");
      json_builder_add_value (builder, result);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
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
  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* The run */

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

static JsonObject *
wire_object (OnrampSubmission *self)
{
  return json_node_get_object (self->wire);
}

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

/* §1's body: the record without our own `agreement` and `cart` */
static JsonObject *
customer_body (OnrampSubmission *self)
{
  g_autoptr(JsonNode) copy = json_node_copy (self->wire);
  JsonObject *body = json_node_get_object (copy);

  if (json_object_has_member (body, "agreement"))
    json_object_remove_member (body, "agreement");
  if (json_object_has_member (body, "cart"))
    json_object_remove_member (body, "cart");

  return json_object_ref (body);
}

static const char *
record_domain (OnrampSubmission *self)
{
  return object_string (object_object (wire_object (self), "companyProfile"), "domain");
}

static void on_address_checked_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void on_domain_checked_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void on_customer_created_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static OnrampPartnerClient *
task_client (GTask *task)
{
  return g_task_get_task_data (task);
}

/**
 * onramp_submission_run_async:
 * @client: a client with its access token and base URL set
 *
 * Runs the steps still to do. Call onramp_submission_load() first so that a
 * resumed run keeps its request id. A submission already done finishes at
 * once with a copy of its stored result.
 */
void
onramp_submission_run_async (OnrampSubmission    *self,
                             OnrampPartnerClient *client,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  GError *error = NULL;

  g_return_if_fail (ONRAMP_IS_SUBMISSION (self));
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_submission_run_async);
  g_task_set_task_data (task, g_object_ref (client), g_object_unref);

  if (self->stored_result != NULL)
    {
      g_task_return_pointer (task, json_object_ref (self->stored_result), (GDestroyNotify)json_object_unref);
      return;
    }

  onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_VALIDATE);
  if (!onramp_submission_validate (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->request_id == NULL)
    self->request_id = g_uuid_string_random ();
  if (!onramp_submission_save (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_ADDRESS);
  body = address_body (self);
  onramp_partner_client_validate_address_async (client, body, cancellable,
                                                on_address_checked_cb, g_steal_pointer (&task));
}

static void
on_address_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) reply = NULL;
  GError *error = NULL;
  const char *domain = record_domain (self);
  OnrampPartnerClient *client;
  GCancellable *cancellable;

  reply = onramp_partner_client_validate_address_finish (ONRAMP_PARTNER_CLIENT (object), result,
                                                         &self->address_status, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Pre-validation only (§4): the creation validates on its own, so a
   * doubtful status is for the caller to show, not a reason to stop */
  /* Locals first: the task is stolen in the same call's arguments, whose
   * order of evaluation C leaves open */
  client = task_client (task);
  cancellable = g_task_get_cancellable (task);
  onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_DOMAIN);
  onramp_partner_client_check_domain_async (client, domain != NULL ? domain : "", cancellable,
                                            on_domain_checked_cb, g_steal_pointer (&task));
}

static void
on_domain_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) body = NULL;
  OnrampPartnerClient *client;
  GCancellable *cancellable;
  gboolean available = FALSE;
  GError *error = NULL;

  if (!onramp_partner_client_check_domain_finish (ONRAMP_PARTNER_CLIENT (object), result, &available, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Taken, but maybe by us: a run that sent the creation and died before
   * hearing back. The same request id then gets that customer back, and a
   * domain taken by someone else is refused by the creation itself. */
  if (!available && !self->create_sent)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                               /* Translators: %s is a domain such as contoso.onmicrosoft.com */
                               _("The domain %s is already taken; choose another one"), record_domain (self));
      return;
    }

  self->create_sent = TRUE;
  if (!onramp_submission_save (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_CREATE);
  body = customer_body (self);
  client = task_client (task);
  cancellable = g_task_get_cancellable (task);
  onramp_partner_client_create_customer_async (client, body, NULL, self->request_id, cancellable,
                                               on_customer_created_cb, g_steal_pointer (&task));
}

static void
on_customer_created_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampSubmission *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) customer = NULL;
  g_autoptr(JsonObject) stored = json_object_new ();
  const char *id;
  const char *domain;
  GError *error = NULL;

  customer = onramp_partner_client_create_customer_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (customer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  id = object_string (customer, "id");
  if (id == NULL)
    {
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA, "%s",
                               _("Partner Center created the customer but sent no customer id"));
      return;
    }

  /* Id and domain only: the answer's one-time password stays off the disk */
  domain = object_string (object_object (customer, "companyProfile"), "domain");
  json_object_set_string_member (stored, "id", id);
  json_object_set_string_member (stored, "domain", domain != NULL ? domain : record_domain (self));
  self->stored_result = g_steal_pointer (&stored);

  if (!onramp_submission_save (self, &error))
    {
      /* The customer exists: say so along with the failure to remember it */
      g_task_return_new_error (task, error->domain, error->code,
                               /* Translators: %s is a customer id, the second %s why it was not saved */
                               _("The customer %s was created, but the result could not be saved: %s"),
                               id, error->message);
      g_error_free (error);
      return;
    }

  onramp_submission_set_step (self, ONRAMP_SUBMIT_STEP_DONE);
  g_task_return_pointer (task, g_steal_pointer (&customer), (GDestroyNotify)json_object_unref);
}

/**
 * onramp_submission_run_finish:
 *
 * Returns: (transfer full): the created customer as Partner Center answered,
 *   one-time password included (show it once, never store it); for a
 *   submission done earlier, its stored `{ "id", "domain" }`
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

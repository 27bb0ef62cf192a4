/* onramp-submit.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "onramp-customer.h"
#include "onramp-partner-client.h"

G_BEGIN_DECLS

/**
 * OnrampSubmitStep:
 * @ONRAMP_SUBMIT_STEP_VALIDATE: the local checks, before any request
 * @ONRAMP_SUBMIT_STEP_ADDRESS: POST /v1/validations/address (§4)
 * @ONRAMP_SUBMIT_STEP_DOMAIN: HEAD /v1/domains/{domain} (§2)
 * @ONRAMP_SUBMIT_STEP_CREATE: POST /v1/customers with the persisted MS-RequestId (§1)
 * @ONRAMP_SUBMIT_STEP_AGREEMENT: confirming the Microsoft Customer Agreement (§5b)
 * @ONRAMP_SUBMIT_STEP_CART: POST /v1/customers/{id}/carts (§6c)
 * @ONRAMP_SUBMIT_STEP_CHECKOUT: POST …/carts/{cartId}/checkout (§6c)
 * @ONRAMP_SUBMIT_STEP_STATUS: the account verification status (§13)
 * @ONRAMP_SUBMIT_STEP_DONE: every step is done or skipped
 *
 * The steps in the order they run. Each recorded step (ADDRESS to STATUS)
 * has a state, and the creating ones (CREATE, AGREEMENT, CART, CHECKOUT)
 * an MS-RequestId of their own.
 */
typedef enum
{
  ONRAMP_SUBMIT_STEP_VALIDATE,
  ONRAMP_SUBMIT_STEP_ADDRESS,
  ONRAMP_SUBMIT_STEP_DOMAIN,
  ONRAMP_SUBMIT_STEP_CREATE,
  ONRAMP_SUBMIT_STEP_AGREEMENT,
  ONRAMP_SUBMIT_STEP_CART,
  ONRAMP_SUBMIT_STEP_CHECKOUT,
  ONRAMP_SUBMIT_STEP_STATUS,
  ONRAMP_SUBMIT_STEP_DONE,
} OnrampSubmitStep;

/**
 * OnrampSubmitState:
 * @ONRAMP_SUBMIT_STATE_PENDING: not run yet
 * @ONRAMP_SUBMIT_STATE_RUNNING: its call went out; found so after a crash,
 *   the outcome is unknown and is looked up before anything new is tried
 * @ONRAMP_SUBMIT_STATE_DONE: succeeded; never run again
 * @ONRAMP_SUBMIT_STATE_FAILED: failed; runs again on the next run
 * @ONRAMP_SUBMIT_STATE_SKIPPED: nothing to do for this record
 */
typedef enum
{
  ONRAMP_SUBMIT_STATE_PENDING,
  ONRAMP_SUBMIT_STATE_RUNNING,
  ONRAMP_SUBMIT_STATE_DONE,
  ONRAMP_SUBMIT_STATE_FAILED,
  ONRAMP_SUBMIT_STATE_SKIPPED,
} OnrampSubmitState;

/**
 * OnrampSubmitRecord:
 * @step: which step
 * @state: how it went
 * @message: what to show, translated
 * @request_id: (nullable): its MS-RequestId, for a support ticket
 *
 * One row of the Done page.
 */
typedef struct
{
  OnrampSubmitStep   step;
  OnrampSubmitState  state;
  char              *message;
  char              *request_id;
} OnrampSubmitRecord;

void        onramp_submit_record_free     (OnrampSubmitRecord *record);
const char *onramp_submit_step_get_label  (OnrampSubmitStep    step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampSubmitRecord, onramp_submit_record_free)

#define ONRAMP_TYPE_SUBMISSION (onramp_submission_get_type ())

G_DECLARE_FINAL_TYPE (OnrampSubmission, onramp_submission, ONRAMP, SUBMISSION, GObject)

/**
 * OnrampSubmissionCheckpoint:
 * @submission: the submission
 * @state: the whole state, as onramp_submission_dup_state() gives it; not
 *   changed after the call (take a reference to keep it)
 * @user_data: what onramp_submission_set_checkpoint() was given
 * @error: where to say why it could not be saved
 *
 * Saves @state durably before returning (write, fsync, rename). Called
 * before each call that may change something and after each answer.
 *
 * Returns: %FALSE when it could not be saved: the step then fails, and
 *   nothing is sent
 */
typedef gboolean (*OnrampSubmissionCheckpoint) (OnrampSubmission  *submission,
                                                JsonObject        *state,
                                                gpointer           user_data,
                                                GError           **error);

OnrampSubmission    *onramp_submission_new                (OnrampCustomer       *customer);
OnrampSubmission    *onramp_submission_new_in_directory   (OnrampCustomer       *customer,
                                                           const char           *directory);
OnrampSubmission    *onramp_submission_new_from_state     (OnrampCustomer       *customer,
                                                           JsonObject           *state);
void                 onramp_submission_set_checkpoint     (OnrampSubmission     *self,
                                                           OnrampSubmissionCheckpoint checkpoint,
                                                           gpointer              user_data,
                                                           GDestroyNotify        destroy);
JsonObject          *onramp_submission_dup_state          (OnrampSubmission     *self);
const char          *onramp_submission_get_path           (OnrampSubmission     *self);
gboolean             onramp_submission_load               (OnrampSubmission     *self,
                                                           GError              **error);
const char          *onramp_submission_get_request_id     (OnrampSubmission     *self);
const char          *onramp_submission_get_step_request_id (OnrampSubmission    *self,
                                                           OnrampSubmitStep      step);
OnrampSubmitState    onramp_submission_get_step_state     (OnrampSubmission     *self,
                                                           OnrampSubmitStep      step);
gboolean             onramp_submission_is_done            (OnrampSubmission     *self);
JsonObject          *onramp_submission_get_stored_result  (OnrampSubmission     *self);
JsonObject          *onramp_submission_get_created_customer (OnrampSubmission   *self);
OnrampSubmitStep     onramp_submission_get_step           (OnrampSubmission     *self);
GPtrArray           *onramp_submission_get_issues         (OnrampSubmission     *self);
OnrampAddressStatus  onramp_submission_get_address_status (OnrampSubmission     *self);
OnrampAccountStatus  onramp_submission_get_account_status (OnrampSubmission     *self);
JsonArray           *onramp_submission_get_line_results   (OnrampSubmission     *self);
guint                onramp_submission_count_unordered_lines (OnrampSubmission  *self);
GPtrArray           *onramp_submission_get_step_records   (OnrampSubmission     *self);

void                 onramp_submission_run_async          (OnrampSubmission     *self,
                                                           OnrampPartnerClient  *client,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
JsonObject          *onramp_submission_run_finish         (OnrampSubmission     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS

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
 * @ONRAMP_SUBMIT_STEP_DONE: the customer exists and its id is on disk
 */
typedef enum
{
  ONRAMP_SUBMIT_STEP_VALIDATE,
  ONRAMP_SUBMIT_STEP_ADDRESS,
  ONRAMP_SUBMIT_STEP_DOMAIN,
  ONRAMP_SUBMIT_STEP_CREATE,
  ONRAMP_SUBMIT_STEP_DONE,
} OnrampSubmitStep;

#define ONRAMP_TYPE_SUBMISSION (onramp_submission_get_type ())

G_DECLARE_FINAL_TYPE (OnrampSubmission, onramp_submission, ONRAMP, SUBMISSION, GObject)

OnrampSubmission    *onramp_submission_new                (OnrampCustomer       *customer);
OnrampSubmission    *onramp_submission_new_in_directory   (OnrampCustomer       *customer,
                                                           const char           *directory);
const char          *onramp_submission_get_path           (OnrampSubmission     *self);
gboolean             onramp_submission_load               (OnrampSubmission     *self,
                                                           GError              **error);
const char          *onramp_submission_get_request_id     (OnrampSubmission     *self);
gboolean             onramp_submission_is_done            (OnrampSubmission     *self);
JsonObject          *onramp_submission_get_stored_result  (OnrampSubmission     *self);
OnrampSubmitStep     onramp_submission_get_step           (OnrampSubmission     *self);
GPtrArray           *onramp_submission_get_issues         (OnrampSubmission     *self);
OnrampAddressStatus  onramp_submission_get_address_status (OnrampSubmission     *self);

void                 onramp_submission_run_async          (OnrampSubmission     *self,
                                                           OnrampPartnerClient  *client,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
JsonObject          *onramp_submission_run_finish         (OnrampSubmission     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS

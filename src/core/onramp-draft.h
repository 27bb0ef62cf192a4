/* onramp-draft.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

/* The schema of the draft files this version writes. Version 1 was the
 * flat early form (customer fields at the top level); it still loads and is
 * written as the current version on the next save.
 */
#define ONRAMP_DRAFT_SCHEMA_VERSION 2

/**
 * OnrampDraftStatus:
 * @ONRAMP_DRAFT_STATUS_DRAFT: being written
 * @ONRAMP_DRAFT_STATUS_READY: waiting in the outbox
 * @ONRAMP_DRAFT_STATUS_SUBMITTING: the submission plan is running
 * @ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION: a check or a step failed; see the reason
 * @ONRAMP_DRAFT_STATUS_SUBMITTED: the customer exists in Partner Center
 */
typedef enum
{
  ONRAMP_DRAFT_STATUS_DRAFT,
  ONRAMP_DRAFT_STATUS_READY,
  ONRAMP_DRAFT_STATUS_SUBMITTING,
  ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION,
  ONRAMP_DRAFT_STATUS_SUBMITTED,
} OnrampDraftStatus;

#define ONRAMP_TYPE_DRAFT_STATUS (onramp_draft_status_get_type ())
GType onramp_draft_status_get_type (void) G_GNUC_CONST;

#define ONRAMP_TYPE_DRAFT (onramp_draft_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDraft, onramp_draft, ONRAMP, DRAFT, GObject)

OnrampDraft       *onramp_draft_new                  (OnrampCustomer    *customer);
OnrampDraft       *onramp_draft_new_from_data        (const char        *data,
                                                      gssize             length,
                                                      GError           **error);
OnrampDraft       *onramp_draft_new_from_node        (JsonNode          *node,
                                                      GError           **error);
JsonNode          *onramp_draft_to_node              (OnrampDraft       *self);
char              *onramp_draft_to_data              (OnrampDraft       *self,
                                                      gsize             *length);
OnrampDraft       *onramp_draft_duplicate            (OnrampDraft       *self);

const char        *onramp_draft_get_id               (OnrampDraft       *self);
OnrampCustomer    *onramp_draft_get_customer         (OnrampDraft       *self);
const char        *onramp_draft_get_title            (OnrampDraft       *self);
const char        *onramp_draft_get_country          (OnrampDraft       *self);
GDateTime         *onramp_draft_get_created          (OnrampDraft       *self);
GDateTime         *onramp_draft_get_modified         (OnrampDraft       *self);
OnrampDraftStatus  onramp_draft_get_status           (OnrampDraft       *self);
void               onramp_draft_set_status           (OnrampDraft       *self,
                                                      OnrampDraftStatus  status,
                                                      const char        *reason);
const char        *onramp_draft_get_status_reason    (OnrampDraft       *self);
const char        *onramp_draft_get_page             (OnrampDraft       *self);
void               onramp_draft_set_page             (OnrampDraft       *self,
                                                      const char        *page);
JsonObject        *onramp_draft_get_submission_state (OnrampDraft       *self);
void               onramp_draft_set_submission_state (OnrampDraft       *self,
                                                      JsonObject        *state);
gboolean           onramp_draft_matches              (OnrampDraft       *self,
                                                      const char        *text);

const char        *onramp_draft_status_to_string     (OnrampDraftStatus  status);
gboolean           onramp_draft_status_from_string   (const char        *text,
                                                      OnrampDraftStatus *status);
const char        *onramp_draft_status_get_label     (OnrampDraftStatus  status);
gboolean           onramp_draft_id_is_valid          (const char        *id);

G_END_DECLS

/* onramp-outbox.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onramp-auth.h"
#include "onramp-draft-store.h"
#include "onramp-partner-client.h"
#include "onramp-submit.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_OUTBOX (onramp_outbox_get_type ())

G_DECLARE_FINAL_TYPE (OnrampOutbox, onramp_outbox, ONRAMP, OUTBOX, GObject)

OnrampOutbox *onramp_outbox_new                  (OnrampDraftStore     *store,
                                                  OnrampPartnerClient  *client,
                                                  OnrampAuth           *auth);
void          onramp_outbox_set_network_monitor  (OnrampOutbox         *self,
                                                  GNetworkMonitor      *monitor);
void          onramp_outbox_set_backoff          (OnrampOutbox         *self,
                                                  guint                 first_ms,
                                                  guint                 longest_ms);
void          onramp_outbox_start                (OnrampOutbox         *self);
void          onramp_outbox_stop                 (OnrampOutbox         *self);
gboolean      onramp_outbox_get_busy             (OnrampOutbox         *self);
OnrampDraft  *onramp_outbox_get_current          (OnrampOutbox         *self);
gboolean      onramp_outbox_queue                (OnrampOutbox         *self,
                                                  OnrampDraft          *draft,
                                                  GError              **error);
guint         onramp_outbox_count_waiting        (OnrampOutbox         *self);
OnrampSubmission *onramp_outbox_claim            (OnrampOutbox         *self,
                                                  OnrampDraft          *draft,
                                                  GError              **error);
void          onramp_outbox_release              (OnrampOutbox         *self,
                                                  OnrampDraft          *draft,
                                                  JsonObject           *customer,
                                                  const GError         *error);

void          onramp_outbox_run_async            (OnrampOutbox         *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      onramp_outbox_run_finish           (OnrampOutbox         *self,
                                                  GAsyncResult         *result,
                                                  guint                *n_submitted,
                                                  guint                *n_failed,
                                                  GError              **error);

G_END_DECLS

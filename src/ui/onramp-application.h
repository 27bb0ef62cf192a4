/* onramp-application.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-auth.h"
#include "onramp-demo-server.h"
#include "onramp-draft-store.h"
#include "onramp-outbox.h"
#include "onramp-partner-client.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_APPLICATION (onramp_application_get_type ())

G_DECLARE_FINAL_TYPE (OnrampApplication, onramp_application, ONRAMP, APPLICATION, AdwApplication)

OnrampApplication *onramp_application_new          (void);
const char        *onramp_application_get_demo_url (OnrampApplication *self);
OnrampDemoServer  *onramp_application_get_demo_server (OnrampApplication *self);
OnrampAuth        *onramp_application_get_auth     (OnrampApplication *self);
OnrampPartnerClient *onramp_application_get_partner_client   (OnrampApplication    *self);
void                 onramp_application_ready_client_async   (OnrampApplication    *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
OnrampPartnerClient *onramp_application_ready_client_finish  (OnrampApplication    *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
OnrampDraftStore    *onramp_application_get_draft_store      (OnrampApplication    *self);
OnrampOutbox        *onramp_application_get_outbox           (OnrampApplication    *self);

G_END_DECLS

/* onramp-partner-client-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-partner-client.h"

G_BEGIN_DECLS

/* The client is split in two: the transport (headers, retries, errors) in
 * onramp-partner-client.c and one _async/_finish pair per endpoint in
 * onramp-partner-calls.c. */

typedef enum
{
  ONRAMP_CALL_DEFAULT           = 0,
  ONRAMP_CALL_NOT_FOUND_ANSWERS = 1 << 0,  /* a 404 is an answer, not an error */
} OnrampCallFlags;

typedef struct
{
  guint     status;
  JsonNode *json;            /* (nullable): the body, keys in camelCase */
  char     *request_id;
  char     *correlation_id;
} OnrampPartnerReply;

void                _onramp_partner_reply_free          (OnrampPartnerReply   *reply);
GError             *_onramp_partner_reply_invalid       (OnrampPartnerReply   *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampPartnerReply, _onramp_partner_reply_free)

void                _onramp_partner_client_call_async   (OnrampPartnerClient  *self,
                                                         const char           *method,
                                                         const char           *path,
                                                         JsonNode             *body,
                                                         const char           *request_id,
                                                         OnrampCallFlags       flags,
                                                         gpointer              source_tag,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
OnrampPartnerReply *_onramp_partner_client_call_finish  (OnrampPartnerClient  *self,
                                                         GAsyncResult         *result,
                                                         gpointer              source_tag,
                                                         GError              **error);
void                _onramp_partner_client_fail_async   (OnrampPartnerClient  *self,
                                                         GError               *error,
                                                         gpointer              source_tag,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);

G_END_DECLS

/* onramp-draft-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-draft.h"

G_BEGIN_DECLS

/* A draft as the store's index lists it, without its record */
typedef struct
{
  const char        *id;
  const char        *company_name;
  const char        *country;
  OnrampDraftStatus  status;
  const char        *status_reason;
  const char        *page;
  gint64             created_us;
  gint64             modified_us;
  const char        *search_key;
} OnrampDraftSummary;

OnrampDraft *_onramp_draft_new_stub      (const OnrampDraftSummary *summary,
                                          const char               *file);
void         _onramp_draft_get_summary   (OnrampDraft              *self,
                                          OnrampDraftSummary       *summary);

/* Grows by one on every change that must reach the disk; the store writes a
 * draft when the generation on disk is older. */
guint64 _onramp_draft_get_generation (OnrampDraft *self);

guint        _onramp_draft_store_check_index (const char               *data,
                                              gsize                     length);

G_END_DECLS

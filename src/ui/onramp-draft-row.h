/* onramp-draft-row.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-draft.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_DRAFT_ROW (onramp_draft_row_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDraftRow, onramp_draft_row, ONRAMP, DRAFT_ROW, AdwBin)

GtkWidget   *onramp_draft_row_new       (void);
OnrampDraft *onramp_draft_row_get_draft (OnrampDraftRow *self);
void         onramp_draft_row_set_draft (OnrampDraftRow *self,
                                         OnrampDraft    *draft);

G_END_DECLS

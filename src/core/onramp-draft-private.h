/* onramp-draft-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-draft.h"

G_BEGIN_DECLS

/* Grows by one on every change that must reach the disk; the store writes a
 * draft when the generation on disk is older. */
guint64 _onramp_draft_get_generation (OnrampDraft *self);

G_END_DECLS

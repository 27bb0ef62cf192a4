/* onramp-submit-steps.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-submit.h"

G_BEGIN_DECLS

const char *onramp_submit_step_get_progress_label (int step);
const char *onramp_submit_step_get_done_label     (int step);
const char *onramp_submit_step_get_failed_label   (int step);
char       *onramp_submit_step_dup_skipped_label (int         step,
                                                  const char *reason);

#define ONRAMP_SUBMIT_STEP_SKIPPED_ICON "media-skip-forward-symbolic"

G_END_DECLS

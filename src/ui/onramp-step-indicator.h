/* onramp-step-indicator.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_STEP_INDICATOR (onramp_step_indicator_get_type ())

G_DECLARE_FINAL_TYPE (OnrampStepIndicator, onramp_step_indicator, ONRAMP, STEP_INDICATOR, GtkWidget)

void        onramp_step_indicator_set_steps   (OnrampStepIndicator *self,
                                               const char * const  *titles,
                                               guint                current);
guint       onramp_step_indicator_get_n_steps (OnrampStepIndicator *self);
const char *onramp_step_indicator_get_title   (OnrampStepIndicator *self,
                                               guint                position);
guint       onramp_step_indicator_get_current (OnrampStepIndicator *self);

G_END_DECLS

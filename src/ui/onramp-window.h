/* onramp-window.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-draft.h"

#include "onramp-assistant.h"
#include "onramp-customer.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_WINDOW (onramp_window_get_type ())

G_DECLARE_FINAL_TYPE (OnrampWindow, onramp_window, ONRAMP, WINDOW, AdwApplicationWindow)

OnrampWindow    *onramp_window_new           (AdwApplication *application,
                                              const char     *demo_url);
OnrampAssistant *onramp_window_get_assistant (OnrampWindow   *self);
OnrampCustomer  *onramp_window_get_customer  (OnrampWindow   *self);

void             onramp_window_drafts_loaded (OnrampWindow *self);
OnrampDraft     *onramp_window_get_draft     (OnrampWindow *self);

G_END_DECLS

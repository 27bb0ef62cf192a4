/* onramp-preferences-window.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_PREFERENCES_WINDOW (onramp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (OnrampPreferencesWindow, onramp_preferences_window, ONRAMP, PREFERENCES_WINDOW, AdwPreferencesWindow)

OnrampPreferencesWindow *onramp_preferences_window_new (GtkWindow  *parent,
                                                        const char *started_cloud,
                                                        gboolean    started_demo_mode);

G_END_DECLS

/* onramp-ui-test-utils.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*OnrampTestCondition) (gpointer data);

gboolean onramp_test_wait_for          (OnrampTestCondition  condition,
                                        gpointer             data,
                                        guint                timeout_ms);
void     onramp_test_iterate           (guint                ms);
void     onramp_test_save_screenshot   (GtkWidget           *widget,
                                        const char          *name);
void     onramp_test_skip_without_display (void);
void     onramp_test_use_private_data  (void);
const char *onramp_test_language       (void);

G_END_DECLS

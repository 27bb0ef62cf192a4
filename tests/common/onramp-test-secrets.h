/* onramp-test-secrets.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Looking for secrets where they must not be (issue #8, item 3), for the
 * tests of the sign-in path (tests/service/test-secrets.c) and of the GUI
 * journey (tests/ui/test-gui-secrets.c). @secrets is a GPtrArray of
 * strings; @hits, where given, gets the path of each place found holding
 * one (a new string). */

void         onramp_test_remember_secret   (GPtrArray  *secrets,
                                            const char *secret);
const char  *onramp_test_find_secret       (GPtrArray  *secrets,
                                            const char *data,
                                            gsize       length);
guint        onramp_test_scan_tree         (GPtrArray  *secrets,
                                            const char *path,
                                            GPtrArray  *hits);
guint        onramp_test_scan_processes    (GPtrArray  *secrets,
                                            GPtrArray  *hits);
void         onramp_test_assert_no_hits    (GPtrArray  *hits,
                                            const char *where);

G_END_DECLS

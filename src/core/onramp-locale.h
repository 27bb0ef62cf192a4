/* onramp-locale.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *onramp_locale_dup_territory  (const char          *locale);
char       *onramp_locale_dup_user_territory (void);
const char *onramp_locale_pick_culture   (const char * const *cultures,
                                          const char         *country,
                                          const char         *default_culture,
                                          const char * const *language_names);

G_END_DECLS

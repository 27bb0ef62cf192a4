/* onramp-iso-codes.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *onramp_iso_codes_country_name     (const char *english_name);
const char *onramp_iso_codes_subdivision_name (const char *english_name);
const char *onramp_iso_codes_language_name    (const char *code);

G_END_DECLS

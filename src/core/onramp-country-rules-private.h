/* onramp-country-rules-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "onramp-country-rules.h"

G_BEGIN_DECLS

/* Shared by OnrampCountryRules and OnrampCountryDatabase only */
OnrampCountryRules *_onramp_country_rules_new_from_json (const char         *code,
                                                         JsonObject         *object,
                                                         OnrampCountryRules *base);
const char         *_onramp_json_object_get_string      (JsonObject         *object,
                                                         const char         *name);

G_END_DECLS

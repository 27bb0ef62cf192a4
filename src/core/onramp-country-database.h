/* onramp-country-database.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "onramp-country-rules.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_COUNTRY_DATABASE (onramp_country_database_get_type ())

G_DECLARE_FINAL_TYPE (OnrampCountryDatabase, onramp_country_database, ONRAMP, COUNTRY_DATABASE, GObject)

/* Every country: the bundled snapshot, overridden by cached service answers */
OnrampCountryDatabase *onramp_country_database_get_default   (void);
OnrampCountryDatabase *onramp_country_database_new           (void);
OnrampCountryRules    *onramp_country_database_lookup        (OnrampCountryDatabase *self,
                                                              const char            *code);
const char            *onramp_country_database_suggest_code  (OnrampCountryDatabase *self,
                                                              const char            *text);
const char * const    *onramp_country_database_list_codes    (OnrampCountryDatabase *self);
char                  *onramp_country_database_dup_culture_name (OnrampCountryDatabase *self,
                                                                 const char            *culture);
gboolean               onramp_country_database_apply         (OnrampCountryDatabase *self,
                                                              JsonNode              *answer,
                                                              GError               **error);
gboolean               onramp_country_database_apply_data    (OnrampCountryDatabase *self,
                                                              const char            *data,
                                                              gssize                 length,
                                                              GError               **error);

G_END_DECLS

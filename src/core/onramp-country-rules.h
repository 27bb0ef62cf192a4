/* onramp-country-rules.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_COUNTRY_RULES (onramp_country_rules_get_type ())

G_DECLARE_FINAL_TYPE (OnrampCountryRules, onramp_country_rules, ONRAMP, COUNTRY_RULES, GObject)

/* One country's form rules. Immutable: a fresher answer replaces the object. */
const char         *onramp_country_rules_get_code                     (OnrampCountryRules *self);
const char         *onramp_country_rules_get_name                     (OnrampCountryRules *self);
const char         *onramp_country_rules_get_english_name             (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_sold                      (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_city_required             (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_state_required            (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_postal_code_required      (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_phone_required            (OnrampCountryRules *self);
gboolean            onramp_country_rules_is_registration_number_required (OnrampCountryRules *self);

const OnrampField  *onramp_country_rules_get_address_order            (OnrampCountryRules *self,
                                                                       guint              *n_fields);
const char         *onramp_country_rules_get_state_label              (OnrampCountryRules *self);
const char         *onramp_country_rules_get_postal_code_label        (OnrampCountryRules *self);

guint               onramp_country_rules_get_n_states                 (OnrampCountryRules *self);
const char         *onramp_country_rules_get_state_code               (OnrampCountryRules *self,
                                                                       guint               position);
const char         *onramp_country_rules_get_state_name               (OnrampCountryRules *self,
                                                                       guint               position);
const char         *onramp_country_rules_get_state_english_name       (OnrampCountryRules *self,
                                                                       guint               position);
gboolean            onramp_country_rules_has_state                    (OnrampCountryRules *self,
                                                                       const char         *code);
const char         *onramp_country_rules_find_state                   (OnrampCountryRules *self,
                                                                       const char         *text);

gboolean            onramp_country_rules_has_postal_code_pattern      (OnrampCountryRules *self);
gboolean            onramp_country_rules_match_postal_code            (OnrampCountryRules *self,
                                                                       const char         *postal_code);
const char         *onramp_country_rules_get_postal_code_sample       (OnrampCountryRules *self);

const char * const *onramp_country_rules_get_calling_codes            (OnrampCountryRules *self);
gboolean            onramp_country_rules_match_phone_number           (OnrampCountryRules *self,
                                                                       const char         *national_digits);

const char         *onramp_country_rules_get_registration_number_name (OnrampCountryRules *self);
const char         *onramp_country_rules_get_registration_number_sample (OnrampCountryRules *self);
gboolean            onramp_country_rules_has_registration_number_pattern (OnrampCountryRules *self);
gboolean            onramp_country_rules_match_registration_number    (OnrampCountryRules *self,
                                                                       const char         *number);

const char         *onramp_country_rules_get_default_culture          (OnrampCountryRules *self);
const char * const *onramp_country_rules_get_cultures                 (OnrampCountryRules *self);
const char * const *onramp_country_rules_get_languages                (OnrampCountryRules *self);

G_END_DECLS

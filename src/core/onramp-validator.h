/* onramp-validator.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "onramp-country-database.h"
#include "onramp-customer.h"
#include "onramp-issue.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_VALIDATOR (onramp_validator_get_type ())

G_DECLARE_FINAL_TYPE (OnrampValidator, onramp_validator, ONRAMP, VALIDATOR, GObject)

OnrampValidator       *onramp_validator_new                   (void);
OnrampValidator       *onramp_validator_new_with_database     (OnrampCountryDatabase *database);
OnrampCountryDatabase *onramp_validator_get_database          (OnrampValidator       *self);
void                   onramp_validator_set_domain_taken      (OnrampValidator       *self,
                                                               const char            *prefix,
                                                               gboolean               taken);
void                   onramp_validator_set_today             (OnrampValidator       *self,
                                                               const GDate           *today);
void                   onramp_validator_set_allowed_countries (OnrampValidator       *self,
                                                               const char * const    *codes);
GPtrArray             *onramp_validator_validate              (OnrampValidator       *self,
                                                               OnrampCustomer        *customer);
GPtrArray             *onramp_validator_validate_resource     (OnrampValidator       *self,
                                                               OnrampCustomer        *customer);
void                   onramp_validator_check_company_name    (OnrampValidator       *self,
                                                               const char            *name,
                                                               GPtrArray             *issues);
gboolean               onramp_issues_have_errors              (GPtrArray             *issues);

G_END_DECLS

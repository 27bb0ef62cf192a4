/* fuzz-country-rules.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-country-rules"

#include "config.h"

#include <stdlib.h>

#include "onramp-country-database.h"
#include "onramp-country-rules.h"
#include "onramp-error.h"
#include "onramp-partner-json.h"
#include "onramp-validator.h"

/* libFuzzer target: the bytes are the body of an answer to
 * GET /v1/countryvalidationrules/{iso2}, read the way the client reads it
 * (onramp_partner_json_parse(), the same call onramp-partner-client.c makes
 * on every body) and applied to the country database the way a fresh answer
 * is, and also the way a cached answer is read back from disk
 * (onramp_country_database_apply_data()). Either it is refused with
 * ONRAMP_ERROR_INVALID_DATA and a UTF-8 message, or the country's rules
 * answer every question the form asks, and a customer of that country
 * validates without a warning, a critical or a sanitizer report.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
assert_refused (const GError *error)
{
  g_assert (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA));
  g_assert (g_utf8_validate (error->message, -1, NULL));
}

static void
assert_text (const char *text)
{
  g_assert (text == NULL || g_utf8_validate (text, -1, NULL));
}

/* What the account page and the validator ask of a country's rules */
static void
ask_everything (OnrampCountryRules *rules)
{
  static const char * const probes[] = { "", "98052", "SW1A 1AA", "1234567", "台北市", "a\nb" };
  const OnrampField *order;
  guint n_order = 0;
  const char * const *list;

  assert_text (onramp_country_rules_get_code (rules));
  assert_text (onramp_country_rules_get_name (rules));
  assert_text (onramp_country_rules_get_state_label (rules));
  assert_text (onramp_country_rules_get_postal_code_label (rules));
  assert_text (onramp_country_rules_get_registration_number_name (rules));
  (void) onramp_country_rules_is_sold (rules);
  (void) onramp_country_rules_is_city_required (rules);
  (void) onramp_country_rules_is_state_required (rules);
  (void) onramp_country_rules_is_postal_code_required (rules);
  (void) onramp_country_rules_is_phone_required (rules);
  (void) onramp_country_rules_is_registration_number_required (rules);

  order = onramp_country_rules_get_address_order (rules, &n_order);
  for (guint i = 0; i < n_order; i++)
    g_assert (order[i] < ONRAMP_N_FIELDS);

  for (guint i = 0; i < onramp_country_rules_get_n_states (rules); i++)
    {
      const char *code = onramp_country_rules_get_state_code (rules, i);

      assert_text (code);
      assert_text (onramp_country_rules_get_state_name (rules, i));
      if (code != NULL)
        g_assert (onramp_country_rules_has_state (rules, code));
    }

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      assert_text (onramp_country_rules_find_state (rules, probes[i]));
      (void) onramp_country_rules_match_postal_code (rules, probes[i]);
      (void) onramp_country_rules_match_phone_number (rules, probes[i]);
      (void) onramp_country_rules_match_registration_number (rules, probes[i]);
    }
  (void) onramp_country_rules_has_postal_code_pattern (rules);
  (void) onramp_country_rules_has_registration_number_pattern (rules);

  /* The service's own samples go through its own patterns */
  (void) onramp_country_rules_match_postal_code (rules, onramp_country_rules_get_postal_code_sample (rules) ?: "");
  (void) onramp_country_rules_match_registration_number (rules,
                                                         onramp_country_rules_get_registration_number_sample (rules) ?: "");

  for (list = onramp_country_rules_get_calling_codes (rules); list != NULL && *list != NULL; list++)
    assert_text (*list);
  for (list = onramp_country_rules_get_cultures (rules); list != NULL && *list != NULL; list++)
    assert_text (*list);
  for (list = onramp_country_rules_get_languages (rules); list != NULL && *list != NULL; list++)
    assert_text (*list);
  assert_text (onramp_country_rules_get_default_culture (rules));
}

static void
validate_customer_of (OnrampCountryDatabase *database,
                      OnrampCountryRules    *rules)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new_with_database (database);
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(GPtrArray) issues = NULL;
  const char * const *codes = onramp_country_rules_get_calling_codes (rules);

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Ltd");
  onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, onramp_country_rules_get_code (rules));
  onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, "Springfield");
  onramp_customer_set_field (customer, ONRAMP_FIELD_STATE,
                             onramp_country_rules_get_n_states (rules) > 0
                               ? onramp_country_rules_get_state_code (rules, 0) : "WA");
  onramp_customer_set_field (customer, ONRAMP_FIELD_POSTAL_CODE,
                             onramp_country_rules_get_postal_code_sample (rules) ?: "98052");
  onramp_customer_set_field (customer, ONRAMP_FIELD_REGISTRATION_NUMBER,
                             onramp_country_rules_get_registration_number_sample (rules) ?: "12345");
  onramp_customer_set_field (customer, ONRAMP_FIELD_PHONE_NUMBER,
                             codes != NULL && codes[0] != NULL ? codes[0] : "+1 425 555 0100");
  onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, "someone@contoso.com");
  onramp_customer_set_field (customer, ONRAMP_FIELD_CULTURE, onramp_country_rules_get_default_culture (rules));

  issues = onramp_validator_validate (validator, customer);
  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      g_assert (g_utf8_validate (onramp_issue_get_message (issue), -1, NULL));
      g_assert (onramp_issue_get_pointer (issue) != NULL);
    }
}

static void
on_rules_changed_cb (OnrampCountryDatabase *database,
                     const char            *code,
                     char                 **changed)
{
  g_free (*changed);
  *changed = g_strdup (code);
}

static void
apply_fresh_answer (const char *data,
                    size_t      size)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  OnrampCountryRules *rules;

  answer = onramp_partner_json_parse (data, size, &error);
  if (answer == NULL)
    {
      assert_refused (error);
      return;
    }

  g_signal_connect (database, "rules-changed", G_CALLBACK (on_rules_changed_cb), &changed);
  if (!onramp_country_database_apply (database, answer, &error))
    {
      assert_refused (error);
      g_assert (changed == NULL);
      return;
    }

  /* The pages learn which country changed from the signal alone */
  g_assert (changed != NULL);
  rules = onramp_country_database_lookup (database, changed);
  g_assert (rules != NULL);
  ask_everything (rules);
  validate_customer_of (database, rules);
}

static void
apply_cached_answer (const char *data,
                     size_t      size)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autoptr(GError) error = NULL;

  if (!onramp_country_database_apply_data (database, data, size, &error))
    assert_refused (error);
}

/* GLib stops a fatal warning or critical with a breakpoint (SIGTRAP), which
 * libFuzzer does not catch: it would lose the input. Abort instead, so the
 * input is written out as a crash. */
static GLogWriterOutput
abort_on_warning_cb (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  GLogWriterOutput output;

  /* Debug messages would only slow the fuzzer down */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  output = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return output;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gsize logging = 0;

  if (g_once_init_enter (&logging))
    {
      g_log_set_writer_func (abort_on_warning_cb, NULL, NULL);
      g_once_init_leave (&logging, 1);
    }
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  /* apply_data() takes a length, so the bytes need no NUL after them */
  if (size > G_MAXSSIZE)
    return 0;

  apply_fresh_answer ((const char *)data, size);
  apply_cached_answer ((const char *)data, size);

  return 0;
}

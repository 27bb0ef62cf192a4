/* test-country-rules.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "onramp-country-database.h"
#include "onramp-iso-codes.h"

static const char * const registration_countries[] = {
  "AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA", "BR",
  "IN", "ZA", "PL", "AE", "SA", "TR", "TH", "VN", "MM", "IQ", "SS", "VE",
};

static const char * const phone_countries[] = {
  "AM", "AZ", "BY", "HU", "KZ", "KG", "MD", "RU", "TJ", "UZ", "UA",
};

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return g_strv_contains (strv, value);
}

static void
test_every_country (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  const char * const *codes = onramp_country_database_list_codes (database);
  guint n = g_strv_length ((char **)codes);

  /* Every ISO 3166-1 country iso-codes knows, sorted */
  g_assert_cmpuint (n, ==, 249);
  for (guint i = 0; codes[i]; i++)
    {
      OnrampCountryRules *rules = onramp_country_database_lookup (database, codes[i]);
      const char * const *calling = onramp_country_rules_get_calling_codes (rules);
      const char *sample = onramp_country_rules_get_postal_code_sample (rules);

      if (i > 0)
        g_assert_cmpstr (codes[i - 1], <, codes[i]);
      g_assert_nonnull (rules);
      g_assert_cmpstr (onramp_country_rules_get_code (rules), ==, codes[i]);
      g_assert_nonnull (calling[0]);
      g_assert_true (strv_has (onramp_country_rules_get_cultures (rules),
                               onramp_country_rules_get_default_culture (rules)));
      g_assert_true (strv_has (onramp_country_rules_get_languages (rules), "en"));
      /* each sample passes its own country's pattern */
      if (sample != NULL)
        g_assert_true (onramp_country_rules_match_postal_code (rules, sample));
      if (onramp_country_rules_is_state_required (rules))
        g_assert_cmpuint (onramp_country_rules_get_n_states (rules), >, 0);
    }
}

static void
test_lookup (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  OnrampCountryRules *tw = onramp_country_database_lookup (database, "tw");

  g_assert_nonnull (tw);
  g_assert_true (tw == onramp_country_database_lookup (database, "TW"));
  g_assert_null (onramp_country_database_lookup (database, "UK"));
  g_assert_null (onramp_country_database_lookup (database, "TWN"));
  g_assert_null (onramp_country_database_lookup (database, ""));
  g_assert_null (onramp_country_database_lookup (database, NULL));
  g_assert_cmpstr (onramp_country_database_suggest_code (database, "UK"), ==, "GB");
  g_assert_cmpstr (onramp_country_database_suggest_code (database, "uk"), ==, "GB");
  g_assert_cmpstr (onramp_country_database_suggest_code (database, "Taiwan"), ==, "TW");
  g_assert_cmpstr (onramp_country_database_suggest_code (database, "twn"), ==, "TW");
  g_assert_cmpstr (onramp_country_database_suggest_code (database, " ｄｅ "), ==, "DE");
  g_assert_null (onramp_country_database_suggest_code (database, "Atlantis"));
}

static void
test_registration_numbers (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (registration_countries); i++)
    {
      OnrampCountryRules *rules = onramp_country_database_lookup (database, registration_countries[i]);
      const char *sample = onramp_country_rules_get_registration_number_sample (rules);

      g_test_message ("%s: %s, e.g. %s", registration_countries[i],
                      onramp_country_rules_get_registration_number_name (rules), sample);
      g_assert_true (onramp_country_rules_is_registration_number_required (rules));
      g_assert_nonnull (onramp_country_rules_get_registration_number_name (rules));
      g_assert_nonnull (sample);
      g_assert_true (onramp_country_rules_match_registration_number (rules, sample));
      g_assert_false (onramp_country_rules_match_registration_number (rules, "?"));
    }

  g_assert_cmpstr (onramp_country_rules_get_registration_number_name (onramp_country_database_lookup (database, "BR")),
                   ==, "CNPJ");
  g_assert_cmpstr (onramp_country_rules_get_registration_number_name (onramp_country_database_lookup (database, "BY")),
                   ==, "UNP");
  g_assert_false (onramp_country_rules_is_registration_number_required (onramp_country_database_lookup (database, "US")));
  g_assert_false (onramp_country_rules_is_registration_number_required (onramp_country_database_lookup (database, "TW")));
}

static void
test_phone_required (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  const char * const *codes = onramp_country_database_list_codes (database);

  for (guint i = 0; codes[i]; i++)
    {
      OnrampCountryRules *rules = onramp_country_database_lookup (database, codes[i]);
      gboolean listed = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (phone_countries); j++)
        listed |= g_str_equal (codes[i], phone_countries[j]);
      g_assert_cmpint (onramp_country_rules_is_phone_required (rules), ==, listed);
    }
}

typedef struct
{
  const char *code;
  gboolean    state;
  gboolean    city;
  gboolean    postal_code;
  const char *state_label;
  const char *postal_code_label;
  OnrampField first;
  const char *default_culture;
  const char *state_code;  /* one code of the list, or NULL for none */
} FormCase;

static const FormCase form_cases[] = {
  { "US", TRUE, TRUE, TRUE, "State", "ZIP code", ONRAMP_FIELD_ADDRESS_LINE1, "en-US", "WA" },
  { "CA", TRUE, TRUE, TRUE, "Province", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "en-CA", "BC" },
  { "AU", TRUE, TRUE, TRUE, "State", "Postcode", ONRAMP_FIELD_ADDRESS_LINE1, "en-AU", "NSW" },
  { "BR", TRUE, TRUE, TRUE, "State", "CEP", ONRAMP_FIELD_ADDRESS_LINE1, "pt-BR", "SP" },
  { "MX", TRUE, TRUE, TRUE, "State", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "es-MX", "CMX" },
  { "IN", TRUE, TRUE, TRUE, "State", "PIN code", ONRAMP_FIELD_ADDRESS_LINE1, "en-IN", "MH" },
  { "CN", TRUE, TRUE, TRUE, "Province", "Postal code", ONRAMP_FIELD_POSTAL_CODE, "zh-CN", "BJ" },
  { "JP", TRUE, TRUE, TRUE, "Prefecture", "Postal code", ONRAMP_FIELD_POSTAL_CODE, "ja-JP", "13" },
  { "TW", FALSE, TRUE, TRUE, "County/City", "Postal code", ONRAMP_FIELD_POSTAL_CODE, "zh-TW", "TPE" },
  { "AE", TRUE, TRUE, FALSE, "Emirate", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "en-AE", "DU" },
  { "GB", FALSE, TRUE, TRUE, "County", "Postcode", ONRAMP_FIELD_ADDRESS_LINE1, "en-GB", NULL },
  { "DE", FALSE, TRUE, TRUE, "State", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "de-DE", "BE" },
  { "HK", FALSE, FALSE, FALSE, "Area", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "zh-HK", NULL },
  { "SG", FALSE, FALSE, TRUE, "State or province", "Postal code", ONRAMP_FIELD_ADDRESS_LINE1, "en-SG", NULL },
};

static void
test_form_rules (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (form_cases); i++)
    {
      const FormCase *c = &form_cases[i];
      OnrampCountryRules *rules = onramp_country_database_lookup (database, c->code);
      const OnrampField *order;
      guint n_fields;

      g_test_message ("%s", c->code);
      g_assert_cmpint (onramp_country_rules_is_state_required (rules), ==, c->state);
      g_assert_cmpint (onramp_country_rules_is_city_required (rules), ==, c->city);
      g_assert_cmpint (onramp_country_rules_is_postal_code_required (rules), ==, c->postal_code);
      g_assert_cmpstr (onramp_country_rules_get_state_label (rules), ==, c->state_label);
      g_assert_cmpstr (onramp_country_rules_get_postal_code_label (rules), ==, c->postal_code_label);
      g_assert_cmpstr (onramp_country_rules_get_default_culture (rules), ==, c->default_culture);
      order = onramp_country_rules_get_address_order (rules, &n_fields);
      g_assert_cmpuint (n_fields, ==, 5);
      g_assert_cmpint (order[0], ==, c->first);
      if (c->state_code)
        g_assert_true (onramp_country_rules_has_state (rules, c->state_code));
      else
        g_assert_cmpuint (onramp_country_rules_get_n_states (rules), ==, 0);
    }
}

static void
test_states (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  OnrampCountryRules *us = onramp_country_database_lookup (database, "US");
  OnrampCountryRules *tw = onramp_country_database_lookup (database, "TW");
  gboolean found = FALSE;

  g_assert_cmpuint (onramp_country_rules_get_n_states (us), >=, 51);
  g_assert_cmpstr (onramp_country_rules_find_state (us, "washington"), ==, "WA");
  g_assert_cmpstr (onramp_country_rules_find_state (us, " ｗａ "), ==, "WA");
  g_assert_null (onramp_country_rules_find_state (us, "Ontario"));
  g_assert_false (onramp_country_rules_has_state (us, "wa"));

  /* Chiayi the city and Chiayi the county keep apart */
  for (guint i = 0; i < onramp_country_rules_get_n_states (tw); i++)
    {
      if (g_str_equal (onramp_country_rules_get_state_code (tw, i), "CYI"))
        {
          g_assert_cmpstr (onramp_country_rules_get_state_name (tw, i), ==, "Chiayi (City)");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_phone_patterns (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  OnrampCountryRules *us = onramp_country_database_lookup (database, "US");
  OnrampCountryRules *tw = onramp_country_database_lookup (database, "TW");
  OnrampCountryRules *ru = onramp_country_database_lookup (database, "RU");

  g_assert_cmpstr (onramp_country_rules_get_calling_codes (tw)[0], ==, "886");
  g_assert_cmpstr (onramp_country_rules_get_calling_codes (ru)[0], ==, "7");
  g_assert_true (onramp_country_rules_match_phone_number (us, "4255550101"));
  g_assert_false (onramp_country_rules_match_phone_number (us, "0255550101"));
  g_assert_true (onramp_country_rules_match_phone_number (tw, "0223456789"));
  g_assert_true (onramp_country_rules_match_phone_number (tw, "912345678"));
  g_assert_false (onramp_country_rules_match_phone_number (tw, "1234"));
}

/* The answer Partner Center gave for Portugal (partner-center-api.md §3) */
static const char portugal[] =
  "{\"iso2Code\":\"PT\",\"defaultCulture\":\"pt-PT\",\"isStateRequired\":false,"
  "\"supportedStatesList\":[],\"supportedLanguagesList\":[\"en\",\"pt-PT\"],"
  "\"supportedCulturesList\":[\"pt-PT\",\"en-US\"],\"isPostalCodeRequired\":true,"
  "\"postalCodeRegex\":\"^\\\\d{4}(-\\\\d{3})?$\",\"isCityRequired\":true,"
  "\"isVatIdSupported\":true,\"taxIdFormat\":\"PT#########\",\"taxIdSample\":\"PT980152267\","
  "\"vatIdRegex\":\"^PT[\\\\d]{9,9}$\",\"isTaxIdSupported\":false,\"isTaxIdOptional\":false,"
  "\"countryCallingCodesList\":[\"351\"],\"attributes\":{\"objectType\":\"CountryValidationRules\"}}";

static void
test_apply_service_answer (void)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autoptr(GError) error = NULL;
  OnrampCountryRules *before = onramp_country_database_lookup (database, "PT");
  OnrampCountryRules *after;
  guint changes = 0;

  g_signal_connect_swapped (database, "rules-changed::PT", G_CALLBACK (g_nullify_pointer), &before);
  g_signal_connect_swapped (database, "rules-changed", G_CALLBACK (g_atomic_int_inc), &changes);

  g_assert_false (onramp_country_rules_match_postal_code (before, "2725"));
  g_assert_true (onramp_country_database_apply_data (database, portugal, -1, &error));
  g_assert_no_error (error);
  g_assert_null (before);
  g_assert_cmpuint (changes, ==, 1);

  after = onramp_country_database_lookup (database, "pt");
  /* the service's pattern allows the short form; the bundled name stays */
  g_assert_true (onramp_country_rules_match_postal_code (after, "2725"));
  g_assert_true (onramp_country_rules_match_postal_code (after, "2725-079"));
  g_assert_false (onramp_country_rules_match_postal_code (after, "27250"));
  g_assert_cmpstr (onramp_country_rules_get_name (after), ==, onramp_iso_codes_country_name ("Portugal"));
  g_assert_cmpstr (onramp_country_rules_get_languages (after)[1], ==, "pt-PT");

  /* The shared database is untouched */
  g_assert_false (onramp_country_rules_match_postal_code (
    onramp_country_database_lookup (onramp_country_database_get_default (), "PT"), "2725"));
}

static void
test_apply_tolerant (void)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autoptr(GError) error = NULL;
  OnrampCountryRules *rules;

  /* PascalCase keys, the older {"value": [...]} lists, a pattern that
   * does not compile (ignored: the bundled one stays) */
  g_assert_true (onramp_country_database_apply_data (database,
    "{\"Iso2Code\":\"us\",\"IsStateRequired\":true,"
    "\"States\":{\"value\":[\"WA\",\"OR\"]},"
    "\"SupportedCultures\":{\"value\":[\"en-US\",\"es-US\"]},"
    "\"PostalCodeRegex\":\"(unclosed\","
    "\"CustomerOrganizationPhoneNumberRequired\":true}", -1, &error));
  g_assert_no_error (error);

  rules = onramp_country_database_lookup (database, "US");
  g_assert_cmpuint (onramp_country_rules_get_n_states (rules), ==, 2);
  g_assert_true (onramp_country_rules_has_state (rules, "OR"));
  g_assert_false (onramp_country_rules_has_state (rules, "CA"));
  g_assert_cmpstr (onramp_country_rules_get_cultures (rules)[1], ==, "es-US");
  g_assert_true (onramp_country_rules_is_phone_required (rules));
  g_assert_true (onramp_country_rules_match_postal_code (rules, "98052"));
  g_assert_false (onramp_country_rules_match_postal_code (rules, "9805"));
  g_assert_cmpstr (onramp_country_rules_get_calling_codes (rules)[0], ==, "1");
}

static void
test_apply_bad_answers (void)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  const char * const answers[] = {
    "", "not json", "[1, 2]", "{}", "{\"iso2Code\": 42}", "{\"iso2Code\": \"USA\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (onramp_country_database_apply_data (database, answers[i], -1, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_true (onramp_country_rules_is_state_required (onramp_country_database_lookup (database, "US")));
}

/* iso-codes' own translations, through its gettext domains */
static void
test_state_english_name (OnrampCountryRules *rules,
                         const char         *code,
                         const char         *english)
{
  for (guint i = 0; i < onramp_country_rules_get_n_states (rules); i++)
    {
      if (g_str_equal (onramp_country_rules_get_state_code (rules, i), code))
        {
          g_assert_cmpstr (onramp_country_rules_get_state_english_name (rules, i), ==, english);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_localized_names (void)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();

  if (!g_file_test (ISO_CODES_LOCALEDIR "/zh_TW/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes translations are not installed");
      return;
    }

  g_assert_cmpstr (onramp_country_rules_get_name (onramp_country_database_lookup (database, "TW")), ==, "臺灣");
  g_assert_cmpstr (onramp_country_rules_get_name (onramp_country_database_lookup (database, "DE")), ==, "德國");
  g_assert_cmpstr (onramp_iso_codes_country_name ("Japan"), ==, "日本");
  g_assert_cmpstr (onramp_iso_codes_subdivision_name ("Taipei"), ==, "臺北");
  /* the English names stay English, so a search finds “Germany” in Chinese */
  g_assert_cmpstr (onramp_country_rules_get_english_name (onramp_country_database_lookup (database, "DE")), ==,
                   "Germany");
  g_assert_cmpstr (onramp_country_rules_get_english_name (onramp_country_database_lookup (database, "TW")), ==, "Taiwan");
  test_state_english_name (onramp_country_database_lookup (database, "TW"), "TPE", "Taipei");
  test_state_english_name (onramp_country_database_lookup (database, "US"), "WA", "Washington");
  g_assert_cmpstr (onramp_iso_codes_country_name ("No Such Country"), ==, "No Such Country");
  /* languages and cultures by name, as Account info and Review show them */
  {
    static const struct { const char *culture; const char *language; const char *country; } cultures[] = {
      { "zh-TW", "zh", "TW" }, { "en-US", "en", "US" }, { "de-DE", "de", "DE" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
      {
        g_autofree char *name = onramp_country_database_dup_culture_name (database, cultures[i].culture);
        const char *language = onramp_iso_codes_language_name (cultures[i].language);

        g_assert_cmpstr (language, !=, cultures[i].language);
        g_assert_nonnull (strstr (name, language));
        g_assert_nonnull (strstr (name, onramp_country_rules_get_name (onramp_country_database_lookup (database, cultures[i].country))));
      }
    g_assert_cmpstr (onramp_iso_codes_language_name ("zh"), ==, "中文");
    g_assert_cmpstr (onramp_iso_codes_language_name ("xx"), ==, "xx");
    {
      g_autofree char *bare = onramp_country_database_dup_culture_name (database, "en");
      g_autofree char *unknown = onramp_country_database_dup_culture_name (database, "en-XX");

      g_assert_cmpstr (bare, ==, "en");
      g_assert_cmpstr (unknown, ==, "en-XX");
    }
  }
  /* names in the user's language find the code too */
  g_assert_cmpstr (onramp_country_database_suggest_code (database, "德國"), ==, "DE");
}

int
main (int   argc,
      char *argv[])
{
  /* Country names in Traditional Chinese, whatever the machine's locale */
  g_setenv ("LANGUAGE", "zh_TW", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/country-rules/every-country", test_every_country);
  g_test_add_func ("/country-rules/lookup", test_lookup);
  g_test_add_func ("/country-rules/registration-numbers", test_registration_numbers);
  g_test_add_func ("/country-rules/phone-required", test_phone_required);
  g_test_add_func ("/country-rules/form", test_form_rules);
  g_test_add_func ("/country-rules/states", test_states);
  g_test_add_func ("/country-rules/phone-patterns", test_phone_patterns);
  g_test_add_func ("/country-rules/apply", test_apply_service_answer);
  g_test_add_func ("/country-rules/apply-tolerant", test_apply_tolerant);
  g_test_add_func ("/country-rules/apply-bad-answers", test_apply_bad_answers);
  g_test_add_func ("/country-rules/localized-names", test_localized_names);

  return g_test_run ();
}

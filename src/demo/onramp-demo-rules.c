/* onramp-demo-rules.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-rules"

#include "config.h"

#include <string.h>

#include "onramp-demo-private.h"

/* Country validation rules (partner-center-api.md §3) for 30 countries, and
 * the address validation emulator (§4).
 *
 * Address validation answers, checked in this order, so a tester can ask
 * for each status on purpose:
 *
 *   NotValidated         country without rules, or addressLine1 contains
 *                        "unverifiable"                     0 suggestions
 *   None                 addressLine1 contains "nowhere", or no city
 *                                                          0 suggestions
 *   Multiple             city is "Springfield"             3 suggestions
 *   StreetPartial        addressLine1 has no digit         3 suggestions
 *   PremisesPartial      addressLine1 ends with "Suite", "Apt", "Unit" or
 *                        "Floor" (no number)              3 suggestions
 *   InteractionRequired  postal code does not match the country's regex
 *                        (suggests the country's sample code) 1 suggestion
 *   Verified             addressLine1 or city written all in lower case
 *                        (suggests capitalised words)     1 suggestion
 *   VerifiedShippable    anything else                     1 suggestion
 */

typedef struct
{
  const char *iso2;
  const char *default_culture;
  const char *cultures;          /* ';'-separated */
  const char *languages;
  const char *states;            /* NULL: no state required */
  const char *postal_regex;      /* NULL: no postal code required */
  const char *postal_sample;
  const char *vat_regex;         /* NULL: no VAT ID */
  const char *tax_format;
  const char *calling_code;
  const char *phone_regex;
  const char *registration_regex; /* NULL: registration number optional */
  const char *registration_sample;
  gboolean    phone_required;
} OnrampDemoCountry;

#define US_STATES "AL;AK;AZ;AR;CA;CO;CT;DE;DC;FL;GA;HI;ID;IL;IN;IA;KS;KY;LA;ME;MD;MA;MI;MN;MS;MO;MT;NE;NV;NH;NJ;NM;NY;NC;ND;OH;OK;OR;PA;RI;SC;SD;TN;TX;UT;VT;VA;WA;WV;WI;WY"
#define PHONE_ANY "^\\+?[\\d \\-()]{6,20}$"

static const OnrampDemoCountry countries[] = {
  { "US", "en-US", "en-US;es-US", "en;es", US_STATES, "^\\d{5}(-\\d{4})?$", "98052", NULL, NULL, "1", "^\\d{10}$", NULL, NULL, FALSE },
  { "CA", "en-CA", "en-CA;fr-CA", "en;fr", "AB;BC;MB;NB;NL;NS;NT;NU;ON;PE;QC;SK;YT", "^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$", "K1A 0B1", NULL, NULL, "1", "^\\d{10}$", NULL, NULL, FALSE },
  { "MX", "es-MX", "es-MX;en-US", "es;en", "AGU;BCN;CMX;JAL;NLE;PUE;YUC", "^\\d{5}$", "06600", NULL, "XXXX000000XXX", "52", PHONE_ANY, NULL, NULL, FALSE },
  { "BR", "pt-BR", "pt-BR;en-US", "pt;en", "AC;BA;DF;MG;PR;RJ;RS;SC;SP", "^\\d{5}-?\\d{3}$", "01310-100", NULL, NULL, "55", PHONE_ANY, "^\\d{2}\\.?\\d{3}\\.?\\d{3}/?\\d{4}-?\\d{2}$", "11.222.333/0001-81", FALSE },
  { "GB", "en-GB", "en-GB;en-US", "en", NULL, "^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$", "SW1A 1AA", "^GB(\\d{9}|\\d{12})$", "GB#########", "44", PHONE_ANY, NULL, NULL, FALSE },
  { "IE", "en-IE", "en-IE;en-GB", "en;ga", NULL, NULL, NULL, "^IE\\d{7}[A-Z]{1,2}$", "IE#######X", "353", PHONE_ANY, NULL, NULL, FALSE },
  { "FR", "fr-FR", "fr-FR;en-US", "fr;en", NULL, "^\\d{5}$", "75001", "^FR[A-Z\\d]{2}\\d{9}$", "FRXX#########", "33", PHONE_ANY, NULL, NULL, FALSE },
  { "DE", "de-DE", "de-DE;en-US", "de;en", NULL, "^\\d{5}$", "10115", "^DE\\d{9}$", "DE#########", "49", PHONE_ANY, NULL, NULL, FALSE },
  { "NL", "nl-NL", "nl-NL;en-US", "nl;en", NULL, "^\\d{4} ?[A-Za-z]{2}$", "1012 JS", "^NL\\d{9}B\\d{2}$", "NL#########B##", "31", PHONE_ANY, NULL, NULL, FALSE },
  { "BE", "nl-BE", "nl-BE;fr-BE;de-BE", "nl;fr;de", NULL, "^\\d{4}$", "1000", "^BE0\\d{9}$", "BE0#########", "32", PHONE_ANY, NULL, NULL, FALSE },
  { "ES", "es-ES", "es-ES;ca-ES;en-US", "es;ca;en", NULL, "^\\d{5}$", "28001", "^ES[A-Z\\d]\\d{7}[A-Z\\d]$", "ESX#######X", "34", PHONE_ANY, NULL, NULL, FALSE },
  { "PT", "pt-PT", "pt-PT;en-US", "en;pt-PT", NULL, "^\\d{4}(-\\d{3})?$", "1000-001", "^PT[\\d]{9,9}$", "PT#########", "351", PHONE_ANY, NULL, NULL, FALSE },
  { "IT", "it-IT", "it-IT;en-US", "it;en", NULL, "^\\d{5}$", "00118", "^IT\\d{11}$", "IT###########", "39", PHONE_ANY, NULL, NULL, FALSE },
  { "SE", "sv-SE", "sv-SE;en-US", "sv;en", NULL, "^\\d{3} ?\\d{2}$", "111 22", "^SE\\d{12}$", "SE############", "46", PHONE_ANY, NULL, NULL, FALSE },
  { "NO", "nb-NO", "nb-NO;en-US", "nb;en", NULL, "^\\d{4}$", "0150", NULL, NULL, "47", PHONE_ANY, NULL, NULL, FALSE },
  { "DK", "da-DK", "da-DK;en-US", "da;en", NULL, "^\\d{4}$", "1050", "^DK\\d{8}$", "DK########", "45", PHONE_ANY, NULL, NULL, FALSE },
  { "FI", "fi-FI", "fi-FI;sv-FI;en-US", "fi;sv;en", NULL, "^\\d{5}$", "00100", "^FI\\d{8}$", "FI########", "358", PHONE_ANY, NULL, NULL, FALSE },
  { "PL", "pl-PL", "pl-PL;en-US", "pl;en", NULL, "^\\d{2}-\\d{3}$", "00-001", "^PL\\d{10}$", "PL##########", "48", PHONE_ANY, "^\\d{10}$", "5260250274", FALSE },
  { "CH", "de-CH", "de-CH;fr-CH;it-CH", "de;fr;it", NULL, "^\\d{4}$", "8001", "^CHE\\d{9}(MWST|TVA|IVA)$", "CHE#########MWST", "41", PHONE_ANY, NULL, NULL, FALSE },
  { "AT", "de-AT", "de-AT;en-US", "de;en", NULL, "^\\d{4}$", "1010", "^ATU\\d{8}$", "ATU########", "43", PHONE_ANY, NULL, NULL, FALSE },
  { "AU", "en-AU", "en-AU", "en", "ACT;NSW;NT;QLD;SA;TAS;VIC;WA", "^\\d{4}$", "2000", NULL, "## ### ### ###", "61", PHONE_ANY, NULL, NULL, FALSE },
  { "NZ", "en-NZ", "en-NZ", "en", NULL, "^\\d{4}$", "6011", NULL, "###-###-###", "64", PHONE_ANY, NULL, NULL, FALSE },
  { "JP", "ja-JP", "ja-JP;en-US", "ja;en", NULL, "^\\d{3}-?\\d{4}$", "100-0001", NULL, NULL, "81", PHONE_ANY, NULL, NULL, FALSE },
  { "TW", "zh-TW", "zh-TW;en-US", "zh-Hant;en", NULL, "^\\d{3}(\\d{2,3})?$", "100", NULL, "########", "886", PHONE_ANY, NULL, NULL, FALSE },
  { "HK", "zh-HK", "zh-HK;en-US", "zh-Hant;en", NULL, NULL, NULL, NULL, NULL, "852", PHONE_ANY, NULL, NULL, FALSE },
  { "SG", "en-SG", "en-SG;zh-SG", "en;zh-Hans", NULL, "^\\d{6}$", "018956", NULL, "#########X", "65", PHONE_ANY, NULL, NULL, FALSE },
  { "IN", "en-IN", "en-IN;hi-IN", "en;hi", "DL;KA;MH;TN;TG;WB", "^\\d{6}$", "110001", NULL, "##XXXXX####X#Z#", "91", PHONE_ANY, "^[A-Z]\\d{5}[A-Z]{2}\\d{4}[A-Z]{3}\\d{6}$", "U72200KA2009PTC049889", FALSE },
  { "ZA", "en-ZA", "en-ZA;af-ZA", "en;af", NULL, "^\\d{4}$", "2196", "^4\\d{9}$", "4#########", "27", PHONE_ANY, "^\\d{4}/\\d{6}/\\d{2}$", "2001/015094/06", FALSE },
  { "AE", "ar-AE", "ar-AE;en-US", "ar;en", NULL, NULL, NULL, NULL, "###############", "971", PHONE_ANY, "^\\d{5,15}$", "1234567", FALSE },
  { "AM", "hy-AM", "hy-AM;ru-RU;en-US", "hy;ru;en", NULL, "^\\d{4}$", "0010", NULL, NULL, "374", PHONE_ANY, "^\\d{8}$", "02612345", TRUE },
  { "UA", "uk-UA", "uk-UA;ru-RU;en-US", "uk;ru;en", NULL, "^\\d{5}$", "01001", NULL, NULL, "380", PHONE_ANY, "^\\d{8}$", "14360570", TRUE },
};

static const OnrampDemoCountry *
onramp_demo_find_country (const char *iso2)
{
  for (guint i = 0; iso2 != NULL && i < G_N_ELEMENTS (countries); i++)
    {
      if (g_ascii_strcasecmp (countries[i].iso2, iso2) == 0)
        return &countries[i];
    }

  return NULL;
}

static void
onramp_demo_set_list (JsonObject *object,
                      const char *name,
                      const char *items)
{
  g_auto(GStrv) parts = g_strsplit (items != NULL ? items : "", ";", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] != '\0')
        json_array_add_string_element (array, parts[i]);
    }
  json_object_set_array_member (object, name, array);
}

static void
onramp_demo_set_optional (JsonObject *object,
                          const char *name,
                          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

/* Returns: (transfer full) (nullable): the rules, or %NULL for an unknown code */
JsonObject *
_onramp_demo_country_rules (const char *iso2)
{
  const OnrampDemoCountry *country = onramp_demo_find_country (iso2);
  JsonObject *rules;

  if (country == NULL)
    return NULL;

  rules = json_object_new ();
  json_object_set_string_member (rules, "iso2Code", country->iso2);
  json_object_set_string_member (rules, "defaultCulture", country->default_culture);
  json_object_set_boolean_member (rules, "isStateRequired", country->states != NULL);
  onramp_demo_set_list (rules, "supportedStatesList", country->states);
  onramp_demo_set_list (rules, "supportedLanguagesList", country->languages);
  onramp_demo_set_list (rules, "supportedCulturesList", country->cultures);
  json_object_set_boolean_member (rules, "isPostalCodeRequired", country->postal_regex != NULL);
  onramp_demo_set_optional (rules, "postalCodeRegex", country->postal_regex);
  json_object_set_boolean_member (rules, "isCityRequired", TRUE);
  json_object_set_boolean_member (rules, "isVatIdSupported", country->vat_regex != NULL);
  onramp_demo_set_optional (rules, "vatIdRegex", country->vat_regex);
  onramp_demo_set_optional (rules, "taxIdFormat", country->tax_format);
  json_object_set_boolean_member (rules, "isTaxIdSupported", country->tax_format != NULL && country->vat_regex == NULL);
  json_object_set_boolean_member (rules, "isTaxIdOptional", TRUE);
  onramp_demo_set_list (rules, "countryCallingCodesList", country->calling_code);
  json_object_set_string_member (rules, "phoneNumberRegex", country->phone_regex);
  json_object_set_boolean_member (rules, "customerOrganizationRegistrationNumberRequired",
                                  country->registration_regex != NULL);
  onramp_demo_set_optional (rules, "customerOrganizationRegistrationNumberRegex", country->registration_regex);
  onramp_demo_set_optional (rules, "customerOrganizationRegistrationNumberSample", country->registration_sample);
  json_object_set_boolean_member (rules, "customerOrganizationPhoneNumberRequired", country->phone_required);
  _onramp_demo_set_object_type (rules, "CountryValidationRules");

  return rules;
}

gboolean
_onramp_demo_country_needs_phone (const char *iso2)
{
  const OnrampDemoCountry *country = onramp_demo_find_country (iso2);

  return country != NULL && country->phone_required;
}

gboolean
_onramp_demo_country_needs_registration (const char *iso2)
{
  const OnrampDemoCountry *country = onramp_demo_find_country (iso2);

  return country != NULL && country->registration_regex != NULL;
}

static JsonObject *
onramp_demo_address_copy (JsonObject *address)
{
  static const char * const fields[] = {
    "addressLine1", "addressLine2", "city", "state", "postalCode", "country",
  };
  JsonObject *copy = json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = _onramp_demo_lookup_string (address, fields[i]);

      if (value != NULL)
        json_object_set_string_member (copy, fields[i], value);
    }

  return copy;
}

static JsonObject *
onramp_demo_address_with (JsonObject *address,
                          const char *field,
                          const char *value)
{
  JsonObject *copy = onramp_demo_address_copy (address);

  json_object_set_string_member (copy, field, value);
  return copy;
}

static gboolean
onramp_demo_has_digit (const char *text)
{
  for (; *text != '\0'; text++)
    {
      if (g_ascii_isdigit (*text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
onramp_demo_ends_with_premises (const char *line)
{
  static const char * const words[] = { " suite", " apt", " unit", " floor" };
  g_autofree char *lower = g_ascii_strdown (line, -1);

  g_strchomp (lower);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (g_str_has_suffix (lower, words[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
onramp_demo_is_lower_case (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  return g_utf8_strchr (text, -1, ' ') != NULL && strcmp (lower, text) == 0;
}

static char *
onramp_demo_capitalise (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    {
      if (p == copy || p[-1] == ' ')
        *p = g_ascii_toupper (*p);
    }

  return copy;
}

static void
onramp_demo_suggest_three (JsonArray  *suggestions,
                           JsonObject *address,
                           const char *field,
                           gboolean    number_first)
{
  static const char * const values[] = { "1", "100", "200" };
  const char *original = _onramp_demo_lookup_string (address, field);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *value = number_first ? g_strdup_printf ("%s %s", values[i], original)
                                            : g_strdup_printf ("%s %s", original, values[i]);

      json_array_add_object_element (suggestions, onramp_demo_address_with (address, field, value));
    }
}

static void
onramp_demo_suggest_cities (JsonArray  *suggestions,
                            JsonObject *address)
{
  static const char * const states[] = { "IL", "MA", "MO" };
  static const char * const codes[] = { "62701", "01101", "65801" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      JsonObject *suggestion = onramp_demo_address_with (address, "state", states[i]);

      json_object_set_string_member (suggestion, "postalCode", codes[i]);
      json_array_add_object_element (suggestions, suggestion);
    }
}

static gboolean
onramp_demo_postal_code_matches (const OnrampDemoCountry *country,
                                 const char              *postal_code)
{
  if (country->postal_regex == NULL)
    return TRUE;

  return postal_code != NULL && g_regex_match_simple (country->postal_regex, postal_code, 0, 0);
}

static const char *
onramp_demo_classify (JsonObject *address,
                      JsonArray  *suggestions)
{
  const OnrampDemoCountry *country = onramp_demo_find_country (_onramp_demo_lookup_string (address, "country"));
  const char *line = _onramp_demo_lookup_string (address, "addressLine1");
  const char *city = _onramp_demo_lookup_string (address, "city");
  g_autofree char *lower_line = g_ascii_strdown (line != NULL ? line : "", -1);

  if (country == NULL || strstr (lower_line, "unverifiable") != NULL)
    return "NotValidated";
  if (strstr (lower_line, "nowhere") != NULL || lower_line[0] == '\0' || city == NULL || city[0] == '\0')
    return "None";
  if (g_ascii_strcasecmp (city, "Springfield") == 0)
    {
      onramp_demo_suggest_cities (suggestions, address);
      return "Multiple";
    }
  if (!onramp_demo_has_digit (line))
    {
      onramp_demo_suggest_three (suggestions, address, "addressLine1", TRUE);
      return "StreetPartial";
    }
  if (onramp_demo_ends_with_premises (line))
    {
      onramp_demo_suggest_three (suggestions, address, "addressLine1", FALSE);
      return "PremisesPartial";
    }
  if (!onramp_demo_postal_code_matches (country, _onramp_demo_lookup_string (address, "postalCode")))
    {
      json_array_add_object_element (suggestions,
                                     onramp_demo_address_with (address, "postalCode", country->postal_sample));
      return "InteractionRequired";
    }
  if (onramp_demo_is_lower_case (line) || onramp_demo_is_lower_case (city))
    {
      g_autofree char *tidy_line = onramp_demo_capitalise (line);
      g_autofree char *tidy_city = onramp_demo_capitalise (city);
      JsonObject *suggestion = onramp_demo_address_with (address, "addressLine1", tidy_line);

      json_object_set_string_member (suggestion, "city", tidy_city);
      json_array_add_object_element (suggestions, suggestion);
      return "Verified";
    }

  json_array_add_object_element (suggestions, onramp_demo_address_copy (address));
  return "VerifiedShippable";
}

/* Returns: (transfer full): an AddressValidationResponse */
JsonObject *
_onramp_demo_validate_address (JsonObject *address)
{
  JsonObject *response = json_object_new ();
  JsonArray *suggestions = json_array_new ();
  const char *status = onramp_demo_classify (address, suggestions);

  json_object_set_object_member (response, "originalAddress", onramp_demo_address_copy (address));
  json_object_set_array_member (response, "suggestedAddresses", suggestions);
  json_object_set_string_member (response, "status", status);
  if (strcmp (status, "VerifiedShippable") != 0)
    json_object_set_string_member (response, "validationMessage",
                                   "Address field invalid for property: 'Region', 'PostalCode', 'City'");

  return response;
}

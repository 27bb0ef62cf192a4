/* onramp-iso-codes.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-iso-codes"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-iso-codes.h"

/* Country and subdivision names come translated with Debian's iso-codes, in
 * their own gettext domains; the msgid is the English name. We never ship
 * those translations ourselves.
 */
#define COUNTRY_DOMAIN "iso_3166-1"
#define SUBDIVISION_DOMAIN "iso_3166-2"
#define LANGUAGE_DOMAIN "iso_639-3"

static void
ensure_domains_bound (void)
{
  static gsize bound = 0;

  if (g_once_init_enter (&bound))
    {
      bindtextdomain (COUNTRY_DOMAIN, ISO_CODES_LOCALEDIR);
      bind_textdomain_codeset (COUNTRY_DOMAIN, "UTF-8");
      bindtextdomain (SUBDIVISION_DOMAIN, ISO_CODES_LOCALEDIR);
      bind_textdomain_codeset (SUBDIVISION_DOMAIN, "UTF-8");
      bindtextdomain (LANGUAGE_DOMAIN, ISO_CODES_LOCALEDIR);
      bind_textdomain_codeset (LANGUAGE_DOMAIN, "UTF-8");
      g_once_init_leave (&bound, 1);
    }
}

/**
 * onramp_iso_codes_country_name:
 * @english_name: a country's English name as iso-codes spells it
 *
 * Returns: (transfer none): the name in the user's language, or
 *   @english_name when iso-codes has no translation
 */
const char *
onramp_iso_codes_country_name (const char *english_name)
{
  g_return_val_if_fail (english_name != NULL, NULL);

  ensure_domains_bound ();
  return g_dgettext (COUNTRY_DOMAIN, english_name);
}

/**
 * onramp_iso_codes_subdivision_name:
 * @english_name: a subdivision's name as iso-codes spells it
 *
 * Returns: (transfer none): the name in the user's language, or
 *   @english_name when iso-codes has no translation
 */
const char *
onramp_iso_codes_subdivision_name (const char *english_name)
{
  g_return_val_if_fail (english_name != NULL, NULL);

  ensure_domains_bound ();
  return g_dgettext (SUBDIVISION_DOMAIN, english_name);
}

/* Languages the bundled rules offer, by their iso-codes English names:
 * iso-codes translates them (the iso_639-3 domain) */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "ar", "Arabic" }, { "az", "Azerbaijani" }, { "bg", "Bulgarian" }, { "bn", "Bengali" },
  { "bs", "Bosnian" }, { "ca", "Catalan" }, { "cs", "Czech" }, { "da", "Danish" },
  { "de", "German" }, { "el", "Modern Greek (1453-)" }, { "en", "English" }, { "es", "Spanish" },
  { "et", "Estonian" }, { "eu", "Basque" }, { "fi", "Finnish" }, { "fo", "Faroese" },
  { "fr", "French" }, { "gl", "Galician" }, { "he", "Hebrew" }, { "hr", "Croatian" },
  { "hu", "Hungarian" }, { "hy", "Armenian" }, { "id", "Indonesian" }, { "is", "Icelandic" },
  { "it", "Italian" }, { "ja", "Japanese" }, { "ka", "Georgian" }, { "kk", "Kazakh" },
  { "kl", "Kalaallisut" }, { "km", "Khmer" }, { "ko", "Korean" }, { "lo", "Lao" },
  { "lt", "Lithuanian" }, { "lv", "Latvian" }, { "mk", "Macedonian" }, { "mn", "Mongolian" },
  { "ms", "Malay (macrolanguage)" }, { "mt", "Maltese" }, { "my", "Burmese" },
  { "nb", "Norwegian Bokmål" }, { "ne", "Nepali (macrolanguage)" }, { "nl", "Dutch" },
  { "pl", "Polish" }, { "pt", "Portuguese" }, { "ro", "Romanian" }, { "ru", "Russian" },
  { "si", "Sinhala" }, { "sk", "Slovak" }, { "sl", "Slovenian" }, { "sq", "Albanian" },
  { "sr", "Serbian" }, { "sv", "Swedish" }, { "th", "Thai" }, { "tr", "Turkish" },
  { "uk", "Ukrainian" }, { "ur", "Urdu" }, { "uz", "Uzbek" }, { "vi", "Vietnamese" },
  { "zh", "Chinese" },
};

/**
 * onramp_iso_codes_language_name:
 * @code: a two-letter language code, such as "zh"
 *
 * Returns: (transfer none): the language's name in the user's language,
 *   or @code for a language the rules do not offer
 */
const char *
onramp_iso_codes_language_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  ensure_domains_bound ();
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (strcmp (language_names[i].code, code) == 0)
        return g_dgettext (LANGUAGE_DOMAIN, language_names[i].name);
    }

  return code;
}

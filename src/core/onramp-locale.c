/* onramp-locale.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "onramp-locale.h"

/* Defaults from the user's locale (issue #7): the country of a new record
 * is the locale's territory, and among a country's cultures the one in the
 * user's language is preferred. */

/**
 * onramp_locale_dup_territory:
 * @locale: a POSIX locale name, such as "zh_TW.UTF-8" or "sr_RS@latin"
 *
 * Returns: (transfer full) (nullable): the territory in upper case ("TW"),
 *   or %NULL for a locale without one ("C", "C.UTF-8", "en")
 */
char *
onramp_locale_dup_territory (const char *locale)
{
  const char *start;
  gsize length;

  if (locale == NULL)
    return NULL;

  start = strchr (locale, '_');
  if (start == NULL)
    return NULL;
  start++;

  length = strcspn (start, ".@");
  if (length != 2 || !g_ascii_isalpha (start[0]) || !g_ascii_isalpha (start[1]))
    return NULL;

  return g_ascii_strup (start, 2);
}

/**
 * onramp_locale_dup_user_territory:
 *
 * The territory of the messages locale, else of $LC_ALL, $LC_MESSAGES or
 * $LANG, the first that names one.
 *
 * Returns: (transfer full) (nullable): e.g. "DE" for de_DE.UTF-8
 */
char *
onramp_locale_dup_user_territory (void)
{
  const char *candidates[] = {
    setlocale (LC_MESSAGES, NULL),
    g_getenv ("LC_ALL"),
    g_getenv ("LC_MESSAGES"),
    g_getenv ("LANG"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      char *territory = onramp_locale_dup_territory (candidates[i]);

      if (territory != NULL)
        return territory;
    }

  return NULL;
}

/* "zh_TW.UTF-8" -> "zh" */
static char *
dup_language (const char *name)
{
  gsize length = strcspn (name, "_.@");

  return length > 0 ? g_ascii_strdown (name, length) : NULL;
}

/**
 * onramp_locale_pick_culture:
 * @cultures: the country's supported cultures, e.g. "fr-CH", "de-CH"
 * @country: the country's ISO code
 * @default_culture: (nullable): the country's default culture
 * @language_names: the user's languages, as g_get_language_names() gives them
 *
 * The culture of @country in the first of the user's languages that it
 * has (a French-speaking agent gets "fr-CH" for Switzerland), else the
 * country's default. Cultures of other countries are never preferred: an
 * English-speaking agent still gets "zh-TW" for Taiwan.
 *
 * Returns: (nullable): one of @cultures, or @default_culture
 */
const char *
onramp_locale_pick_culture (const char * const *cultures,
                            const char         *country,
                            const char         *default_culture,
                            const char * const *language_names)
{
  g_return_val_if_fail (country != NULL, default_culture);

  for (guint i = 0; language_names != NULL && language_names[i] != NULL; i++)
    {
      g_autofree char *language = dup_language (language_names[i]);
      g_autofree char *wanted = NULL;

      if (language == NULL || strcmp (language, "c") == 0 || strcmp (language, "posix") == 0)
        continue;

      wanted = g_strdup_printf ("%s-%s", language, country);
      for (guint k = 0; cultures != NULL && cultures[k] != NULL; k++)
        if (g_ascii_strcasecmp (cultures[k], wanted) == 0)
          return cultures[k];
    }

  return default_culture;
}

/* test-locale.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include "onramp-locale.h"

/* Defaults from the locale: the territory of a locale name, and the
 * culture a country gets for the user's languages. */

static void
test_territory (void)
{
  static const struct
  {
    const char *locale;
    const char *territory;
  } cases[] = {
    { "zh_TW.UTF-8", "TW" },
    { "de_DE", "DE" },
    { "pt_BR.utf8", "BR" },
    { "sr_RS@latin", "RS" },
    { "ja_JP.eucJP@euro", "JP" },
    { "C", NULL },
    { "C.UTF-8", NULL },
    { "POSIX", NULL },
    { "en", NULL },
    { "en_", NULL },
    { "es_419.UTF-8", NULL },  /* a UN region, no country */
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *territory = onramp_locale_dup_territory (cases[i].locale);

      g_test_message ("%s", cases[i].locale ? cases[i].locale : "(null)");
      g_assert_cmpstr (territory, ==, cases[i].territory);
    }
}

static void
test_pick_culture (void)
{
  static const char * const swiss[] = { "de-CH", "fr-CH", "it-CH", "en-US", NULL };
  static const char * const taiwan[] = { "zh-TW", "en-US", NULL };
  static const char * const french[] = { "fr_FR.UTF-8", "fr_FR", "fr.UTF-8", "fr", "C", NULL };
  static const char * const english[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };
  static const char * const c_only[] = { "C", NULL };
  static const char * const italian_then_french[] = { "it_IT", "fr_FR", "C", NULL };
  static const struct
  {
    const char * const *cultures;
    const char         *country;
    const char         *default_culture;
    const char * const *languages;
    const char         *expected;
  } cases[] = {
    { swiss, "CH", "de-CH", french, "fr-CH" },
    { swiss, "CH", "de-CH", english, "de-CH" },
    { swiss, "CH", "de-CH", italian_then_french, "it-CH" },
    { swiss, "CH", "de-CH", c_only, "de-CH" },
    { taiwan, "TW", "zh-TW", english, "zh-TW" },   /* en-US is no Taiwanese culture */
    { taiwan, "TW", "zh-TW", NULL, "zh-TW" },
    { NULL, "TW", "zh-TW", french, "zh-TW" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (onramp_locale_pick_culture (cases[i].cultures, cases[i].country,
                                                 cases[i].default_culture, cases[i].languages),
                     ==, cases[i].expected);
}

static void
test_user_territory (void)
{
  g_autofree char *territory = NULL;

  /* The messages locale is C in this test: the environment decides */
  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_MESSAGES", "", TRUE);
  g_setenv ("LANG", "zh_TW.UTF-8", TRUE);
  territory = onramp_locale_dup_user_territory ();
  g_assert_cmpstr (territory, ==, "TW");
  g_clear_pointer (&territory, g_free);

  g_setenv ("LC_MESSAGES", "de_DE.UTF-8", TRUE);
  territory = onramp_locale_dup_user_territory ();
  g_assert_cmpstr (territory, ==, "DE");
  g_clear_pointer (&territory, g_free);

  g_setenv ("LC_MESSAGES", "", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  territory = onramp_locale_dup_user_territory ();
  g_assert_null (territory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locale/territory", test_territory);
  g_test_add_func ("/locale/pick-culture", test_pick_culture);
  g_test_add_func ("/locale/user-territory", test_user_territory);

  return g_test_run ();
}

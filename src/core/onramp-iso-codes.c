/* onramp-iso-codes.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-iso-codes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "onramp-iso-codes.h"

/* Country and subdivision names come translated with Debian's iso-codes, in
 * their own gettext domains; the msgid is the English name. We never ship
 * those translations ourselves.
 */
#define COUNTRY_DOMAIN "iso_3166-1"
#define SUBDIVISION_DOMAIN "iso_3166-2"

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

/* onramp-legal-forms.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-legal-forms"

#include "config.h"

#include <string.h>

#include "onramp-legal-forms.h"

/* Legal forms, full and abbreviated. The abbreviations that stand alone are
 * rejected by Partner Center's name check (peers.md A1); the guidance asks for
 * the full form everywhere, so an abbreviated suffix is a warning.
 */
static const OnrampLegalForm forms[] = {
  { "Limited", "Ltd", "GB,IE,HK,NZ,IN,ZA,TW" },
  { "Incorporated", "Inc", "US,CA,PH" },
  { "Corporation", "Corp", "US,CA,JP,TW" },
  { "Company", "Co", NULL },
  { "Limited Liability Company", "LLC", "US" },
  { "Gesellschaft mit beschränkter Haftung", "GmbH", "DE,AT,CH" },
  { "Aktiengesellschaft", "AG", "DE,AT,CH" },
  { "股份有限公司", "(股)公司", "TW" },
  { "有限公司", NULL, "TW,HK,CN" },
  { "株式会社", "(株)", "JP" },
  { "合同会社", NULL, "JP" },
};

static gboolean
folded_equal (const char *folded,
              const char *form)
{
  g_autofree char *form_folded = g_utf8_casefold (form, -1);
  g_autofree char *trimmed = g_strdup (folded);
  gsize len;

  /* "Ltd." and "Ltd" are the same form */
  len = strlen (trimmed);
  while (len > 0 && trimmed[len - 1] == '.')
    trimmed[--len] = '\0';

  return strcmp (g_strstrip (trimmed), form_folded) == 0;
}

/**
 * onramp_legal_forms_is_form_only:
 * @folded_name: an NFKC-normalised, case-folded, trimmed name
 *
 * Returns: whether the name is a legal form and nothing else, such as
 *   "Ltd" or "股份有限公司".
 */
gboolean
onramp_legal_forms_is_form_only (const char *folded_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (folded_equal (folded_name, forms[i].full))
        return TRUE;
      if (forms[i].abbreviation && folded_equal (folded_name, forms[i].abbreviation))
        return TRUE;
    }

  return FALSE;
}

/**
 * onramp_legal_forms_find_abbreviated:
 * @name: an NFKC-normalised, trimmed name
 * @suffix_offset: (out): where the abbreviation starts in @name
 *
 * Returns: (nullable): the form whose abbreviation ends @name
 */
const OnrampLegalForm *
onramp_legal_forms_find_abbreviated (const char *name,
                                     gsize      *suffix_offset)
{
  gsize name_len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *abbr = forms[i].abbreviation;
      gsize abbr_len;
      gsize end = name_len;

      if (abbr == NULL)
        continue;

      if (end > 0 && name[end - 1] == '.')
        end--;

      abbr_len = strlen (abbr);
      if (end <= abbr_len)
        continue;

      if (g_ascii_strncasecmp (name + end - abbr_len, abbr, abbr_len) != 0)
        continue;

      /* An ASCII abbreviation must be a word of its own: "Ltd", not "Altd" */
      if (g_ascii_isalpha (abbr[0]) && g_ascii_isalnum (name[end - abbr_len - 1]))
        continue;

      *suffix_offset = end - abbr_len;
      return &forms[i];
    }

  return NULL;
}

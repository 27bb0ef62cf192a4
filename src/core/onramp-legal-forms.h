/* onramp-legal-forms.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OnrampLegalForm:
 * @full: the full form, e.g. "Limited" or "股份有限公司"
 * @abbreviation: (nullable): the abbreviated form, e.g. "Ltd"
 * @countries: (nullable): ISO 3166-1 alpha-2 codes separated by commas where
 *   the form is used, or %NULL for "many"
 * @official_short: the abbreviation is the registered short name (Russian
 *   "ООО"), so using it is no reason for a warning
 */
typedef struct
{
  const char *full;
  const char *abbreviation;
  const char *countries;
  gboolean    official_short;
} OnrampLegalForm;

gboolean               onramp_legal_forms_is_form_only     (const char *folded_name);
const OnrampLegalForm *onramp_legal_forms_find_abbreviated (const char *name,
                                                            const char *country,
                                                            gsize      *start,
                                                            gsize      *end,
                                                            gboolean   *unambiguous);
gboolean               onramp_legal_form_used_in           (const OnrampLegalForm *form,
                                                            const char            *country);

G_END_DECLS

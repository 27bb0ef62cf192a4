/* test-json.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-country-database.h"
#include "onramp-error.h"
#include "onramp-json.h"

/* JSON from a server or a file reaches json-glib only when it cannot crash
 * it or make it leak (the fuzzers in tests/fuzz/ found each case). */

static void
test_find_flaw (void)
{
  static const struct {
    const char *text;
    gssize length;
    OnrampJsonFlaw flaw;
    gsize offset;
  } cases[] = {
    { "{\"a\": [1, 2.5, -3e4, true, null, \"x\"]}", -1, ONRAMP_JSON_FLAW_NONE, 0 },
    { "  [ {} , [] ]  ", -1, ONRAMP_JSON_FLAW_NONE, 0 },
    { "{\"name\": \"\\u53f0\\u7063 \\ud83d\\ude00 \\\" \\\\ \\/\"}", -1, ONRAMP_JSON_FLAW_NONE, 0 },
    { "{\"a\": \"x\0y\"}", 12, ONRAMP_JSON_FLAW_NUL, 8 },
    { "{\"a\": \"\xC3\"}", -1, ONRAMP_JSON_FLAW_UTF8, 7 },
    { "{/* hidden ] */}", -1, ONRAMP_JSON_FLAW_CHARACTER, 1 },
    { "{'a': 1}", -1, ONRAMP_JSON_FLAW_CHARACTER, 1 },
    { "]", -1, ONRAMP_JSON_FLAW_CHARACTER, 0 },
    { "{\"a\": \"\\q\"}", -1, ONRAMP_JSON_FLAW_ESCAPE, 7 },
    { "{\"a\": \"\\", -1, ONRAMP_JSON_FLAW_ESCAPE, 7 },
    { "{\"a\": \"\\u12G4\"}", -1, ONRAMP_JSON_FLAW_UNICODE_ESCAPE, 7 },
    { "{\"a\": \"\\u0000\"}", -1, ONRAMP_JSON_FLAW_UNICODE_ESCAPE, 7 },
    { "{\"a\": \"\\ud800\"}", -1, ONRAMP_JSON_FLAW_UNICODE_ESCAPE, 7 },
    { "{\"a\": \"\\udc00\"}", -1, ONRAMP_JSON_FLAW_UNICODE_ESCAPE, 7 },
    { "{\"a\": \"\\ud800\\u0041\"}", -1, ONRAMP_JSON_FLAW_UNICODE_ESCAPE, 7 },
    { "{} {}", -1, ONRAMP_JSON_FLAW_TRAILING, 3 },
    { "[]]", -1, ONRAMP_JSON_FLAW_TRAILING, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].text) : (gsize)cases[i].length;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);
      gsize offset = 99;

      /* Escaped: TAP output must stay UTF-8 */
      g_test_message ("case %u: %s", i, escaped);
      g_assert_cmpint (onramp_json_find_flaw (cases[i].text, length, ONRAMP_JSON_MAX_DEPTH, &offset), ==,
                       cases[i].flaw);
      g_assert_cmpuint (offset, ==, cases[i].offset);
    }
}

static char *
nested (guint levels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *deep_enough = nested (ONRAMP_JSON_MAX_DEPTH);
  g_autofree char *too_deep = nested (ONRAMP_JSON_MAX_DEPTH + 1);
  /* Deep enough to overflow json-glib's stack if it ever got there */
  g_autofree char *hostile = nested (1000000);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = onramp_json_parse_untrusted (deep_enough, strlen (deep_enough), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  g_assert_cmpint (onramp_json_find_flaw (too_deep, strlen (too_deep), ONRAMP_JSON_MAX_DEPTH, NULL), ==,
                   ONRAMP_JSON_FLAW_TOO_DEEP);
  g_assert_null (onramp_json_parse_untrusted (hostile, strlen (hostile), &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
}

static void
test_parse_untrusted_refuses (void)
{
  static const char * const texts[] = {
    "", "   ", "42", "\"text\"", "true", "null", "<html>502 Bad Gateway</html>",
    "{", "{\"a\": }", "{\"a\": 1,}", "{} []", "{\"a\": \"\\ud800\"}", "[\"\xFF\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = onramp_json_parse_untrusted (texts[i], strlen (texts[i]), &error);
      g_autofree char *escaped = g_strescape (texts[i], NULL);

      g_test_message ("case %u: %s", i, escaped);
      g_assert_null (root);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* A cached country-rules answer is a file: damaged or hostile, it is
 * refused and the bundled rules stay */
static void
test_cached_rules_refused (void)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autofree char *deep = nested (100000);
  const char * const answers[] = {
    deep,
    "{\"iso2Code\": \"US\", \"isStateRequired\": false} {\"iso2Code\": \"CA\"}",
    "{\"iso2Code\": \"US\", \"name\": \"\\udc00\", \"isStateRequired\": false}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (onramp_country_database_apply_data (database, answers[i], -1, &error));
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
    }

  g_assert_true (onramp_country_rules_is_state_required (onramp_country_database_lookup (database, "US")));
}

/* States given as arrays hold anything in a hostile answer: only a string
 * code makes a state, and nothing is critical about the rest (found by
 * tests/fuzz/fuzz-country-rules.c) */
static void
test_rules_state_shapes (void)
{
  g_autoptr(OnrampCountryDatabase) database = onramp_country_database_new ();
  g_autoptr(GError) error = NULL;
  const char *answer = "{\"iso2Code\": \"US\", \"supportedStatesList\": "
                       "[[{\"a\": 1}, [\"x\"]], [[]], [\"WA\", {}], [7, \"x\"], [\"OR\", \"Oregon\", []]]}";
  OnrampCountryRules *rules;

  g_assert_true (onramp_country_database_apply_data (database, answer, -1, &error));
  g_assert_no_error (error);
  rules = onramp_country_database_lookup (database, "US");
  g_assert_cmpuint (onramp_country_rules_get_n_states (rules), ==, 2);
  g_assert_true (onramp_country_rules_has_state (rules, "WA"));
  g_assert_true (onramp_country_rules_has_state (rules, "OR"));
  g_assert_false (onramp_country_rules_has_state (rules, "x"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/find-flaw", test_find_flaw);
  g_test_add_func ("/json/depth", test_depth);
  g_test_add_func ("/json/parse-untrusted-refuses", test_parse_untrusted_refuses);
  g_test_add_func ("/json/cached-rules-refused", test_cached_rules_refused);
  g_test_add_func ("/json/rules-state-shapes", test_rules_state_shapes);

  return g_test_run ();
}

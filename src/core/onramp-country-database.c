/* onramp-country-database.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-country-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-core-resources.h"
#include "onramp-country-database.h"
#include "onramp-country-rules-private.h"
#include "onramp-error.h"
#include "onramp-iso-codes.h"
#include "onramp-json.h"

/* The rules of every country. They ship as one JSON file (build-aux/
 * gen-country-rules.py) compiled into the library, read on first use;
 * Partner Center's own answer, once cached, replaces a country's bundled
 * entry field by field.
 */

#define RULES_RESOURCE RESOURCE_PREFIX "/country-rules.json"

struct _OnrampCountryDatabase
{
  GObject     parent_instance;

  /* code -> OnrampCountryRules from applied service answers */
  GHashTable *overrides;
};

G_DEFINE_FINAL_TYPE (OnrampCountryDatabase, onramp_country_database, G_TYPE_OBJECT)

enum {
  RULES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The bundled snapshot, shared by every database. The generator writes
 * one country per line, so the first lookup indexes the lines and parses
 * only its own country (tens of microseconds instead of milliseconds for
 * the whole file); each country is built once. */
typedef struct
{
  gsize offset;
  gsize length;
} Slice;

typedef struct
{
  GBytes      *bytes;
  GHashTable  *slices;   /* code -> Slice: where its JSON object is */
  const char **codes;
  GHashTable  *built;    /* code -> OnrampCountryRules */
  GHashTable  *aliases;  /* folded alpha-3 or name -> code, on first need */
  GMutex       lock;
} Bundle;

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Lines look like `"TW": {...},` */
static void
index_lines (Bundle *bundle)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bundle->bytes, &size);
  const char *end = data + size;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (const char *line = data; line < end; )
    {
      const char *eol = memchr (line, '\n', end - line);
      const char *last = eol ? eol : end;

      while (last > line && (last[-1] == ',' || last[-1] == '\r' || last[-1] == ' '))
        last--;

      if (last - line > 8 && line[0] == '"' && line[3] == '"' && line[4] == ':' &&
          line[6] == '{' && last[-1] == '}')
        {
          Slice *slice = g_new (Slice, 1);
          char *code = g_strndup (line + 1, 2);

          slice->offset = line + 6 - data;
          slice->length = last - (line + 6);
          g_hash_table_insert (bundle->slices, code, slice);
          g_ptr_array_add (codes, code);
        }

      line = eol ? eol + 1 : end;
    }

  if (codes->len == 0)
    g_error ("The bundled country rules are not one country per line: "
             "write them with build-aux/gen-country-rules.py");

  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  bundle->codes = (const char **)g_ptr_array_steal (codes, NULL);
}

static Bundle *
bundle_get (void)
{
  static Bundle *bundle = NULL;

  if (g_once_init_enter (&bundle))
    {
      Bundle *loaded = g_new0 (Bundle, 1);
      g_autoptr(GError) error = NULL;

      g_mutex_init (&loaded->lock);
      loaded->built = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      loaded->slices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      loaded->bytes = g_resource_lookup_data (onramp_core_get_resource (), RULES_RESOURCE,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (loaded->bytes == NULL)
        g_error ("The bundled country rules cannot be read: %s", error->message);
      index_lines (loaded);

      g_once_init_leave (&bundle, loaded);
    }

  return bundle;
}

/* The bundled JSON object of a country, or NULL */
static JsonNode *
bundle_parse_country (Bundle     *bundle,
                      const char *code)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const Slice *slice = g_hash_table_lookup (bundle->slices, code);
  const char *data = g_bytes_get_data (bundle->bytes, NULL);

  if (slice == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + slice->offset, slice->length, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    g_error ("The bundled rules of %s cannot be read: %s", code, error ? error->message : "not an object");

  return json_parser_steal_root (parser);
}

static OnrampCountryRules *
bundle_lookup (Bundle     *bundle,
               const char *code)
{
  OnrampCountryRules *rules;

  g_mutex_lock (&bundle->lock);
  rules = g_hash_table_lookup (bundle->built, code);
  if (rules == NULL)
    {
      g_autoptr(JsonNode) node = bundle_parse_country (bundle, code);

      if (node != NULL)
        {
          rules = _onramp_country_rules_new_from_json (code, json_node_get_object (node), NULL);
          g_hash_table_insert (bundle->built, (gpointer)onramp_country_rules_get_code (rules), rules);
        }
    }
  g_mutex_unlock (&bundle->lock);

  return rules;
}

static void
onramp_country_database_finalize (GObject *object)
{
  OnrampCountryDatabase *self = (OnrampCountryDatabase *)object;

  g_hash_table_unref (self->overrides);

  G_OBJECT_CLASS (onramp_country_database_parent_class)->finalize (object);
}

static void
onramp_country_database_class_init (OnrampCountryDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = onramp_country_database_finalize;

  /**
   * OnrampCountryDatabase::rules-changed:
   * @code: the country whose rules were replaced
   *
   * Emitted after a service answer replaced a country's rules, so pages
   * can validate again.
   */
  signals[RULES_CHANGED] =
    g_signal_new ("rules-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
onramp_country_database_init (OnrampCountryDatabase *self)
{
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

/**
 * onramp_country_database_new:
 *
 * A database of its own, for answers that must not reach the shared one
 * (tests, another cloud). The bundled snapshot itself is shared.
 */
OnrampCountryDatabase *
onramp_country_database_new (void)
{
  return g_object_new (ONRAMP_TYPE_COUNTRY_DATABASE, NULL);
}

/**
 * onramp_country_database_get_default:
 *
 * Returns: (transfer none): the database the app shares
 */
OnrampCountryDatabase *
onramp_country_database_get_default (void)
{
  static OnrampCountryDatabase *database = NULL;

  if (g_once_init_enter (&database))
    g_once_init_leave (&database, onramp_country_database_new ());

  return database;
}

/* "tw" -> "TW"; anything but two ASCII letters -> FALSE */
static gboolean
normalize_code (const char *text,
                char        code[3])
{
  if (text == NULL || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]) || text[2] != '\0')
    return FALSE;

  code[0] = g_ascii_toupper (text[0]);
  code[1] = g_ascii_toupper (text[1]);
  code[2] = '\0';
  return TRUE;
}

/**
 * onramp_country_database_lookup:
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * Returns: (transfer none) (nullable): the country's rules, or %NULL for
 *   a code that is not a country ("UK": see
 *   onramp_country_database_suggest_code())
 */
OnrampCountryRules *
onramp_country_database_lookup (OnrampCountryDatabase *self,
                                const char            *code)
{
  OnrampCountryRules *rules;
  char normalized[3];

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), NULL);

  if (!normalize_code (code, normalized))
    return NULL;

  if ((rules = g_hash_table_lookup (self->overrides, normalized)))
    return rules;

  return bundle_lookup (bundle_get (), normalized);
}

/**
 * onramp_country_database_list_codes:
 *
 * Returns: (array zero-terminated=1) (transfer none): every country's
 *   alpha-2 code, sorted
 */
const char * const *
onramp_country_database_list_codes (OnrampCountryDatabase *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), NULL);

  return bundle_get ()->codes;
}

static void
add_alias (GHashTable *aliases,
           const char *name,
           const char *code)
{
  if (name != NULL)
    g_hash_table_insert (aliases, g_utf8_casefold (name, -1), (gpointer)code);
}

static GHashTable *
build_aliases (Bundle *bundle)
{
  /* Codes people type that are not ISO: the UK's and Greece's EU codes */
  static const char * const common[][2] = {
    { "UK", "GB" }, { "EL", "GR" }, { "England", "GB" }, { "Great Britain", "GB" },
    { "Britain", "GB" }, { "USA", "US" }, { "America", "US" }, { "ROC", "TW" },
    { "台湾", "TW" }, { "中国", "CN" }, { "日本", "JP" }, { "韓國", "KR" }, { "한국", "KR" },
  };
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; bundle->codes[i]; i++)
    {
      const char *code = bundle->codes[i];
      g_autoptr(JsonNode) node = bundle_parse_country (bundle, code);
      JsonObject *object = json_node_get_object (node);
      const char *name = _onramp_json_object_get_string (object, "name");

      add_alias (aliases, _onramp_json_object_get_string (object, "alpha3"), code);
      add_alias (aliases, name, code);
      if (name != NULL)
        add_alias (aliases, onramp_iso_codes_country_name (name), code);
    }

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    add_alias (aliases, common[i][0], common[i][1]);

  return aliases;
}

/**
 * onramp_country_database_suggest_code:
 * @text: what the user typed as a country
 *
 * Slow path for a country that is not a code: "UK", "USA", "Germany",
 * "德國" or "deu" give the alpha-2 code the service wants.
 *
 * Returns: (nullable): the code, or %NULL when nothing matches
 */
const char *
onramp_country_database_suggest_code (OnrampCountryDatabase *self,
                                      const char            *text)
{
  Bundle *bundle = bundle_get ();
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  OnrampCountryRules *rules;
  const char *code;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), NULL);

  if (text == NULL || !(normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC)))
    return NULL;
  g_strstrip (normalized);
  folded = g_utf8_casefold (normalized, -1);

  g_mutex_lock (&bundle->lock);
  if (bundle->aliases == NULL)
    bundle->aliases = build_aliases (bundle);
  code = g_hash_table_lookup (bundle->aliases, folded);
  g_mutex_unlock (&bundle->lock);

  if (code != NULL)
    return code;

  /* " tw " and "ｔｗ" are codes once cleaned up */
  rules = onramp_country_database_lookup (self, normalized);
  return rules ? onramp_country_rules_get_code (rules) : NULL;
}

/**
 * onramp_country_database_apply:
 * @answer: a cached answer of `GET /v1/countryvalidationrules/{iso2}`
 *
 * Replaces the country's rules with the service's, keeping the bundled
 * value of every field the answer lacks. Keys are matched in any case and
 * both list shapes are read; a pattern that does not compile is ignored.
 *
 * Returns: %FALSE with @error set when the answer names no country
 */
gboolean
onramp_country_database_apply (OnrampCountryDatabase  *self,
                               JsonNode               *answer,
                               GError                **error)
{
  OnrampCountryRules *base;
  OnrampCountryRules *rules;
  JsonObject *object;
  char code[3];

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The country rules are not a JSON object."));
      return FALSE;
    }

  object = json_node_get_object (answer);
  if (!normalize_code (_onramp_json_object_get_string (object, "iso2Code"), code))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The country rules do not say which country they are for."));
      return FALSE;
    }

  base = onramp_country_database_lookup (self, code);
  rules = _onramp_country_rules_new_from_json (code, object, base);
  g_hash_table_replace (self->overrides, (gpointer)onramp_country_rules_get_code (rules), rules);
  g_signal_emit (self, signals[RULES_CHANGED], g_quark_from_string (code), code);

  return TRUE;
}

/**
 * onramp_country_database_apply_data:
 * @data: the answer's JSON text
 * @length: its length, or -1 when nul-terminated
 *
 * onramp_country_database_apply() on JSON text.
 */
gboolean
onramp_country_database_apply_data (OnrampCountryDatabase  *self,
                                    const char             *data,
                                    gssize                  length,
                                    GError                **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  /* A cached answer is a file anyone could have changed: read it the way
   * an answer from the network is read */
  root = onramp_json_parse_untrusted (data, length < 0 ? strlen (data) : (gsize)length, &parse_error);
  if (root == NULL)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is the JSON parser's explanation */
                   _("The country rules cannot be read: %s"), parse_error->message);
      return FALSE;
    }

  return onramp_country_database_apply (self, root, error);
}

/**
 * onramp_country_database_dup_culture_name:
 * @culture: a culture code, such as "zh-TW"
 *
 * Returns: (transfer full): the culture as a person reads it, "Chinese
 *   (Taiwan)" in the user's language; @culture itself when it names no
 *   known country
 */
char *
onramp_country_database_dup_culture_name (OnrampCountryDatabase *self,
                                          const char            *culture)
{
  g_auto(GStrv) parts = NULL;
  OnrampCountryRules *region;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (self), NULL);
  g_return_val_if_fail (culture != NULL, NULL);

  parts = g_strsplit (culture, "-", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (culture);

  region = onramp_country_database_lookup (self, parts[1]);
  if (region == NULL)
    return g_strdup (culture);

  /* Translators: a language as spoken in a country, e.g. "Chinese (Taiwan)";
   * the first %s is the language, the second the country */
  return g_strdup_printf (_("%s (%s)"), onramp_iso_codes_language_name (parts[0]),
                          onramp_country_rules_get_name (region));
}

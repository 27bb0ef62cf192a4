/* onramp-country-rules.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-country-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-country-rules-private.h"
#include "onramp-iso-codes.h"

/* One country's form rules, immutable. They are read from the bundled
 * snapshot or from Partner Center's answer (GET /v1/countryvalidationrules/
 * {iso2}) on top of it; OnrampCountryDatabase keeps them.
 *
 * Regexes are compiled when a rules object is built, never per check: the
 * validator runs on every keystroke.
 */

typedef struct
{
  char *code;
  char *name;   /* English, told apart where iso-codes repeats a name */
  char *msgid;  /* the iso_3166-2 msgid */
  char *folded[4];  /* code, name, msgid and translated name, folded on
                     * first search */
} State;

struct _OnrampCountryRules
{
  GObject      parent_instance;

  char         code[3];
  char        *name;
  char        *alpha3;
  gboolean     sold;
  gboolean     city_required;
  gboolean     state_required;
  gboolean     postal_code_required;
  gboolean     phone_required;
  gboolean     registration_number_required;

  GRegex      *postal_code_regex;
  char        *postal_code_sample;
  char        *postal_code_label;
  char        *state_label;
  OnrampField  address_order[5];
  guint        n_address_fields;
  GPtrArray   *states;  /* (element-type State), shared between copies */

  char       **calling_codes;
  GRegex      *phone_regex;

  char        *registration_number_name;
  GRegex      *registration_number_regex;
  char        *registration_number_sample;

  char        *default_culture;
  char       **cultures;
  char       **languages;
};

G_DEFINE_FINAL_TYPE (OnrampCountryRules, onramp_country_rules, G_TYPE_OBJECT)

static void
state_free (State *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state->folded); i++)
    g_free (state->folded[i]);
  g_free (state->code);
  g_free (state->name);
  g_free (state->msgid);
  g_free (state);
}

static void
onramp_country_rules_finalize (GObject *object)
{
  OnrampCountryRules *self = (OnrampCountryRules *)object;

  g_free (self->name);
  g_free (self->alpha3);
  g_clear_pointer (&self->postal_code_regex, g_regex_unref);
  g_free (self->postal_code_sample);
  g_free (self->postal_code_label);
  g_free (self->state_label);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_strfreev (self->calling_codes);
  g_clear_pointer (&self->phone_regex, g_regex_unref);
  g_free (self->registration_number_name);
  g_clear_pointer (&self->registration_number_regex, g_regex_unref);
  g_free (self->registration_number_sample);
  g_free (self->default_culture);
  g_strfreev (self->cultures);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (onramp_country_rules_parent_class)->finalize (object);
}

static void
onramp_country_rules_class_init (OnrampCountryRulesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = onramp_country_rules_finalize;
}

static const OnrampField default_address_order[] = {
  ONRAMP_FIELD_ADDRESS_LINE1, ONRAMP_FIELD_ADDRESS_LINE2, ONRAMP_FIELD_CITY,
  ONRAMP_FIELD_STATE, ONRAMP_FIELD_POSTAL_CODE,
};

static void
onramp_country_rules_init (OnrampCountryRules *self)
{
  self->sold = TRUE;
  self->city_required = TRUE;
  memcpy (self->address_order, default_address_order, sizeof default_address_order);
  self->n_address_fields = G_N_ELEMENTS (default_address_order);
  self->states = g_ptr_array_new_with_free_func ((GDestroyNotify)state_free);
}

/* JSON helpers: Partner Center answers in camelCase but is documented in
 * PascalCase too, so every key is matched without regard to case.
 */
static JsonNode *
find_member (JsonObject *object,
             const char *name)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  if ((node = json_object_get_member (object, name)))
    return node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (g_ascii_strcasecmp (key, name) == 0)
        return node;
    }

  return NULL;
}

static gboolean
read_boolean (JsonObject *object,
              const char *name,
              gboolean   *value)
{
  JsonNode *node = find_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  *value = json_node_get_boolean (node);
  return TRUE;
}

const char *
_onramp_json_object_get_string (JsonObject *object,
                                const char *name)
{
  JsonNode *node = find_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
replace_string (char       **field,
                JsonObject  *object,
                const char  *name)
{
  const char *value = _onramp_json_object_get_string (object, name);

  if (value != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Both `"fooList": [...]` and the older `"foo": {"value": [...]}` */
static JsonArray *
read_list (JsonObject *object,
           const char *name,
           const char *older_name)
{
  JsonNode *node = find_member (object, name);

  if (node == NULL && older_name != NULL)
    node = find_member (object, older_name);
  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      node = find_member (json_node_get_object (node), "value");
      if (node == NULL)
        return NULL;
    }

  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char **
read_string_list (JsonObject *object,
                  const char *name,
                  const char *older_name)
{
  JsonArray *array = read_list (object, name, older_name);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static void
replace_string_list (char       ***field,
                     JsonObject   *object,
                     const char   *name,
                     const char   *older_name)
{
  char **value = read_string_list (object, name, older_name);

  if (value != NULL)
    {
      g_strfreev (*field);
      *field = value;
    }
}

/* The service's patterns are .NET-flavoured; the ones seen so far are PCRE
 * compatible. One that does not compile is dropped: a missing check is
 * better than a form that can never be submitted.
 */
static void
replace_regex (GRegex     **field,
               JsonObject  *object,
               const char  *name,
               const char  *code)
{
  const char *source = _onramp_json_object_get_string (object, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *anchored = NULL;
  GRegex *regex;

  if (source == NULL)
    return;

  if (source[0] == '\0')
    {
      g_clear_pointer (field, g_regex_unref);
      return;
    }

  /* The whole value must match, whether or not the pattern says so */
  anchored = g_strdup_printf ("^(?:%s)$", source);
  /* Not G_REGEX_OPTIMIZE: the patterns are short and run on a few
   * characters per keystroke, while JIT-compiling them is most of the cost
   * of building a country's rules, and the account page builds all of
   * them (for the country list) before the window's first frame */
  regex = g_regex_new (anchored, 0, 0, &error);
  if (regex == NULL)
    {
      g_debug ("%s: ignoring %s “%s”: %s", code, name, source, error->message);
      return;
    }

  g_clear_pointer (field, g_regex_unref);
  *field = regex;
}

/* json_array_get_string_element() is critical about an element that is
 * an object or an array, which a hostile answer may well hold */
static const char *
array_get_string (JsonArray *array,
                  guint      index)
{
  JsonNode *node = index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static State *
state_from_node (JsonNode *node)
{
  State *state = g_new0 (State, 1);

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      state->code = g_strdup (json_node_get_string (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      state->code = g_strdup (array_get_string (array, 0));
      state->name = g_strdup (array_get_string (array, 1));
      state->msgid = g_strdup (array_get_string (array, 2));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      state->code = g_strdup (_onramp_json_object_get_string (object, "code"));
      if (state->code == NULL)
        state->code = g_strdup (_onramp_json_object_get_string (object, "value"));
      state->name = g_strdup (_onramp_json_object_get_string (object, "name"));
    }

  if (state->code == NULL || state->code[0] == '\0')
    {
      state_free (state);
      return NULL;
    }
  if (state->name == NULL)
    state->name = g_strdup (state->code);
  if (state->msgid == NULL)
    state->msgid = g_strdup (state->name);

  return state;
}

static void
replace_states (OnrampCountryRules *self,
                JsonObject         *object)
{
  JsonArray *array = read_list (object, "supportedStatesList", "states");

  if (array == NULL)
    return;

  g_ptr_array_unref (self->states);
  self->states = g_ptr_array_new_with_free_func ((GDestroyNotify)state_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      State *state = state_from_node (json_array_get_element (array, i));

      if (state != NULL)
        g_ptr_array_add (self->states, state);
    }
}

static OnrampField
field_from_wire_name (const char *name)
{
  static const struct { const char *wire; OnrampField field; } names[] = {
    { "addressLine1", ONRAMP_FIELD_ADDRESS_LINE1 },
    { "addressLine2", ONRAMP_FIELD_ADDRESS_LINE2 },
    { "city", ONRAMP_FIELD_CITY },
    { "state", ONRAMP_FIELD_STATE },
    { "postalCode", ONRAMP_FIELD_POSTAL_CODE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].wire) == 0)
        return names[i].field;
    }

  return ONRAMP_FIELD_NONE;
}

static void
replace_address_order (OnrampCountryRules *self,
                       JsonObject         *object)
{
  g_auto(GStrv) names = read_string_list (object, "addressOrder", NULL);
  guint n = 0;

  if (names == NULL)
    return;

  for (guint i = 0; names[i] && n < G_N_ELEMENTS (self->address_order); i++)
    {
      OnrampField field = field_from_wire_name (names[i]);

      if (field != ONRAMP_FIELD_NONE)
        self->address_order[n++] = field;
    }

  if (n > 0)
    self->n_address_fields = n;
}

static OnrampCountryRules *
rules_copy (const char         *code,
            OnrampCountryRules *base)
{
  OnrampCountryRules *self = g_object_new (ONRAMP_TYPE_COUNTRY_RULES, NULL);

  g_strlcpy (self->code, code, sizeof self->code);
  if (base == NULL)
    return self;

  self->name = g_strdup (base->name);
  self->alpha3 = g_strdup (base->alpha3);
  self->sold = base->sold;
  self->city_required = base->city_required;
  self->state_required = base->state_required;
  self->postal_code_required = base->postal_code_required;
  self->phone_required = base->phone_required;
  self->registration_number_required = base->registration_number_required;
  self->postal_code_regex = base->postal_code_regex ? g_regex_ref (base->postal_code_regex) : NULL;
  self->postal_code_sample = g_strdup (base->postal_code_sample);
  self->postal_code_label = g_strdup (base->postal_code_label);
  self->state_label = g_strdup (base->state_label);
  memcpy (self->address_order, base->address_order, sizeof self->address_order);
  self->n_address_fields = base->n_address_fields;
  g_ptr_array_unref (self->states);
  self->states = g_ptr_array_ref (base->states);
  self->calling_codes = g_strdupv (base->calling_codes);
  self->phone_regex = base->phone_regex ? g_regex_ref (base->phone_regex) : NULL;
  self->registration_number_name = g_strdup (base->registration_number_name);
  self->registration_number_regex = base->registration_number_regex ? g_regex_ref (base->registration_number_regex) : NULL;
  self->registration_number_sample = g_strdup (base->registration_number_sample);
  self->default_culture = g_strdup (base->default_culture);
  self->cultures = g_strdupv (base->cultures);
  self->languages = g_strdupv (base->languages);

  return self;
}

/* A new rules object: @base's values, overridden by what @object has */
OnrampCountryRules *
_onramp_country_rules_new_from_json (const char         *code,
                                     JsonObject         *object,
                                     OnrampCountryRules *base)
{
  OnrampCountryRules *self = rules_copy (code, base);

  replace_string (&self->name, object, "name");
  replace_string (&self->alpha3, object, "alpha3");
  read_boolean (object, "isSold", &self->sold);
  read_boolean (object, "isCityRequired", &self->city_required);
  read_boolean (object, "isStateRequired", &self->state_required);
  read_boolean (object, "isPostalCodeRequired", &self->postal_code_required);
  read_boolean (object, "customerOrganizationPhoneNumberRequired", &self->phone_required);
  read_boolean (object, "customerOrganizationRegistrationNumberRequired",
                &self->registration_number_required);
  replace_regex (&self->postal_code_regex, object, "postalCodeRegex", code);
  replace_string (&self->postal_code_sample, object, "postalCodeSample");
  replace_string (&self->postal_code_label, object, "postalCodeLabel");
  replace_string (&self->state_label, object, "stateLabel");
  replace_address_order (self, object);
  replace_states (self, object);
  replace_string_list (&self->calling_codes, object, "countryCallingCodesList", "countryCallingCodes");
  replace_regex (&self->phone_regex, object, "phoneNumberRegex", code);
  replace_string (&self->registration_number_name, object, "customerOrganizationRegistrationNumberName");
  replace_regex (&self->registration_number_regex, object,
                 "customerOrganizationRegistrationNumberRegex", code);
  replace_string (&self->registration_number_sample, object,
                  "customerOrganizationRegistrationNumberSample");
  replace_string (&self->default_culture, object, "defaultCulture");
  replace_string_list (&self->cultures, object, "supportedCulturesList", "supportedCultures");
  replace_string_list (&self->languages, object, "supportedLanguagesList", "supportedLanguages");

  if (self->name == NULL)
    self->name = g_strdup (code);
  if (self->calling_codes == NULL)
    self->calling_codes = g_new0 (char *, 1);
  if (self->cultures == NULL)
    self->cultures = g_strdupv ((char *[]) { (char *)"en-US", NULL });
  if (self->languages == NULL)
    self->languages = g_strdupv ((char *[]) { (char *)"en", NULL });
  if (self->default_culture == NULL)
    self->default_culture = g_strdup (self->cultures[0] ? self->cultures[0] : "en-US");

  return self;
}

const char *
onramp_country_rules_get_code (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->code;
}

/**
 * onramp_country_rules_get_name:
 *
 * Returns: the country's name in the user's language (iso-codes)
 */
const char *
onramp_country_rules_get_name (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return onramp_iso_codes_country_name (self->name);
}

/**
 * onramp_country_rules_get_english_name:
 *
 * Returns: the country's name as iso-codes spells it in English, for
 *   searches that should find “Taiwan” in any language
 */
const char *
onramp_country_rules_get_english_name (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->name;
}

/**
 * onramp_country_rules_is_sold:
 *
 * Returns: whether Partner Center creates customers in this country at all
 *   (not under comprehensive sanctions, not uninhabited)
 */
gboolean
onramp_country_rules_is_sold (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->sold;
}

gboolean
onramp_country_rules_is_city_required (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->city_required;
}

gboolean
onramp_country_rules_is_state_required (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->state_required;
}

gboolean
onramp_country_rules_is_postal_code_required (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->postal_code_required;
}

/**
 * onramp_country_rules_is_phone_required:
 *
 * Returns: whether the primary contact's phone number is required
 *   (Partner Center error 600051 otherwise)
 */
gboolean
onramp_country_rules_is_phone_required (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->phone_required;
}

gboolean
onramp_country_rules_is_registration_number_required (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->registration_number_required;
}

/**
 * onramp_country_rules_get_address_order:
 * @n_fields: (out): the number of fields
 *
 * The address fields in the order the country writes them: Taiwan, Japan
 * and China start with the postal code, most of Europe puts it before the
 * city, the United States after the state.
 *
 * Returns: (array length=n_fields): the address fields, from
 *   %ONRAMP_FIELD_ADDRESS_LINE1 to %ONRAMP_FIELD_POSTAL_CODE
 */
const OnrampField *
onramp_country_rules_get_address_order (OnrampCountryRules *self,
                                        guint              *n_fields)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = self->n_address_fields;
  return self->address_order;
}

/**
 * onramp_country_rules_get_state_label:
 *
 * Returns: the translated label of the state field: “State”, “Province”,
 *   “Prefecture”, “County/City”…
 */
const char *
onramp_country_rules_get_state_label (OnrampCountryRules *self)
{
  static const struct { const char *key; const char *label; } labels[] = {
    /* Translators: the kind of a country’s subdivision, shown as the title of the address row (a state of the USA, not a status); the same goes for the next labels */
    { "state", N_("State") },
    { "province", N_("Province") },
    { "prefecture", N_("Prefecture") },
    { "county-city", N_("County/City") },
    /* Translators: a country’s subdivision, as in France or Chile */
    { "region", N_("Region") },
    { "emirate", N_("Emirate") },
    /* Translators: a country’s subdivision, as in Ireland or Kenya */
    { "county", N_("County") },
    /* Translators: a country’s subdivision, as in Colombia or Uruguay (not a company department) */
    { "department", N_("Department") },
    { "governorate", N_("Governorate") },
    { "oblast", N_("Oblast") },
    /* Translators: a country’s subdivision, as in Jamaica or Barbados */
    { "parish", N_("Parish") },
    /* Translators: a country’s subdivision, as in Switzerland */
    { "canton", N_("Canton") },
    /* Translators: a country’s subdivision, as in Hong Kong */
    { "area", N_("Area") },
  };

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  for (guint i = 0; self->state_label && i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (self->state_label, labels[i].key) == 0)
        return _(labels[i].label);
    }

  return _("State or province");
}

/**
 * onramp_country_rules_get_postal_code_label:
 *
 * Returns: the translated label of the postal code field: “ZIP code”,
 *   “PIN code”, “Postcode”, “Postal code”…
 */
const char *
onramp_country_rules_get_postal_code_label (OnrampCountryRules *self)
{
  static const struct { const char *key; const char *label; } labels[] = {
    /* Translators: the name of the postal code in the USA; this and the next labels title the postal code row */
    { "zip", N_("ZIP code") },
    /* Translators: the postal code of India (Postal Index Number), not a secret number */
    { "pin", N_("PIN code") },
    { "postcode", N_("Postcode") },
    /* Translators: the postal code of Ireland: a proper name */
    { "eircode", N_("Eircode") },
    /* Translators: the postal code of Brazil (Código de Endereçamento Postal) */
    { "cep", N_("CEP") },
  };

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  for (guint i = 0; self->postal_code_label && i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (self->postal_code_label, labels[i].key) == 0)
        return _(labels[i].label);
    }

  return _("Postal code");
}

/**
 * onramp_country_rules_get_n_states:
 *
 * Returns: the number of states (provinces, prefectures…) in the list the
 *   service accepts, 0 when the state is free text
 */
guint
onramp_country_rules_get_n_states (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), 0);

  return self->states->len;
}

/**
 * onramp_country_rules_get_state_code:
 *
 * Returns: the code to send, e.g. "WA" or "BC"
 */
const char *
onramp_country_rules_get_state_code (OnrampCountryRules *self,
                                     guint               position)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);
  g_return_val_if_fail (position < self->states->len, NULL);

  return ((State *)g_ptr_array_index (self->states, position))->code;
}

/**
 * onramp_country_rules_get_state_name:
 *
 * Returns: the state's name in the user's language when iso-codes has it
 */
const char *
onramp_country_rules_get_state_name (OnrampCountryRules *self,
                                     guint               position)
{
  State *state;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);
  g_return_val_if_fail (position < self->states->len, NULL);

  state = g_ptr_array_index (self->states, position);

  /* Two subdivisions with one msgid would translate alike ("嘉義"), so the
   * English names that tell them apart win. */
  if (strcmp (state->name, state->msgid) != 0)
    return state->name;

  return onramp_iso_codes_subdivision_name (state->msgid);
}

/**
 * onramp_country_rules_get_state_english_name:
 *
 * Returns: the state's name in English, as the untranslated iso-codes (or
 *   the rules, where they tell two alike names apart) spell it
 */
const char *
onramp_country_rules_get_state_english_name (OnrampCountryRules *self,
                                             guint               position)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);
  g_return_val_if_fail (position < self->states->len, NULL);

  return ((State *)g_ptr_array_index (self->states, position))->name;
}

gboolean
onramp_country_rules_has_state (OnrampCountryRules *self,
                                const char         *code)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  if (code == NULL)
    return FALSE;

  for (guint i = 0; i < self->states->len; i++)
    {
      if (strcmp (((State *)g_ptr_array_index (self->states, i))->code, code) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Case and accents folded, full-width forms too: "karnataka" and
 * "ＫＡＲＮＡＴＡＫＡ" find "Karnātaka" */
static char *
fold_name (const char *name)
{
  g_autofree char *decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (g_strstrip (bare->str), -1);
}

/* Folding every name is slow, so it is done once per list */
static void
fold_state_names (GPtrArray *states)
{
  static GMutex lock;

  g_mutex_lock (&lock);
  for (guint i = 0; i < states->len; i++)
    {
      State *state = g_ptr_array_index (states, i);

      if (state->folded[0] != NULL)
        continue;
      state->folded[1] = fold_name (state->name);
      state->folded[2] = fold_name (state->msgid);
      state->folded[3] = fold_name (onramp_iso_codes_subdivision_name (state->msgid));
      state->folded[0] = fold_name (state->code);
    }
  g_mutex_unlock (&lock);
}

/**
 * onramp_country_rules_find_state:
 * @text: what the user typed: a code in any case, or a name in English or
 *   in the user's language
 *
 * Slow path for an entry that is not a code: compares names.
 *
 * Returns: (nullable): the state's code
 */
const char *
onramp_country_rules_find_state (OnrampCountryRules *self,
                                 const char         *text)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  if (text == NULL || self->states->len == 0)
    return NULL;

  folded = fold_name (text);
  fold_state_names (self->states);

  for (guint i = 0; i < self->states->len; i++)
    {
      State *state = g_ptr_array_index (self->states, i);

      for (guint j = 0; j < G_N_ELEMENTS (state->folded); j++)
        {
          if (strcmp (folded, state->folded[j]) == 0)
            return state->code;
        }
    }

  return NULL;
}

gboolean
onramp_country_rules_has_postal_code_pattern (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->postal_code_regex != NULL;
}

/**
 * onramp_country_rules_match_postal_code:
 *
 * Returns: whether @postal_code has the country's format (%TRUE when the
 *   country has no known format)
 */
gboolean
onramp_country_rules_match_postal_code (OnrampCountryRules *self,
                                        const char         *postal_code)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);
  g_return_val_if_fail (postal_code != NULL, FALSE);

  return self->postal_code_regex == NULL ||
         g_regex_match (self->postal_code_regex, postal_code, 0, NULL);
}

const char *
onramp_country_rules_get_postal_code_sample (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->postal_code_sample;
}

/**
 * onramp_country_rules_get_calling_codes:
 *
 * Returns: (array zero-terminated=1): the country calling codes without
 *   "+", e.g. "886"
 */
const char * const *
onramp_country_rules_get_calling_codes (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return (const char * const *)self->calling_codes;
}

/**
 * onramp_country_rules_match_phone_number:
 * @national_digits: the number's digits, without the calling code
 *
 * Returns: whether the number fits the country's numbering plan (%TRUE
 *   when the plan is not known here)
 */
gboolean
onramp_country_rules_match_phone_number (OnrampCountryRules *self,
                                         const char         *national_digits)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);
  g_return_val_if_fail (national_digits != NULL, FALSE);

  return self->phone_regex == NULL ||
         g_regex_match (self->phone_regex, national_digits, 0, NULL);
}

/**
 * onramp_country_rules_get_registration_number_name:
 *
 * Returns: (nullable): the local name of the company registration id, such
 *   as "CNPJ" or "INN (ИНН)"; a proper name, not translated
 */
const char *
onramp_country_rules_get_registration_number_name (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->registration_number_name;
}

/**
 * onramp_country_rules_get_registration_number_sample:
 *
 * Returns: (nullable): a well-formed example, for a placeholder
 */
const char *
onramp_country_rules_get_registration_number_sample (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->registration_number_sample;
}

gboolean
onramp_country_rules_has_registration_number_pattern (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);

  return self->registration_number_regex != NULL;
}

gboolean
onramp_country_rules_match_registration_number (OnrampCountryRules *self,
                                                const char         *number)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  return self->registration_number_regex == NULL ||
         g_regex_match (self->registration_number_regex, number, 0, NULL);
}

const char *
onramp_country_rules_get_default_culture (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return self->default_culture;
}

/**
 * onramp_country_rules_get_cultures:
 *
 * Returns: (array zero-terminated=1): the cultures the service accepts for
 *   the billing profile, e.g. "zh-TW", "en-US"
 */
const char * const *
onramp_country_rules_get_cultures (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return (const char * const *)self->cultures;
}

/**
 * onramp_country_rules_get_languages:
 *
 * Returns: (array zero-terminated=1): the communication languages, e.g. "zh"
 */
const char * const *
onramp_country_rules_get_languages (OnrampCountryRules *self)
{
  g_return_val_if_fail (ONRAMP_IS_COUNTRY_RULES (self), NULL);

  return (const char * const *)self->languages;
}

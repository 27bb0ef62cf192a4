/* onramp-partner-json.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-partner-json"

#include "config.h"

#include <string.h>

#include "onramp-json.h"
#include "onramp-partner-json.h"

/* Partner Center answers in camelCase but documents PascalCase and sends
 * enums in snake_case or PascalCase (partner-center-api.md §0). The client
 * normalises every key to camelCase once, so callers read members with
 * plain json_object_get_*, and compares enums with
 * onramp_partner_enum_equal(). */

/**
 * onramp_partner_json_camel_key:
 *
 * "CompanyProfile" → "companyProfile", "ID" → "id", "ISO2Code" →
 * "iso2Code", "companyProfile" unchanged.
 *
 * Returns: (transfer full): the camelCase spelling of @key
 */
char *
onramp_partner_json_camel_key (const char *key)
{
  char *camel = g_strdup (key);
  gsize run = 0;

  while (camel[run] != '\0' && (g_ascii_isupper (camel[run]) || g_ascii_isdigit (camel[run])))
    run++;

  /* In "ISO2Code" the C starts the next word: keep it upper case */
  if (run > 1 && camel[run] != '\0' && g_ascii_islower (camel[run]) && g_ascii_isupper (camel[run - 1]))
    run--;
  for (gsize i = 0; i < run || (i == 0 && camel[0] != '\0'); i++)
    camel[i] = g_ascii_tolower (camel[i]);

  return camel;
}

/**
 * onramp_partner_json_normalize:
 *
 * Returns: (transfer full): a deep copy of @node with every object key in
 *   camelCase. When two keys differ only in case, the later one wins.
 */
JsonNode *
onramp_partner_json_normalize (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *normalized = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *key = onramp_partner_json_camel_key (l->data);

          json_object_set_member (normalized, key,
                                  onramp_partner_json_normalize (json_object_get_member (object, l->data)));
        }
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, normalized);
      return copy;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *normalized = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (normalized, onramp_partner_json_normalize (json_array_get_element (array, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, normalized);
      return copy;
    }

  return json_node_copy (node);
}

/**
 * onramp_partner_json_parse:
 * @data: an answer's body, straight from the network: it may be anything
 * @length: its length in bytes
 *
 * What the client does with every body it reads, without the network, so
 * tests/fuzz/ can feed it anything: onramp_json_parse_untrusted(), then
 * onramp_partner_json_normalize().
 *
 * Returns: (transfer full): the body with its keys in camelCase, or %NULL
 *   with @error set when it is not a JSON object or array the client reads
 */
JsonNode *
onramp_partner_json_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = onramp_json_parse_untrusted (data, length, error);

  return root != NULL ? onramp_partner_json_normalize (root) : NULL;
}

/**
 * onramp_partner_enum_equal:
 *
 * Compares two enum spellings ignoring case, '_' and '-', so
 * "is_indirect_cloud_solution_provider_of" equals
 * "IsIndirectCloudSolutionProviderOf" and "one_time" equals "OneTime".
 */
gboolean
onramp_partner_enum_equal (const char *wire,
                           const char *name)
{
  if (wire == NULL || name == NULL)
    return wire == name;

  for (;;)
    {
      while (*wire == '_' || *wire == '-' || *wire == ' ')
        wire++;
      while (*name == '_' || *name == '-' || *name == ' ')
        name++;
      if (*wire == '\0' || *name == '\0')
        return *wire == *name;
      if (g_ascii_tolower (*wire) != g_ascii_tolower (*name))
        return FALSE;
      wire++;
      name++;
    }
}

OnrampAddressStatus
onramp_address_status_from_string (const char *text)
{
  static const struct { const char *name; OnrampAddressStatus status; } statuses[] = {
    { "VerifiedShippable", ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE },
    { "Verified", ONRAMP_ADDRESS_STATUS_VERIFIED },
    { "InteractionRequired", ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED },
    { "StreetPartial", ONRAMP_ADDRESS_STATUS_STREET_PARTIAL },
    { "PremisesPartial", ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL },
    { "Multiple", ONRAMP_ADDRESS_STATUS_MULTIPLE },
    { "None", ONRAMP_ADDRESS_STATUS_NONE },
    { "NotValidated", ONRAMP_ADDRESS_STATUS_NOT_VALIDATED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (onramp_partner_enum_equal (text, statuses[i].name))
        return statuses[i].status;
    }

  return ONRAMP_ADDRESS_STATUS_UNKNOWN;
}

OnrampAccountStatus
onramp_account_status_from_string (const char *text)
{
  static const struct { const char *name; OnrampAccountStatus status; } statuses[] = {
    { "Allowed", ONRAMP_ACCOUNT_STATUS_ALLOWED },
    { "UnderReview", ONRAMP_ACCOUNT_STATUS_UNDER_REVIEW },
    { "NotAllowed", ONRAMP_ACCOUNT_STATUS_NOT_ALLOWED },
    { "NotReady", ONRAMP_ACCOUNT_STATUS_NOT_READY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (onramp_partner_enum_equal (text, statuses[i].name))
        return statuses[i].status;
    }

  return ONRAMP_ACCOUNT_STATUS_UNKNOWN;
}

/**
 * onramp_partner_json_get_string:
 * @object: (nullable): an object from a reply
 *
 * Unlike json_object_get_string_member(), never complains about a missing
 * member or one of another type: replies come from outside.
 *
 * Returns: (nullable): the string member @name
 */
const char *
onramp_partner_json_get_string (JsonObject *object,
                                const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

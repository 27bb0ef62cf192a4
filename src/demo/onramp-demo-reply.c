/* onramp-demo-reply.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-reply"

#include "config.h"

#include <string.h>

#include "onramp-demo-private.h"

/* Reply helpers, including the three error-body shapes of
 * partner-center-api.md §11: the classic ApiFault, the 6000xx "errorName"
 * shape and the API gateway's 429 shape. */

void
_onramp_demo_reply_json (SoupServerMessage *msg,
                         guint              status,
                         JsonNode          *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  char *text;
  gsize length;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

void
_onramp_demo_reply_object (SoupServerMessage *msg,
                           guint              status,
                           JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  _onramp_demo_reply_json (msg, status, node);
}

/* Takes @items */
void
_onramp_demo_reply_collection (SoupServerMessage *msg,
                               JsonArray         *items)
{
  g_autoptr(JsonObject) collection = json_object_new ();

  json_object_set_int_member (collection, "totalCount", json_array_get_length (items));
  json_object_set_array_member (collection, "items", items);
  json_object_set_object_member (collection, "links", json_object_new ());
  _onramp_demo_set_object_type (collection, "Collection");
  _onramp_demo_reply_object (msg, SOUP_STATUS_OK, collection);
}

void
_onramp_demo_reply_fault (SoupServerMessage *msg,
                          guint              status,
                          int                code,
                          const char        *description,
                          const char        *data)
{
  g_autoptr(JsonObject) fault = json_object_new ();
  JsonArray *data_array = json_array_new ();
  g_autofree char *code_text = g_strdup_printf ("%d", code);

  /* The classic shape sends the code as a string */
  if (data != NULL)
    json_array_add_string_element (data_array, data);
  json_object_set_string_member (fault, "code", code_text);
  json_object_set_string_member (fault, "description", description);
  json_object_set_array_member (fault, "data", data_array);
  json_object_set_string_member (fault, "source", "PartnerFD");
  _onramp_demo_reply_object (msg, status, fault);
}

void
_onramp_demo_reply_error_name (SoupServerMessage *msg,
                               guint              status,
                               int                code,
                               const char        *error_name,
                               const char        *message)
{
  g_autoptr(JsonObject) fault = json_object_new ();
  g_autofree char *extended = g_strdup_printf ("InternalErrorCode=%d", code);

  json_object_set_int_member (fault, "code", code);
  json_object_set_string_member (fault, "message", message);
  json_object_set_string_member (fault, "description", message);
  json_object_set_string_member (fault, "errorName", error_name);
  json_object_set_boolean_member (fault, "isRetryable", FALSE);
  json_object_set_object_member (fault, "parameters", json_object_new ());
  json_object_set_string_member (fault, "errorMessageExtended", extended);
  _onramp_demo_reply_object (msg, status, fault);
}

void
_onramp_demo_reply_throttled (SoupServerMessage *msg,
                              guint              seconds)
{
  g_autoptr(JsonObject) fault = json_object_new ();
  g_autofree char *message = g_strdup_printf ("Rate limit is exceeded. Try again in %u seconds.", seconds);
  g_autofree char *retry_after = g_strdup_printf ("%u", seconds);

  json_object_set_int_member (fault, "statusCode", 429);
  json_object_set_string_member (fault, "message", message);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", retry_after);
  _onramp_demo_reply_object (msg, 429, fault);
}

void
_onramp_demo_reply_unauthorized (SoupServerMessage *msg)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate",
                                "Bearer realm=\"\", error=\"invalid_token\"");
  _onramp_demo_reply_fault (msg, SOUP_STATUS_UNAUTHORIZED, 401,
                            "Unauthorized: the access token is missing, expired or invalid.", NULL);
}

void
_onramp_demo_reply_forbidden (SoupServerMessage *msg)
{
  _onramp_demo_reply_fault (msg, SOUP_STATUS_FORBIDDEN, 900150,
                            "The supplied role does not have the rights to perform the requested operation",
                            NULL);
}

/* Returns: (transfer full) (nullable): the body when it is a JSON object */
JsonObject *
_onramp_demo_parse_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize length;
  const char *data;

  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || !json_parser_load_from_data (parser, data, length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

/* The service accepts PascalCase and camelCase alike (§0) */
JsonNode *
_onramp_demo_lookup (JsonObject *object,
                     const char *name)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return NULL;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_ascii_strcasecmp (l->data, name) == 0)
        return json_object_get_member (object, l->data);
    }

  return NULL;
}

const char *
_onramp_demo_lookup_string (JsonObject *object,
                            const char *name)
{
  JsonNode *node = _onramp_demo_lookup (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonObject *
_onramp_demo_lookup_object (JsonObject *object,
                            const char *name)
{
  JsonNode *node = _onramp_demo_lookup (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
_onramp_demo_lookup_array (JsonObject *object,
                           const char *name)
{
  JsonNode *node = _onramp_demo_lookup (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

void
_onramp_demo_set_object_type (JsonObject *object,
                              const char *type)
{
  JsonObject *attributes = json_object_new ();

  json_object_set_string_member (attributes, "objectType", type);
  json_object_set_object_member (object, "attributes", attributes);
}

/* Returns: (transfer full): a deep copy of @object, in a node */
JsonNode *
_onramp_demo_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

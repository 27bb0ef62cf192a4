/* onramp-json.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-error.h"
#include "onramp-json.h"

/* JSON from outside (a draft, a file, a server's answer) may be anything,
 * and json-glib 1.6 (Debian 12) does not survive everything: it recurses
 * once per nesting level until the stack overflows, leaks on a malformed
 * \u escape, on a high surrogate without its pair and on a second value
 * after the first, turns a lone low surrogate into bytes that are not
 * UTF-8, and cuts a string short at \u0000. Its scanner also takes comments,
 * which could hide brackets from a depth count. onramp_json_find_flaw()
 * walks the text first and refuses all of that, so the parser only ever
 * sees what it handles well. tests/fuzz/ found each of these.
 */

static gint
hex4 (const char *p,
      const char *end)
{
  gint value = 0;

  if (end - p < 4)
    return -1;

  for (guint i = 0; i < 4; i++)
    {
      gint digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The length of the \u escape at @p ("\\uXXXX" or a surrogate pair), or 0
 * for one json-glib mishandles */
static gsize
escape_length (const char *p,
               const char *end)
{
  gint unit = hex4 (p + 2, end);
  gint low;

  if (unit <= 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return 6;

  if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
    return 0;
  low = hex4 (p + 8, end);
  if (low < 0xDC00 || low > 0xDFFF)
    return 0;

  return 12;
}

static gboolean
is_json_whitespace (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Outside strings, JSON has only punctuation, numbers and three words */
static gboolean
is_json_token_char (char c)
{
  return (c != '\0' && strchr ("{}[],:-+.", c) != NULL) || g_ascii_isalnum (c) || is_json_whitespace (c);
}

/* Walks text that is valid UTF-8, where no byte of a multibyte character
 * can pass for a bracket, a quote or a backslash */
static OnrampJsonFlaw
find_structure_flaw (const char  *data,
                     const char  *end,
                     guint        max_depth,
                     const char **at)
{
  gboolean in_string = FALSE;
  gboolean closed = FALSE;
  guint depth = 0;
  const char *p;

  for (p = data; p < end; p++)
    {
      *at = p;
      if (closed)
        {
          if (!is_json_whitespace (*p))
            return ONRAMP_JSON_FLAW_TRAILING;
        }
      else if (in_string)
        {
          if (*p == '\\' && p + 1 < end && p[1] == 'u')
            {
              gsize skip = escape_length (p, end);

              if (skip == 0)
                return ONRAMP_JSON_FLAW_UNICODE_ESCAPE;
              p += skip - 1;
            }
          else if (*p == '\\' && p + 1 < end && p[1] != '\0' && strchr ("\"\\/bfnrt", p[1]) != NULL)
            p++;
          else if (*p == '\\')
            return ONRAMP_JSON_FLAW_ESCAPE;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (!is_json_token_char (*p))
        return ONRAMP_JSON_FLAW_CHARACTER;
      else if ((*p == '[' || *p == '{') && ++depth > max_depth)
        return ONRAMP_JSON_FLAW_TOO_DEEP;
      else if ((*p == ']' || *p == '}') && depth == 0)
        return ONRAMP_JSON_FLAW_CHARACTER;
      else if (*p == ']' || *p == '}')
        closed = --depth == 0;
    }

  return ONRAMP_JSON_FLAW_NONE;
}

/**
 * onramp_json_find_flaw:
 * @data: the text, not necessarily NUL-terminated
 * @length: its length in bytes
 * @max_depth: how deep arrays and objects may nest
 * @offset: (out) (optional): where the flaw is, in bytes from @data
 *
 * Looks for what json-glib 1.6 does not handle well (see above). Whatever
 * this passes may still be invalid JSON: the parser says so, safely.
 *
 * Returns: the first flaw, or %ONRAMP_JSON_FLAW_NONE
 */
OnrampJsonFlaw
onramp_json_find_flaw (const char *data,
                       gsize       length,
                       guint       max_depth,
                       gsize      *offset)
{
  const char *end = data + length;
  const char *at = data;
  OnrampJsonFlaw flaw = ONRAMP_JSON_FLAW_NONE;

  g_return_val_if_fail (data != NULL || length == 0, ONRAMP_JSON_FLAW_NUL);

  if (length > 0 && (at = memchr (data, '\0', length)) != NULL)
    flaw = ONRAMP_JSON_FLAW_NUL;
  else if (!g_utf8_validate (data, length, &at))
    flaw = ONRAMP_JSON_FLAW_UTF8;
  else
    flaw = find_structure_flaw (data, end, max_depth, &at);

  if (offset != NULL)
    *offset = flaw == ONRAMP_JSON_FLAW_NONE ? 0 : (gsize)(at - data);

  return flaw;
}

/**
 * onramp_json_parse_untrusted:
 * @data: JSON text from outside; it may be anything
 * @length: its length in bytes
 *
 * Parses one JSON object or array after onramp_json_find_flaw() found
 * nothing wrong with it. A server's answer, a cached file: anything that
 * is not a JSON object or array is refused without a crash or a leak.
 *
 * Returns: (transfer full): the root node, or %NULL with @error set to an
 *   %ONRAMP_ERROR_INVALID_DATA
 */
JsonNode *
onramp_json_parse_untrusted (const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *start = data;
  OnrampJsonFlaw flaw;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  while (start < data + length && is_json_whitespace (*start))
    start++;
  if (start == data + length || (*start != '{' && *start != '['))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("Not a JSON object or array"));
      return NULL;
    }

  flaw = onramp_json_find_flaw (data, length, ONRAMP_JSON_MAX_DEPTH, &offset);
  if (flaw != ONRAMP_JSON_FLAW_NONE)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %lu is a byte offset in the text */
                   _("Not valid JSON, or not JSON this program accepts: see offset %lu"), (gulong)offset);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      /* json-glib quotes the byte it stopped at, even half a character */
      g_autofree char *reason = g_utf8_make_valid (parse_error->message, -1);

      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s is the JSON parser's own description of the problem */
                   _("Not valid JSON: %s"), reason);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

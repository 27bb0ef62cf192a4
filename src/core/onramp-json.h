/* onramp-json.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any document Onramp reads or writes, far shallower than what
 * overflows json-glib's recursive parser. */
#define ONRAMP_JSON_MAX_DEPTH 64

/**
 * OnrampJsonFlaw:
 * @ONRAMP_JSON_FLAW_NONE: nothing json-glib 1.6 mishandles
 * @ONRAMP_JSON_FLAW_NUL: a NUL byte
 * @ONRAMP_JSON_FLAW_UTF8: bytes that are not UTF-8
 * @ONRAMP_JSON_FLAW_CHARACTER: a character JSON does not allow outside strings
 * @ONRAMP_JSON_FLAW_ESCAPE: an escape JSON does not know, such as `\q`
 * @ONRAMP_JSON_FLAW_UNICODE_ESCAPE: a malformed `\u` escape, a lone surrogate or `\u0000`
 * @ONRAMP_JSON_FLAW_TOO_DEEP: nested deeper than the limit
 * @ONRAMP_JSON_FLAW_TRAILING: more after the first value
 *
 * What onramp_json_find_flaw() found.
 */
typedef enum
{
  ONRAMP_JSON_FLAW_NONE,
  ONRAMP_JSON_FLAW_NUL,
  ONRAMP_JSON_FLAW_UTF8,
  ONRAMP_JSON_FLAW_CHARACTER,
  ONRAMP_JSON_FLAW_ESCAPE,
  ONRAMP_JSON_FLAW_UNICODE_ESCAPE,
  ONRAMP_JSON_FLAW_TOO_DEEP,
  ONRAMP_JSON_FLAW_TRAILING,
} OnrampJsonFlaw;

OnrampJsonFlaw  onramp_json_find_flaw        (const char  *data,
                                              gsize        length,
                                              guint        max_depth,
                                              gsize       *offset);
JsonNode       *onramp_json_parse_untrusted  (const char  *data,
                                              gsize        length,
                                              GError     **error);

G_END_DECLS

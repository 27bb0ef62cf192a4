/* onramp-demo-faults.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-faults"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "onramp-demo-private.h"

/* Fault injection, so tests and manual runs can see how the app copes with
 * a slow, failing or throttling Partner Center.
 *
 * A spec is a list of rules separated by ';':
 *
 *   rule  := [METHOD ' '] PATH '=' KIND [':' VALUE] ['*' COUNT]
 *
 *   PATH    a glob (g_pattern_match_simple: '*' and '?', which match '/'
 *           too) matched against the request path, such as /v1/customers or
 *           /v1/products*; latency also applies to the sign-in endpoints
 *           (/organizations/oauth2/v2.0/…, /devicelogin), so a slash then
 *           a star slows every request; the other kinds apply to /v1 only
 *   KIND    latency:MS   answer MS milliseconds late, then normally
 *           status:CODE  answer CODE (500, 502, 503, 504…) with an ApiFault
 *           throttle:S   answer 429 with Retry-After: S
 *           drop         do the work (a customer IS created), then close the
 *                        connection without answering
 *           unauthorized answer 401 as for an expired token
 *           forbidden    answer 403 with code 900150 (role lacks rights)
 *   COUNT   how many matching requests the rule affects; forever if absent
 *
 * Example: ONRAMP_DEMO_FAULTS='POST /v1/customers=drop*1;/v1/products*=latency:800'
 * drops the answer to the first customer creation and slows the catalog.
 */

typedef struct
{
  char                *method;    /* NULL: any */
  char                *pattern;
  OnrampDemoFaultKind  kind;
  guint                value;
  int                  remaining; /* -1: forever */
} OnrampDemoFaultRule;

struct _OnrampDemoFaults
{
  GPtrArray *rules;
};

static void
onramp_demo_fault_rule_free (gpointer data)
{
  OnrampDemoFaultRule *rule = data;

  g_free (rule->method);
  g_free (rule->pattern);
  g_free (rule);
}

OnrampDemoFaults *
_onramp_demo_faults_new (void)
{
  OnrampDemoFaults *faults = g_new0 (OnrampDemoFaults, 1);

  faults->rules = g_ptr_array_new_with_free_func (onramp_demo_fault_rule_free);

  return faults;
}

void
_onramp_demo_faults_free (OnrampDemoFaults *faults)
{
  if (faults == NULL)
    return;

  g_ptr_array_unref (faults->rules);
  g_free (faults);
}

static gboolean
onramp_demo_faults_parse_number (const char *text,
                                 guint      *number)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *number = (guint) value;
  return TRUE;
}

static gboolean
onramp_demo_faults_parse_kind (OnrampDemoFaultRule *rule,
                               const char          *text)
{
  static const struct { const char *name; OnrampDemoFaultKind kind; gboolean takes_value; } kinds[] = {
    { "latency", ONRAMP_DEMO_FAULT_LATENCY, TRUE },
    { "status", ONRAMP_DEMO_FAULT_STATUS, TRUE },
    { "throttle", ONRAMP_DEMO_FAULT_THROTTLE, TRUE },
    { "drop", ONRAMP_DEMO_FAULT_DROP, FALSE },
    { "unauthorized", ONRAMP_DEMO_FAULT_UNAUTHORIZED, FALSE },
    { "forbidden", ONRAMP_DEMO_FAULT_FORBIDDEN, FALSE },
  };
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (parts[0], kinds[i].name) != 0)
        continue;
      if (kinds[i].takes_value != (parts[1] != NULL))
        return FALSE;
      if (parts[1] != NULL && !onramp_demo_faults_parse_number (parts[1], &rule->value))
        return FALSE;
      rule->kind = kinds[i].kind;
      return rule->kind != ONRAMP_DEMO_FAULT_STATUS || (rule->value >= 400 && rule->value <= 599);
    }

  return FALSE;
}

static OnrampDemoFaultRule *
onramp_demo_faults_parse_rule (const char *text)
{
  g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func (onramp_demo_fault_rule_free);
  OnrampDemoFaultRule *rule = g_new0 (OnrampDemoFaultRule, 1);
  g_auto(GStrv) sides = g_strsplit (text, "=", 2);
  g_auto(GStrv) counted = NULL;
  const char *space;
  const char *path;

  g_ptr_array_add (holder, rule);
  rule->remaining = -1;
  if (sides[0] == NULL || sides[1] == NULL)
    return NULL;

  path = g_strstrip (sides[0]);
  space = strchr (path, ' ');
  if (space != NULL)
    {
      rule->method = g_ascii_strup (path, space - path);
      path = space + 1;
    }
  if (path[0] != '/')
    return NULL;
  rule->pattern = g_strdup (path);

  counted = g_strsplit (g_strstrip (sides[1]), "*", 2);
  if (counted[1] != NULL)
    {
      guint count;

      if (!onramp_demo_faults_parse_number (counted[1], &count) || count == 0)
        return NULL;
      rule->remaining = count;
    }
  if (!onramp_demo_faults_parse_kind (rule, counted[0]))
    return NULL;

  return g_ptr_array_steal_index (holder, 0);
}

/**
 * _onramp_demo_faults_parse:
 *
 * Replaces the rules with those of @spec (the syntax above). An empty or
 * %NULL spec clears them. On a syntax error nothing changes.
 */
gboolean
_onramp_demo_faults_parse (OnrampDemoFaults  *faults,
                           const char        *spec,
                           GError           **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (onramp_demo_fault_rule_free);
  g_auto(GStrv) texts = g_strsplit (spec != NULL ? spec : "", ";", -1);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      OnrampDemoFaultRule *rule;

      if (g_strstrip (texts[i])[0] == '\0')
        continue;
      rule = onramp_demo_faults_parse_rule (texts[i]);
      if (rule == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Invalid fault rule “%s”", texts[i]);
          return FALSE;
        }
      g_ptr_array_add (rules, rule);
    }

  g_ptr_array_set_size (faults->rules, 0);
  g_ptr_array_extend_and_steal (faults->rules, g_steal_pointer (&rules));

  return TRUE;
}

static gboolean
onramp_demo_fault_rule_matches (OnrampDemoFaultRule *rule,
                                const char          *method,
                                const char          *path)
{
  if (rule->remaining == 0)
    return FALSE;
  if (rule->method != NULL && g_ascii_strcasecmp (rule->method, method) != 0)
    return FALSE;

  return g_pattern_match_simple (rule->pattern, path);
}

static void
onramp_demo_fault_rule_consume (OnrampDemoFaultRule *rule)
{
  if (rule->remaining > 0)
    rule->remaining--;
}

/* Returns: the total latency in milliseconds the rules add to this request */
guint
_onramp_demo_faults_take_latency (OnrampDemoFaults *faults,
                                  const char       *method,
                                  const char       *path)
{
  guint latency = 0;

  for (guint i = 0; i < faults->rules->len; i++)
    {
      OnrampDemoFaultRule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind != ONRAMP_DEMO_FAULT_LATENCY || !onramp_demo_fault_rule_matches (rule, method, path))
        continue;
      onramp_demo_fault_rule_consume (rule);
      latency += rule->value;
    }

  return latency;
}

/* Returns: the first other fault that applies to this request, if any */
OnrampDemoFault
_onramp_demo_faults_take (OnrampDemoFaults *faults,
                          const char       *method,
                          const char       *path)
{
  OnrampDemoFault fault = { ONRAMP_DEMO_FAULT_NONE, 0 };

  for (guint i = 0; i < faults->rules->len; i++)
    {
      OnrampDemoFaultRule *rule = g_ptr_array_index (faults->rules, i);

      if (rule->kind == ONRAMP_DEMO_FAULT_LATENCY || !onramp_demo_fault_rule_matches (rule, method, path))
        continue;
      onramp_demo_fault_rule_consume (rule);
      fault.kind = rule->kind;
      fault.value = rule->value;
      break;
    }

  return fault;
}

/* onramp-issue.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-issue"

#include "config.h"

#include "onramp-issue.h"

/* An issue is immutable once made, so it is shared by reference between the
 * validator's result, the page and the CLI instead of being copied.
 */
struct _OnrampIssue
{
  OnrampField     field;
  char           *pointer;
  OnrampSeverity  severity;
  const char     *code;
  char           *message;
  char           *suggestion;
};

G_DEFINE_BOXED_TYPE (OnrampIssue, onramp_issue, onramp_issue_ref, onramp_issue_unref)

/**
 * onramp_issue_new:
 * @code: a stable code from DESIGN.md's table; must be a static string
 * @message: the translated message
 * @suggestion: (nullable): a replacement value the user may apply
 */
OnrampIssue *
onramp_issue_new (OnrampField     field,
                  OnrampSeverity  severity,
                  const char     *code,
                  const char     *message,
                  const char     *suggestion)
{
  OnrampIssue *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_atomic_rc_box_new0 (OnrampIssue);
  self->field = field;
  self->severity = severity;
  self->code = code;
  self->message = g_strdup (message);
  self->suggestion = g_strdup (suggestion);

  return self;
}

/**
 * onramp_issue_new_for_pointer:
 * @pointer: a JSON Pointer into the wire form that no #OnrampField names,
 *   e.g. `/cart/lineItems/2/quantity`
 *
 * Like onramp_issue_new(), for a place in the record that is not one of its
 * text fields. The issue's field is %ONRAMP_FIELD_NONE.
 */
OnrampIssue *
onramp_issue_new_for_pointer (const char     *pointer,
                              OnrampSeverity  severity,
                              const char     *code,
                              const char     *message,
                              const char     *suggestion)
{
  OnrampIssue *self;

  g_return_val_if_fail (pointer != NULL, NULL);

  self = onramp_issue_new (ONRAMP_FIELD_NONE, severity, code, message, suggestion);
  if (self != NULL)
    self->pointer = g_strdup (pointer);

  return self;
}

static void
onramp_issue_clear (OnrampIssue *self)
{
  g_free (self->pointer);
  g_free (self->message);
  g_free (self->suggestion);
}

OnrampIssue *
onramp_issue_ref (OnrampIssue *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
onramp_issue_unref (OnrampIssue *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify)onramp_issue_clear);
}

OnrampField
onramp_issue_get_field (const OnrampIssue *self)
{
  return self->field;
}

/**
 * onramp_issue_get_pointer:
 *
 * Returns: the JSON Pointer of the field in the wire form, or "" for an
 *   issue about the record as a whole.
 */
const char *
onramp_issue_get_pointer (const OnrampIssue *self)
{
  if (self->pointer != NULL)
    return self->pointer;

  if (self->field >= ONRAMP_N_FIELDS)
    return "";

  return onramp_field_get_pointer (self->field);
}

OnrampSeverity
onramp_issue_get_severity (const OnrampIssue *self)
{
  return self->severity;
}

const char *
onramp_issue_get_code (const OnrampIssue *self)
{
  return self->code;
}

const char *
onramp_issue_get_message (const OnrampIssue *self)
{
  return self->message;
}

const char *
onramp_issue_get_suggestion (const OnrampIssue *self)
{
  return self->suggestion;
}

const char *
onramp_severity_to_string (OnrampSeverity severity)
{
  return severity == ONRAMP_SEVERITY_ERROR ? "error" : "warning";
}

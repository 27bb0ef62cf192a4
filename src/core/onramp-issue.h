/* onramp-issue.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

/**
 * OnrampSeverity:
 * @ONRAMP_SEVERITY_WARNING: worth a look, needs no action
 * @ONRAMP_SEVERITY_ERROR: blocks Next and Submit
 */
typedef enum
{
  ONRAMP_SEVERITY_WARNING,
  ONRAMP_SEVERITY_ERROR,
} OnrampSeverity;

typedef struct _OnrampIssue OnrampIssue;

#define ONRAMP_TYPE_ISSUE (onramp_issue_get_type ())

GType           onramp_issue_get_type       (void) G_GNUC_CONST;
OnrampIssue    *onramp_issue_new            (OnrampField     field,
                                             OnrampSeverity  severity,
                                             const char     *code,
                                             const char     *message,
                                             const char     *suggestion);
OnrampIssue    *onramp_issue_new_for_pointer (const char     *pointer,
                                              OnrampSeverity  severity,
                                              const char     *code,
                                              const char     *message,
                                              const char     *suggestion);
OnrampIssue    *onramp_issue_ref            (OnrampIssue    *self);
void            onramp_issue_unref          (OnrampIssue    *self);
OnrampField     onramp_issue_get_field      (const OnrampIssue *self);
const char     *onramp_issue_get_pointer    (const OnrampIssue *self);
OnrampSeverity  onramp_issue_get_severity   (const OnrampIssue *self);
const char     *onramp_issue_get_code       (const OnrampIssue *self);
const char     *onramp_issue_get_message    (const OnrampIssue *self);
const char     *onramp_issue_get_suggestion (const OnrampIssue *self);
const char     *onramp_severity_to_string   (OnrampSeverity  severity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampIssue, onramp_issue_unref)

G_END_DECLS

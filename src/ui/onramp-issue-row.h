/* onramp-issue-row.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onramp-issue.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_ISSUE_ROW (onramp_issue_row_get_type ())

G_DECLARE_FINAL_TYPE (OnrampIssueRow, onramp_issue_row, ONRAMP, ISSUE_ROW, GtkListBoxRow)

GtkWidget   *onramp_issue_row_get_target     (OnrampIssueRow *self);
void         onramp_issue_row_set_target     (OnrampIssueRow *self,
                                              GtkWidget      *target);
OnrampField  onramp_issue_row_get_field      (OnrampIssueRow *self);
void         onramp_issue_row_set_field      (OnrampIssueRow *self,
                                              OnrampField     field);
OnrampIssue *onramp_issue_row_get_issue      (OnrampIssueRow *self);
void         onramp_issue_row_set_issue      (OnrampIssueRow *self,
                                              OnrampIssue    *issue);
void         onramp_issue_row_reveal         (OnrampIssueRow *self);
void         onramp_issue_row_forget         (OnrampIssueRow *self);
gboolean     onramp_issue_row_get_showing    (OnrampIssueRow *self);

G_END_DECLS

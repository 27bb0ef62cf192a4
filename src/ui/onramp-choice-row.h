/* onramp-choice-row.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_CHOICE_ROW (onramp_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (OnrampChoiceRow, onramp_choice_row, ONRAMP, CHOICE_ROW, AdwActionRow)

typedef void (*OnrampChoiceRowFillFunc) (OnrampChoiceRow *row,
                                         gpointer         user_data);
typedef const char *(*OnrampChoiceRowNameFunc) (OnrampChoiceRow *row,
                                                const char      *code,
                                                gpointer         user_data);

void        onramp_choice_row_set_choices   (OnrampChoiceRow    *self,
                                             guint               n_choices,
                                             const char * const *codes,
                                             const char * const *names,
                                             const char * const *keywords);
void        onramp_choice_row_set_fill_func (OnrampChoiceRow         *self,
                                             OnrampChoiceRowFillFunc  fill,
                                             OnrampChoiceRowNameFunc  name,
                                             gpointer                 user_data);
guint       onramp_choice_row_get_n_choices (OnrampChoiceRow    *self);
const char *onramp_choice_row_get_value     (OnrampChoiceRow    *self);
void        onramp_choice_row_set_value     (OnrampChoiceRow    *self,
                                             const char         *value);
const char *onramp_choice_row_get_value_name (OnrampChoiceRow   *self);
void        onramp_choice_row_set_unset_text (OnrampChoiceRow   *self,
                                              const char        *unset_text);

G_END_DECLS

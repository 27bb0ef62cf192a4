/* onramp-assistant.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_ASSISTANT (onramp_assistant_get_type ())

G_DECLARE_FINAL_TYPE (OnrampAssistant, onramp_assistant, ONRAMP, ASSISTANT, GtkWidget)

typedef void (*OnrampAssistantAddPagesFunc) (OnrampAssistant *assistant,
                                             gpointer         user_data);

void        onramp_assistant_add_page         (OnrampAssistant *self,
                                               OnrampPage      *page);
void        onramp_assistant_add_named_page   (OnrampAssistant *self,
                                               const char      *name,
                                               OnrampPage      *page);
void        onramp_assistant_add_pages_later  (OnrampAssistant             *self,
                                               const char * const          *titles,
                                               OnrampAssistantAddPagesFunc  add_pages,
                                               gpointer                     user_data);
void        onramp_assistant_set_later_titles (OnrampAssistant    *self,
                                               const char * const *titles);
OnrampPage *onramp_assistant_get_current_page (OnrampAssistant *self);
OnrampPage *onramp_assistant_get_page         (OnrampAssistant *self,
                                               const char      *name);
OnrampPage *onramp_assistant_get_return_page  (OnrampAssistant *self);
void        onramp_assistant_restart          (OnrampAssistant *self);
void        onramp_assistant_restart_at       (OnrampAssistant *self,
                                               const char      *name);
const char *onramp_assistant_get_current_page_name (OnrampAssistant *self);

G_END_DECLS

/* onramp-drafts-sidebar.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-draft-store.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_DRAFTS_SIDEBAR (onramp_drafts_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDraftsSidebar, onramp_drafts_sidebar, ONRAMP, DRAFTS_SIDEBAR, AdwBin)

GtkWidget        *onramp_drafts_sidebar_new            (void);
OnrampDraftStore *onramp_drafts_sidebar_get_store      (OnrampDraftsSidebar *self);
void              onramp_drafts_sidebar_set_store      (OnrampDraftsSidebar *self,
                                                        OnrampDraftStore    *store);
void              onramp_drafts_sidebar_select         (OnrampDraftsSidebar *self,
                                                        OnrampDraft         *draft);
guint             onramp_drafts_sidebar_get_n_shown    (OnrampDraftsSidebar *self);
AdwHeaderBar     *onramp_drafts_sidebar_get_header_bar (OnrampDraftsSidebar *self);

G_END_DECLS

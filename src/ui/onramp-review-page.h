/* onramp-review-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-outbox.h"
#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_REVIEW_PAGE (onramp_review_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampReviewPage, onramp_review_page, ONRAMP, REVIEW_PAGE, OnrampPage)

GtkWidget *onramp_review_page_new               (void);
gboolean   onramp_review_page_get_show_reseller (OnrampReviewPage *self);
void       onramp_review_page_set_show_reseller (OnrampReviewPage *self,
                                                 gboolean          show_reseller);
gboolean   onramp_review_page_get_can_submit    (OnrampReviewPage *self);

void       onramp_review_page_set_draft (OnrampReviewPage *self,
                                         OnrampOutbox     *outbox,
                                         OnrampDraft      *draft);

G_END_DECLS

/* onramp-subscriptions-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-list-source.h"
#include "onramp-page.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_SUBSCRIPTIONS_PAGE (onramp_subscriptions_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampSubscriptionsPage, onramp_subscriptions_page, ONRAMP, SUBSCRIPTIONS_PAGE, OnrampPage)

GtkWidget        *onramp_subscriptions_page_new              (void);
void              onramp_subscriptions_page_reload           (OnrampSubscriptionsPage *self);
OnrampListSource  onramp_subscriptions_page_get_source       (OnrampSubscriptionsPage *self);
OnrampListSource  onramp_subscriptions_page_get_plans_source (OnrampSubscriptionsPage *self);

G_END_DECLS

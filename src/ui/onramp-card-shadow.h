/* onramp-card-shadow.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_CARD_SHADOW (onramp_card_shadow_get_type ())

G_DECLARE_FINAL_TYPE (OnrampCardShadow, onramp_card_shadow, ONRAMP, CARD_SHADOW, AdwBin)

GtkWidget *onramp_card_shadow_new (void);

G_END_DECLS

/* onramp-account-button.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-auth.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_ACCOUNT_BUTTON (onramp_account_button_get_type ())

G_DECLARE_FINAL_TYPE (OnrampAccountButton, onramp_account_button, ONRAMP, ACCOUNT_BUTTON, AdwBin)

GtkWidget  *onramp_account_button_new      (void);
OnrampAuth *onramp_account_button_get_auth (OnrampAccountButton *self);
void        onramp_account_button_set_auth (OnrampAccountButton *self,
                                            OnrampAuth          *auth);

G_END_DECLS

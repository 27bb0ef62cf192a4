/* onramp-sign-in-dialog.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-auth.h"

G_BEGIN_DECLS

/**
 * OnrampSignInState:
 * @ONRAMP_SIGN_IN_STATE_IDLE: not started
 * @ONRAMP_SIGN_IN_STATE_BUSY: asking the service for a code
 * @ONRAMP_SIGN_IN_STATE_READY: the code is shown; waiting for the user
 * @ONRAMP_SIGN_IN_STATE_ERROR: the attempt failed; Try Again is offered
 * @ONRAMP_SIGN_IN_STATE_DONE: signed in; final, the dialog closes
 *
 * The GOA-style credential state machine (style guide rule 24).
 */
typedef enum
{
  ONRAMP_SIGN_IN_STATE_IDLE,
  ONRAMP_SIGN_IN_STATE_BUSY,
  ONRAMP_SIGN_IN_STATE_READY,
  ONRAMP_SIGN_IN_STATE_ERROR,
  ONRAMP_SIGN_IN_STATE_DONE,
} OnrampSignInState;

#define ONRAMP_TYPE_SIGN_IN_STATE (onramp_sign_in_state_get_type ())
GType onramp_sign_in_state_get_type (void) G_GNUC_CONST;

#define ONRAMP_TYPE_SIGN_IN_DIALOG (onramp_sign_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (OnrampSignInDialog, onramp_sign_in_dialog, ONRAMP, SIGN_IN_DIALOG, AdwWindow)

OnrampSignInDialog *onramp_sign_in_dialog_new            (GtkWindow            *parent,
                                                          OnrampAuth           *auth);
OnrampSignInState   onramp_sign_in_dialog_get_state      (OnrampSignInDialog   *self);
void                onramp_sign_in_dialog_sign_in_async  (OnrampSignInDialog   *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            onramp_sign_in_dialog_sign_in_finish (OnrampSignInDialog   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS

/* onramp-error.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ONRAMP_ERROR (onramp_error_quark ())

/**
 * OnrampErrorCode:
 * @ONRAMP_ERROR_FAILED: anything not listed below
 * @ONRAMP_ERROR_INVALID_DATA: a file, a reply or an input that cannot be read
 * @ONRAMP_ERROR_KEYRING_UNAVAILABLE: no secret service is running
 * @ONRAMP_ERROR_KEYRING_LOCKED: the keyring is locked
 * @ONRAMP_ERROR_DISMISSED: the user closed a prompt or dialog
 * @ONRAMP_ERROR_NOT_SIGNED_IN: the action needs a signed-in account
 *
 * The app's own errors. Messages are translated and meant for the user;
 * the raw error they wrap is logged with g_debug() (the GOA pattern).
 */
typedef enum
{
  ONRAMP_ERROR_FAILED,
  ONRAMP_ERROR_INVALID_DATA,
  ONRAMP_ERROR_KEYRING_UNAVAILABLE,
  ONRAMP_ERROR_KEYRING_LOCKED,
  ONRAMP_ERROR_DISMISSED,
  ONRAMP_ERROR_NOT_SIGNED_IN,
} OnrampErrorCode;

GQuark onramp_error_quark (void);

G_END_DECLS

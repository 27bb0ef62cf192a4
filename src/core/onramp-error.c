/* onramp-error.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-error"

#include "config.h"

#include "onramp-error.h"

G_DEFINE_QUARK (onramp-error-quark, onramp_error)

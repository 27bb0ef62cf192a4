/* onramp-list-source.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OnrampListSource:
 * @ONRAMP_LIST_SOURCE_NONE: nothing loaded (yet, or neither the service
 *   nor the cache had an answer)
 * @ONRAMP_LIST_SOURCE_SERVICE: the service's current answer
 * @ONRAMP_LIST_SOURCE_CACHE: the last answer saved for offline use
 *
 * Where the list a page shows came from (the reseller and subscriptions
 * pages work offline from the cache).
 */
typedef enum
{
  ONRAMP_LIST_SOURCE_NONE,
  ONRAMP_LIST_SOURCE_SERVICE,
  ONRAMP_LIST_SOURCE_CACHE,
} OnrampListSource;

G_END_DECLS

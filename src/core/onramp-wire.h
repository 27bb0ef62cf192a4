/* onramp-wire.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

/* Deeper input is refused before json-glib sees it: its parser recurses once
 * per level and a few thousand levels overflow the stack.
 */
#define ONRAMP_WIRE_MAX_DEPTH 64

JsonNode       *onramp_wire_customer_to_node   (OnrampCustomer  *customer);
char           *onramp_wire_customer_to_data   (OnrampCustomer  *customer,
                                                gsize           *length);
OnrampCustomer *onramp_wire_customer_from_node (JsonNode        *node,
                                                GError         **error);
OnrampCustomer *onramp_wire_customer_from_data (const char      *data,
                                                gssize           length,
                                                GError         **error);
JsonNode       *onramp_wire_parse_data         (const char      *data,
                                                gssize           length,
                                                GError         **error);

G_END_DECLS

/* onramp-account-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "onramp-page.h"

G_BEGIN_DECLS

/**
 * OnrampDomainStatus:
 * @ONRAMP_DOMAIN_STATUS_UNKNOWN: not checked (offline, or not yet)
 * @ONRAMP_DOMAIN_STATUS_CHECKING: the service is being asked
 * @ONRAMP_DOMAIN_STATUS_AVAILABLE: the service says the prefix is free
 * @ONRAMP_DOMAIN_STATUS_TAKEN: the service says the prefix is taken
 *
 * What the remote availability check said about the domain prefix.
 */
typedef enum
{
  ONRAMP_DOMAIN_STATUS_UNKNOWN,
  ONRAMP_DOMAIN_STATUS_CHECKING,
  ONRAMP_DOMAIN_STATUS_AVAILABLE,
  ONRAMP_DOMAIN_STATUS_TAKEN,
} OnrampDomainStatus;

#define ONRAMP_TYPE_ACCOUNT_PAGE (onramp_account_page_get_type ())

G_DECLARE_FINAL_TYPE (OnrampAccountPage, onramp_account_page, ONRAMP, ACCOUNT_PAGE, OnrampPage)

GtkWidget          *onramp_account_page_new               (void);
OnrampDomainStatus  onramp_account_page_get_domain_status (OnrampAccountPage  *self);
void                onramp_account_page_set_domain_status (OnrampAccountPage  *self,
                                                           const char         *prefix,
                                                           OnrampDomainStatus  status);

G_END_DECLS

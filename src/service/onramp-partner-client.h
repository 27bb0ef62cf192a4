/* onramp-partner-client.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "onramp-partner-json.h"
#include "onramp-service-error.h"

G_BEGIN_DECLS

/**
 * OnrampPartnerCloud:
 * @ONRAMP_PARTNER_CLOUD_COMMERCIAL: the global Partner Center
 * @ONRAMP_PARTNER_CLOUD_US_GOVERNMENT: Microsoft Cloud for US Government:
 *   same API host, but no MCA confirmation and no relationship requests
 *   (partner-center-api.md §10)
 */
typedef enum
{
  ONRAMP_PARTNER_CLOUD_COMMERCIAL,
  ONRAMP_PARTNER_CLOUD_US_GOVERNMENT,
} OnrampPartnerCloud;

#define ONRAMP_TYPE_PARTNER_CLIENT (onramp_partner_client_get_type ())

G_DECLARE_FINAL_TYPE (OnrampPartnerClient, onramp_partner_client, ONRAMP, PARTNER_CLIENT, GObject)

OnrampPartnerClient *onramp_partner_client_new              (OnrampPartnerCloud    cloud);
OnrampPartnerCloud   onramp_partner_client_get_cloud        (OnrampPartnerClient  *self);
const char          *onramp_partner_client_get_base_url     (OnrampPartnerClient  *self);
gboolean             onramp_partner_client_set_base_url     (OnrampPartnerClient  *self,
                                                             const char           *base_url,
                                                             GError              **error);
void                 onramp_partner_client_set_access_token (OnrampPartnerClient  *self,
                                                             const char           *access_token);
const char          *onramp_partner_client_get_locale       (OnrampPartnerClient  *self);
void                 onramp_partner_client_set_locale       (OnrampPartnerClient  *self,
                                                             const char           *locale);
void                 onramp_partner_client_set_retry_policy (OnrampPartnerClient  *self,
                                                             guint                 max_attempts,
                                                             guint                 backoff_ms,
                                                             guint                 retry_after_cap_ms);
void                 onramp_partner_client_set_timeout      (OnrampPartnerClient  *self,
                                                             guint                 seconds);
gboolean             onramp_partner_url_is_allowed          (const char           *url);
char                *onramp_partner_locale_from_language_names (void);

/* §3 */
void        onramp_partner_client_get_country_rules_async   (OnrampPartnerClient  *self,
                                                             const char           *iso2,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_get_country_rules_finish  (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* §4 */
void        onramp_partner_client_validate_address_async    (OnrampPartnerClient  *self,
                                                             JsonObject           *address,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_validate_address_finish   (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             OnrampAddressStatus  *status,
                                                             GError              **error);
/* §2 */
void        onramp_partner_client_check_domain_async        (OnrampPartnerClient  *self,
                                                             const char           *domain,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean    onramp_partner_client_check_domain_finish       (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             gboolean             *available,
                                                             GError              **error);
/* §1, §7 */
void        onramp_partner_client_create_customer_async     (OnrampPartnerClient  *self,
                                                             JsonObject           *customer,
                                                             const char           *associated_partner_id,
                                                             const char           *request_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_create_customer_finish    (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void        onramp_partner_client_get_customer_async        (OnrampPartnerClient  *self,
                                                             const char           *customer_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_get_customer_finish       (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* §5 */
void        onramp_partner_client_get_agreement_metadata_async  (OnrampPartnerClient *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
JsonObject *onramp_partner_client_get_agreement_metadata_finish (OnrampPartnerClient *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void        onramp_partner_client_confirm_agreement_async   (OnrampPartnerClient  *self,
                                                             const char           *customer_id,
                                                             JsonObject           *agreement,
                                                             const char           *request_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean    onramp_partner_client_confirm_agreement_finish  (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             gboolean             *already_confirmed,
                                                             GError              **error);
/* §6b */
void        onramp_partner_client_list_products_async       (OnrampPartnerClient  *self,
                                                             const char           *country,
                                                             const char           *target_view,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonArray  *onramp_partner_client_list_products_finish      (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void        onramp_partner_client_list_skus_async           (OnrampPartnerClient  *self,
                                                             const char           *product_id,
                                                             const char           *country,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonArray  *onramp_partner_client_list_skus_finish          (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void        onramp_partner_client_list_availabilities_async (OnrampPartnerClient  *self,
                                                             const char           *product_id,
                                                             const char           *sku_id,
                                                             const char           *country,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonArray  *onramp_partner_client_list_availabilities_finish (OnrampPartnerClient *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* §6c */
void        onramp_partner_client_create_cart_async         (OnrampPartnerClient  *self,
                                                             const char           *customer_id,
                                                             JsonObject           *cart,
                                                             const char           *request_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_create_cart_finish        (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void        onramp_partner_client_checkout_cart_async       (OnrampPartnerClient  *self,
                                                             const char           *customer_id,
                                                             const char           *cart_id,
                                                             const char           *request_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
JsonObject *onramp_partner_client_checkout_cart_finish      (OnrampPartnerClient  *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* §7, §8 */
void        onramp_partner_client_list_indirect_resellers_async  (OnrampPartnerClient *self,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
JsonArray  *onramp_partner_client_list_indirect_resellers_finish (OnrampPartnerClient *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);
void        onramp_partner_client_get_relationship_request_url_async  (OnrampPartnerClient *self,
                                                                       GCancellable        *cancellable,
                                                                       GAsyncReadyCallback  callback,
                                                                       gpointer             user_data);
char       *onramp_partner_client_get_relationship_request_url_finish (OnrampPartnerClient *self,
                                                                       GAsyncResult        *result,
                                                                       GError             **error);
/* §13 */
void        onramp_partner_client_get_account_status_async  (OnrampPartnerClient  *self,
                                                             const char           *customer_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
OnrampAccountStatus onramp_partner_client_get_account_status_finish (OnrampPartnerClient *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS

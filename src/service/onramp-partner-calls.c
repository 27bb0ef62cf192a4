/* onramp-partner-calls.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-partner-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-partner-client-private.h"
#include "onramp-service-error-private.h"

/* One _async/_finish pair per Partner Center call the wizard makes. Every
 * result has its keys in camelCase (onramp-partner-json.c); members the
 * caller does not know are simply there, missing optional ones absent. */

/* Returns: (transfer full): @text escaped for one path segment or query value */
static char *
onramp_partner_escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

static JsonNode *
onramp_partner_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}

static JsonObject *
onramp_partner_reply_object (OnrampPartnerReply  *reply,
                             GError             **error)
{
  if (reply->json == NULL || !JSON_NODE_HOLDS_OBJECT (reply->json))
    {
      g_propagate_error (error, _onramp_partner_reply_invalid (reply));
      return NULL;
    }

  return json_object_ref (json_node_get_object (reply->json));
}

/* A collection's items; a bare array is accepted too */
static JsonArray *
onramp_partner_reply_items (OnrampPartnerReply  *reply,
                            GError             **error)
{
  JsonNode *items = NULL;

  if (reply->json != NULL && JSON_NODE_HOLDS_ARRAY (reply->json))
    items = reply->json;
  else if (reply->json != NULL && JSON_NODE_HOLDS_OBJECT (reply->json))
    items = json_object_get_member (json_node_get_object (reply->json), "items");

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_propagate_error (error, _onramp_partner_reply_invalid (reply));
      return NULL;
    }

  return json_array_ref (json_node_get_array (items));
}

static gboolean
onramp_partner_client_refuse_in_government (OnrampPartnerClient *self,
                                            gpointer             source_tag,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  if (onramp_partner_client_get_cloud (self) != ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
    return FALSE;

  _onramp_partner_client_fail_async (self,
                                     _onramp_service_error_new (ONRAMP_SERVICE_ERROR_UNSUPPORTED,
                                                                _("Partner Center for US Government does not offer this."),
                                                                0, NULL, NULL, NULL, NULL),
                                     source_tag, callback, user_data);
  return TRUE;
}

void
onramp_partner_client_get_country_rules_async (OnrampPartnerClient *self,
                                               const char          *iso2,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (iso2 != NULL);

  code = onramp_partner_escape (iso2);
  path = g_strconcat ("/v1/countryvalidationrules/", code, NULL);
  _onramp_partner_client_call_async (self, "GET", path, NULL, NULL, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_get_country_rules_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_get_country_rules_finish:
 *
 * Returns: (transfer full): the CountryValidationRules (§3), such as
 *   iso2Code, isStateRequired, supportedStatesList, postalCodeRegex
 */
JsonObject *
onramp_partner_client_get_country_rules_finish (OnrampPartnerClient  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_get_country_rules_async, error);

  return reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
}

/**
 * onramp_partner_client_validate_address_async:
 * @address: addressLine1, addressLine2, city, state, postalCode, country
 */
void
onramp_partner_client_validate_address_async (OnrampPartnerClient *self,
                                              JsonObject          *address,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (address != NULL);

  body = onramp_partner_object_node (address);
  _onramp_partner_client_call_async (self, "POST", "/v1/validations/address", body, NULL, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_validate_address_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_validate_address_finish:
 * @status: (out) (optional): the status, UNKNOWN for a value not known
 *
 * Returns: (transfer full): the AddressValidationResponse (§4):
 *   originalAddress, suggestedAddresses, status, validationMessage
 */
JsonObject *
onramp_partner_client_validate_address_finish (OnrampPartnerClient  *self,
                                               GAsyncResult         *result,
                                               OnrampAddressStatus  *status,
                                               GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_validate_address_async, error);
  JsonObject *response = reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;

  if (status != NULL)
    *status = onramp_address_status_from_string (onramp_partner_json_get_string (response, "status"));

  return response;
}

void
onramp_partner_client_check_domain_async (OnrampPartnerClient *self,
                                          const char          *domain,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (domain != NULL);

  escaped = onramp_partner_escape (domain);
  path = g_strconcat ("/v1/domains/", escaped, NULL);
  _onramp_partner_client_call_async (self, "HEAD", path, NULL, NULL, ONRAMP_CALL_NOT_FOUND_ANSWERS,
                                     onramp_partner_client_check_domain_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_check_domain_finish:
 * @available: (out): whether the domain is free: 404 = available, 200 =
 *   taken (§2). The creation itself stays the final word.
 *
 * Returns: %FALSE on error
 */
gboolean
onramp_partner_client_check_domain_finish (OnrampPartnerClient  *self,
                                           GAsyncResult         *result,
                                           gboolean             *available,
                                           GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_check_domain_async, error);

  if (reply == NULL)
    return FALSE;

  *available = reply->status == 404;
  return TRUE;
}

/**
 * onramp_partner_client_create_customer_async:
 * @customer: the Customer body: companyProfile, billingProfile (§1)
 * @associated_partner_id: (nullable): the indirect reseller's tenant ID (the
 *   relationship's id, not its MPN ID), for a customer of that reseller
 * @request_id: the MS-RequestId, kept with the draft: a retry after an
 *   unknown outcome must send the same one
 */
void
onramp_partner_client_create_customer_async (OnrampPartnerClient *self,
                                             JsonObject          *customer,
                                             const char          *associated_partner_id,
                                             const char          *request_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer != NULL);
  g_return_if_fail (request_id != NULL);

  body = onramp_partner_object_node (customer);
  if (associated_partner_id != NULL)
    {
      g_autoptr(JsonNode) normalized = onramp_partner_json_normalize (body);

      json_object_set_string_member (json_node_get_object (normalized), "associatedPartnerId", associated_partner_id);
      g_clear_pointer (&body, json_node_unref);
      body = g_steal_pointer (&normalized);
    }
  _onramp_partner_client_call_async (self, "POST", "/v1/customers", body, request_id, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_create_customer_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_create_customer_finish:
 *
 * Returns: (transfer full): the new Customer: id (the tenant ID),
 *   commerceId, companyProfile, billingProfile, userCredentials {userName,
 *   password} — the password is shown once and must never be stored
 */
JsonObject *
onramp_partner_client_create_customer_finish (OnrampPartnerClient  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_create_customer_async, error);

  return reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
}

void
onramp_partner_client_get_customer_async (OnrampPartnerClient *self,
                                          const char          *customer_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);

  id = onramp_partner_escape (customer_id);
  path = g_strconcat ("/v1/customers/", id, NULL);
  _onramp_partner_client_call_async (self, "GET", path, NULL, NULL, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_get_customer_async,
                                     cancellable, callback, user_data);
}

JsonObject *
onramp_partner_client_get_customer_finish (OnrampPartnerClient  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_get_customer_async, error);

  return reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
}

void
onramp_partner_client_get_agreement_metadata_async (OnrampPartnerClient *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));

  if (onramp_partner_client_refuse_in_government (self, onramp_partner_client_get_agreement_metadata_async,
                                                  callback, user_data))
    return;

  _onramp_partner_client_call_async (self, "GET", "/v1/agreements?agreementType=MicrosoftCustomerAgreement",
                                     NULL, NULL, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_get_agreement_metadata_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_get_agreement_metadata_finish:
 *
 * Returns: (transfer full): the Microsoft Customer Agreement's metadata
 *   (§5a): templateId, agreementType, agreementLink, versionRank
 */
JsonObject *
onramp_partner_client_get_agreement_metadata_finish (OnrampPartnerClient  *self,
                                                     GAsyncResult         *result,
                                                     GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_get_agreement_metadata_async, error);
  g_autoptr(JsonArray) items = reply != NULL ? onramp_partner_reply_items (reply, error) : NULL;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (onramp_partner_enum_equal (onramp_partner_json_get_string (item, "agreementType"), "MicrosoftCustomerAgreement") &&
          onramp_partner_json_get_string (item, "templateId") != NULL)
        return json_object_ref (item);
    }

  if (items != NULL)
    g_propagate_error (error, _onramp_partner_reply_invalid (reply));
  return NULL;
}

/**
 * onramp_partner_client_confirm_agreement_async:
 * @agreement: primaryContact {firstName, lastName, email, phoneNumber},
 *   templateId, dateAgreed (UTC ISO 8601), type (§5b)
 * @request_id: the MS-RequestId, the same on a retry
 */
void
onramp_partner_client_confirm_agreement_async (OnrampPartnerClient *self,
                                               const char          *customer_id,
                                               JsonObject          *agreement,
                                               const char          *request_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (agreement != NULL);
  g_return_if_fail (request_id != NULL);

  if (onramp_partner_client_refuse_in_government (self, onramp_partner_client_confirm_agreement_async,
                                                  callback, user_data))
    return;

  body = onramp_partner_object_node (agreement);
  id = onramp_partner_escape (customer_id);
  path = g_strconcat ("/v1/customers/", id, "/agreements", NULL);
  _onramp_partner_client_call_async (self, "POST", path, body, request_id, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_confirm_agreement_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_confirm_agreement_finish:
 * @already_confirmed: (out) (optional): %TRUE when Partner Center answered
 *   600061: the same confirmation exists, which counts as success
 */
gboolean
onramp_partner_client_confirm_agreement_finish (OnrampPartnerClient  *self,
                                                GAsyncResult         *result,
                                                gboolean             *already_confirmed,
                                                GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_confirm_agreement_async, &local_error);
  gboolean duplicate = g_strcmp0 (onramp_service_error_get_service_code (local_error), "600061") == 0;

  if (already_confirmed != NULL)
    *already_confirmed = duplicate;
  if (reply == NULL && !duplicate)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
onramp_partner_client_get_items (OnrampPartnerClient *self,
                                 const char          *path,
                                 gpointer             source_tag,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  _onramp_partner_client_call_async (self, "GET", path, NULL, NULL, ONRAMP_CALL_DEFAULT,
                                     source_tag, cancellable, callback, user_data);
}

static JsonArray *
onramp_partner_client_finish_items (OnrampPartnerClient  *self,
                                    GAsyncResult         *result,
                                    gpointer              source_tag,
                                    GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply = _onramp_partner_client_call_finish (self, result, source_tag, error);

  return reply != NULL ? onramp_partner_reply_items (reply, error) : NULL;
}

/**
 * onramp_partner_client_list_products_async:
 * @country: ISO alpha-2, such as "US"
 * @target_view: (nullable): "OnlineServices" when %NULL
 */
void
onramp_partner_client_list_products_async (OnrampPartnerClient *self,
                                           const char          *country,
                                           const char          *target_view,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *escaped_country = NULL;
  g_autofree char *escaped_view = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (country != NULL);

  escaped_country = onramp_partner_escape (country);
  escaped_view = onramp_partner_escape (target_view != NULL ? target_view : "OnlineServices");
  path = g_strdup_printf ("/v1/products?country=%s&targetView=%s", escaped_country, escaped_view);
  onramp_partner_client_get_items (self, path, onramp_partner_client_list_products_async,
                                   cancellable, callback, user_data);
}

/**
 * onramp_partner_client_list_products_finish:
 *
 * Returns: (transfer full): Product objects: id, title, description,
 *   productType {id, displayName, subType}
 */
JsonArray *
onramp_partner_client_list_products_finish (OnrampPartnerClient  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return onramp_partner_client_finish_items (self, result, onramp_partner_client_list_products_async, error);
}

void
onramp_partner_client_list_skus_async (OnrampPartnerClient *self,
                                       const char          *product_id,
                                       const char          *country,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *product = NULL;
  g_autofree char *escaped_country = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (product_id != NULL);
  g_return_if_fail (country != NULL);

  product = onramp_partner_escape (product_id);
  escaped_country = onramp_partner_escape (country);
  path = g_strdup_printf ("/v1/products/%s/skus?country=%s", product, escaped_country);
  onramp_partner_client_get_items (self, path, onramp_partner_client_list_skus_async,
                                   cancellable, callback, user_data);
}

/**
 * onramp_partner_client_list_skus_finish:
 *
 * Returns: (transfer full): Sku objects: id, productId, title,
 *   minimumQuantity, maximumQuantity, isTrial, supportedBillingCycles
 */
JsonArray *
onramp_partner_client_list_skus_finish (OnrampPartnerClient  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return onramp_partner_client_finish_items (self, result, onramp_partner_client_list_skus_async, error);
}

void
onramp_partner_client_list_availabilities_async (OnrampPartnerClient *self,
                                                 const char          *product_id,
                                                 const char          *sku_id,
                                                 const char          *country,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autofree char *product = NULL;
  g_autofree char *sku = NULL;
  g_autofree char *escaped_country = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (product_id != NULL);
  g_return_if_fail (sku_id != NULL);
  g_return_if_fail (country != NULL);

  product = onramp_partner_escape (product_id);
  sku = onramp_partner_escape (sku_id);
  escaped_country = onramp_partner_escape (country);
  path = g_strdup_printf ("/v1/products/%s/skus/%s/availabilities?country=%s", product, sku, escaped_country);
  onramp_partner_client_get_items (self, path, onramp_partner_client_list_availabilities_async,
                                   cancellable, callback, user_data);
}

/**
 * onramp_partner_client_list_availabilities_finish:
 *
 * Returns: (transfer full): Availability objects: id, productId, skuId,
 *   catalogItemId (what a cart line needs), terms [{duration, description}]
 */
JsonArray *
onramp_partner_client_list_availabilities_finish (OnrampPartnerClient  *self,
                                                  GAsyncResult         *result,
                                                  GError              **error)
{
  return onramp_partner_client_finish_items (self, result, onramp_partner_client_list_availabilities_async, error);
}

/**
 * onramp_partner_client_create_cart_async:
 * @cart: lineItems [{id, catalogItemId, quantity, billingCycle,
 *   termDuration, participants?}], partnerOnRecordAttestationAccepted (§6c)
 * @request_id: the MS-RequestId, the same on a retry
 */
void
onramp_partner_client_create_cart_async (OnrampPartnerClient *self,
                                         const char          *customer_id,
                                         JsonObject          *cart,
                                         const char          *request_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (cart != NULL);
  g_return_if_fail (request_id != NULL);

  body = onramp_partner_object_node (cart);
  id = onramp_partner_escape (customer_id);
  path = g_strconcat ("/v1/customers/", id, "/carts", NULL);
  _onramp_partner_client_call_async (self, "POST", path, body, request_id, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_create_cart_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_create_cart_finish:
 *
 * Returns: (transfer full): the Cart: id, status, expirationTimestamp,
 *   lineItems (each may carry error {errorCode, errorDescription})
 */
JsonObject *
onramp_partner_client_create_cart_finish (OnrampPartnerClient  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_create_cart_async, error);

  return reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
}

/**
 * onramp_partner_client_checkout_cart_async:
 * @request_id: the MS-RequestId, the same on a retry. A checkout is not
 *   repeatable: after an unknown outcome, 800065 means it went through.
 */
void
onramp_partner_client_checkout_cart_async (OnrampPartnerClient *self,
                                           const char          *customer_id,
                                           const char          *cart_id,
                                           const char          *request_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *customer = NULL;
  g_autofree char *cart = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);
  g_return_if_fail (cart_id != NULL);
  g_return_if_fail (request_id != NULL);

  customer = onramp_partner_escape (customer_id);
  cart = onramp_partner_escape (cart_id);
  path = g_strdup_printf ("/v1/customers/%s/carts/%s/checkout", customer, cart);
  _onramp_partner_client_call_async (self, "POST", path, NULL, request_id, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_checkout_cart_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_checkout_cart_finish:
 *
 * Returns: (transfer full): the CartCheckoutResult: orders [Order] and
 *   orderErrors [{orderGroupId, code, description}]; both can be non-empty
 */
JsonObject *
onramp_partner_client_checkout_cart_finish (OnrampPartnerClient  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_checkout_cart_async, error);

  return reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
}

void
onramp_partner_client_list_indirect_resellers_async (OnrampPartnerClient *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));

  onramp_partner_client_get_items (self, "/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf",
                                   onramp_partner_client_list_indirect_resellers_async,
                                   cancellable, callback, user_data);
}

/**
 * onramp_partner_client_list_indirect_resellers_finish:
 *
 * Returns: (transfer full): PartnerRelationship objects: id (the value for
 *   associatedPartnerId), name, mpnId, location, state
 */
JsonArray *
onramp_partner_client_list_indirect_resellers_finish (OnrampPartnerClient  *self,
                                                      GAsyncResult         *result,
                                                      GError              **error)
{
  return onramp_partner_client_finish_items (self, result, onramp_partner_client_list_indirect_resellers_async, error);
}

void
onramp_partner_client_get_relationship_request_url_async (OnrampPartnerClient *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));

  if (onramp_partner_client_refuse_in_government (self, onramp_partner_client_get_relationship_request_url_async,
                                                  callback, user_data))
    return;

  _onramp_partner_client_call_async (self, "GET", "/v1/customers/relationshiprequests", NULL, NULL,
                                     ONRAMP_CALL_DEFAULT, onramp_partner_client_get_relationship_request_url_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_get_relationship_request_url_finish:
 *
 * Returns: (transfer full): the link an existing customer's global admin
 *   opens to accept the partner (§8)
 */
char *
onramp_partner_client_get_relationship_request_url_finish (OnrampPartnerClient  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error)
{
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_get_relationship_request_url_async, error);
  g_autoptr(JsonObject) request = reply != NULL ? onramp_partner_reply_object (reply, error) : NULL;
  const char *url = onramp_partner_json_get_string (request, "url");

  if (request != NULL && !g_str_has_prefix (url != NULL ? url : "", "https://"))
    {
      g_propagate_error (error, _onramp_partner_reply_invalid (reply));
      return NULL;
    }

  return g_strdup (url);
}

void
onramp_partner_client_get_account_status_async (OnrampPartnerClient *self,
                                                const char          *customer_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (ONRAMP_IS_PARTNER_CLIENT (self));
  g_return_if_fail (customer_id != NULL);

  id = onramp_partner_escape (customer_id);
  path = g_strconcat ("/v1/customers/", id, "/validationStatus?type=account", NULL);
  _onramp_partner_client_call_async (self, "GET", path, NULL, NULL, ONRAMP_CALL_DEFAULT,
                                     onramp_partner_client_get_account_status_async,
                                     cancellable, callback, user_data);
}

/**
 * onramp_partner_client_get_account_status_finish:
 *
 * Returns: the account verification status (§13); NOT_FOUND for the
 *   documented 600074; UNKNOWN with @error set on failure
 */
OnrampAccountStatus
onramp_partner_client_get_account_status_finish (OnrampPartnerClient  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OnrampPartnerReply) reply =
    _onramp_partner_client_call_finish (self, result, onramp_partner_client_get_account_status_async, &local_error);
  g_autoptr(JsonObject) status = NULL;

  if (reply == NULL && g_strcmp0 (onramp_service_error_get_service_code (local_error), "600074") == 0)
    return ONRAMP_ACCOUNT_STATUS_NOT_FOUND;
  if (reply == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return ONRAMP_ACCOUNT_STATUS_UNKNOWN;
    }

  status = onramp_partner_reply_object (reply, error);
  return onramp_account_status_from_string (onramp_partner_json_get_string (status, "status"));
}

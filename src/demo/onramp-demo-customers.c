/* onramp-demo-customers.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-demo-customers"

#include "config.h"

#include <string.h>

#include "onramp-demo-private.h"

/* The account endpoints of the demo server: customers (§1), domains (§2),
 * country rules (§3), address validation (§4), the MCA (§5), indirect
 * resellers (§7), relationship requests (§8) and validation status (§13).
 *
 * Demo conventions where the contract is silent:
 *   - a taken domain at create time is 400/27002 with data
 *     "companyProfile.domain: DomainAlreadyExists";
 *   - a company name containing "test" is UnderReview, one containing
 *     "unknown" has no status (404/600074); others are Allowed.
 */

#define PARTNER_TENANT_ID "4d3cf487-70f8-4dc2-a8d8-6ba0e7d6b8a1"
#define MCA_TEMPLATE_ID "117a77b0-9360-443b-8795-c6dedc750cf9"

static const struct
{
  const char *id;
  const char *name;
  const char *mpn_id;
  const char *location;
} resellers[] = {
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e01", "First Up Consultants", "4847383", "US" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e02", "Alpine Ski House IT", "5120934", "AT" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e03", "Blue Yonder Systems", "6230418", "GB" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e04", "Coho Vineyard Tech", "6348201", "US" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e05", "Datum Cloud Partners", "6459012", "DE" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e06", "Fourth Coffee Solutions", "6561230", "CA" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e07", "Graphic Design Institute", "6672345", "AU" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e08", "Humongous Insurance IT", "6783456", "US" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e09", "Litware Taiwan", "6894567", "TW" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e10", "Lucerne Publishing Services", "6905678", "CH" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e11", "Margie's Travel Cloud", "7016789", "FR" },
  { "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e12", "Trey Research Partners", "7127890", "JP" },
};

static const char * const address_fields[] = {
  "firstName", "middleName", "lastName", "addressLine1", "addressLine2", "addressLine3",
  "city", "state", "postalCode", "country", "region", "phoneNumber", NULL,
};

static const char * const billing_fields[] = {
  "email", "culture", "language", "companyName", "firstName", "lastName", NULL,
};

gboolean
_onramp_demo_require_customer (OnrampDemoServer  *self,
                               SoupServerMessage *msg,
                               const char        *customer_id)
{
  if (g_hash_table_contains (self->customers, customer_id))
    return TRUE;

  _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 60003,
                            "Tenant not found: no customer has this ID.", NULL);
  return FALSE;
}

gboolean
_onramp_demo_customer_has_agreement (OnrampDemoServer *self,
                                     const char       *customer_id)
{
  JsonArray *agreements = g_hash_table_lookup (self->agreements, customer_id);

  return agreements != NULL && json_array_get_length (agreements) > 0;
}

/* Copies @names from @source in their camelCase spelling, whatever the case
 * the client used */
static JsonObject *
onramp_demo_copy_fields (JsonObject         *source,
                         const char * const *names)
{
  JsonObject *copy = json_object_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = _onramp_demo_lookup_string (source, names[i]);

      if (value != NULL)
        json_object_set_string_member (copy, names[i], value);
    }

  return copy;
}

static gboolean
onramp_demo_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

static const char *
onramp_demo_first_missing (JsonObject *body)
{
  JsonObject *company = _onramp_demo_lookup_object (body, "companyProfile");
  JsonObject *billing = _onramp_demo_lookup_object (body, "billingProfile");
  JsonObject *address = _onramp_demo_lookup_object (billing, "defaultAddress");
  static const char * const billing_required[] = { "email", "culture", "language", "companyName" };
  static const char * const address_required[] = { "firstName", "lastName", "addressLine1", "city", "country" };

  if (onramp_demo_is_blank (_onramp_demo_lookup_string (company, "domain")))
    return "companyProfile.domain";
  for (guint i = 0; i < G_N_ELEMENTS (billing_required); i++)
    {
      if (onramp_demo_is_blank (_onramp_demo_lookup_string (billing, billing_required[i])))
        return billing_required[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (address_required); i++)
    {
      if (onramp_demo_is_blank (_onramp_demo_lookup_string (address, address_required[i])))
        return address_required[i];
    }

  return NULL;
}

static gboolean
onramp_demo_domain_is_valid (const char *domain)
{
  return g_regex_match_simple ("^[a-z0-9]{1,27}\\.onmicrosoft\\.com$", domain, G_REGEX_CASELESS, 0);
}

static gboolean
onramp_demo_state_is_valid (JsonObject *address)
{
  const char *country = _onramp_demo_lookup_string (address, "country");
  const char *state = _onramp_demo_lookup_string (address, "state");
  g_autoptr(JsonObject) rules = _onramp_demo_country_rules (country);
  JsonArray *states;

  if (rules == NULL || !json_object_get_boolean_member (rules, "isStateRequired"))
    return TRUE;

  states = json_object_get_array_member (rules, "supportedStatesList");
  for (guint i = 0; state != NULL && i < json_array_get_length (states); i++)
    {
      if (g_ascii_strcasecmp (json_array_get_string_element (states, i), state) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The documented create-time checks (§1, §14). Replies and returns FALSE
 * when one fails. */
static gboolean
onramp_demo_check_new_customer (OnrampDemoServer  *self,
                                SoupServerMessage *msg,
                                JsonObject        *body)
{
  JsonObject *company = _onramp_demo_lookup_object (body, "companyProfile");
  JsonObject *billing = _onramp_demo_lookup_object (body, "billingProfile");
  JsonObject *address = _onramp_demo_lookup_object (billing, "defaultAddress");
  const char *missing = onramp_demo_first_missing (body);
  const char *domain = _onramp_demo_lookup_string (company, "domain");
  const char *country = _onramp_demo_lookup_string (address, "country");
  const char *registration = _onramp_demo_lookup_string (company, "organizationRegistrationNumber");
  g_autofree char *lower_domain = NULL;
  const char *problem = NULL;

  if (missing != NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 3000, "Invalid property: a required value is missing.", missing);
      return FALSE;
    }

  lower_domain = g_ascii_strdown (domain, -1);
  if (!onramp_demo_domain_is_valid (lower_domain))
    problem = "companyProfile.domain: DomainInvalid";
  else if (g_hash_table_contains (self->taken_domains, lower_domain))
    problem = "companyProfile.domain: DomainAlreadyExists";
  else if ((g_ascii_strcasecmp (country, "US") == 0 && _onramp_demo_lookup_string (address, "region") != NULL) ||
           !onramp_demo_state_is_valid (address))
    problem = "state: StateInvalid";
  else if (_onramp_demo_lookup_string (_onramp_demo_lookup_object (body, "userCredentials"), "password") != NULL)
    problem = "userCredentials.password: NotAccepted";
  if (problem != NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 27002, "A property has invalid data", problem);
      return FALSE;
    }

  if (_onramp_demo_country_needs_phone (country) && onramp_demo_is_blank (_onramp_demo_lookup_string (address, "phoneNumber")))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 600051, "Phone number is required for this country.", NULL);
      return FALSE;
    }
  if (_onramp_demo_country_needs_registration (country) && onramp_demo_is_blank (registration))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 600049, "Organization registration id information is missing.", NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
onramp_demo_is_reseller (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (resellers); i++)
    {
      if (g_ascii_strcasecmp (resellers[i].id, id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A one-time admin password, as Partner Center generates (§1) */
static char *
onramp_demo_generate_password (void)
{
  static const char upper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static const char lower[] = "abcdefghijkmnopqrstuvwxyz";
  static const char digits[] = "23456789";
  GString *password = g_string_new (NULL);

  g_string_append_c (password, upper[g_random_int_range (0, sizeof upper - 1)]);
  for (guint i = 0; i < 3; i++)
    g_string_append_c (password, lower[g_random_int_range (0, sizeof lower - 1)]);
  for (guint i = 0; i < 5; i++)
    g_string_append_c (password, digits[g_random_int_range (0, sizeof digits - 1)]);
  g_string_append_c (password, '!');
  for (guint i = 0; i < 4; i++)
    g_string_append_c (password, lower[g_random_int_range (0, sizeof lower - 1)]);

  return g_string_free (password, FALSE);
}

static JsonObject *
onramp_demo_build_customer (JsonObject *body,
                            const char *id)
{
  JsonObject *billing_in = _onramp_demo_lookup_object (body, "billingProfile");
  JsonObject *customer = json_object_new ();
  JsonObject *company = json_object_new ();
  JsonObject *billing = onramp_demo_copy_fields (billing_in, billing_fields);
  JsonObject *attributes = json_object_new ();
  g_autofree char *commerce_id = g_uuid_string_random ();
  g_autofree char *billing_id = g_uuid_string_random ();
  g_autofree char *domain = g_ascii_strdown (_onramp_demo_lookup_string (_onramp_demo_lookup_object (body, "companyProfile"), "domain"), -1);
  const char *registration = _onramp_demo_lookup_string (_onramp_demo_lookup_object (body, "companyProfile"), "organizationRegistrationNumber");
  const char *partner = _onramp_demo_lookup_string (body, "associatedPartnerId");

  json_object_set_string_member (company, "tenantId", id);
  json_object_set_string_member (company, "domain", domain);
  json_object_set_string_member (company, "companyName", json_object_get_string_member (billing, "companyName"));
  if (registration != NULL)
    json_object_set_string_member (company, "organizationRegistrationNumber", registration);
  _onramp_demo_set_object_type (company, "CustomerCompanyProfile");

  json_object_set_string_member (billing, "id", billing_id);
  json_object_set_object_member (billing, "defaultAddress",
                                 onramp_demo_copy_fields (_onramp_demo_lookup_object (billing_in, "defaultAddress"), address_fields));
  json_object_set_string_member (attributes, "etag", "5920358838484612121");
  json_object_set_string_member (attributes, "objectType", "CustomerBillingProfile");
  json_object_set_object_member (billing, "attributes", attributes);

  json_object_set_string_member (customer, "id", id);
  json_object_set_string_member (customer, "commerceId", commerce_id);
  json_object_set_object_member (customer, "companyProfile", company);
  json_object_set_object_member (customer, "billingProfile", billing);
  json_object_set_string_member (customer, "relationshipToPartner", partner != NULL ? "reseller" : "none");
  json_object_set_boolean_member (customer, "allowDelegatedAccess", TRUE);
  if (partner != NULL)
    json_object_set_string_member (customer, "associatedPartnerId", partner);
  _onramp_demo_set_object_type (customer, "Customer");

  return customer;
}

static void
on_create_customer (OnrampDemoServer  *self,
                    SoupServerMessage *msg,
                    GHashTable        *query,
                    char             **args)
{
  g_autoptr(JsonObject) body = _onramp_demo_parse_body (msg);
  g_autoptr(JsonObject) customer = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *password = NULL;
  JsonObject *credentials;
  const char *partner;

  if (body == NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The request body is not a JSON object.", NULL);
      return;
    }
  if (!onramp_demo_check_new_customer (self, msg, body))
    return;
  partner = _onramp_demo_lookup_string (body, "associatedPartnerId");
  if (partner != NULL && !onramp_demo_is_reseller (partner))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800016,
                                "The associated partner is not an active indirect reseller of this provider.",
                                partner);
      return;
    }

  customer = onramp_demo_build_customer (body, id);
  g_hash_table_add (self->taken_domains,
                    g_strdup (json_object_get_string_member (json_object_get_object_member (customer, "companyProfile"), "domain")));
  g_hash_table_insert (self->customers, g_strdup (id), json_object_ref (customer));
  g_debug ("Created customer %s", id);

  /* The password goes in this one answer and is never stored */
  reply = _onramp_demo_copy_object (customer);
  password = onramp_demo_generate_password ();
  credentials = json_object_new ();
  json_object_set_string_member (credentials, "userName", "admin");
  json_object_set_string_member (credentials, "password", password);
  json_object_set_object_member (json_node_get_object (reply), "userCredentials", credentials);
  _onramp_demo_reply_json (msg, SOUP_STATUS_CREATED, reply);
}

static void
on_get_customer (OnrampDemoServer  *self,
                 SoupServerMessage *msg,
                 GHashTable        *query,
                 char             **args)
{
  if (_onramp_demo_require_customer (self, msg, args[0]))
    _onramp_demo_reply_object (msg, SOUP_STATUS_OK, g_hash_table_lookup (self->customers, args[0]));
}

/* 200 = exists = taken; 404 = available; both without a body (§2) */
static void
on_domain (OnrampDemoServer  *self,
           SoupServerMessage *msg,
           GHashTable        *query,
           char             **args)
{
  g_autofree char *domain = g_ascii_strdown (args[0], -1);

  soup_server_message_set_status (msg,
                                  g_hash_table_contains (self->taken_domains, domain)
                                    ? SOUP_STATUS_OK : SOUP_STATUS_NOT_FOUND,
                                  NULL);
}

static void
on_country_rules (OnrampDemoServer  *self,
                  SoupServerMessage *msg,
                  GHashTable        *query,
                  char             **args)
{
  g_autoptr(JsonObject) rules = _onramp_demo_country_rules (args[0]);
  g_autofree char *description = NULL;

  if (rules != NULL)
    {
      _onramp_demo_reply_object (msg, SOUP_STATUS_OK, rules);
      return;
    }

  description = g_strdup_printf ("No validation rules were found for the country/region %s", args[0]);
  _onramp_demo_reply_fault (msg, SOUP_STATUS_NOT_FOUND, 1000, description, NULL);
}

static void
on_validate_address (OnrampDemoServer  *self,
                     SoupServerMessage *msg,
                     GHashTable        *query,
                     char             **args)
{
  g_autoptr(JsonObject) address = _onramp_demo_parse_body (msg);
  g_autoptr(JsonObject) response = NULL;

  if (address == NULL)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The request body is not a JSON object.", NULL);
      return;
    }

  response = _onramp_demo_validate_address (address);
  _onramp_demo_reply_object (msg, SOUP_STATUS_OK, response);
}

static void
on_agreement_metadata (OnrampDemoServer  *self,
                       SoupServerMessage *msg,
                       GHashTable        *query,
                       char             **args)
{
  const char *type = query != NULL ? g_hash_table_lookup (query, "agreementType") : NULL;
  JsonArray *items = json_array_new ();

  /* Without the parameter the service means MicrosoftCloudAgreement */
  if (type != NULL && (g_ascii_strcasecmp (type, "MicrosoftCustomerAgreement") == 0 || strcmp (type, "*") == 0))
    {
      JsonObject *mca = json_object_new ();

      json_object_set_string_member (mca, "templateId", MCA_TEMPLATE_ID);
      json_object_set_string_member (mca, "agreementType", "MicrosoftCustomerAgreement");
      json_object_set_string_member (mca, "agreementLink", "https://aka.ms/customeragreement");
      json_object_set_int_member (mca, "versionRank", 0);
      json_array_add_object_element (items, mca);
    }

  _onramp_demo_reply_collection (msg, items);
}

static gboolean
onramp_demo_same_contact (JsonObject *a,
                          JsonObject *b)
{
  static const char * const fields[] = { "firstName", "lastName", "email", "phoneNumber" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (_onramp_demo_lookup_string (a, fields[i]), _onramp_demo_lookup_string (b, fields[i])) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
onramp_demo_agreement_is_duplicate (OnrampDemoServer *self,
                                    const char       *customer_id,
                                    JsonObject       *contact)
{
  JsonArray *agreements = g_hash_table_lookup (self->agreements, customer_id);

  for (guint i = 0; agreements != NULL && i < json_array_get_length (agreements); i++)
    {
      JsonObject *agreement = json_array_get_object_element (agreements, i);

      if (onramp_demo_same_contact (json_object_get_object_member (agreement, "primaryContact"), contact))
        return TRUE;
    }

  return FALSE;
}

static JsonObject *
onramp_demo_build_agreement (JsonObject *body,
                             JsonObject *contact)
{
  static const char * const contact_fields[] = { "firstName", "lastName", "email", "phoneNumber", NULL };
  JsonObject *agreement = json_object_new ();

  json_object_set_string_member (agreement, "userId", "a3f1c2d4-5b6e-4f70-8192-a3b4c5d6e7f8");
  json_object_set_object_member (agreement, "primaryContact", onramp_demo_copy_fields (contact, contact_fields));
  json_object_set_string_member (agreement, "templateId", MCA_TEMPLATE_ID);
  json_object_set_string_member (agreement, "dateAgreed", _onramp_demo_lookup_string (body, "dateAgreed"));
  json_object_set_string_member (agreement, "type", "MicrosoftCustomerAgreement");
  json_object_set_string_member (agreement, "agreementLink", "https://aka.ms/customeragreement");
  _onramp_demo_set_object_type (agreement, "Agreement");

  return agreement;
}

static void
on_confirm_agreement (OnrampDemoServer  *self,
                      SoupServerMessage *msg,
                      GHashTable        *query,
                      char             **args)
{
  g_autoptr(JsonObject) body = _onramp_demo_parse_body (msg);
  JsonObject *contact = _onramp_demo_lookup_object (body, "primaryContact");
  JsonArray *agreements;

  if (!_onramp_demo_require_customer (self, msg, args[0]))
    return;
  if (contact == NULL || onramp_demo_is_blank (_onramp_demo_lookup_string (contact, "firstName")) ||
      onramp_demo_is_blank (_onramp_demo_lookup_string (contact, "lastName")) ||
      onramp_demo_is_blank (_onramp_demo_lookup_string (contact, "email")) ||
      _onramp_demo_lookup_string (body, "dateAgreed") == NULL ||
      g_strcmp0 (_onramp_demo_lookup_string (body, "templateId"), MCA_TEMPLATE_ID) != 0 ||
      g_ascii_strcasecmp (_onramp_demo_lookup_string (body, "type") ?: "", "MicrosoftCustomerAgreement") != 0)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 3000,
                                "Invalid property: primaryContact, templateId, dateAgreed and type are required.", NULL);
      return;
    }
  if (onramp_demo_agreement_is_duplicate (self, args[0], contact))
    {
      _onramp_demo_reply_error_name (msg, SOUP_STATUS_BAD_REQUEST, 600061, "PartnerConfirmedAgreementAlreadyExists",
                                     "A partner confirmed agreement already exists for the customer.");
      return;
    }

  agreements = g_hash_table_lookup (self->agreements, args[0]);
  if (agreements == NULL)
    g_hash_table_insert (self->agreements, g_strdup (args[0]), agreements = json_array_new ());
  json_array_add_object_element (agreements, onramp_demo_build_agreement (body, contact));
  _onramp_demo_reply_object (msg, SOUP_STATUS_CREATED,
                             json_array_get_object_element (agreements, json_array_get_length (agreements) - 1));
}

static void
on_validation_status (OnrampDemoServer  *self,
                      SoupServerMessage *msg,
                      GHashTable        *query,
                      char             **args)
{
  const char *type = query != NULL ? g_hash_table_lookup (query, "type") : NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *name = NULL;
  JsonObject *customer;

  if (!_onramp_demo_require_customer (self, msg, args[0]))
    return;
  if (type == NULL || g_ascii_strcasecmp (type, "account") != 0)
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The type parameter must be \"account\".", NULL);
      return;
    }

  customer = g_hash_table_lookup (self->customers, args[0]);
  name = g_ascii_strdown (json_object_get_string_member (json_object_get_object_member (customer, "companyProfile"), "companyName"), -1);
  if (strstr (name, "unknown") != NULL)
    {
      _onramp_demo_reply_error_name (msg, SOUP_STATUS_NOT_FOUND, 600074, "AccountStatusNotFound",
                                     "The account status was not found for the customer.");
      return;
    }

  status = json_object_new ();
  json_object_set_string_member (status, "type", "account");
  json_object_set_string_member (status, "status", strstr (name, "test") != NULL ? "UnderReview" : "Allowed");
  json_object_set_string_member (status, "lastUpdateDateTime", "2026-11-25T18:02:00");
  _onramp_demo_reply_object (msg, SOUP_STATUS_OK, status);
}

static void
on_relationships (OnrampDemoServer  *self,
                  SoupServerMessage *msg,
                  GHashTable        *query,
                  char             **args)
{
  const char *type = query != NULL ? g_hash_table_lookup (query, "relationship_type") : NULL;
  JsonArray *items;

  if (type == NULL || (g_ascii_strcasecmp (type, "IsIndirectCloudSolutionProviderOf") != 0 &&
                       g_ascii_strcasecmp (type, "IsIndirectResellerOf") != 0))
    {
      _onramp_demo_reply_fault (msg, SOUP_STATUS_BAD_REQUEST, 800002, "The relationship_type parameter is missing or invalid.", NULL);
      return;
    }

  /* This demo partner is an indirect provider: it has resellers, no providers */
  items = json_array_new ();
  for (guint i = 0; g_ascii_strcasecmp (type, "IsIndirectCloudSolutionProviderOf") == 0 && i < G_N_ELEMENTS (resellers); i++)
    {
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", resellers[i].id);
      json_object_set_string_member (item, "name", resellers[i].name);
      json_object_set_string_member (item, "relationshipType", "is_indirect_cloud_solution_provider_of");
      json_object_set_string_member (item, "state", "Active");
      json_object_set_string_member (item, "mpnId", resellers[i].mpn_id);
      json_object_set_string_member (item, "location", resellers[i].location);
      _onramp_demo_set_object_type (item, "PartnerRelationship");
      json_array_add_object_element (items, item);
    }

  _onramp_demo_reply_collection (msg, items);
}

static void
on_relationship_request (OnrampDemoServer  *self,
                         SoupServerMessage *msg,
                         GHashTable        *query,
                         char             **args)
{
  g_autoptr(JsonObject) request = json_object_new ();

  json_object_set_string_member (request, "url",
                                 "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId="
                                 PARTNER_TENANT_ID "&msppId=0&DAP=false#/BillingAccounts/partner-invitation");
  _onramp_demo_set_object_type (request, "RelationshipRequest");
  _onramp_demo_reply_object (msg, SOUP_STATUS_OK, request);
}

/* Earlier patterns win: "relationshiprequests" before a customer ID */
const OnrampDemoRoute _onramp_demo_customer_routes[] = {
  { "POST", "customers", on_create_customer },
  { "GET", "customers/relationshiprequests", on_relationship_request },
  { "GET", "customers/*", on_get_customer },
  { "POST", "customers/*/agreements", on_confirm_agreement },
  { "GET", "customers/*/validationstatus", on_validation_status },
  { "HEAD", "domains/*", on_domain },
  { "GET", "domains/*", on_domain },
  { "GET", "countryvalidationrules/*", on_country_rules },
  { "POST", "validations/address", on_validate_address },
  { "GET", "agreements", on_agreement_metadata },
  { "GET", "relationships", on_relationships },
  { NULL, NULL, NULL },
};

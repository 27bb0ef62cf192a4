/* onramp-demo-private.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "onramp-demo-auth.h"
#include "onramp-demo-server.h"

G_BEGIN_DECLS

/* The demo server is split by concern: the object, routing and faults in
 * onramp-demo-server.c, the endpoints in onramp-demo-customers.c and
 * onramp-demo-commerce.c, and their data in onramp-demo-rules.c and
 * onramp-demo-catalog.c. This header ties them together. */

typedef struct _OnrampDemoFaults OnrampDemoFaults;

struct _OnrampDemoServer
{
  GObject           parent_instance;

  SoupServer       *server;
  char             *url;
  GHashTable       *taken_domains;   /* lower-case domain */
  GHashTable       *access_tokens;   /* token */
  OnrampDemoAuth   *auth;            /* device-code sign-in */
  GHashTable       *customers;       /* id → JsonObject (no password) */
  GHashTable       *agreements;      /* customer id → JsonArray of agreements */
  GHashTable       *carts;           /* cart id → JsonObject */
  GHashTable       *replies;         /* "path request-id" → OnrampDemoReply */
  GHashTable       *request_counts;  /* MS-RequestId → number of requests */
  OnrampDemoFaults *faults;
  GPtrArray        *delayed;         /* OnrampDemoDelayed waiting for latency */
};

typedef void (*OnrampDemoHandler) (OnrampDemoServer  *self,
                                   SoupServerMessage *msg,
                                   GHashTable        *query,
                                   char             **args);

typedef struct
{
  const char        *method;
  const char        *pattern;   /* segments after /v1/, "*" captures one */
  OnrampDemoHandler  handler;
} OnrampDemoRoute;

/* onramp-demo-reply.c */
void         _onramp_demo_reply_json        (SoupServerMessage *msg,
                                             guint              status,
                                             JsonNode          *node);
void         _onramp_demo_reply_object      (SoupServerMessage *msg,
                                             guint              status,
                                             JsonObject        *object);
void         _onramp_demo_reply_collection  (SoupServerMessage *msg,
                                             JsonArray         *items);
void         _onramp_demo_reply_fault       (SoupServerMessage *msg,
                                             guint              status,
                                             int                code,
                                             const char        *description,
                                             const char        *data);
void         _onramp_demo_reply_error_name  (SoupServerMessage *msg,
                                             guint              status,
                                             int                code,
                                             const char        *error_name,
                                             const char        *message);
void         _onramp_demo_reply_throttled   (SoupServerMessage *msg,
                                             guint              seconds);
void         _onramp_demo_reply_unauthorized (SoupServerMessage *msg);
void         _onramp_demo_reply_forbidden   (SoupServerMessage *msg);
JsonObject  *_onramp_demo_parse_body        (SoupServerMessage *msg);
JsonNode    *_onramp_demo_lookup            (JsonObject        *object,
                                             const char        *name);
const char  *_onramp_demo_lookup_string     (JsonObject        *object,
                                             const char        *name);
JsonObject  *_onramp_demo_lookup_object     (JsonObject        *object,
                                             const char        *name);
JsonArray   *_onramp_demo_lookup_array      (JsonObject        *object,
                                             const char        *name);
JsonNode    *_onramp_demo_copy_object       (JsonObject        *object);
void         _onramp_demo_set_object_type   (JsonObject        *object,
                                             const char        *type);

/* onramp-demo-rules.c */
JsonObject  *_onramp_demo_country_rules     (const char        *iso2);
gboolean     _onramp_demo_country_needs_phone (const char      *iso2);
gboolean     _onramp_demo_country_needs_registration (const char *iso2);
JsonObject  *_onramp_demo_validate_address  (JsonObject        *address);

/* onramp-demo-catalog.c */
JsonArray   *_onramp_demo_catalog_products  (const char        *target_view);
JsonArray   *_onramp_demo_catalog_skus      (const char        *product_id);
JsonArray   *_onramp_demo_catalog_availabilities (const char   *product_id,
                                             const char        *sku_id);
gboolean     _onramp_demo_catalog_find_item (const char        *catalog_item_id,
                                             guint             *minimum,
                                             guint             *maximum,
                                             char            ***terms);

/* onramp-demo-faults.c */
typedef enum
{
  ONRAMP_DEMO_FAULT_NONE,
  ONRAMP_DEMO_FAULT_LATENCY,
  ONRAMP_DEMO_FAULT_STATUS,
  ONRAMP_DEMO_FAULT_THROTTLE,
  ONRAMP_DEMO_FAULT_DROP,
  ONRAMP_DEMO_FAULT_UNAUTHORIZED,
  ONRAMP_DEMO_FAULT_FORBIDDEN,
} OnrampDemoFaultKind;

typedef struct
{
  OnrampDemoFaultKind kind;
  guint               value;
} OnrampDemoFault;

OnrampDemoFaults *_onramp_demo_faults_new   (void);
void         _onramp_demo_faults_free       (OnrampDemoFaults  *faults);
gboolean     _onramp_demo_faults_parse      (OnrampDemoFaults  *faults,
                                             const char        *spec,
                                             GError           **error);
guint        _onramp_demo_faults_take_latency (OnrampDemoFaults *faults,
                                             const char        *method,
                                             const char        *path);
OnrampDemoFault _onramp_demo_faults_take    (OnrampDemoFaults  *faults,
                                             const char        *method,
                                             const char        *path);

/* onramp-demo-customers.c and onramp-demo-commerce.c */
extern const OnrampDemoRoute _onramp_demo_customer_routes[];
extern const OnrampDemoRoute _onramp_demo_commerce_routes[];
gboolean     _onramp_demo_require_customer  (OnrampDemoServer  *self,
                                             SoupServerMessage *msg,
                                             const char        *customer_id);
gboolean     _onramp_demo_customer_has_agreement (OnrampDemoServer *self,
                                             const char        *customer_id);

G_END_DECLS

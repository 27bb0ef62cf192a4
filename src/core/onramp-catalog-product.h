/* onramp-catalog-product.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ONRAMP_TYPE_CATALOG_PRODUCT (onramp_catalog_product_get_type ())

G_DECLARE_FINAL_TYPE (OnrampCatalogProduct, onramp_catalog_product, ONRAMP, CATALOG_PRODUCT, GObject)

OnrampCatalogProduct *onramp_catalog_product_new_from_json   (JsonObject           *object);
const char           *onramp_catalog_product_get_id          (OnrampCatalogProduct *self);
const char           *onramp_catalog_product_get_title       (OnrampCatalogProduct *self);
const char           *onramp_catalog_product_get_category    (OnrampCatalogProduct *self);
const char           *onramp_catalog_product_get_search_text (OnrampCatalogProduct *self);
const char           *onramp_catalog_category_from_title     (const char           *title);

G_END_DECLS

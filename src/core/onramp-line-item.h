/* onramp-line-item.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The service's quantities are 32-bit signed integers */
#define ONRAMP_LINE_ITEM_MAX_QUANTITY ((guint)G_MAXINT32)

#define ONRAMP_TYPE_LINE_ITEM (onramp_line_item_get_type ())

G_DECLARE_FINAL_TYPE (OnrampLineItem, onramp_line_item, ONRAMP, LINE_ITEM, GObject)

OnrampLineItem *onramp_line_item_new                  (void);
OnrampLineItem *onramp_line_item_copy                 (OnrampLineItem *self);
gboolean        onramp_line_item_equal                (OnrampLineItem *a,
                                                       OnrampLineItem *b);

const char     *onramp_line_item_get_catalog_item_id  (OnrampLineItem *self);
void            onramp_line_item_set_catalog_item_id  (OnrampLineItem *self,
                                                       const char     *catalog_item_id);
const char     *onramp_line_item_get_product_id       (OnrampLineItem *self);
void            onramp_line_item_set_product_id       (OnrampLineItem *self,
                                                       const char     *product_id);
const char     *onramp_line_item_get_sku_id           (OnrampLineItem *self);
void            onramp_line_item_set_sku_id           (OnrampLineItem *self,
                                                       const char     *sku_id);
const char     *onramp_line_item_get_title            (OnrampLineItem *self);
void            onramp_line_item_set_title            (OnrampLineItem *self,
                                                       const char     *title);
const char     *onramp_line_item_get_billing_cycle    (OnrampLineItem *self);
void            onramp_line_item_set_billing_cycle    (OnrampLineItem *self,
                                                       const char     *billing_cycle);
const char     *onramp_line_item_get_term_duration    (OnrampLineItem *self);
void            onramp_line_item_set_term_duration    (OnrampLineItem *self,
                                                       const char     *term_duration);
guint           onramp_line_item_get_quantity         (OnrampLineItem *self);
void            onramp_line_item_set_quantity         (OnrampLineItem *self,
                                                       guint           quantity);
guint           onramp_line_item_get_minimum_quantity (OnrampLineItem *self);
void            onramp_line_item_set_minimum_quantity (OnrampLineItem *self,
                                                       guint           minimum);
guint           onramp_line_item_get_maximum_quantity (OnrampLineItem *self);
void            onramp_line_item_set_maximum_quantity (OnrampLineItem *self,
                                                       guint           maximum);
gboolean        onramp_line_item_get_available        (OnrampLineItem *self);
void            onramp_line_item_set_available        (OnrampLineItem *self,
                                                       gboolean        available);

void            onramp_line_items_check               (GListModel     *line_items,
                                                       GPtrArray      *issues);

char           *onramp_license_range_to_label         (guint           minimum,
                                                       guint           maximum);

G_END_DECLS

/* onramp-offer-row.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-offer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-offer-row.h"

/* One chosen offer on the Subscriptions step: its licence count, held
 * between the offer's minimum and maximum by the spin button itself, and
 * its term and billing cycle, from the availability's terms and the SKU's
 * billing cycles. Edits go straight into the record's line item. */

struct _OnrampOfferRow
{
  GtkListBoxRow   parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *range_label;
  GtkButton      *remove_button;
  GtkSpinButton  *quantity_spin;
  GtkAdjustment  *quantity_adjustment;
  GtkDropDown    *term_dropdown;
  GtkDropDown    *cycle_dropdown;

  OnrampLineItem *item;
  GStrv           terms;
  GStrv           cycles;
  GPtrArray      *shown_cycles;  /* the wire values behind cycle_dropdown */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (OnrampOfferRow, onramp_offer_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *wire;
  const char *label;
} cycle_labels[] = {
  { "monthly", N_("Monthly") },
  { "annual", N_("Annual") },
  { "triennial", N_("Every three years") },
  { "one_time", N_("One time") },
  { "none", N_("Not billed") },
};

static const struct
{
  const char *wire;
  const char *label;
} term_labels[] = {
  { "P1M", N_("1 month") },
  { "P1Y", N_("1 year") },
  { "P3Y", N_("3 years") },
};

/**
 * onramp_billing_cycle_to_label:
 *
 * Returns: the translated name of a wire billing cycle ("monthly"…), or
 *   @billing_cycle itself when unknown
 */
const char *
onramp_billing_cycle_to_label (const char *billing_cycle)
{
  for (guint i = 0; i < G_N_ELEMENTS (cycle_labels); i++)
    if (g_strcmp0 (cycle_labels[i].wire, billing_cycle) == 0)
      return _(cycle_labels[i].label);

  return billing_cycle;
}

/**
 * onramp_term_duration_to_label:
 *
 * Returns: the translated name of an ISO 8601 term ("P1Y"…), or
 *   @term_duration itself when unknown
 */
const char *
onramp_term_duration_to_label (const char *term_duration)
{
  for (guint i = 0; i < G_N_ELEMENTS (term_labels); i++)
    if (g_strcmp0 (term_labels[i].wire, term_duration) == 0)
      return _(term_labels[i].label);

  return term_duration;
}

/**
 * onramp_billing_cycle_fits_term:
 *
 * New-commerce rules: a monthly term is billed monthly; a yearly term
 * monthly or annually; a three-year term monthly, annually or triennially.
 * One-time and unbilled items (trials) fit any term.
 */
gboolean
onramp_billing_cycle_fits_term (const char *billing_cycle,
                                const char *term_duration)
{
  if (g_strcmp0 (billing_cycle, "one_time") == 0 || g_strcmp0 (billing_cycle, "none") == 0 ||
      g_strcmp0 (billing_cycle, "monthly") == 0)
    return TRUE;
  if (g_strcmp0 (billing_cycle, "annual") == 0)
    return g_strcmp0 (term_duration, "P1Y") == 0 || g_strcmp0 (term_duration, "P3Y") == 0;
  if (g_strcmp0 (billing_cycle, "triennial") == 0)
    return g_strcmp0 (term_duration, "P3Y") == 0;

  return TRUE;
}

static GtkStringList *
onramp_offer_row_labels (GPtrArray   *values,
                         const char *(*to_label) (const char *))
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < values->len; i++)
    gtk_string_list_append (labels, to_label (g_ptr_array_index (values, i)));

  return labels;
}

static guint
onramp_offer_row_index_of (GPtrArray  *values,
                           const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* The cycles the SKU sells that fit the item's term (all of them when none
 * fits: better a choice the service may refuse than no choice) */
static void
onramp_offer_row_update_cycles (OnrampOfferRow *self)
{
  const char *term = onramp_line_item_get_term_duration (self->item);
  const char *cycle = onramp_line_item_get_billing_cycle (self->item);
  g_autoptr(GtkStringList) labels = NULL;
  guint position;

  g_ptr_array_set_size (self->shown_cycles, 0);
  for (guint i = 0; self->cycles[i] != NULL; i++)
    if (onramp_billing_cycle_fits_term (self->cycles[i], term))
      g_ptr_array_add (self->shown_cycles, self->cycles[i]);
  for (guint i = 0; self->shown_cycles->len == 0 && self->cycles[i] != NULL; i++)
    g_ptr_array_add (self->shown_cycles, self->cycles[i]);

  position = onramp_offer_row_index_of (self->shown_cycles, cycle);
  if (position == GTK_INVALID_LIST_POSITION && self->shown_cycles->len > 0)
    {
      position = 0;
      onramp_line_item_set_billing_cycle (self->item, g_ptr_array_index (self->shown_cycles, 0));
    }

  labels = onramp_offer_row_labels (self->shown_cycles, onramp_billing_cycle_to_label);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->cycle_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->cycle_dropdown, position);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cycle_dropdown), self->shown_cycles->len > 1);
}

static void
on_term_dropdown_selected_cb (OnrampOfferRow *self)
{
  guint position = gtk_drop_down_get_selected (self->term_dropdown);

  if (self->updating || position >= g_strv_length (self->terms))
    return;

  onramp_line_item_set_term_duration (self->item, self->terms[position]);
  onramp_offer_row_update_cycles (self);
}

static void
on_cycle_dropdown_selected_cb (OnrampOfferRow *self)
{
  guint position = gtk_drop_down_get_selected (self->cycle_dropdown);

  if (self->updating || position >= self->shown_cycles->len)
    return;

  onramp_line_item_set_billing_cycle (self->item, g_ptr_array_index (self->shown_cycles, position));
}

static void
on_quantity_spin_value_changed_cb (OnrampOfferRow *self)
{
  if (self->updating)
    return;

  onramp_line_item_set_quantity (self->item, (guint) gtk_spin_button_get_value_as_int (self->quantity_spin));
}

static void
onramp_offer_row_remove_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
onramp_offer_row_dispose (GObject *object)
{
  OnrampOfferRow *self = (OnrampOfferRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_OFFER_ROW);

  g_clear_object (&self->item);
  g_clear_pointer (&self->shown_cycles, g_ptr_array_unref);

  G_OBJECT_CLASS (onramp_offer_row_parent_class)->dispose (object);
}

static void
onramp_offer_row_finalize (GObject *object)
{
  OnrampOfferRow *self = (OnrampOfferRow *)object;

  g_strfreev (self->terms);
  g_strfreev (self->cycles);

  G_OBJECT_CLASS (onramp_offer_row_parent_class)->finalize (object);
}

static void
onramp_offer_row_class_init (OnrampOfferRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_offer_row_dispose;
  object_class->finalize = onramp_offer_row_finalize;

  /**
   * OnrampOfferRow::remove:
   *
   * The user asked to remove the offer from the order.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-offer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, range_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, quantity_spin);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, quantity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, term_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OnrampOfferRow, cycle_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_quantity_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_term_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cycle_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "offer.remove", NULL, onramp_offer_row_remove_action);
}

static void
onramp_offer_row_init (OnrampOfferRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_cycles = g_ptr_array_new ();
}

/* Options plus the item's own value, so a draft made with a choice the
 * catalog no longer lists still shows what it holds */
static GStrv
onramp_offer_row_options (const char * const *options,
                          const char         *current)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (current != NULL && *current != '\0' && (options == NULL || !g_strv_contains (options, current)))
    g_strv_builder_add (builder, current);
  if (options != NULL)
    g_strv_builder_addv (builder, (const char **) options);

  return g_strv_builder_end (builder);
}

static void
onramp_offer_row_set_texts (OnrampOfferRow *self)
{
  guint minimum = MAX (1, onramp_line_item_get_minimum_quantity (self->item));
  guint maximum = onramp_line_item_get_maximum_quantity (self->item);
  g_autofree char *range = NULL;
  g_autofree char *remove = NULL;

  if (maximum < minimum)
    maximum = ONRAMP_LINE_ITEM_MAX_QUANTITY;

  range = onramp_license_range_to_label (minimum, maximum);
  /* Translators: %s is the name of an offer, e.g. "Microsoft 365 E3" */
  remove = g_strdup_printf (_("Remove %s"), onramp_line_item_get_title (self->item));

  gtk_label_set_label (self->title_label, onramp_line_item_get_title (self->item));
  gtk_label_set_label (self->range_label, range);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);

  self->updating = TRUE;
  gtk_adjustment_configure (self->quantity_adjustment,
                            CLAMP (onramp_line_item_get_quantity (self->item), minimum, maximum),
                            minimum, maximum, 1, 10, 0);
  self->updating = FALSE;
  /* The item now holds a quantity in range, whatever it held before */
  on_quantity_spin_value_changed_cb (self);
}

/**
 * onramp_offer_row_new:
 * @item: the record's line item the row edits
 * @terms: (nullable) (array zero-terminated=1): the availability's term
 *   durations ("P1M"…)
 * @billing_cycles: (nullable) (array zero-terminated=1): the SKU's billing
 *   cycles ("monthly"…)
 */
GtkWidget *
onramp_offer_row_new (OnrampLineItem     *item,
                      const char * const *terms,
                      const char * const *billing_cycles)
{
  OnrampOfferRow *self;
  g_autoptr(GPtrArray) term_values = g_ptr_array_new ();
  g_autoptr(GtkStringList) labels = NULL;

  g_return_val_if_fail (ONRAMP_IS_LINE_ITEM (item), NULL);

  self = g_object_new (ONRAMP_TYPE_OFFER_ROW, NULL);
  self->item = g_object_ref (item);
  self->terms = onramp_offer_row_options (terms, onramp_line_item_get_term_duration (item));
  self->cycles = onramp_offer_row_options (billing_cycles, onramp_line_item_get_billing_cycle (item));

  for (guint i = 0; self->terms[i] != NULL; i++)
    g_ptr_array_add (term_values, self->terms[i]);
  labels = onramp_offer_row_labels (term_values, onramp_term_duration_to_label);

  /* A new item takes the first term; the record reads "unset" as "". Set
   * before the drop-down shows it, or it shows GTK's "(None)" */
  if ((onramp_line_item_get_term_duration (item) == NULL || *onramp_line_item_get_term_duration (item) == '\0') &&
      term_values->len > 0)
    onramp_line_item_set_term_duration (item, term_values->pdata[0]);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->term_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->term_dropdown,
                              onramp_offer_row_index_of (term_values, onramp_line_item_get_term_duration (item)));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->term_dropdown), term_values->len > 1);

  onramp_offer_row_update_cycles (self);
  onramp_offer_row_set_texts (self);

  return GTK_WIDGET (self);
}

OnrampLineItem *
onramp_offer_row_get_item (OnrampOfferRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_OFFER_ROW (self), NULL);

  return self->item;
}

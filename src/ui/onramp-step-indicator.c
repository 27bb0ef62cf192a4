/* onramp-step-indicator.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-step-indicator"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "onramp-step-indicator.h"

/* The wizard's steps in a row: done ones ticked, the current one
 * highlighted. When the window is too narrow for the row, a squeezer swaps
 * it for one line, "Step 2 of 5: Indirect reseller".
 */
struct _OnrampStepIndicator
{
  GtkWidget    parent_instance;

  AdwSqueezer *squeezer;
  GtkWidget   *steps_box;
  GtkLabel    *compact_label;

  GStrv        titles;
  guint        current;
};

G_DEFINE_FINAL_TYPE (OnrampStepIndicator, onramp_step_indicator, GTK_TYPE_WIDGET)

static GtkWidget *
create_step (const char *title,
             guint       position,
             guint       current)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = NULL;
  GtkWidget *number_label;
  GtkWidget *title_label;

  number = position < current ? g_strdup ("✓") : g_strdup_printf ("%u", position + 1);
  number_label = gtk_label_new (number);
  gtk_widget_add_css_class (number_label, "step-number");
  gtk_accessible_update_property (GTK_ACCESSIBLE (number_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  title_label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_widget_add_css_class (box, "step");
  if (position < current)
    gtk_widget_add_css_class (box, "done");
  else if (position == current)
    gtk_widget_add_css_class (box, "current");
  else
    gtk_widget_add_css_class (box, "upcoming");

  return box;
}

static void
onramp_step_indicator_rebuild (OnrampStepIndicator *self)
{
  GtkWidget *child;
  guint n_steps = self->titles ? g_strv_length (self->titles) : 0;

  while ((child = gtk_widget_get_first_child (self->steps_box)))
    gtk_box_remove (GTK_BOX (self->steps_box), child);

  for (guint i = 0; i < n_steps; i++)
    {
      if (i > 0)
        {
          GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

          gtk_widget_set_valign (separator, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (separator, "step-separator");
          gtk_box_append (GTK_BOX (self->steps_box), separator);
        }
      gtk_box_append (GTK_BOX (self->steps_box), create_step (self->titles[i], i, self->current));
    }

  if (self->current < n_steps)
    {
      /* Translators: the wizard's progress in a narrow window, e.g.
       * "Step 2 of 5: Indirect reseller" */
      g_autofree char *compact = g_strdup_printf (_("Step %u of %u: %s"),
                                                  self->current + 1, n_steps,
                                                  self->titles[self->current]);

      gtk_label_set_label (self->compact_label, compact);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, compact, -1);
    }
}

static void
onramp_step_indicator_dispose (GObject *object)
{
  OnrampStepIndicator *self = (OnrampStepIndicator *)object;

  g_clear_pointer ((GtkWidget **)&self->squeezer, gtk_widget_unparent);
  g_clear_pointer (&self->titles, g_strfreev);

  G_OBJECT_CLASS (onramp_step_indicator_parent_class)->dispose (object);
}

static void
onramp_step_indicator_class_init (OnrampStepIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_step_indicator_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stepindicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
onramp_step_indicator_init (OnrampStepIndicator *self)
{
  self->squeezer = ADW_SQUEEZER (adw_squeezer_new ());
  adw_squeezer_set_homogeneous (self->squeezer, FALSE);
  adw_squeezer_set_transition_type (self->squeezer, ADW_SQUEEZER_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (GTK_WIDGET (self->squeezer), GTK_WIDGET (self));

  self->steps_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->steps_box, GTK_ALIGN_CENTER);
  adw_squeezer_add (self->squeezer, self->steps_box);

  self->compact_label = GTK_LABEL (gtk_label_new (NULL));
  /* Large text or long words ("Kontoinformationen") at 360 pixels: wrap,
   * never cut the step's name */
  gtk_label_set_wrap (self->compact_label, TRUE);
  gtk_label_set_wrap_mode (self->compact_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (self->compact_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->compact_label), "step-compact");
  adw_squeezer_add (self->squeezer, GTK_WIDGET (self->compact_label));
}

/**
 * onramp_step_indicator_set_steps:
 * @titles: the visible steps' titles, in order
 * @current: the position of the current step in @titles
 */
void
onramp_step_indicator_set_steps (OnrampStepIndicator *self,
                                 const char * const  *titles,
                                 guint                current)
{
  g_return_if_fail (ONRAMP_IS_STEP_INDICATOR (self));

  g_clear_pointer (&self->titles, g_strfreev);
  self->titles = g_strdupv ((char **)titles);
  self->current = current;
  onramp_step_indicator_rebuild (self);
}

guint
onramp_step_indicator_get_n_steps (OnrampStepIndicator *self)
{
  g_return_val_if_fail (ONRAMP_IS_STEP_INDICATOR (self), 0);

  return self->titles ? g_strv_length (self->titles) : 0;
}

const char *
onramp_step_indicator_get_title (OnrampStepIndicator *self,
                                 guint                position)
{
  g_return_val_if_fail (ONRAMP_IS_STEP_INDICATOR (self), NULL);
  g_return_val_if_fail (position < onramp_step_indicator_get_n_steps (self), NULL);

  return self->titles[position];
}

guint
onramp_step_indicator_get_current (OnrampStepIndicator *self)
{
  g_return_val_if_fail (ONRAMP_IS_STEP_INDICATOR (self), 0);

  return self->current;
}

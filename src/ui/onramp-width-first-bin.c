/* onramp-width-first-bin.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-width-first-bin"

#include "config.h"

#include "onramp-width-first-bin.h"

/* Holds wrapping text that GTK would otherwise measure at dozens of widths.
 *
 * GTK 4.8 asks a widget for its narrowest width at a given height in two
 * common places: a horizontal box sharing out its width (it doubles a
 * guess, then bisects) and gtk_widget_allocate() placing a widget whose
 * valign is not fill. A vertical box of wrapping labels answers by searching
 * for the width at which its labels fit that height, one text layout per
 * guess; a long label was laid out some fifty times that way before the
 * first frame, the most expensive thing Onramp drew (tests/bench/startup-
 * instructions). libadwaita's action rows, group headers and status pages
 * centre such boxes, so Onramp builds those few itself, around this bin.
 *
 * The bin's width does not depend on the height offered: it gives its
 * child's width as asked with no height. Whoever places it then shares out
 * the space from those widths and asks for the height at the width it gave,
 * where each label lays its text out once. Put valign on the bin, not on the
 * box inside it. The text wraps as before; only the search is gone.
 */
struct _OnrampWidthFirstBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

static void onramp_width_first_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OnrampWidthFirstBin, onramp_width_first_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      onramp_width_first_bin_buildable_init))

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static void
onramp_width_first_bin_buildable_add_child (GtkBuildable *buildable,
                                            GtkBuilder   *builder,
                                            GObject      *child,
                                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    onramp_width_first_bin_set_child (ONRAMP_WIDTH_FIRST_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
onramp_width_first_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = onramp_width_first_bin_buildable_add_child;
}

static GtkSizeRequestMode
onramp_width_first_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
onramp_width_first_bin_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  gtk_widget_measure (self->child, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
onramp_width_first_bin_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

/* As transparent as a GtkBinLayout parent: the child's expand is the bin's */
static void
onramp_width_first_bin_compute_expand (GtkWidget *widget,
                                       gboolean  *hexpand,
                                       gboolean  *vexpand)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static void
onramp_width_first_bin_dispose (GObject *object)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (onramp_width_first_bin_parent_class)->dispose (object);
}

static void
onramp_width_first_bin_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_width_first_bin_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  OnrampWidthFirstBin *self = ONRAMP_WIDTH_FIRST_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      onramp_width_first_bin_set_child (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_width_first_bin_class_init (OnrampWidthFirstBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_width_first_bin_dispose;
  object_class->get_property = onramp_width_first_bin_get_property;
  object_class->set_property = onramp_width_first_bin_set_property;

  widget_class->get_request_mode = onramp_width_first_bin_get_request_mode;
  widget_class->measure = onramp_width_first_bin_measure;
  widget_class->size_allocate = onramp_width_first_bin_size_allocate;
  widget_class->compute_expand = onramp_width_first_bin_compute_expand;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "widthfirstbin");
}

static void
onramp_width_first_bin_init (OnrampWidthFirstBin *self)
{
}

GtkWidget *
onramp_width_first_bin_get_child (OnrampWidthFirstBin *self)
{
  g_return_val_if_fail (ONRAMP_IS_WIDTH_FIRST_BIN (self), NULL);

  return self->child;
}

void
onramp_width_first_bin_set_child (OnrampWidthFirstBin *self,
                                  GtkWidget           *child)
{
  g_return_if_fail (ONRAMP_IS_WIDTH_FIRST_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

/* onramp-unbuilt-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-unbuilt-page"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-unbuilt-page.h"

/* A step of the wizard that this version does not have yet. It says so
 * plainly and never reports itself complete, so nobody can walk past it
 * believing something happened.
 */
struct _OnrampUnbuiltPage
{
  OnrampPage     parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (OnrampUnbuiltPage, onramp_unbuilt_page, ONRAMP_TYPE_PAGE)

static void
onramp_unbuilt_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ONRAMP_TYPE_UNBUILT_PAGE);

  G_OBJECT_CLASS (onramp_unbuilt_page_parent_class)->dispose (object);
}

static void
onramp_unbuilt_page_class_init (OnrampUnbuiltPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_unbuilt_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-unbuilt-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampUnbuiltPage, status_page);
}

static void
onramp_unbuilt_page_init (OnrampUnbuiltPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "title", self->status_page, "title", G_BINDING_SYNC_CREATE);
}

GtkWidget *
onramp_unbuilt_page_new (const char *title,
                         const char *icon_name)
{
  OnrampUnbuiltPage *self = g_object_new (ONRAMP_TYPE_UNBUILT_PAGE, "title", title, NULL);

  adw_status_page_set_icon_name (self->status_page, icon_name);

  return GTK_WIDGET (self);
}

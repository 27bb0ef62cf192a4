/* onramp-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-page"

#include "config.h"

#include "onramp-page.h"

typedef struct
{
  char           *title;
  char           *forward_label;
  OnrampCustomer *customer;
  guint           complete : 1;
  guint           skippable : 1;
  guint           busy : 1;
} OnrampPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (OnrampPage, onramp_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_SKIPPABLE,
  PROP_BUSY,
  PROP_CUSTOMER,
  PROP_FORWARD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
onramp_page_real_apply_async (OnrampPage          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, onramp_page_real_apply_async);
  g_task_return_boolean (task, TRUE);
}

static gboolean
onramp_page_real_finish (OnrampPage    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
onramp_page_dispose (GObject *object)
{
  OnrampPage *self = (OnrampPage *)object;
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_clear_object (&priv->customer);

  G_OBJECT_CLASS (onramp_page_parent_class)->dispose (object);
}

static void
onramp_page_finalize (GObject *object)
{
  OnrampPage *self = (OnrampPage *)object;
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->forward_label);

  G_OBJECT_CLASS (onramp_page_parent_class)->finalize (object);
}

static void
onramp_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OnrampPage *self = ONRAMP_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, onramp_page_get_title (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, onramp_page_get_complete (self));
      break;

    case PROP_SKIPPABLE:
      g_value_set_boolean (value, onramp_page_get_skippable (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, onramp_page_get_busy (self));
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, onramp_page_get_customer (self));
      break;

    case PROP_FORWARD_LABEL:
      g_value_set_string (value, onramp_page_get_forward_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OnrampPage *self = ONRAMP_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      onramp_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      onramp_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_SKIPPABLE:
      onramp_page_set_skippable (self, g_value_get_boolean (value));
      break;

    case PROP_BUSY:
      onramp_page_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_CUSTOMER:
      onramp_page_set_customer (self, g_value_get_object (value));
      break;

    case PROP_FORWARD_LABEL:
      onramp_page_set_forward_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_page_class_init (OnrampPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = onramp_page_dispose;
  object_class->finalize = onramp_page_finalize;
  object_class->get_property = onramp_page_get_property;
  object_class->set_property = onramp_page_set_property;

  klass->apply_async = onramp_page_real_apply_async;
  klass->apply_finish = onramp_page_real_finish;
  klass->commit_async = onramp_page_real_apply_async;
  klass->commit_finish = onramp_page_real_finish;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  properties[PROP_SKIPPABLE] = g_param_spec_boolean ("skippable", NULL, NULL, FALSE, flags);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, flags);
  properties[PROP_CUSTOMER] = g_param_spec_object ("customer", NULL, NULL, ONRAMP_TYPE_CUSTOMER, flags);
  properties[PROP_FORWARD_LABEL] = g_param_spec_string ("forward-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
onramp_page_init (OnrampPage *self)
{
}

const char *
onramp_page_get_title (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), NULL);

  return priv->title;
}

void
onramp_page_set_title (OnrampPage *self,
                       const char *title)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  g_free (priv->forward_label);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
onramp_page_get_complete (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), FALSE);

  return priv->complete;
}

void
onramp_page_set_complete (OnrampPage *self,
                          gboolean    complete)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
onramp_page_get_skippable (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), FALSE);

  return priv->skippable;
}

void
onramp_page_set_skippable (OnrampPage *self,
                           gboolean    skippable)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));

  skippable = !!skippable;
  if (priv->skippable == skippable)
    return;

  priv->skippable = skippable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPABLE]);
}

gboolean
onramp_page_get_busy (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), FALSE);

  return priv->busy;
}

void
onramp_page_set_busy (OnrampPage *self,
                      gboolean    busy)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));

  busy = !!busy;
  if (priv->busy == busy)
    return;

  priv->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * onramp_page_get_customer:
 *
 * Returns: (transfer none) (nullable): the record the page edits
 */
OnrampCustomer *
onramp_page_get_customer (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), NULL);

  return priv->customer;
}

/* The first scrolled window inside @widget, breadth first: the page's own */
static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *next = g_queue_pop_head (queue);

      if (GTK_IS_SCROLLED_WINDOW (next))
        return GTK_SCROLLED_WINDOW (next);
      for (GtkWidget *child = gtk_widget_get_first_child (next); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  return NULL;
}

/* Another record starts at the top of the page, not where the last one was
 * left (the catalog's heading scrolled away for the next customer) */
static void
onramp_page_scroll_to_top (OnrampPage *self)
{
  GtkScrolledWindow *scrolled = find_scrolled_window (GTK_WIDGET (self));
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

void
onramp_page_set_customer (OnrampPage     *self,
                          OnrampCustomer *customer)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));
  g_return_if_fail (!customer || ONRAMP_IS_CUSTOMER (customer));

  if (!g_set_object (&priv->customer, customer))
    return;

  onramp_page_scroll_to_top (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

/**
 * onramp_page_get_forward_label:
 *
 * Returns: (nullable): what the assistant's Next button says on this page
 *   (with a mnemonic), or %NULL for “Next”
 */
const char *
onramp_page_get_forward_label (OnrampPage *self)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_val_if_fail (ONRAMP_IS_PAGE (self), NULL);

  return priv->forward_label;
}

/**
 * onramp_page_set_forward_label:
 * @forward_label: (nullable): such as “_Submit”, for a page whose apply does
 *   more than move on
 */
void
onramp_page_set_forward_label (OnrampPage *self,
                               const char *forward_label)
{
  OnrampPagePrivate *priv = onramp_page_get_instance_private (self);

  g_return_if_fail (ONRAMP_IS_PAGE (self));

  if (g_strcmp0 (priv->forward_label, forward_label) == 0)
    return;

  g_free (priv->forward_label);
  priv->forward_label = g_strdup (forward_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORWARD_LABEL]);
}

void
onramp_page_hidden (OnrampPage *self)
{
  g_return_if_fail (ONRAMP_IS_PAGE (self));

  if (ONRAMP_PAGE_GET_CLASS (self)->hidden)
    ONRAMP_PAGE_GET_CLASS (self)->hidden (self);
}

void
onramp_page_shown (OnrampPage *self)
{
  g_return_if_fail (ONRAMP_IS_PAGE (self));

  if (ONRAMP_PAGE_GET_CLASS (self)->shown)
    ONRAMP_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * onramp_page_reveal_issues:
 *
 * Shows the page's issues at once, without waiting for the user to leave
 * each field, and focuses the first field in error. The assistant calls it
 * when the user asks for Next on a page that is not complete.
 */
void
onramp_page_reveal_issues (OnrampPage *self)
{
  g_return_if_fail (ONRAMP_IS_PAGE (self));

  if (ONRAMP_PAGE_GET_CLASS (self)->reveal_issues)
    ONRAMP_PAGE_GET_CLASS (self)->reveal_issues (self);
}

void
onramp_page_apply_async (OnrampPage          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_PAGE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  ONRAMP_PAGE_GET_CLASS (self)->apply_async (self, cancellable, callback, user_data);
}

gboolean
onramp_page_apply_finish (OnrampPage    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_PAGE (self), FALSE);

  return ONRAMP_PAGE_GET_CLASS (self)->apply_finish (self, result, error);
}

void
onramp_page_commit_async (OnrampPage          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (ONRAMP_IS_PAGE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  ONRAMP_PAGE_GET_CLASS (self)->commit_async (self, cancellable, callback, user_data);
}

gboolean
onramp_page_commit_finish (OnrampPage    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (ONRAMP_IS_PAGE (self), FALSE);

  return ONRAMP_PAGE_GET_CLASS (self)->commit_finish (self, result, error);
}

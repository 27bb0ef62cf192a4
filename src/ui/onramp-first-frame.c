/* onramp-first-frame.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-first-frame"

#include "config.h"

#include "onramp-first-frame.h"

/* Work the window's first frame should not wait for (tests/bench/startup):
 * styling, measuring and drawing widgets nobody sees yet. It runs once the
 * frame that first showed the widget has been drawn, from an idle callback,
 * so that the frame is on screen before the work starts and the work is
 * done before the user can reach it. A widget gone by then is left alone.
 */
typedef struct
{
  GWeakRef             widget;
  OnrampFirstFrameFunc func;
} FirstFrame;

/* Each stage (map, after-paint, idle) owns its own copy, freed with its
 * handler or source however that ends */
static FirstFrame *
first_frame_new (GtkWidget            *widget,
                 OnrampFirstFrameFunc  func)
{
  FirstFrame *first_frame = g_new0 (FirstFrame, 1);

  g_weak_ref_init (&first_frame->widget, widget);
  first_frame->func = func;
  return first_frame;
}

static FirstFrame *
first_frame_copy (FirstFrame *first_frame)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&first_frame->widget);

  return widget != NULL ? first_frame_new (widget, first_frame->func) : NULL;
}

static void
first_frame_free (gpointer  data,
                  GClosure *closure)
{
  FirstFrame *first_frame = data;

  g_weak_ref_clear (&first_frame->widget);
  g_free (first_frame);
}

static void
first_frame_free_notify (gpointer data)
{
  first_frame_free (data, NULL);
}

static gboolean
run_first_frame_func_cb (gpointer user_data)
{
  FirstFrame *first_frame = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&first_frame->widget);

  if (widget != NULL)
    first_frame->func (widget);

  return G_SOURCE_REMOVE;
}

static void
first_frame_schedule (FirstFrame *first_frame)
{
  if (first_frame != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_first_frame_func_cb, first_frame, first_frame_free_notify);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   FirstFrame    *first_frame)
{
  first_frame_schedule (first_frame_copy (first_frame));
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, first_frame);
}

static void
on_first_map_cb (GtkWidget  *widget,
                 FirstFrame *first_frame)
{
  g_signal_connect_data (gtk_widget_get_frame_clock (widget), "after-paint",
                         G_CALLBACK (on_after_paint_cb), first_frame_copy (first_frame),
                         first_frame_free, 0);
  g_signal_handlers_disconnect_by_func (widget, on_first_map_cb, first_frame);
}

/**
 * onramp_widget_after_first_frame:
 * @func: called with @widget after its first drawn frame
 *
 * Calls @func once @widget has been mapped and the frame that showed it
 * drawn; soon (from an idle callback) when @widget is mapped already. Not
 * at all when @widget is finalized first, or never shown.
 */
void
onramp_widget_after_first_frame (GtkWidget            *widget,
                                 OnrampFirstFrameFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (gtk_widget_get_mapped (widget))
    first_frame_schedule (first_frame_new (widget, func));
  else
    g_signal_connect_data (widget, "map", G_CALLBACK (on_first_map_cb), first_frame_new (widget, func),
                           first_frame_free, 0);
}

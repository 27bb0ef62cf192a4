/* onramp-ui-test-utils.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-ui-test"

#include "config.h"

#include <stdlib.h>

#include "onramp-issue-row.h"
#include "onramp-ui-test-utils.h"

/**
 * onramp_test_wait_for:
 *
 * Runs the main loop until @condition holds or @timeout_ms pass. Tests wait
 * for an effect, never for a fixed time: GTK delays a button's "clicked"
 * and a typing pause is a timer.
 */
gboolean
onramp_test_wait_for (OnrampTestCondition condition,
                      gpointer            data,
                      guint               timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
onramp_test_iterate (guint ms)
{
  onramp_test_wait_for (never, NULL, ms);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/**
 * onramp_test_render:
 *
 * Renders @widget as it is on screen now. The widget's render node is
 * taken right after a frame was painted: between frames GTK may have
 * dropped it (ci-recipe.md).
 *
 * Returns: (transfer full): the picture
 */
GdkTexture *
onramp_test_render (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler;
  int width, height;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (onramp_test_wait_for (is_true, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/**
 * onramp_test_save_screenshot:
 * @name: the file name without directory, e.g. "window-en.png"
 *
 * Renders @widget into $SCREENSHOT_DIR/@name.
 */
void
onramp_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);

  texture = onramp_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

static void
collect_ellipsized_labels (GtkWidget *widget,
                           GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_ptr_array_add (labels, (gpointer)gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_ellipsized_labels (child, labels);
}

/**
 * onramp_test_count_ellipsized_labels:
 *
 * Counts the shown labels of @widget that end in "…" instead of showing
 * all their text, and names each in the test log.
 */
guint
onramp_test_count_ellipsized_labels (GtkWidget *widget)
{
  g_autoptr(GPtrArray) clipped = g_ptr_array_new ();

  collect_ellipsized_labels (widget, clipped);
  for (guint i = 0; i < clipped->len; i++)
    g_test_message ("Ellipsized: %s", (char *)clipped->pdata[i]);

  return clipped->len;
}

/* Outside build-aux/test there may be no X server. Say where to go instead
 * of letting GTK abort with "cannot open display". */
void
onramp_test_skip_without_display (void)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run the UI tests with build-aux/test "
               "(Xvfb, a private D-Bus session and a throwaway keyring)\n");
      exit (0); /* TAP: a plan of 1..0 with SKIP marks the whole test skipped */
    }
}

/**
 * onramp_test_use_private_data:
 *
 * Drafts, caches and submissions of this test run go to a folder of its
 * own: a draft saved by one test (or by the previous language's run) would
 * otherwise reopen in the next. Call before the application starts.
 */
void
onramp_test_use_private_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("onramp-ui-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
}

/**
 * onramp_test_language:
 *
 * Returns: the UI language the test runs in, from $LANGUAGE ("en" if unset)
 */
const char *
onramp_test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language && *language ? language : "en";
}

/**
 * onramp_test_get_child:
 *
 * The template child @name of @widget (a @type), which must exist: a test
 * that names a child the template lost fails here, not with a NULL later.
 */
GtkWidget *
onramp_test_get_child (gpointer    widget,
                       GType       type,
                       const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

OnrampWindow *
onramp_test_get_window (OnrampApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ONRAMP_IS_WINDOW (window));
  return ONRAMP_WINDOW (window);
}

OnrampAssistant *
onramp_test_get_assistant (OnrampApplication *app)
{
  return onramp_window_get_assistant (onramp_test_get_window (app));
}

OnrampCustomer *
onramp_test_get_customer (OnrampApplication *app)
{
  return onramp_window_get_customer (onramp_test_get_window (app));
}

OnrampPage *
onramp_test_current_page (OnrampApplication *app)
{
  return onramp_assistant_get_current_page (onramp_test_get_assistant (app));
}

/* Conditions for onramp_test_wait_for(): a row's issue shown or hidden */
gboolean
onramp_test_issue_row_showing (gpointer row)
{
  return onramp_issue_row_get_showing (row);
}

gboolean
onramp_test_issue_row_hidden (gpointer row)
{
  return !onramp_issue_row_get_showing (row);
}

/* onramp-ui-test-utils.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-ui-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

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
 * onramp_test_save_screenshot:
 * @name: the file name without directory, e.g. "window-en.png"
 *
 * Renders @widget into $SCREENSHOT_DIR/@name. The widget's render node is
 * taken right after a frame was painted: between frames GTK may have
 * dropped it (ci-recipe.md).
 */
void
onramp_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  gboolean painted = FALSE;
  gulong handler;
  int width, height;

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);

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

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
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

/**
 * onramp_test_use_private_home:
 *
 * Like onramp_test_use_private_data(), for everything: $HOME and each XDG
 * directory (data, config, cache, state, runtime) under one new folder, so
 * a test can tell what the app wrote. Call before anything starts a thread
 * or asks GLib for those directories.
 *
 * Returns: the folder, for the life of the process
 */
const char *
onramp_test_use_private_home (void)
{
  static const struct { const char *variable; const char *subdir; } dirs[] = {
    { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" },
    { "XDG_STATE_HOME", ".local/state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  static char *home;
  g_autoptr(GError) error = NULL;

  g_assert_null (home);
  home = g_dir_make_tmp ("onramp-ui-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i].subdir, NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i].variable, path, TRUE);
    }

  return home;
}

/* Removes @path and all below it; symbolic links, not what they point to */
void
onramp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        onramp_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The first toplevel of @type, or NULL */
GtkWindow *
onramp_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Condition: @spinner spins where it can be seen */
gboolean
onramp_test_spinner_showing (gpointer spinner)
{
  return gtk_widget_get_mapped (spinner) && gtk_spinner_get_spinning (spinner);
}

static gboolean
window_active (gpointer window)
{
  return gtk_window_is_active (window);
}

/**
 * onramp_test_return_focus:
 *
 * Gives @window the focus back after a dialog closed, as a window manager
 * would; Xvfb has none. Otherwise the app, finding itself in the
 * background, sends notifications the test's bus cannot deliver.
 */
void
onramp_test_return_focus (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (onramp_test_wait_for (window_active, window, 5000));
}

typedef struct
{
  GArray *frames;     /* gint64, monotonic µs */
  gint64  last_tick;
  gint64  longest_gap;
} Watcher;

static void
on_watched_after_paint_cb (GdkFrameClock *clock,
                           Watcher       *watcher)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (watcher->frames, now);
}

static gboolean
on_watchdog_tick_cb (gpointer user_data)
{
  Watcher *watcher = user_data;
  gint64 now = g_get_monotonic_time ();

  watcher->longest_gap = MAX (watcher->longest_gap, now - watcher->last_tick);
  watcher->last_tick = now;

  return G_SOURCE_CONTINUE;
}

/* The fewest frames in a window of 2 s sliding over [start, end] in steps
 * of 50 ms; over the whole span when it is shorter */
static guint
fewest_frames_in_2s (GArray *frames,
                     gint64  start,
                     gint64  end)
{
  const gint64 span = 2 * G_USEC_PER_SEC;
  guint fewest = G_MAXUINT;

  for (gint64 from = start; from == start || from + span <= end; from += 50 * 1000)
    {
      guint n = 0;

      for (guint i = 0; i < frames->len; i++)
        {
          gint64 t = g_array_index (frames, gint64, i);

          if (t >= from && t < from + span)
            n++;
        }
      fewest = MIN (fewest, n);
    }

  return fewest;
}

/**
 * onramp_test_watch_while:
 * @widget: whose window should keep drawing
 * @in_flight: holds while the request is under way
 * @shows_progress: (nullable): whether the UI says so; asked at every
 *   main-loop iteration while @in_flight holds
 *
 * Runs the main loop while @in_flight holds (at most @timeout_ms), and
 * measures what a user would notice if the main thread blocked: the frames
 * @widget's window draws, and the longest pause between two ticks of a
 * 5 ms timer (a blocking 2 s call would show as a 2 s pause).
 *
 * Returns: %FALSE if @in_flight still held after @timeout_ms
 */
gboolean
onramp_test_watch_while (GtkWidget           *widget,
                         OnrampTestCondition  in_flight,
                         OnrampTestCondition  shows_progress,
                         gpointer             data,
                         guint                timeout_ms,
                         OnrampTestWatch     *watch)
{
  /* Held: a dialog that closes when done takes its clock with it */
  g_autoptr(GdkFrameClock) clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  Watcher watcher = { g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + (gint64)timeout_ms * 1000;
  gboolean finished = TRUE;
  gulong handler;
  guint tick;

  memset (watch, 0, sizeof *watch);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_watched_after_paint_cb), &watcher);
  watcher.last_tick = start;
  tick = g_timeout_add (5, on_watchdog_tick_cb, &watcher);

  while (in_flight (data))
    {
      if (shows_progress != NULL)
        {
          watch->n_checks++;
          if (!shows_progress (data))
            watch->n_without_progress++;
        }
      if (g_get_monotonic_time () > end)
        {
          finished = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }

  watch->duration_us = g_get_monotonic_time () - start;
  on_watchdog_tick_cb (&watcher);
  g_source_remove (tick);
  /* A clock whose window went away has lost its handlers already */
  if (g_signal_handler_is_connected (clock, handler))
    g_signal_handler_disconnect (clock, handler);

  watch->n_frames = watcher.frames->len;
  watch->min_frames_2s = fewest_frames_in_2s (watcher.frames, start, start + watch->duration_us);
  watch->longest_gap_us = watcher.longest_gap;
  g_array_unref (watcher.frames);

  return finished;
}

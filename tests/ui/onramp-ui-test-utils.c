/* onramp-ui-test-utils.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-ui-test"

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "onramp-choice-row.h"
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
 * Renders @widget as it is on screen now, in device pixels (twice the
 * widget's size at GDK_SCALE=2). The widget's render node is taken right
 * after a frame was painted: between frames GTK may have dropped it
 * (ci-recipe.md).
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
  int scale = gtk_widget_get_scale_factor (widget);

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (onramp_test_wait_for (is_true, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);

  paintable = gtk_widget_paintable_new (widget);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/**
 * onramp_test_add_app_style:
 * @name: a stylesheet in Onramp's resources, e.g. "style.css"
 *
 * Applies one of Onramp's stylesheets to the display, as AdwApplication
 * does in the app, until gtk_style_context_remove_provider_for_display().
 *
 * Returns: (transfer full): the provider
 */
GtkCssProvider *
onramp_test_add_app_style (const char *name)
{
  GtkCssProvider *provider = gtk_css_provider_new ();
  g_autofree char *path = g_strconcat ("/io/github/onrampcsp/Onramp/", name, NULL);

  gtk_css_provider_load_from_resource (provider, path);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  return provider;
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
 * The template child @name of @widget (a @type), or the widget of that id
 * in a part @widget builds after the first frame, which must exist: a test
 * that names a child the template lost fails here, not with a NULL later.
 */
static gboolean
has_builder_id (GtkWidget     *widget,
                gconstpointer  name)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0;
}

typedef struct
{
  GtkWidget  *widget;
  const char *name;
  GtkWidget  *found;
} BuiltChild;

static gboolean
built_child_found (gpointer data)
{
  BuiltChild *built = data;

  built->found = onramp_test_find_descendant (built->widget, has_builder_id, built->name);
  return built->found != NULL;
}

GtkWidget *
onramp_test_get_child (gpointer    widget,
                       GType       type,
                       const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  BuiltChild built = { widget, name, NULL };

  if (child != NULL)
    return GTK_WIDGET (child);

  /* Not in the template: a part built after the window's first frame (the
   * account page's onramp-account-page-more.ui), found by its id */
  g_assert_true (onramp_test_wait_for (built_child_found, &built, 5000));
  return built.found;
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
 * onramp_test_focus_is_in:
 *
 * Whether the keyboard focus of @widget's window is on @widget or inside it
 */
gboolean
onramp_test_focus_is_in (gpointer widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/**
 * onramp_test_find_actionable:
 * @root: where to look
 * @action_name: such as "app.sign-in"
 *
 * Returns: (nullable): the first visible widget under @root that activates
 *   @action_name, as a menu item or button would
 */
/**
 * onramp_test_find_descendant:
 * @match: whether a widget is the one sought
 *
 * Returns: (nullable): the first of @root and the widgets under it, depth
 *   first, that @match accepts
 */
GtkWidget *
onramp_test_find_descendant (GtkWidget             *root,
                             OnrampTestWidgetMatch  match,
                             gconstpointer          data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = onramp_test_find_descendant (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
activates_action (GtkWidget     *widget,
                  gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
onramp_test_find_actionable (GtkWidget  *root,
                             const char *action_name)
{
  return onramp_test_find_descendant (root, activates_action, action_name);
}

static gboolean
search_done (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_choice_search_changed_cb (GtkSearchEntry *entry,
                             gboolean       *searched)
{
  *searched = TRUE;
}

/**
 * onramp_test_choose:
 * @row: an #OnrampChoiceRow
 * @search: what to type into its search entry
 *
 * Opens the row's list as a click would, types @search and takes the
 * first match with Enter.
 *
 * Returns: the value chosen
 */
const char *
onramp_test_choose (gpointer    row,
                    const char *search)
{
  GtkWidget *popover = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "popover");
  GtkWidget *entry = onramp_test_get_child (row, ONRAMP_TYPE_CHOICE_ROW, "search_entry");
  gboolean searched = FALSE;
  gulong handler;

  gtk_widget_grab_focus (row);
  onramp_test_iterate (100);
  g_assert_true (gtk_widget_activate (row));
  g_assert_true (onramp_test_wait_for ((OnrampTestCondition) gtk_widget_get_mapped, popover, 3000));

  /* The entry searches after a typing pause: end the pause */
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_choice_search_changed_cb), &searched);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (onramp_test_wait_for (search_done, &searched, 3000));
  g_signal_handler_disconnect (entry, handler);
  onramp_test_iterate (100);
  g_signal_emit_by_name (entry, "activate");
  onramp_test_iterate (100);

  return onramp_choice_row_get_value (ONRAMP_CHOICE_ROW (row));
}

/**
 * onramp_test_save_screenshots:
 * @window: the application window
 * @what: what the picture shows, such as "journey-tw-account"
 *
 * Saves @window as "@what-LANG.png" at its width, then at 360 pixels wide
 * as "@what-360-LANG.png", and gives it its width back.
 */
void
onramp_test_save_screenshots (GtkWindow  *window,
                              const char *what)
{
  g_autofree char *wide = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());
  g_autofree char *narrow = g_strdup_printf ("%s-360-%s.png", what, onramp_test_language ());
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  onramp_test_iterate (200);
  onramp_test_save_screenshot (GTK_WIDGET (window), wide);

  gtk_window_set_default_size (window, 360, height > 0 ? height : 720);
  onramp_test_iterate (400);
  onramp_test_save_screenshot (GTK_WIDGET (window), narrow);

  gtk_window_set_default_size (window, width, height);
  onramp_test_iterate (300);
}

/**
 * onramp_test_xdotool_focus:
 * @native: a mapped window, or a popover (a #GtkNative)
 *
 * Gives @native the X keyboard focus, so that the key events xdotool
 * sends through XTEST reach it as a user's would. Under Xvfb there is no
 * window manager to activate a window, nor a keyboard grab that takes the
 * keys to an open popover: the focus is set directly.
 *
 * Returns: %FALSE when that cannot be done (not X11, no xdotool)
 */
gboolean
onramp_test_xdotool_focus (gpointer native)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (native));
  g_autofree char *program = g_find_program_in_path ("xdotool");
  g_autofree char *xid = NULL;

  if (program == NULL || surface == NULL || !GDK_IS_X11_SURFACE (surface))
    return FALSE;

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  onramp_test_xdotool ("windowfocus", "--sync", xid, NULL);
  return TRUE;
}

/**
 * onramp_test_xdotool:
 * @first_arg: the first argument of xdotool, such as "key" or "type"
 * @...: more, %NULL-terminated
 *
 * Runs xdotool and fails the test if it fails. The events it sends wait
 * in the X server until the main loop runs: wait for their effect.
 */
void
onramp_test_xdotool (const char *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool %s failed: %s", first_arg, err);
}

/**
 * onramp_test_mnemonic_key:
 * @label: a label with an underlined letter, such as "Company _legal name"
 *   or "公司法定名稱(_L)"
 *
 * Returns: (nullable): the xdotool key that activates it, such as "alt+l";
 *   %NULL when it has no ASCII mnemonic
 */
char *
onramp_test_mnemonic_key (const char *label)
{
  const char *underline = label != NULL ? strchr (label, '_') : NULL;

  if (underline == NULL || !g_ascii_isalnum (underline[1]))
    return NULL;

  return g_strdup_printf ("alt+%c", g_ascii_tolower (underline[1]));
}

/**
 * onramp_test_find_menu_item:
 * @root: a popover menu
 * @text: the item's label as the menu model has it, such as "_Sign In…"
 *
 * Returns: (nullable): the item a user would click. A menu's items hide
 *   their action from GtkActionable: they are found by their words.
 */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  text)
{
  g_autofree char *label = NULL;
  g_autoptr(GString) plain = NULL;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    return FALSE;

  /* The item shows its words without the mnemonic's underscore */
  plain = g_string_new (text);
  g_string_replace (plain, "_", "", 0);
  g_object_get (widget, "text", &label, NULL);
  return g_strcmp0 (label, text) == 0 || g_strcmp0 (label, plain->str) == 0;
}

GtkWidget *
onramp_test_find_menu_item (GtkWidget  *root,
                            const char *text)
{
  return onramp_test_find_descendant (root, is_menu_item, text);
}

/**
 * onramp_test_save_page_screenshot:
 * @page: an #OnrampPage whose content scrolls
 * @what: what the picture shows; saved as "@what-LANG.png"
 *
 * Saves all of the page's scrolled content, not only what fits the window.
 */
void
onramp_test_save_page_screenshot (GtkWidget  *page,
                                  const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());
  GtkWidget *widget = page;

  while (widget != NULL && !GTK_IS_VIEWPORT (widget))
    widget = gtk_widget_get_first_child (widget);
  g_assert_nonnull (widget);
  onramp_test_save_screenshot (gtk_viewport_get_child (GTK_VIEWPORT (widget)), name);
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

/**
 * onramp_test_named_page:
 * @name: what the assistant calls the page, such as "review"
 *
 * Returns: (transfer none): the page, which must exist
 */
OnrampPage *
onramp_test_named_page (OnrampApplication *app,
                        const char        *name)
{
  OnrampPage *page = onramp_assistant_get_page (onramp_test_get_assistant (app), name);

  g_assert_nonnull (page);
  return page;
}

GtkWidget *
onramp_test_next_button (OnrampApplication *app)
{
  return onramp_test_get_child (onramp_test_get_assistant (app), ONRAMP_TYPE_ASSISTANT, "next_button");
}

/* Conditions for onramp_test_wait_for() */
gboolean
onramp_test_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
onramp_test_widget_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

/* Whether @page is the one its assistant shows */
gboolean
onramp_test_page_is_current (gpointer page)
{
  GtkWidget *assistant = gtk_widget_get_ancestor (page, ONRAMP_TYPE_ASSISTANT);

  return assistant != NULL && onramp_assistant_get_current_page (ONRAMP_ASSISTANT (assistant)) == page;
}

gboolean
onramp_test_page_is_not_current (gpointer page)
{
  return !onramp_test_page_is_current (page);
}

gboolean
onramp_test_page_not_busy (gpointer page)
{
  return !onramp_page_get_busy (page);
}

gboolean
onramp_test_auth_signed_in (gpointer auth)
{
  return onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_IN;
}

static void
fill_valid_customer (OnrampCustomer *customer,
                     OnrampField     left_alone)
{
  static const struct { OnrampField field; const char *value; } values[] = {
    { ONRAMP_FIELD_COMPANY_NAME, "Contoso Pharmaceuticals Limited" },
    { ONRAMP_FIELD_DOMAIN_PREFIX, "contosopharma" },
    { ONRAMP_FIELD_COUNTRY, "US" },
    { ONRAMP_FIELD_ADDRESS_LINE1, "1 Microsoft Way" },
    { ONRAMP_FIELD_CITY, "Redmond" },
    { ONRAMP_FIELD_STATE, "WA" },
    { ONRAMP_FIELD_POSTAL_CODE, "98052" },
    { ONRAMP_FIELD_FIRST_NAME, "Jane" },
    { ONRAMP_FIELD_LAST_NAME, "Doe" },
    { ONRAMP_FIELD_EMAIL, "jane@contoso.example" },
    { ONRAMP_FIELD_PHONE_NUMBER, "4255550101" },
    { ONRAMP_FIELD_AGREEMENT_DATE, "2024-05-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i].field != left_alone)
      onramp_customer_set_field (customer, values[i].field, values[i].value);
  onramp_customer_set_agreement_accepted (customer, TRUE);
}

/**
 * onramp_test_fill_valid_customer:
 *
 * A valid American customer, straight into the record: the Account info
 * page's rows follow it (test-account-page.c and test-journey.c type them
 * in, row by row). A field that already holds the same value is left as
 * it is, so nothing is checked twice.
 */
void
onramp_test_fill_valid_customer (OnrampCustomer *customer)
{
  fill_valid_customer (customer, ONRAMP_FIELD_NONE);
}

/**
 * onramp_test_fill_valid_customer_but:
 * @left_alone: the field the test is about, kept as it is
 *
 * The same valid American customer, all but one field.
 */
void
onramp_test_fill_valid_customer_but (OnrampCustomer *customer,
                                     OnrampField     left_alone)
{
  fill_valid_customer (customer, left_alone);
}

/* test-appearance.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-appearance"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "onramp-account-page.h"
#include "onramp-application.h"
#include "onramp-issue-row.h"
#include "onramp-ui-test-utils.h"

/* The desktop's appearance settings reach Onramp: the dark style darkens
 * the whole window (nothing of ours keeps a light colour), and with large
 * text every label grows and nothing is cut short, at a desktop's width and
 * at 360 pixels. Screenshots in the language of the run.
 */

/* GNOME's "Large Text" accessibility switch: text-scaling-factor 1.25 */
#define LARGE_TEXT_SCALE 1.25
#define DEFAULT_DPI (96 * 1024)

static OnrampApplication *app;
static int test_status;

static void
screenshot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("appearance-%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (GTK_WIDGET (onramp_test_get_window (app)), name);
}

/* The mean relative luminance (0 black … 1 white) of what the window shows */
static double
window_luminance (void)
{
  g_autoptr(GdkTexture) texture = onramp_test_render (GTK_WIDGET (onramp_test_get_window (app)));
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  double sum = 0;
  guint n = 0;

  gdk_texture_download (texture, pixels, (gsize)width * 4);
  /* Cairo's ARGB32 in memory order on little-endian machines: B G R A */
  for (gsize i = 0; i < (gsize)width * height * 4; i += 4)
    {
      if (pixels[i + 3] == 0)
        continue;
      sum += (0.0722 * pixels[i] + 0.7152 * pixels[i + 1] + 0.2126 * pixels[i + 2]) / 255.0;
      n++;
    }

  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

static gboolean
style_is_dark (gpointer manager)
{
  return adw_style_manager_get_dark (manager);
}

static gboolean
style_is_light (gpointer manager)
{
  return !adw_style_manager_get_dark (manager);
}

static GtkWidget *
account_child (const char *name)
{
  OnrampPage *page = onramp_test_current_page (app);

  g_assert_true (ONRAMP_IS_ACCOUNT_PAGE (page));
  return onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, name);
}

/* An error shown, so its colours are part of what is looked at */
static void
show_name_error (void)
{
  GtkWidget *name_row = account_child ("company_name_row");
  GtkWidget *name_issue = account_child ("company_name_issue");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Test Company");
  g_assert_true (onramp_test_wait_for (onramp_test_issue_row_showing, name_issue, 5000));
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  double light, dark;

  show_name_error ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (onramp_test_wait_for (style_is_light, manager, 2000));
  light = window_luminance ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (onramp_test_wait_for (style_is_dark, manager, 2000));
  dark = window_luminance ();
  screenshot ("dark");

  g_test_message ("Mean luminance: light %.2f, dark %.2f", light, dark);
  g_assert_cmpfloat (light, >, 0.7);
  g_assert_cmpfloat (dark, <, 0.3);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int)(DEFAULT_DPI * scale), NULL);
  /* The new font size restyles and lays out the whole window */
  onramp_test_iterate (300);
}

/* How wide a row would like to be: its texts' widths, which grow with the
 * font (its height does not: an entry row's minimum is taller than one line) */
static int
row_natural_width (const char *name)
{
  int natural = 0;

  gtk_widget_measure (account_child (name), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_large_text (void)
{
  OnrampWindow *window = onramp_test_get_window (app);
  int normal_width;
  guint n_clipped;

  set_text_scale (1.0);
  normal_width = row_natural_width ("relationship_row");

  set_text_scale (LARGE_TEXT_SCALE);
  g_assert_cmpint (row_natural_width ("relationship_row"), >=, normal_width * 1.15);
  n_clipped = onramp_test_count_ellipsized_labels (GTK_WIDGET (window));
  screenshot ("large-text");
  g_assert_cmpuint (n_clipped, ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  onramp_test_iterate (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  n_clipped = onramp_test_count_ellipsized_labels (GTK_WIDGET (window));
  screenshot ("large-text-360");
  g_assert_cmpuint (n_clipped, ==, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  set_text_scale (1.0);
}

static void
on_activate_cb (GApplication *application)
{
  test_status = g_test_run ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/appearance/dark-style", test_dark_style);
  g_test_add_func ("/appearance/large-text", test_large_text);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  return test_status;
}

/* floor.c — the floor of tests/bench/startup
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least a libadwaita app can show: an AdwApplicationWindow holding an
 * AdwHeaderBar, nothing else. Onramp's start-up time and memory are
 * measured against this. Like Onramp, it marks its first drawn frame on the
 * file descriptor named by ONRAMP_BENCH_FIRST_FRAME, and runs as its own
 * instance (G_APPLICATION_NON_UNIQUE, as `onramp --demo` does), and leaves
 * right after that frame when ONRAMP_BENCH_EXIT_AFTER_FIRST_FRAME is set.
 */

#include <adwaita.h>
#include <stdlib.h>
#include <unistd.h>

int main (int argc, char *argv[]);

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  char line[32];
  int length = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, user_data);
  if (write (fd, line, length) != length)
    g_printerr ("floor: could not mark the first frame\n");
  close (fd);
  if (g_getenv ("ONRAMP_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    _exit (0);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *fd = g_getenv ("ONRAMP_BENCH_FIRST_FRAME");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size Onramp opens at (its settings schema's defaults) */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));

  if (fd != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                      G_CALLBACK (on_after_paint_cb), GINT_TO_POINTER (atoi (fd)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.onrampcsp.BenchFloor",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* test-assistant.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "onramp-assistant.h"
#include "onramp-step-indicator.h"
#include "onramp-ui-test-utils.h"

/* Pages added later (onramp_assistant_add_pages_later): the window shows
 * before they are built, yet the steps the user sees never change when they
 * come, Next goes on to them, and a page asked for by name is there at
 * once. Pages not shown join the stack only after the first frame. */

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, OnrampPage)

struct _TestPage
{
  OnrampPage parent_instance;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, ONRAMP_TYPE_PAGE)

static void
test_page_class_init (TestPageClass *klass)
{
}

static void
test_page_init (TestPage *self)
{
  adw_bin_set_child (ADW_BIN (self), gtk_label_new ("content"));
  onramp_page_set_complete (ONRAMP_PAGE (self), TRUE);
}

static OnrampPage *
test_page_new (const char *title)
{
  return g_object_new (TEST_TYPE_PAGE, "title", title, NULL);
}

typedef struct
{
  GtkWindow       *window;
  OnrampAssistant *assistant;
  guint            n_builds;
  gboolean         hide_second;  /* the first later page comes hidden */
} Fixture;

static void
add_later_pages_cb (OnrampAssistant *assistant,
                    gpointer         user_data)
{
  Fixture *f = user_data;
  OnrampPage *second = test_page_new ("Second");

  f->n_builds++;
  gtk_widget_set_visible (GTK_WIDGET (second), !f->hide_second);
  onramp_assistant_add_named_page (assistant, "second", second);
  onramp_assistant_add_named_page (assistant, "third", test_page_new ("Third"));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char * const later[] = { "Second", "Third", NULL };

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 500);
  f->assistant = g_object_new (ONRAMP_TYPE_ASSISTANT, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->assistant));
  onramp_assistant_add_named_page (f->assistant, "first", test_page_new ("First"));
  onramp_assistant_add_pages_later (f->assistant, later, add_later_pages_cb, f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  onramp_test_iterate (50);
}

static OnrampStepIndicator *
indicator (Fixture *f)
{
  return ONRAMP_STEP_INDICATOR (onramp_test_get_child (f->assistant, ONRAMP_TYPE_ASSISTANT, "indicator"));
}

static GtkWidget *
stack (Fixture *f)
{
  return onramp_test_get_child (f->assistant, ONRAMP_TYPE_ASSISTANT, "stack");
}

static void
assert_steps (Fixture            *f,
              const char * const *expected)
{
  guint n = g_strv_length ((char **)expected);

  g_assert_cmpuint (onramp_step_indicator_get_n_steps (indicator (f)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (onramp_step_indicator_get_title (indicator (f), i), ==, expected[i]);
}

static gboolean
later_pages_built (gpointer data)
{
  Fixture *f = data;

  return f->n_builds > 0;
}

static const char * const all_steps[] = { "First", "Second", "Third", NULL };

static void
test_steps_stable_across_first_frame (Fixture       *f,
                                      gconstpointer  data)
{
  /* Before the window shows: announced, not built, and Next can go on */
  assert_steps (f, all_steps);
  g_assert_cmpuint (f->n_builds, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (onramp_test_get_child (f->assistant, ONRAMP_TYPE_ASSISTANT, "next_button")));

  gtk_window_present (f->window);
  g_assert_true (onramp_test_wait_for (later_pages_built, f, 5000));

  /* Built once, right after the first frame, and the steps are the same */
  g_assert_cmpuint (f->n_builds, ==, 1);
  assert_steps (f, all_steps);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (onramp_assistant_get_page (f->assistant, "third"))) == stack (f));
  g_assert_cmpstr (onramp_assistant_get_current_page_name (f->assistant), ==, "first");
}

static void
test_page_by_name_before_first_frame (Fixture       *f,
                                      gconstpointer  data)
{
  OnrampPage *third = onramp_assistant_get_page (f->assistant, "third");

  g_assert_nonnull (third);
  g_assert_cmpuint (f->n_builds, ==, 1);
  assert_steps (f, all_steps);
  /* Built but not shown: it joins the stack after the first frame */
  g_assert_null (gtk_widget_get_parent (GTK_WIDGET (third)));

  onramp_assistant_restart_at (f->assistant, "third");
  g_assert_true (onramp_assistant_get_current_page (f->assistant) == third);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (third)) == stack (f));
  g_assert_cmpuint (onramp_step_indicator_get_current (indicator (f)), ==, 2);
}

static gboolean
on_second_page (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (onramp_assistant_get_current_page_name (f->assistant), "second") == 0;
}

static void
test_next_before_first_frame (Fixture       *f,
                              gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (f->assistant), "assistant.next", NULL);
  g_assert_true (onramp_test_wait_for (on_second_page, f, 3000));
  g_assert_cmpuint (f->n_builds, ==, 1);
  g_assert_cmpuint (onramp_step_indicator_get_current (indicator (f)), ==, 1);
}

/* A setting that hides a page changed before the pages came: the announced
 * steps follow it, and the built ones agree */
static void
test_announced_steps_follow_a_change (Fixture       *f,
                                      gconstpointer  data)
{
  static const char * const fewer[] = { "Third", NULL };
  static const char * const shown[] = { "First", "Third", NULL };

  f->hide_second = TRUE;
  onramp_assistant_set_later_titles (f->assistant, fewer);
  assert_steps (f, shown);

  gtk_window_present (f->window);
  g_assert_true (onramp_test_wait_for (later_pages_built, f, 5000));
  assert_steps (f, shown);
}

int
main (int   argc,
      char *argv[])
{
  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/assistant/steps-stable-across-first-frame", Fixture, NULL,
              fixture_setup, test_steps_stable_across_first_frame, fixture_teardown);
  g_test_add ("/assistant/page-by-name-before-first-frame", Fixture, NULL,
              fixture_setup, test_page_by_name_before_first_frame, fixture_teardown);
  g_test_add ("/assistant/next-before-first-frame", Fixture, NULL,
              fixture_setup, test_next_before_first_frame, fixture_teardown);
  g_test_add ("/assistant/announced-steps-follow-a-change", Fixture, NULL,
              fixture_setup, test_announced_steps_follow_a_change, fixture_teardown);

  return g_test_run ();
}

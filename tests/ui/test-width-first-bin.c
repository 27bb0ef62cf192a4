/* test-width-first-bin.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "onramp-account-page.h"
#include "onramp-drafts-sidebar.h"
#include "onramp-ui-test-utils.h"
#include "onramp-width-first-bin.h"

/* OnrampWidthFirstBin gives the same width whatever height is offered, so
 * GTK does not lay long wrapping text out at dozens of widths before the
 * first frame. Around it Onramp builds three things libadwaita builds
 * otherwise: the relationship row (an AdwActionRow), the account page's
 * group descriptions (AdwPreferencesGroup's) and the drafts sidebar's empty
 * state (a compact AdwStatusPage). Users should not see the difference:
 * each is laid out here next to libadwaita's own, at the same width, and
 * every piece of text must sit where libadwaita puts it. */

#define WIDTH 640
#define LONG_TEXT "Get an invitation link for a customer who already has a Microsoft account, " \
                  "instead of adding them again."

static GtkWindow *
show_in_window (GtkWidget *child,
                int        width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, 800);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  onramp_test_iterate (300);
  return window;
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return onramp_test_find_descendant (widget, shows_text, text);
}

/* Where @text's label is, in @ancestor's coordinates */
static graphene_rect_t
label_bounds (GtkWidget  *ancestor,
              const char *text)
{
  GtkWidget *label = find_label (ancestor, text);
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, ancestor, &bounds));
  return bounds;
}

static graphene_rect_t
widget_bounds (GtkWidget *widget,
               GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds;
}

static void
assert_same_place (graphene_rect_t ours,
                   graphene_rect_t theirs)
{
  g_assert_cmpfloat_with_epsilon (ours.origin.x, theirs.origin.x, 0.5);
  g_assert_cmpfloat_with_epsilon (ours.origin.y, theirs.origin.y, 0.5);
  g_assert_cmpfloat_with_epsilon (ours.size.width, theirs.size.width, 0.5);
  g_assert_cmpfloat_with_epsilon (ours.size.height, theirs.size.height, 0.5);
}

static void
load_style (void)
{
  static GtkCssProvider *provider;

  if (provider == NULL)
    provider = onramp_test_add_app_style ("style.css");
}

static void
test_width_ignores_height (void)
{
  GtkWidget *label = gtk_label_new (LONG_TEXT);
  GtkWidget *bin = g_object_new (ONRAMP_TYPE_WIDTH_FIRST_BIN, "child", label, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWindow *window;
  int free_min, free_nat, child_min, child_nat, one_line;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_valign (bin, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bin, TRUE);
  gtk_box_append (GTK_BOX (box), bin);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
  window = show_in_window (box, 300);

  g_assert_true (onramp_width_first_bin_get_child (ONRAMP_WIDTH_FIRST_BIN (bin)) == label);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &free_min, &free_nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
  g_assert_cmpint (free_min, ==, child_min);
  g_assert_cmpint (free_nat, ==, child_nat);

  /* A label alone needs the whole text's width to fit one line; the bin
   * asks for the same width at any height */
  for (int height = 10; height <= 400; height *= 2)
    {
      int min, nat;

      gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, height, &min, &nat, NULL, NULL);
      g_assert_cmpint (min, ==, free_min);
      g_assert_cmpint (nat, ==, free_nat);
    }

  /* Heights are the child's: the text wraps in the width it is given and
   * nothing of it is cut */
  for (int width = 100; width <= 400; width += 100)
    {
      int bin_min, label_min;

      gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, width, &bin_min, NULL, NULL, NULL);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, width, &label_min, NULL, NULL, NULL);
      g_assert_cmpint (bin_min, ==, label_min);
    }
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &one_line, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (label), <, 300);
  g_assert_cmpint (gtk_widget_get_height (label), >, 2 * one_line);
  g_assert_cmpuint (onramp_test_count_ellipsized_labels (box), ==, 0);

  gtk_window_destroy (window);
}

static void
test_relationship_row_looks_like_an_action_row (void)
{
  GtkWidget *page = onramp_account_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *theirs = adw_action_row_new ();
  GtkWindow *page_window, *row_window;
  GtkWidget *ours = onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, "relationship_row");
  GtkWidget *our_list = onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, "relationship_list");
  const char *title, *subtitle;

  load_style ();
  page_window = show_in_window (page, WIDTH);
  title = gtk_label_get_text (GTK_LABEL (find_label (ours, "Existing customer? Request a relationship")));
  subtitle = gtk_label_get_text (GTK_LABEL (onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE,
                                                                   "relationship_subtitle")));

  /* The same row as libadwaita builds it, in a list as wide as ours */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (theirs), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (theirs), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (theirs), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (theirs), TRUE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), theirs);
  gtk_box_append (GTK_BOX (box), g_object_new (ADW_TYPE_CLAMP,
                                               "maximum-size", gtk_widget_get_width (our_list),
                                               "tightening-threshold", gtk_widget_get_width (our_list),
                                               "child", list,
                                               NULL));
  row_window = show_in_window (box, WIDTH);

  g_assert_cmpint (gtk_widget_get_width (theirs), ==, gtk_widget_get_width (ours));
  g_assert_cmpint (gtk_widget_get_height (theirs), ==, gtk_widget_get_height (ours));
  assert_same_place (label_bounds (ours, title), label_bounds (theirs, title));
  assert_same_place (label_bounds (ours, subtitle), label_bounds (theirs, subtitle));

  gtk_window_destroy (row_window);
  gtk_window_destroy (page_window);
}

static GtkWidget *
ancestor_of_type (GtkWidget *widget,
                  GType      type)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, type);

  g_assert_nonnull (ancestor);
  return ancestor;
}

static void
test_group_description_looks_like_adwaita (void)
{
  GtkWidget *page = onramp_account_page_new ();
  GtkWidget *reference_page = adw_preferences_page_new ();
  GtkWidget *theirs = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWindow *page_window, *reference_window;
  GtkWidget *company_list = onramp_test_get_child (page, ONRAMP_TYPE_ACCOUNT_PAGE, "company_list");
  /* The description is the label just above the card */
  GtkWidget *description = gtk_widget_get_prev_sibling (gtk_widget_get_parent (company_list));
  GtkWidget *ours = ancestor_of_type (company_list, ADW_TYPE_PREFERENCES_GROUP);
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (ours));
  const char *text;

  g_assert_true (GTK_IS_LABEL (description));
  text = gtk_label_get_text (GTK_LABEL (description));

  load_style ();
  page_window = show_in_window (page, WIDTH);

  /* AdwPreferencesGroup's own description, over a list as tall as ours */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (theirs), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (theirs), text);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, -1, gtk_widget_get_height (company_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (theirs), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (reference_page), ADW_PREFERENCES_GROUP (theirs));
  reference_window = show_in_window (reference_page, WIDTH);

  g_assert_cmpint (gtk_widget_get_width (theirs), ==, gtk_widget_get_width (ours));
  assert_same_place (label_bounds (ours, title), label_bounds (theirs, title));
  assert_same_place (label_bounds (ours, text), label_bounds (theirs, text));
  assert_same_place (widget_bounds (company_list, ours), widget_bounds (list, theirs));
  g_assert_cmpint (gtk_widget_get_height (ours), ==, gtk_widget_get_height (theirs));

  gtk_window_destroy (reference_window);
  gtk_window_destroy (page_window);
}

static gboolean
is_shown_image (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget);
}

static GtkWidget *
find_image (GtkWidget *widget)
{
  return onramp_test_find_descendant (widget, is_shown_image, NULL);
}

static void
test_empty_state_looks_like_a_status_page (void)
{
  GtkWidget *sidebar = onramp_drafts_sidebar_new ();
  GtkWidget *ours = gtk_widget_get_parent (onramp_test_get_child (sidebar, ONRAMP_TYPE_DRAFTS_SIDEBAR, "empty_title"));
  const char *title = gtk_label_get_text (GTK_LABEL (onramp_test_get_child (sidebar, ONRAMP_TYPE_DRAFTS_SIDEBAR,
                                                                           "empty_title")));
  const char *description = gtk_label_get_text (GTK_LABEL (onramp_test_get_child (sidebar, ONRAMP_TYPE_DRAFTS_SIDEBAR,
                                                                                 "empty_description")));
  GtkWidget *theirs = adw_status_page_new ();
  GtkWindow *sidebar_window, *reference_window;
  graphene_rect_t our_icon, their_icon, our_title, their_title, our_text, their_text;

  load_style ();
  sidebar_window = show_in_window (sidebar, 300);
  g_assert_cmpstr (title, !=, "");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (theirs), gtk_image_get_icon_name (GTK_IMAGE (find_image (ours))));
  adw_status_page_set_title (ADW_STATUS_PAGE (theirs), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (theirs), description);
  gtk_widget_add_css_class (theirs, "compact");
  reference_window = show_in_window (theirs, 300);

  /* The same icon size and the same gaps between icon, title and text; the
   * block is centred in both */
  our_icon = widget_bounds (find_image (ours), ours);
  their_icon = widget_bounds (find_image (theirs), theirs);
  our_title = label_bounds (ours, title);
  their_title = label_bounds (theirs, title);
  our_text = label_bounds (ours, description);
  their_text = label_bounds (theirs, description);
  g_assert_cmpfloat_with_epsilon (our_icon.size.height, their_icon.size.height, 0.5);
  g_assert_cmpfloat_with_epsilon (our_title.origin.y - (our_icon.origin.y + our_icon.size.height),
                                  their_title.origin.y - (their_icon.origin.y + their_icon.size.height), 0.5);
  g_assert_cmpfloat_with_epsilon (our_text.origin.y - (our_title.origin.y + our_title.size.height),
                                  their_text.origin.y - (their_title.origin.y + their_title.size.height), 0.5);
  g_assert_cmpfloat_with_epsilon (our_title.size.height, their_title.size.height, 0.5);
  g_assert_cmpfloat_with_epsilon (our_icon.origin.x + our_icon.size.width / 2,
                                  widget_bounds (ours, ours).size.width / 2, 1.0);
  onramp_test_save_screenshot (GTK_WIDGET (sidebar_window), "width-first-empty-state");

  gtk_window_destroy (reference_window);
  gtk_window_destroy (sidebar_window);
}

int
main (int   argc,
      char *argv[])
{
  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/width-first-bin/width-ignores-height", test_width_ignores_height);
  g_test_add_func ("/width-first-bin/relationship-row-looks-like-an-action-row",
                   test_relationship_row_looks_like_an_action_row);
  g_test_add_func ("/width-first-bin/group-description-looks-like-adwaita",
                   test_group_description_looks_like_adwaita);
  g_test_add_func ("/width-first-bin/empty-state-looks-like-a-status-page",
                   test_empty_state_looks_like_a_status_page);

  return g_test_run ();
}

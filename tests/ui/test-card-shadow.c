/* test-card-shadow.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "onramp-card-shadow.h"
#include "onramp-ui-test-utils.h"

/* OnrampCardShadow paints a card's soft shadow from textures instead of
 * letting GTK blur it (onramp-card-shadow.c). Users should not see the
 * difference: a card in the bin and libadwaita's own card are drawn side by
 * side, by the window's renderer, on nothing (so the shadow is all there
 * is), and no pixel may differ by more than rounding, in the light, dark
 * and high contrast styles, for a card big enough to slice and one too
 * small to; at the scale of the run (tests/meson.build runs it at 1 and,
 * with GDK_SCALE=2, at 2). */

#define CARD_MARGIN 24
#define MAX_DIFFERENCE 2   /* of 255: the renderer rounds each layer on its own */
#define MAX_BIAS       0.4 /* of 255, on average over one side: as drawn, 0.3 at most */

enum { ABOVE, BELOW, LEFT, RIGHT, N_SIDES, INSIDE = N_SIDES };

static const char * const side_names[] = { "above", "below", "left", "right" };

typedef struct
{
  GtkWindow *window;
  GtkWidget *ours;     /* the frame around the card in the bin */
  GtkWidget *theirs;   /* the frame around libadwaita's card */
  GtkWidget *our_card;
  GtkWidget *their_card;
  gboolean   tall;
} Fixture;

static GtkWidget *
new_card (gboolean tall)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (tall)
    {
      const char * const titles[] = { "Company legal name", "Domain prefix", "Country or region" };

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
    }
  else
    {
      /* Lower than the two corner slices together */
      GtkWidget *label = gtk_label_new ("Thin");

      gtk_widget_set_size_request (list, -1, 24);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }

  return list;
}

static GtkWidget *
new_frame (GtkWidget *card)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_set_margin_top (card, CARD_MARGIN);
  gtk_widget_set_margin_bottom (card, CARD_MARGIN);
  gtk_widget_set_margin_start (card, CARD_MARGIN);
  gtk_widget_set_margin_end (card, CARD_MARGIN);
  gtk_box_append (GTK_BOX (frame), card);
  return frame;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gboolean tall = f->tall = GPOINTER_TO_INT (data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bin = onramp_card_shadow_new ();

  f->our_card = new_card (tall);
  f->their_card = new_card (tall);
  adw_bin_set_child (ADW_BIN (bin), f->our_card);
  f->ours = new_frame (bin);
  f->theirs = new_frame (f->their_card);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_box_append (GTK_BOX (box), f->ours);
  gtk_box_append (GTK_BOX (box), f->theirs);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 720, 320);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  onramp_test_iterate (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static guchar *
download (GdkTexture *texture)
{
  guchar *pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);

  gdk_texture_download (texture, pixels, (gsize) gdk_texture_get_width (texture) * 4);
  return pixels;
}

/* Where the card is in the frame's picture, in device pixels */
static graphene_rect_t
card_in_picture (GtkWidget *card,
                 GtkWidget *frame)
{
  int scale = gtk_widget_get_scale_factor (frame);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (card, frame, &bounds));
  graphene_rect_scale (&bounds, scale, scale, &bounds);
  return bounds;
}

/* The alpha just below the middle of the card's bottom edge */
static guint
alpha_below_card (const guchar          *pixels,
                  int                    width,
                  const graphene_rect_t *card)
{
  int x = (int) (card->origin.x + card->size.width / 2);
  int y = (int) (card->origin.y + card->size.height) + 2;

  return pixels[((gsize) y * width + x) * 4 + 3];
}

/* Which side of the card the pixel at (x, y) is on */
static int
side_of_card (const graphene_rect_t *card,
              int                    x,
              int                    y)
{
  double px = x + 0.5;
  double py = y + 0.5;

  if (py < card->origin.y)
    return ABOVE;
  if (py >= card->origin.y + card->size.height)
    return BELOW;
  if (px < card->origin.x)
    return LEFT;
  if (px >= card->origin.x + card->size.width)
    return RIGHT;
  return INSIDE;
}

static void
assert_cards_look_alike (Fixture    *f,
                         const char *style)
{
  g_autoptr(GdkTexture) ours = onramp_test_render (f->ours);
  g_autoptr(GdkTexture) theirs = onramp_test_render (f->theirs);
  int width = gdk_texture_get_width (ours);
  int height = gdk_texture_get_height (ours);
  g_autofree guchar *our_pixels = NULL;
  g_autofree guchar *their_pixels = NULL;
  int scale = gtk_widget_get_scale_factor (f->ours);
  g_autofree char *name = g_strdup_printf ("card-shadow-%s%s-%dx.png", style, f->tall ? "" : "-small", scale);
  graphene_rect_t our_card = card_in_picture (f->our_card, f->ours);
  graphene_rect_t their_card = card_in_picture (f->their_card, f->theirs);
  guint largest = 0;
  double bias[N_SIDES] = { 0, };
  guint side_pixels[N_SIDES] = { 0, };

  g_assert_cmpint (width, ==, gdk_texture_get_width (theirs));
  g_assert_cmpint (height, ==, gdk_texture_get_height (theirs));
  our_pixels = download (ours);
  their_pixels = download (theirs);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *our_pixel = our_pixels + ((gsize) y * width + x) * 4;
        const guchar *their_pixel = their_pixels + ((gsize) y * width + x) * 4;
        int side = side_of_card (&their_card, x, y);

        for (guint c = 0; c < 4; c++)
          largest = MAX (largest, (guint) ABS ((int) our_pixel[c] - (int) their_pixel[c]));
        if (side != INSIDE && their_pixel[3] > 0)
          {
            bias[side] += (int) our_pixel[3] - (int) their_pixel[3];
            side_pixels[side]++;
          }
      }
  onramp_test_save_screenshot (GTK_WIDGET (f->window), name);

  /* There is a shadow to compare: the soft part shows below the card */
  g_assert_true (graphene_rect_equal (&our_card, &their_card));
  g_assert_cmpuint (alpha_below_card (their_pixels, width, &their_card), >=, 8);
  g_assert_cmpuint (alpha_below_card (our_pixels, width, &our_card), >=, 8);

  /* Rounding: GTK rounds each of the three layers as it draws it, the bin
   * once, so a pixel may be a step or two off, either way. A shadow a pixel
   * off, or too weak or strong, leans one way on some side. */
  g_test_message ("%s at scale %d: %u at most, of 255", style, scale, largest);
  g_assert_cmpuint (largest, <=, MAX_DIFFERENCE);
  for (guint side = 0; side < N_SIDES; side++)
    {
      g_assert_cmpuint (side_pixels[side], >, 0);
      bias[side] /= side_pixels[side];
      g_test_message ("  %s: %u shadow pixels, %+.3f on average", side_names[side], side_pixels[side], bias[side]);
      g_assert_cmpfloat (ABS (bias[side]), <=, MAX_BIAS);
    }
}

static void
test_light (Fixture       *f,
            gconstpointer  data)
{
  assert_cards_look_alike (f, "light");
}

/* The dark style's cards are translucent: a shadow drawn under the card
 * would show through it */
static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  onramp_test_iterate (200);
  assert_cards_look_alike (f, "dark");
}

/* High contrast gives the card a stronger ring, which style-hc.css keeps */
static void
test_high_contrast (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  onramp_test_iterate (200);
  g_assert_true (adw_style_manager_get_high_contrast (manager));
  provider = onramp_test_add_app_style ("style-hc.css");
  onramp_test_iterate (200);

  assert_cards_look_alike (f, "high-contrast");

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  onramp_test_iterate (200);
}

/* The bin takes no room, hence no spacing, when its card is hidden */
static void
test_follows_card_visibility (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *bin = gtk_widget_get_parent (f->our_card);

  gtk_widget_set_visible (f->our_card, FALSE);
  g_assert_false (gtk_widget_get_visible (bin));
  gtk_widget_set_visible (f->our_card, TRUE);
  g_assert_true (gtk_widget_get_visible (bin));
}

int
main (int   argc,
      char *argv[])
{
  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_unref (onramp_test_add_app_style ("style.css"));

#define ADD(path, tall, func) \
  g_test_add ("/card-shadow/" path, Fixture, GINT_TO_POINTER (tall), fixture_set_up, func, fixture_tear_down)
  ADD ("light", TRUE, test_light);
  ADD ("dark", TRUE, test_dark);
  ADD ("high-contrast", TRUE, test_high_contrast);
  ADD ("too-small-to-slice", FALSE, test_light);
  ADD ("follows-card-visibility", TRUE, test_follows_card_visibility);
#undef ADD

  return g_test_run ();
}

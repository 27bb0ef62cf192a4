/* onramp-card-shadow.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-card-shadow"

#include "config.h"

#include <math.h>

#include "onramp-card-shadow.h"

/* Draws a card's shadow from small textures rather than as a blur.
 *
 * libadwaita gives every card (.boxed-list) a 1px ring and two blurred
 * shadows. GTK 4.8's GL renderer draws a blurred shadow by blurring an
 * off-screen mask with a shader of its own; under a software GL (Mesa's
 * llvmpipe: virtual machines, remote desktops, a headless session) the
 * first blur in a process compiles that shader and two more, about 13 ms
 * of the window's first frame (tests/bench/startup), and again the first
 * time any page shows a card.
 *
 * This bin holds a card and paints its shadows under it from one
 * nine-slice set of textures, computed once per display and scale the way
 * GTK's renderer computes them: the card's outline, grown by the spread and
 * moved down, covered per pixel as GTK covers a rounded rectangle,
 * blurred with the renderer's kernel and cut away under the card. Drawing
 * textures needs no new shader. The ring is in the textures too (its
 * shader is one more, about 4 ms), but for high contrast, where
 * libadwaita draws it in the card's own colour and style-hc.css keeps it
 * on the card. test-card-shadow compares the result with libadwaita's own
 * card.
 */

typedef struct
{
  double dy;
  double blur;
  double spread;
  double alpha;
} ShadowLayer;

/* libadwaita 1.2's card shadow (its stylesheet's "Cards"): the ring, then
 * the soft shadows */
static const ShadowLayer shadow_layers[] = {
  { 0, 0, 1, 0.03 },
  { 1, 3, 1, 0.07 },
  { 2, 6, 2, 0.03 },
};

#define RING 0

#define CARD_RADIUS 12.0   /* libadwaita's $card_radius */

enum {
  TOP_LEFT,
  TOP,
  TOP_RIGHT,
  RIGHT,
  BOTTOM_RIGHT,
  BOTTOM,
  BOTTOM_LEFT,
  LEFT,
  N_PIECES
};

/* Sizes in device pixels: how far the shadow reaches beyond the card, and
 * how far along each edge a corner piece covers before the shadow is the
 * same all along that edge */
typedef struct
{
  int         outside;
  int         corner;
  GdkTexture *pieces[N_PIECES];
} ShadowSlices;

struct _OnrampCardShadow
{
  AdwBin        parent_instance;

  GSignalGroup *card_signals;
};

G_DEFINE_FINAL_TYPE (OnrampCardShadow, onramp_card_shadow, ADW_TYPE_BIN)

static void
shadow_slices_free (gpointer data)
{
  ShadowSlices *slices = data;

  for (guint i = 0; i < N_PIECES; i++)
    g_clear_object (&slices->pieces[i]);
  g_free (slices);
}

static double
ellipse_coverage (double dx,
                  double dy,
                  double radius)
{
  double x = dx / radius;
  double y = dy / radius;
  double gradient = hypot (2 * x / radius, 2 * y / radius);
  double distance = (x * x + y * y - 1) / gradient;

  return CLAMP (0.5 - distance, 0.0, 1.0);
}

/* How much of the pixel centred on (px, py) a rounded rectangle covers,
 * as GTK's GL renderer reckons it (gsk_rounded_rect_coverage) */
static double
rounded_rect_coverage (const graphene_rect_t *rect,
                       double                 radius,
                       double                 px,
                       double                 py)
{
  double x0 = rect->origin.x;
  double y0 = rect->origin.y;
  double x1 = x0 + rect->size.width;
  double y1 = y0 + rect->size.height;
  double cx = CLAMP (px, x0 + radius, x1 - radius);
  double cy = CLAMP (py, y0 + radius, y1 - radius);

  if (px < x0 || py < y0 || px >= x1 || py >= y1)
    return 0.0;
  if (cx == px || cy == py)
    return 1.0;
  return ellipse_coverage (px - cx, py - cy, radius);
}

/* The renderer's blur: a Gaussian of sigma radius / 2 over floor (radius)
 * pixels each side, normalised; nothing beyond the mask's edges */
static void
blur_lines (float  *field,
            int     size,
            int     step,
            int     stride,
            double  radius)
{
  int taps = (int) floor (radius);
  double sigma = radius / 2;
  g_autofree double *weights = g_new (double, taps + 1);
  g_autofree float *line = g_new (float, size);
  double sum = 0;

  for (int i = 0; i <= taps; i++)
    {
      weights[i] = exp (-(i * i) / (2 * sigma * sigma));
      sum += i == 0 ? weights[i] : 2 * weights[i];
    }

  for (int l = 0; l < size; l++)
    {
      float *start = field + l * stride;

      for (int i = 0; i < size; i++)
        {
          double value = 0;

          for (int k = -taps; k <= taps; k++)
            if (i + k >= 0 && i + k < size)
              value += weights[ABS (k)] * start[(i + k) * step];
          line[i] = value / sum;
        }
      for (int i = 0; i < size; i++)
        start[i * step] = line[i];
    }
}

/* The shadow layers' alpha on a square around a card just big enough to
 * slice, the card at (outside, outside) */
static guint8 *
compute_shadow_alpha (int      scale,
                      gboolean with_ring,
                      int      outside,
                      int      corner,
                      int      size)
{
  int card = 2 * corner + 1;
  graphene_rect_t card_rect = GRAPHENE_RECT_INIT (outside, outside, card, card);
  g_autofree double *clear = g_new (double, size * size);
  g_autofree float *field = g_new (float, size * size);
  guint8 *alpha = g_new (guint8, size * size);

  for (int i = 0; i < size * size; i++)
    clear[i] = 1.0;

  for (guint s = with_ring ? 0 : RING + 1; s < G_N_ELEMENTS (shadow_layers); s++)
    {
      const ShadowLayer *shadow = &shadow_layers[s];
      double spread = shadow->spread * scale;
      graphene_rect_t outline = GRAPHENE_RECT_INIT (outside - spread,
                                                    outside - spread + shadow->dy * scale,
                                                    card + 2 * spread, card + 2 * spread);

      for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
          field[y * size + x] = rounded_rect_coverage (&outline, CARD_RADIUS * scale + spread,
                                                       x + 0.5, y + 0.5);
      if (shadow->blur > 0)
        {
          blur_lines (field, size, 1, size, shadow->blur * scale);
          blur_lines (field, size, size, 1, shadow->blur * scale);
        }

      for (int i = 0; i < size * size; i++)
        clear[i] *= 1.0 - shadow->alpha * field[i];
    }

  /* Outset shadows are not drawn under the card: a translucent card (the
   * dark style's) would show them */
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        double under = rounded_rect_coverage (&card_rect, CARD_RADIUS * scale, x + 0.5, y + 0.5);
        double value = (1.0 - clear[y * size + x]) * (1.0 - under);

        alpha[y * size + x] = (guint8) lround (value * 255);
      }

  return alpha;
}

/* Black with the given alpha, premultiplied, as GdkMemoryTexture wants */
static GdkTexture *
texture_from_alpha (const guint8 *alpha,
                    int           stride,
                    int           x,
                    int           y,
                    int           width,
                    int           height)
{
  g_autofree guint8 *pixels = g_new0 (guint8, width * height * 4);
  g_autoptr(GBytes) bytes = NULL;

  for (int row = 0; row < height; row++)
    for (int column = 0; column < width; column++)
      pixels[(row * width + column) * 4 + 3] = alpha[(y + row) * stride + x + column];

  bytes = g_bytes_new_take (g_steal_pointer (&pixels), width * height * 4);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, width * 4);
}

static ShadowSlices *
shadow_slices_new (int      scale,
                   gboolean with_ring)
{
  ShadowSlices *slices = g_new0 (ShadowSlices, 1);
  double reach = 0;
  double drop = 0;
  int o, c, m, far, size;
  g_autofree guint8 *alpha = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (shadow_layers); s++)
    {
      const ShadowLayer *shadow = &shadow_layers[s];

      reach = MAX (reach, (shadow->spread + shadow->dy) * scale + floor (shadow->blur * scale));
      drop = MAX (drop, shadow->dy * scale + floor (shadow->blur * scale));
    }
  o = slices->outside = (int) ceil (reach) + 1;
  c = slices->corner = (int) ceil (CARD_RADIUS * scale + drop) + 1;
  m = o + c;              /* the middle row and column */
  far = m + c + 1;        /* where the card ends */
  size = far + o;
  alpha = compute_shadow_alpha (scale, with_ring, o, c, size);

  slices->pieces[TOP_LEFT] = texture_from_alpha (alpha, size, 0, 0, m, m);
  slices->pieces[TOP] = texture_from_alpha (alpha, size, m, 0, 1, o);
  slices->pieces[TOP_RIGHT] = texture_from_alpha (alpha, size, m + 1, 0, c + o, m);
  slices->pieces[RIGHT] = texture_from_alpha (alpha, size, far, m, o, 1);
  slices->pieces[BOTTOM_RIGHT] = texture_from_alpha (alpha, size, m + 1, m + 1, c + o, c + o);
  slices->pieces[BOTTOM] = texture_from_alpha (alpha, size, m, far, 1, o);
  slices->pieces[BOTTOM_LEFT] = texture_from_alpha (alpha, size, 0, m + 1, m, c + o);
  slices->pieces[LEFT] = texture_from_alpha (alpha, size, 0, m, o, 1);

  return slices;
}

/* One set per display, scale and ring, kept as long as the display */
static const ShadowSlices *
get_shadow_slices (GtkWidget *widget,
                   gboolean   with_ring)
{
  GObject *display = G_OBJECT (gtk_widget_get_display (widget));
  int scale = gtk_widget_get_scale_factor (widget);
  g_autofree char *key = g_strdup_printf ("onramp-card-shadow-%d%s", scale, with_ring ? "-ring" : "");
  ShadowSlices *slices = g_object_get_data (display, key);

  if (slices == NULL)
    {
      slices = shadow_slices_new (scale, with_ring);
      g_object_set_data_full (display, key, slices, shadow_slices_free);
    }

  return slices;
}

static void
append_piece (GtkSnapshot *snapshot,
              GdkTexture  *piece,
              double       scale,
              double       x0,
              double       y0,
              double       x1,
              double       y1)
{
  if (x1 > x0 && y1 > y0)
    gtk_snapshot_append_texture (snapshot, piece,
                                 &GRAPHENE_RECT_INIT (x0 / scale, y0 / scale,
                                                      (x1 - x0) / scale, (y1 - y0) / scale));
}

/* A card too small to slice gets GTK's own shadows */
static void
append_outset_shadows (GtkSnapshot           *snapshot,
                       const graphene_rect_t *card,
                       gboolean               with_ring)
{
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, card, CARD_RADIUS);
  for (guint s = G_N_ELEMENTS (shadow_layers); s-- > (with_ring ? 0 : RING + 1);)
    {
      const ShadowLayer *shadow = &shadow_layers[s];
      GdkRGBA black = { 0, 0, 0, shadow->alpha };

      gtk_snapshot_append_outset_shadow (snapshot, &outline, &black, 0, shadow->dy,
                                         shadow->spread, shadow->blur);
    }
}

static void
append_shadow_layers (GtkWidget             *widget,
                      GtkSnapshot           *snapshot,
                      const graphene_rect_t *card)
{
  gboolean with_ring = !adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  const ShadowSlices *slices = get_shadow_slices (widget, with_ring);
  double scale = gtk_widget_get_scale_factor (widget);
  double o = slices->outside;
  double c = slices->corner;
  double x = round (card->origin.x * scale);
  double y = round (card->origin.y * scale);
  double w = x + round (card->size.width * scale);
  double h = y + round (card->size.height * scale);

  if (w - x < 2 * c || h - y < 2 * c)
    {
      append_outset_shadows (snapshot, card, with_ring);
      return;
    }

  append_piece (snapshot, slices->pieces[TOP_LEFT], scale, x - o, y - o, x + c, y + c);
  append_piece (snapshot, slices->pieces[TOP], scale, x + c, y - o, w - c, y);
  append_piece (snapshot, slices->pieces[TOP_RIGHT], scale, w - c, y - o, w + o, y + c);
  append_piece (snapshot, slices->pieces[RIGHT], scale, w, y + c, w + o, h - c);
  append_piece (snapshot, slices->pieces[BOTTOM_RIGHT], scale, w - c, h - c, w + o, h + o);
  append_piece (snapshot, slices->pieces[BOTTOM], scale, x + c, h, w - c, h + o);
  append_piece (snapshot, slices->pieces[BOTTOM_LEFT], scale, x - o, h - c, x + c, h + o);
  append_piece (snapshot, slices->pieces[LEFT], scale, x - o, y + c, x, h - c);
}

static void
onramp_card_shadow_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GtkWidget *card = adw_bin_get_child (ADW_BIN (widget));
  graphene_rect_t bounds;

  if (card != NULL && gtk_widget_get_visible (card) &&
      gtk_widget_compute_bounds (card, widget, &bounds))
    append_shadow_layers (widget, snapshot, &bounds);

  GTK_WIDGET_CLASS (onramp_card_shadow_parent_class)->snapshot (widget, snapshot);
}

/* Shown and hidden with its card, so that the group around takes no
 * spacing for a hidden card */
static void
onramp_card_shadow_sync_visible (OnrampCardShadow *self)
{
  GtkWidget *card = adw_bin_get_child (ADW_BIN (self));

  gtk_widget_set_visible (GTK_WIDGET (self), card != NULL && gtk_widget_get_visible (card));
}

static void
onramp_card_shadow_child_changed (OnrampCardShadow *self)
{
  g_signal_group_set_target (self->card_signals, adw_bin_get_child (ADW_BIN (self)));
  onramp_card_shadow_sync_visible (self);
}

static void
onramp_card_shadow_dispose (GObject *object)
{
  OnrampCardShadow *self = ONRAMP_CARD_SHADOW (object);

  g_clear_object (&self->card_signals);

  G_OBJECT_CLASS (onramp_card_shadow_parent_class)->dispose (object);
}

static void
onramp_card_shadow_class_init (OnrampCardShadowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_card_shadow_dispose;

  widget_class->snapshot = onramp_card_shadow_snapshot;

  gtk_widget_class_set_css_name (widget_class, "cardshadow");
}

static void
onramp_card_shadow_init (OnrampCardShadow *self)
{
  /* High contrast moves the ring from the textures to the card */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  self->card_signals = g_signal_group_new (GTK_TYPE_WIDGET);
  g_signal_group_connect_object (self->card_signals, "notify::visible",
                                 G_CALLBACK (onramp_card_shadow_sync_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::child", G_CALLBACK (onramp_card_shadow_child_changed), NULL);
}

/**
 * onramp_card_shadow_new:
 *
 * Returns: a bin to put a `.boxed-list` card in, which draws the card's
 * shadow without a blur
 */
GtkWidget *
onramp_card_shadow_new (void)
{
  return g_object_new (ONRAMP_TYPE_CARD_SHADOW, NULL);
}

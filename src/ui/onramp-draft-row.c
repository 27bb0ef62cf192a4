/* onramp-draft-row.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-draft-row"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-country-database.h"
#include "onramp-draft-row.h"
#include "onramp-iso-codes.h"

/* One draft in the sidebar: its title, its country and last change, and a
 * status badge (draft, ready, submitting, needs attention, submitted) whose
 * colour comes from a style class per status. The row follows the draft
 * while bound, so autosave and the outbox show at once. */

struct _OnrampDraftRow
{
  AdwBin       parent_instance;

  OnrampDraft *draft;
  char        *status_class;

  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *status_label;
};

G_DEFINE_FINAL_TYPE (OnrampDraftRow, onramp_draft_row, ADW_TYPE_BIN)

/* The country's name in the user's language, or NULL when not chosen */
static const char *
country_name (const char *code)
{
  OnrampCountryRules *rules;

  if (code == NULL || *code == '\0')
    return NULL;

  rules = onramp_country_database_lookup (onramp_country_database_get_default (), code);

  return rules != NULL ? onramp_iso_codes_country_name (onramp_country_rules_get_name (rules)) : code;
}

static char *
describe_change (GDateTime *modified)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (modified);

  /* Today: the time; earlier: the date, the local way */
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: the time of a change made today, as g_date_time_format()
     * takes it; “%H:%M” is 14:02, “%l:%M %p” is 2:02 PM */
    return g_date_time_format (local, _("%H:%M"));

  return g_date_time_format (local, "%x");
}

static void
onramp_draft_row_update (OnrampDraftRow *self)
{
  g_autofree char *changed = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status_class = NULL;
  OnrampDraftStatus status;
  const char *country;
  const char *reason;

  if (self->draft == NULL)
    return;

  status = onramp_draft_get_status (self->draft);
  country = country_name (onramp_draft_get_country (self->draft));
  changed = describe_change (onramp_draft_get_modified (self->draft));
  /* Translators: a draft's subtitle: its country or region, then when it
   * last changed, such as “Taiwan · 14:02” */
  subtitle = country != NULL ? g_strdup_printf (_("%s · %s"), country, changed) : g_strdup (changed);

  gtk_label_set_label (self->title_label, onramp_draft_get_title (self->draft));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, onramp_draft_status_get_label (status));

  reason = onramp_draft_get_status_reason (self->draft);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), reason);

  status_class = g_strdup_printf ("draft-status-%s", onramp_draft_status_to_string (status));
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
  g_free (self->status_class);
  self->status_class = g_steal_pointer (&status_class);
}

static void
onramp_draft_row_dispose (GObject *object)
{
  OnrampDraftRow *self = (OnrampDraftRow *)object;

  onramp_draft_row_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_DRAFT_ROW);

  G_OBJECT_CLASS (onramp_draft_row_parent_class)->dispose (object);
}

static void
onramp_draft_row_finalize (GObject *object)
{
  OnrampDraftRow *self = (OnrampDraftRow *)object;

  g_free (self->status_class);

  G_OBJECT_CLASS (onramp_draft_row_parent_class)->finalize (object);
}

static void
onramp_draft_row_class_init (OnrampDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_draft_row_dispose;
  object_class->finalize = onramp_draft_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/onrampcsp/Onramp/ui/onramp-draft-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftRow, status_label);
}

static void
onramp_draft_row_init (OnrampDraftRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
onramp_draft_row_new (void)
{
  return g_object_new (ONRAMP_TYPE_DRAFT_ROW, NULL);
}

/**
 * onramp_draft_row_get_draft:
 *
 * Returns: (nullable) (transfer none): the draft shown
 */
OnrampDraft *
onramp_draft_row_get_draft (OnrampDraftRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_ROW (self), NULL);

  return self->draft;
}

void
onramp_draft_row_set_draft (OnrampDraftRow *self,
                            OnrampDraft    *draft)
{
  g_return_if_fail (ONRAMP_IS_DRAFT_ROW (self));
  g_return_if_fail (draft == NULL || ONRAMP_IS_DRAFT (draft));

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_object (draft, "notify", G_CALLBACK (onramp_draft_row_update), self, G_CONNECT_SWAPPED);

  onramp_draft_row_update (self);
}

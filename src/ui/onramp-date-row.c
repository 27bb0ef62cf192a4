/* onramp-date-row.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "onramp-date-row.h"

/* An entry row for a past date, as YYYY-MM-DD (the wire form), shown also
 * the local way, with a calendar to pick it. The calendar cannot pick a day after today: it goes
 * back to today instead, so only the typed text can be in the future, and
 * the validator says so.
 */
struct _OnrampDateRow
{
  AdwEntryRow    parent_instance;

  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;      /* made when first opened */
  GtkLabel      *local_label;

  GDateTime     *today;
  guint          syncing : 1;
};

G_DEFINE_FINAL_TYPE (OnrampDateRow, onramp_date_row, ADW_TYPE_ENTRY_ROW)

static GDateTime *
onramp_date_row_dup_today (OnrampDateRow *self)
{
  if (self->today != NULL)
    return g_date_time_ref (self->today);

  return g_date_time_new_now_local ();
}

static GDateTime *
parse_date (const char *text)
{
  int year, month, day;
  char tail;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static gboolean
is_after (GDateTime *date,
          GDateTime *today)
{
  int y1, m1, d1, y2, m2, d2;

  g_date_time_get_ymd (date, &y1, &m1, &d1);
  g_date_time_get_ymd (today, &y2, &m2, &d2);

  return y1 * 10000 + m1 * 100 + d1 > y2 * 10000 + m2 * 100 + d2;
}

static void
onramp_date_row_select (OnrampDateRow *self,
                        GDateTime     *date)
{
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->syncing = FALSE;
}

static void
on_calendar_day_selected_cb (OnrampDateRow *self)
{
  g_autoptr(GDateTime) today = onramp_date_row_dup_today (self);
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  if (is_after (picked, today))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->calendar));
      onramp_date_row_select (self, today);
      return;
    }

  text = g_date_time_format (picked, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A calendar is some fifty widgets that the form's first frame need not
 * build: it is made when the user first opens it */
static void
onramp_date_row_ensure_calendar (OnrampDateRow *self)
{
  if (self->calendar != NULL)
    return;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_set_child (self->popover, GTK_WIDGET (self->calendar));
}

/* The calendar opens on the typed date, or today */
static void
on_popover_show_cb (OnrampDateRow *self)
{
  g_autoptr(GDateTime) today = onramp_date_row_dup_today (self);
  g_autoptr(GDateTime) typed = parse_date (gtk_editable_get_text (GTK_EDITABLE (self)));

  onramp_date_row_ensure_calendar (self);
  onramp_date_row_select (self, typed && !is_after (typed, today) ? typed : today);
}

/* The wire form is typed; beside it, the date the way the user's locale
 * writes it, so "2026-03-04" is not read as the 3rd of April */
static void
on_changed_cb (OnrampDateRow *self)
{
  g_autoptr(GDateTime) date = parse_date (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_autofree char *local = date ? g_date_time_format (date, "%x") : NULL;

  gtk_label_set_label (self->local_label, local ? local : "");
  gtk_widget_set_visible (GTK_WIDGET (self->local_label), local != NULL);
}

static void
onramp_date_row_dispose (GObject *object)
{
  OnrampDateRow *self = (OnrampDateRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_DATE_ROW);
  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (onramp_date_row_parent_class)->dispose (object);
}

static void
onramp_date_row_class_init (OnrampDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_date_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampDateRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, OnrampDateRow, local_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
}

static void
onramp_date_row_init (OnrampDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * onramp_date_row_set_today:
 * @today: (nullable): the last day the calendar may pick; %NULL for the
 *   real today (tests pin it)
 */
void
onramp_date_row_set_today (OnrampDateRow *self,
                           GDateTime     *today)
{
  g_return_if_fail (ONRAMP_IS_DATE_ROW (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
}

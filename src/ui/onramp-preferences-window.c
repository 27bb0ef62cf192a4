/* onramp-preferences-window.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-choice-row.h"
#include "onramp-country-database.h"
#include "onramp-country-rules.h"
#include "onramp-preferences-window.h"

/* The app's settings, each row bound to its GSettings key: the cloud,
 * the partner type (whether Indirect reseller is a step), the country a
 * new customer starts with, and demo mode. The cloud and demo mode are
 * read once at start; when either differs from what is running, a note
 * says that a restart is needed.
 */
struct _OnrampPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *restart_group;
  GtkLabel             *restart_label;
  AdwComboRow          *cloud_row;
  AdwComboRow          *partner_type_row;
  OnrampChoiceRow      *country_row;
  GtkWidget            *clear_country_button;
  GtkSwitch            *demo_switch;

  GSettings            *settings;
  char                 *started_cloud;
  gboolean              started_demo_mode;
};

G_DEFINE_FINAL_TYPE (OnrampPreferencesWindow, onramp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the rows' lists */
static const char * const cloud_nicks[] = { "commercial", "us-government", NULL };
static const char * const partner_type_nicks[] = { "direct", "indirect", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static gboolean
string_to_code (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  g_value_set_string (value, code[0] ? code : NULL);
  return TRUE;
}

static GVariant *
code_to_string (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char *code = g_value_get_string (value);

  return g_variant_new_string (code ? code : "");
}

static void
onramp_preferences_window_update (OnrampPreferencesWindow *self)
{
  g_autofree char *cloud = g_settings_get_string (self->settings, "cloud");
  gboolean demo = g_settings_get_boolean (self->settings, "demo-mode");
  gboolean cloud_changed = self->started_cloud != NULL && !g_str_equal (cloud, self->started_cloud);
  gboolean demo_changed = demo != self->started_demo_mode;
  const char *note = NULL;

  if (cloud_changed && demo_changed)
    note = _("Restart Onramp to use the new cloud and demo mode setting.");
  else if (cloud_changed)
    note = _("Restart Onramp to use the new cloud. Until then it works with the one it started with.");
  else if (demo_changed)
    note = _("Restart Onramp for the demo mode setting to take effect.");

  gtk_label_set_label (self->restart_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->restart_group), note != NULL);

  gtk_widget_set_visible (self->clear_country_button,
                          onramp_choice_row_get_value (self->country_row) != NULL);
}

static void
onramp_preferences_window_clear_country_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param)
{
  OnrampPreferencesWindow *self = ONRAMP_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "default-country");
  gtk_widget_grab_focus (GTK_WIDGET (self->country_row));
}

static void
onramp_preferences_window_fill_countries (OnrampPreferencesWindow *self)
{
  OnrampCountryDatabase *database = onramp_country_database_get_default ();
  const char * const *codes = onramp_country_database_list_codes (database);
  guint n_codes = g_strv_length ((char **)codes);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < n_codes; i++)
    g_ptr_array_add (names, (gpointer)onramp_country_rules_get_name (onramp_country_database_lookup (database, codes[i])));

  onramp_choice_row_set_choices (self->country_row, n_codes, codes, (const char * const *)names->pdata, NULL);
  onramp_choice_row_set_unset_text (self->country_row, _("None: chosen for each customer"));
}

static void
onramp_preferences_window_dispose (GObject *object)
{
  OnrampPreferencesWindow *self = (OnrampPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (onramp_preferences_window_parent_class)->dispose (object);
}

static void
onramp_preferences_window_finalize (GObject *object)
{
  OnrampPreferencesWindow *self = (OnrampPreferencesWindow *)object;

  g_free (self->started_cloud);

  G_OBJECT_CLASS (onramp_preferences_window_parent_class)->finalize (object);
}

static void
onramp_preferences_window_class_init (OnrampPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_preferences_window_dispose;
  object_class->finalize = onramp_preferences_window_finalize;

  g_type_ensure (ONRAMP_TYPE_CHOICE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, restart_group);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, restart_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, cloud_row);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, partner_type_row);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, clear_country_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampPreferencesWindow, demo_switch);

  gtk_widget_class_install_action (widget_class, "preferences.clear-country", NULL,
                                   onramp_preferences_window_clear_country_action);
}

static void
onramp_preferences_window_init (OnrampPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  onramp_preferences_window_fill_countries (self);

  g_settings_bind_with_mapping (self->settings, "cloud", self->cloud_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer)cloud_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "partner-type", self->partner_type_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer)partner_type_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "default-country", self->country_row, "value",
                                G_SETTINGS_BIND_DEFAULT, string_to_code, code_to_string, NULL, NULL);
  g_settings_bind (self->settings, "demo-mode", self->demo_switch, "active", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (onramp_preferences_window_update), self, G_CONNECT_SWAPPED);
}

/**
 * onramp_preferences_window_new:
 * @started_cloud: the "cloud" setting when the app started, to tell when
 *   a change needs a restart
 * @started_demo_mode: the "demo-mode" setting when the app started
 */
OnrampPreferencesWindow *
onramp_preferences_window_new (GtkWindow  *parent,
                               const char *started_cloud,
                               gboolean    started_demo_mode)
{
  OnrampPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ONRAMP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->started_cloud = g_strdup (started_cloud);
  self->started_demo_mode = started_demo_mode;
  onramp_preferences_window_update (self);

  return self;
}

/* onramp-choice-row.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-choice-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-choice-row.h"

/* A row that picks one code from a long list (countries, states, cultures)
 * by typing: libadwaita 1.2's AdwComboRow cannot search. The row shows the
 * chosen name as its subtitle; the popover has a search entry that matches
 * the shown name, extra keywords (the English name) and the code itself.
 * The row's #OnrampChoiceRow:value is the code, which is what the record
 * stores.
 */
struct _OnrampChoiceRow
{
  AdwActionRow       parent_instance;

  GtkMenuButton     *menu_button;
  GtkPopover        *popover;
  GtkSearchEntry    *search_entry;
  GtkListView       *list_view;
  GtkLabel          *empty_label;

  GtkStringList     *codes;
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  GHashTable        *names;       /* code -> shown name */
  GHashTable        *search_keys; /* code -> casefolded name, keywords and code */
  GHashTable        *keywords;    /* code -> keywords, until the list is built */
  gboolean           list_stale;  /* the names changed since the list was built */
  char              *value;
  char              *needle;
  char              *unset_text;
  OnrampChoiceRowFillFunc fill;  /* until the names are first needed */
  OnrampChoiceRowNameFunc name;  /* one name meanwhile, or NULL */
  gpointer           fill_data;
};

G_DEFINE_FINAL_TYPE (OnrampChoiceRow, onramp_choice_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
code_at (GListModel *model,
         guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  /* The string list keeps the string alive after this reference goes */
  return item ? gtk_string_object_get_string (item) : NULL;
}

static void
onramp_choice_row_ensure_choices (OnrampChoiceRow *self)
{
  OnrampChoiceRowFillFunc fill = self->fill;

  if (fill == NULL)
    return;

  self->fill = NULL;
  self->name = NULL;
  fill (self, self->fill_data);
}

static void
onramp_choice_row_update_subtitle (OnrampChoiceRow *self)
{
  const char *name = onramp_choice_row_get_value_name (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               name ? name : self->unset_text ? self->unset_text : _("Not chosen"));
}

static gboolean
match_choice (gpointer item,
              gpointer user_data)
{
  OnrampChoiceRow *self = user_data;
  const char *key;

  if (self->needle == NULL || self->needle[0] == '\0')
    return TRUE;

  key = g_hash_table_lookup (self->search_keys, gtk_string_object_get_string (item));
  return key != NULL && strstr (key, self->needle) != NULL;
}

static void
on_search_changed_cb (OnrampChoiceRow *self)
{
  g_autofree char *normalized = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_strstrip ((normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL)));
  g_free (self->needle);
  self->needle = g_utf8_casefold (normalized, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0);
}

static void
onramp_choice_row_choose (OnrampChoiceRow *self,
                          const char      *code)
{
  if (code == NULL)
    return;

  onramp_choice_row_set_value (self, code);
  gtk_popover_popdown (self->popover);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* How well @code matches @needle: 0 its code is what was typed ("WA", not
 * Delaware), 1 one of its names (in the user's language or the English
 * keywords) is ("united states" in German, not the Minor Outlying Islands
 * that sort first), 2 one of them starts with it, 3 it only contains it */
static int
match_rank (OnrampChoiceRow *self,
            const char      *code)
{
  g_autofree char *folded_code = g_utf8_casefold (code, -1);
  const char *key = g_hash_table_lookup (self->search_keys, code);
  g_auto(GStrv) names = NULL;
  int rank = 3;

  if (strcmp (folded_code, self->needle) == 0)
    return 0;
  if (key == NULL)
    return rank;

  names = g_strsplit (key, "\n", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], self->needle) == 0)
        return 1;
      if (g_str_has_prefix (names[i], self->needle))
        rank = 2;
    }

  return rank;
}

/* Enter in the search entry takes the best match (match_rank), the first
 * in the list among equals */
static void
on_search_activate_cb (OnrampChoiceRow *self)
{
  GListModel *matches = G_LIST_MODEL (self->filtered);
  guint n_matches;
  const char *best;
  int best_rank = G_MAXINT;

  /* Enter typed before the entry's search pause ended must not take the
   * first of the whole list: search what is typed now */
  on_search_changed_cb (self);
  n_matches = g_list_model_get_n_items (matches);
  best = n_matches > 0 ? code_at (matches, 0) : NULL;

  for (guint i = 0; i < n_matches && self->needle && self->needle[0] && best_rank > 0; i++)
    {
      const char *code = code_at (matches, i);
      int rank = match_rank (self, code);

      if (rank < best_rank)
        {
          best = code;
          best_rank = rank;
        }
    }

  onramp_choice_row_choose (self, best);
}

static void
on_search_stop_cb (OnrampChoiceRow *self)
{
  gtk_popover_popdown (self->popover);
}

static void
on_list_view_activate_cb (OnrampChoiceRow *self,
                          guint            position)
{
  onramp_choice_row_choose (self, code_at (G_LIST_MODEL (self->filtered), position));
}

static void onramp_choice_row_ensure_list (OnrampChoiceRow *self);

static void
on_popover_show_cb (OnrampChoiceRow *self)
{
  onramp_choice_row_ensure_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_item_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_item_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 OnrampChoiceRow          *self)
{
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gboolean chosen = g_strcmp0 (code, self->value) == 0;

  gtk_label_set_label (GTK_LABEL (label), g_hash_table_lookup (self->names, code));
  if (chosen)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static gboolean
popup_when_shown_cb (gpointer user_data)
{
  g_autoptr(OnrampChoiceRow) self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_menu_button_popup (self->menu_button);

  return G_SOURCE_REMOVE;
}

static gboolean
onramp_choice_row_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  OnrampChoiceRow *self = ONRAMP_CHOICE_ROW (widget);

  if (!gtk_widget_grab_focus (widget) || group_cycling)
    return group_cycling;

  /* The row may be scrolled out of sight (Alt+C from the bottom of the
   * page): the focus scrolls it into view at the next layout, and only
   * then can the popover point at it (popping up at once, GTK finds no
   * monitor for it) */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, popup_when_shown_cb, g_object_ref (self), NULL);
  return TRUE;
}

static void
onramp_choice_row_dispose (GObject *object)
{
  OnrampChoiceRow *self = (OnrampChoiceRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_CHOICE_ROW);

  g_clear_object (&self->filtered);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->search_keys, g_hash_table_unref);
  g_clear_pointer (&self->keywords, g_hash_table_unref);

  G_OBJECT_CLASS (onramp_choice_row_parent_class)->dispose (object);
}

static void
onramp_choice_row_finalize (GObject *object)
{
  OnrampChoiceRow *self = (OnrampChoiceRow *)object;

  g_free (self->value);
  g_free (self->needle);
  g_free (self->unset_text);

  G_OBJECT_CLASS (onramp_choice_row_parent_class)->finalize (object);
}

static void
onramp_choice_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OnrampChoiceRow *self = ONRAMP_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_choice_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OnrampChoiceRow *self = ONRAMP_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      onramp_choice_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_choice_row_class_init (OnrampChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_choice_row_dispose;
  object_class->finalize = onramp_choice_row_finalize;
  object_class->get_property = onramp_choice_row_get_property;
  object_class->set_property = onramp_choice_row_set_property;

  widget_class->mnemonic_activate = onramp_choice_row_mnemonic_activate;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-choice-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampChoiceRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampChoiceRow, popover);
  gtk_widget_class_bind_template_child (widget_class, OnrampChoiceRow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OnrampChoiceRow, list_view);
  gtk_widget_class_bind_template_child (widget_class, OnrampChoiceRow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
}

static void
onramp_choice_row_init (OnrampChoiceRow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row is the one Tab stop, as an AdwComboRow is: activating it opens
   * the list; the arrow inside is only what the mouse points at */
  gtk_widget_set_focusable (gtk_widget_get_first_child (GTK_WIDGET (self->menu_button)), FALSE);

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->search_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keywords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->codes = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (match_choice, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->codes), GTK_FILTER (self->filter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  g_object_unref (gtk_list_view_get_model (self->list_view));

  onramp_choice_row_update_subtitle (self);
}

typedef struct
{
  const char *code;
  char       *collate_key;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  int order = strcmp (entry_a->collate_key, entry_b->collate_key);

  return order != 0 ? order : strcmp (entry_a->code, entry_b->code);
}

static char *
make_search_key (const char *name,
                 const char *keywords,
                 const char *code)
{
  g_autofree char *joined = g_strjoin ("\n", name, keywords ? keywords : "", code, NULL);
  g_autofree char *normalized = g_utf8_normalize (joined, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized, -1);
}

/* Sorting 249 countries by the user's collation and folding their search
 * keys takes milliseconds the first frame should not wait for: the list is
 * built when someone first opens it. The subtitle needs only the names. */
static void
onramp_choice_row_ensure_list (OnrampChoiceRow *self)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) sorted = NULL;
  GHashTableIter iter;
  gpointer code, name;

  onramp_choice_row_ensure_choices (self);
  if (!self->list_stale)
    return;
  self->list_stale = FALSE;

  g_hash_table_remove_all (self->search_keys);
  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), g_hash_table_size (self->names));
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &code, &name))
    {
      SortEntry entry = { code, g_utf8_collate_key (name, -1) };

      g_array_append_val (entries, entry);
      g_hash_table_insert (self->search_keys, g_strdup (code),
                           make_search_key (name, g_hash_table_lookup (self->keywords, code), code));
    }
  g_array_sort (entries, compare_sort_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_strv_builder_add (builder, entry->code);
      g_free (entry->collate_key);
    }
  sorted = g_strv_builder_end (builder);

  gtk_string_list_splice (self->codes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->codes)),
                          (const char * const *)sorted);
}

/**
 * onramp_choice_row_set_choices:
 * @codes: (array length=n_choices): what the record stores
 * @names: (array length=n_choices): what the user reads, already translated
 * @keywords: (array length=n_choices) (nullable): more text to match, such
 *   as the English name, or %NULL
 *
 * Replaces the list, sorted by name in the user's language. The value is
 * kept even when it is not on the new list, so nothing the user typed in a
 * draft is lost; the validator says what is wrong with it.
 */
void
onramp_choice_row_set_choices (OnrampChoiceRow    *self,
                               guint               n_choices,
                               const char * const *codes,
                               const char * const *names,
                               const char * const *keywords)
{
  g_return_if_fail (ONRAMP_IS_CHOICE_ROW (self));
  g_return_if_fail (n_choices == 0 || (codes != NULL && names != NULL));

  self->fill = NULL;
  self->name = NULL;
  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->keywords);
  for (guint i = 0; i < n_choices; i++)
    {
      g_hash_table_insert (self->names, g_strdup (codes[i]), g_strdup (names[i]));
      if (keywords != NULL && keywords[i] != NULL)
        g_hash_table_insert (self->keywords, g_strdup (codes[i]), g_strdup (keywords[i]));
    }

  self->list_stale = TRUE;
  /* An open list follows at once */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    onramp_choice_row_ensure_list (self);
  onramp_choice_row_update_subtitle (self);
}

/**
 * onramp_choice_row_set_fill_func:
 * @fill: calls onramp_choice_row_set_choices() on the row
 * @name: (nullable): the shown name of one code, for the chosen value
 *   before the list is made
 *
 * For a long list that costs time to make (every country's name): @fill
 * is called once, when the row first needs the names — to open the list,
 * when asked how many there are, or to show a chosen value @name does not
 * know — instead of while the window is built.
 */
void
onramp_choice_row_set_fill_func (OnrampChoiceRow         *self,
                                 OnrampChoiceRowFillFunc  fill,
                                 OnrampChoiceRowNameFunc  name,
                                 gpointer                 user_data)
{
  g_return_if_fail (ONRAMP_IS_CHOICE_ROW (self));

  self->fill = fill;
  self->name = name;
  self->fill_data = user_data;
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    onramp_choice_row_ensure_list (self);
  if (self->value != NULL)
    onramp_choice_row_update_subtitle (self);
}

guint
onramp_choice_row_get_n_choices (OnrampChoiceRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_CHOICE_ROW (self), 0);

  onramp_choice_row_ensure_choices (self);
  return g_hash_table_size (self->names);
}

/**
 * onramp_choice_row_get_value:
 *
 * Returns: (nullable): the chosen code
 */
const char *
onramp_choice_row_get_value (OnrampChoiceRow *self)
{
  g_return_val_if_fail (ONRAMP_IS_CHOICE_ROW (self), NULL);

  return self->value;
}

void
onramp_choice_row_set_value (OnrampChoiceRow *self,
                             const char      *value)
{
  g_return_if_fail (ONRAMP_IS_CHOICE_ROW (self));

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  onramp_choice_row_update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * onramp_choice_row_get_value_name:
 *
 * Returns: (nullable): the shown name of the value; the value itself when
 *   it is not on the list
 */
const char *
onramp_choice_row_get_value_name (OnrampChoiceRow *self)
{
  const char *name;

  g_return_val_if_fail (ONRAMP_IS_CHOICE_ROW (self), NULL);

  if (self->value == NULL)
    return NULL;

  if (self->fill != NULL && self->name != NULL &&
      (name = self->name (self, self->value, self->fill_data)) != NULL)
    return name;

  onramp_choice_row_ensure_choices (self);
  name = g_hash_table_lookup (self->names, self->value);
  return name ? name : self->value;
}

/**
 * onramp_choice_row_set_unset_text:
 * @unset_text: (nullable): what the row says while nothing is chosen, or
 *   %NULL for “Not chosen”
 */
void
onramp_choice_row_set_unset_text (OnrampChoiceRow *self,
                                  const char      *unset_text)
{
  g_return_if_fail (ONRAMP_IS_CHOICE_ROW (self));

  g_free (self->unset_text);
  self->unset_text = g_strdup (unset_text);
  onramp_choice_row_update_subtitle (self);
}

/* onramp-drafts-sidebar.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-drafts-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-draft-row.h"
#include "onramp-drafts-sidebar.h"
#include "onramp-width-first-bin.h"

/* The drafts beside the assistant: newest change first, a search that
 * matches the name, country, domain and contact as typed (full-width or
 * not, any case), a status badge per draft, and a notice when unreadable
 * files were moved to quarantine. Choosing a draft activates
 * win.open-draft with its id; each row's menu offers win.duplicate-draft,
 * win.delete-draft and, when it needs attention, win.retry-draft. */

struct _OnrampDraftsSidebar
{
  AdwBin              parent_instance;

  OnrampDraftStore   *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *search_text;

  AdwHeaderBar       *header_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *quarantine_revealer;
  GtkLabel           *quarantine_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkImage           *empty_icon;
  GtkLabel           *empty_title;
  GtkLabel           *empty_description;
};

G_DEFINE_FINAL_TYPE (OnrampDraftsSidebar, onramp_drafts_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
draft_matches_search (gpointer item,
                      gpointer user_data)
{
  OnrampDraftsSidebar *self = user_data;

  return onramp_draft_matches (item, self->search_text);
}

static void
onramp_drafts_sidebar_update_empty (OnrampDraftsSidebar *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  gboolean searching = self->search_text != NULL && *self->search_text != '\0';

  if (searching)
    {
      gtk_image_set_from_icon_name (self->empty_icon, "system-search-symbolic");
      gtk_label_set_label (self->empty_title, _("No Matching Customers"));
      gtk_label_set_label (self->empty_description, _("Try the company name, the domain, a contact or a country"));
    }
  else
    {
      gtk_image_set_from_icon_name (self->empty_icon, "contact-new-symbolic");
      gtk_label_set_label (self->empty_title, _("No Customers Yet"));
      gtk_label_set_label (self->empty_description, _("Every customer you start is kept here as a draft"));
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_search_changed_cb (OnrampDraftsSidebar *self)
{
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_list_activate_cb (OnrampDraftsSidebar *self,
                     guint                position)
{
  g_autoptr(OnrampDraft) draft = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (draft != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-draft", "s", onramp_draft_get_id (draft));
}

static void
onramp_drafts_sidebar_update_quarantine (OnrampDraftsSidebar *self)
{
  GPtrArray *quarantined = self->store != NULL ? onramp_draft_store_get_quarantined (self->store) : NULL;
  g_autoptr(GString) paths = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n = quarantined != NULL ? quarantined->len : 0;

  for (guint i = 0; i < n; i++)
    {
      OnrampQuarantinedDraft *entry = g_ptr_array_index (quarantined, i);

      g_string_append_printf (paths, "%s%s: %s", i > 0 ? "\n" : "", entry->path, entry->reason);
    }

  /* Translators: %u is a number of draft files; the tooltip lists them */
  text = g_strdup_printf (ngettext ("%u draft could not be read. It was moved, not deleted; hover for where.",
                                    "%u drafts could not be read. They were moved, not deleted; hover for where.",
                                    n), n);
  gtk_label_set_label (self->quarantine_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->quarantine_label), paths->str);
  gtk_revealer_set_reveal_child (self->quarantine_revealer, n > 0);
}

/* The row's menu: what can be done with this draft */
static GMenuModel *
draft_menu (OnrampDraft *draft)
{
  GMenu *menu = g_menu_new ();
  const char *id = onramp_draft_get_id (draft);
  OnrampDraftStatus status = onramp_draft_get_status (draft);
  g_autoptr(GMenuItem) duplicate = g_menu_item_new (_("D_uplicate"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

  if (status == ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION)
    {
      g_autoptr(GMenuItem) retry = g_menu_item_new (_("_Retry Submission"), NULL);

      g_menu_item_set_action_and_target (retry, "win.retry-draft", "s", id);
      g_menu_append_item (menu, retry);
    }

  g_menu_item_set_action_and_target (duplicate, "win.duplicate-draft", "s", id);
  g_menu_append_item (menu, duplicate);
  if (status != ONRAMP_DRAFT_STATUS_SUBMITTING)
    {
      g_menu_item_set_action_and_target (delete, "win.delete-draft", "s", id);
      g_menu_append_item (menu, delete);
    }

  return G_MENU_MODEL (menu);
}

static void
on_row_menu_requested_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          GtkWidget       *popover_parent)
{
  OnrampDraftRow *row = ONRAMP_DRAFT_ROW (gtk_widget_get_first_child (popover_parent));
  OnrampDraft *draft = onramp_draft_row_get_draft (row);
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (draft == NULL)
    return;

  model = draft_menu (draft);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, popover_parent);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *secondary = gtk_gesture_click_new ();

  /* The row's menu on a right click or a long press; Shift+F10 and the
   * Menu key reach it through the popup binding of the list */
  gtk_box_append (GTK_BOX (box), onramp_draft_row_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_row_menu_requested_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (secondary));
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *row = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  onramp_draft_row_set_draft (ONRAMP_DRAFT_ROW (row), gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *row = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  onramp_draft_row_set_draft (ONRAMP_DRAFT_ROW (row), NULL);
}

static void
onramp_drafts_sidebar_dispose (GObject *object)
{
  OnrampDraftsSidebar *self = (OnrampDraftsSidebar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_DRAFTS_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (onramp_drafts_sidebar_parent_class)->dispose (object);
}

static void
onramp_drafts_sidebar_finalize (GObject *object)
{
  OnrampDraftsSidebar *self = (OnrampDraftsSidebar *)object;

  g_free (self->search_text);

  G_OBJECT_CLASS (onramp_drafts_sidebar_parent_class)->finalize (object);
}

static void
onramp_drafts_sidebar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OnrampDraftsSidebar *self = ONRAMP_DRAFTS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_drafts_sidebar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OnrampDraftsSidebar *self = ONRAMP_DRAFTS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      onramp_drafts_sidebar_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_drafts_sidebar_class_init (OnrampDraftsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_drafts_sidebar_dispose;
  object_class->finalize = onramp_drafts_sidebar_finalize;
  object_class->get_property = onramp_drafts_sidebar_get_property;
  object_class->set_property = onramp_drafts_sidebar_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ONRAMP_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/onrampcsp/Onramp/ui/onramp-drafts-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, quarantine_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, quarantine_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, empty_icon);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, empty_title);
  gtk_widget_class_bind_template_child (widget_class, OnrampDraftsSidebar, empty_description);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  g_type_ensure (ONRAMP_TYPE_DRAFT_ROW);
  g_type_ensure (ONRAMP_TYPE_WIDTH_FIRST_BIN);
}

static void
onramp_drafts_sidebar_init (OnrampDraftsSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (draft_matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (onramp_drafts_sidebar_update_empty),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  onramp_drafts_sidebar_update_empty (self);
}

GtkWidget *
onramp_drafts_sidebar_new (void)
{
  return g_object_new (ONRAMP_TYPE_DRAFTS_SIDEBAR, NULL);
}

/**
 * onramp_drafts_sidebar_get_store:
 *
 * Returns: (nullable) (transfer none): the drafts shown
 */
OnrampDraftStore *
onramp_drafts_sidebar_get_store (OnrampDraftsSidebar *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFTS_SIDEBAR (self), NULL);

  return self->store;
}

void
onramp_drafts_sidebar_set_store (OnrampDraftsSidebar *self,
                                 OnrampDraftStore    *store)
{
  g_return_if_fail (ONRAMP_IS_DRAFTS_SIDEBAR (self));
  g_return_if_fail (store == NULL || ONRAMP_IS_DRAFT_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_filter_list_model_set_model (self->filtered, store != NULL ? onramp_draft_store_get_drafts (store) : NULL);
  onramp_drafts_sidebar_update_quarantine (self);
  onramp_drafts_sidebar_update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * onramp_drafts_sidebar_select:
 * @draft: (nullable): the draft open in the assistant
 *
 * Highlights the open draft, without activating it again.
 */
void
onramp_drafts_sidebar_select (OnrampDraftsSidebar *self,
                              OnrampDraft         *draft)
{
  GListModel *model;

  g_return_if_fail (ONRAMP_IS_DRAFTS_SIDEBAR (self));

  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OnrampDraft) item = g_list_model_get_item (model, i);

      if (item == draft)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

guint
onramp_drafts_sidebar_get_n_shown (OnrampDraftsSidebar *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFTS_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * onramp_drafts_sidebar_get_header_bar:
 *
 * Returns: (transfer none): the sidebar's header bar, whose window buttons
 *   the window turns on when the leaflet folds
 */
AdwHeaderBar *
onramp_drafts_sidebar_get_header_bar (OnrampDraftsSidebar *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFTS_SIDEBAR (self), NULL);

  return self->header_bar;
}

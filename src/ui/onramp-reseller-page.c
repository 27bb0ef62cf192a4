/* onramp-reseller-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-reseller-page"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-application.h"
#include "onramp-error.h"
#include "onramp-json-cache.h"
#include "onramp-reseller-page.h"
#include "onramp-reseller.h"

/* The Indirect reseller step (DESIGN.md, step 2): the signed-in provider's
 * indirect resellers from the service, searchable, with "None — direct
 * customer" first. The choice is the record's associatedPartnerId (the
 * reseller's tenant ID, partner-center-api.md §7). The service's last
 * answer is kept in the cache, so the step works offline and signed out. */

struct _OnrampResellerPage
{
  OnrampPage          parent_instance;

  GtkSearchEntry     *search_entry;
  GtkRevealer        *offline_revealer;
  GtkLabel           *offline_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  GtkListView        *list_view;
  AdwStatusPage      *empty_status;
  GtkButton          *sign_in_button;
  GtkLabel           *choice_label;

  GListStore         *resellers;
  GtkStringFilter    *filter;
  GtkSingleSelection *selection;
  OnrampJsonCache    *cache;
  GCancellable       *cancellable;
  GSignalGroup       *customer_signals;
  GError             *service_error;
  OnrampListSource    source;
  gboolean            syncing;
  gboolean            watching_auth;
  char               *chosen_name;
};

G_DEFINE_FINAL_TYPE (OnrampResellerPage, onramp_reseller_page, ONRAMP_TYPE_PAGE)

enum {
  PROP_0,
  PROP_CHOSEN_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void onramp_reseller_page_load_cache (OnrampResellerPage *self);

static OnrampApplication *
onramp_reseller_page_get_application (OnrampResellerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root)));
  if (app == NULL)
    app = g_application_get_default ();

  return ONRAMP_IS_APPLICATION (app) ? ONRAMP_APPLICATION (app) : NULL;
}

/* One cache file per cloud: the demo server's list never shows for the
 * real one */
static char *
onramp_reseller_page_dup_cache_name (OnrampResellerPage *self)
{
  OnrampApplication *app = onramp_reseller_page_get_application (self);
  const char *scope = "commercial";

  if (app != NULL && onramp_application_get_demo_url (app) != NULL)
    scope = "demo";
  else if (app != NULL &&
           onramp_partner_client_get_cloud (onramp_application_get_partner_client (app)) ==
           ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
    scope = "us-government";

  return g_strdup_printf ("resellers-%s.json", scope);
}

/* Returns: (nullable): the record's reseller, %NULL for none */
static const char *
onramp_reseller_page_get_chosen_id (OnrampResellerPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  const char *id;

  if (customer == NULL)
    return NULL;

  /* The record reads an unset field as "" */
  id = onramp_customer_get_field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID);
  return id != NULL && *id != '\0' ? id : NULL;
}

static OnrampReseller *
onramp_reseller_page_find (OnrampResellerPage *self,
                           const char         *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->resellers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampReseller) reseller = g_list_model_get_item (G_LIST_MODEL (self->resellers), i);

      if (g_strcmp0 (onramp_reseller_get_id (reseller), id) == 0)
        return reseller;
    }

  return NULL;
}

/* Says in words what the record holds: the list's highlight scrolls away
 * and is easy to miss */
static void
onramp_reseller_page_update_choice_label (OnrampResellerPage *self)
{
  const char *id = onramp_reseller_page_get_chosen_id (self);
  OnrampReseller *reseller = onramp_reseller_page_find (self, id);
  g_autofree char *text = NULL;

  if (id == NULL)
    text = g_strdup (_("No reseller: the customer will be your direct customer."));
  else if (reseller != NULL)
    /* Translators: %s is the name of an indirect reseller */
    text = g_strdup_printf (_("Chosen reseller: %s"), onramp_reseller_get_name (reseller));
  else if (self->source == ONRAMP_LIST_SOURCE_NONE)
    /* Translators: %s is a reseller's Partner Center tenant ID */
    text = g_strdup_printf (_("Chosen reseller: %s (not checked: the list is not available)"), id);
  else
    text = g_strdup (_("The reseller chosen earlier is no longer in your list. Choose again."));

  gtk_label_set_label (self->choice_label, text);
  onramp_page_set_complete (ONRAMP_PAGE (self),
                            id == NULL || reseller != NULL || self->source == ONRAMP_LIST_SOURCE_NONE);

  /* For Review, which has only the tenant ID in the record */
  if (g_strcmp0 (self->chosen_name, reseller ? onramp_reseller_get_name (reseller) : NULL) != 0)
    {
      g_free (self->chosen_name);
      self->chosen_name = g_strdup (reseller ? onramp_reseller_get_name (reseller) : NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN_NAME]);
    }
}

/* Selects the record's reseller in the (filtered) list, or nothing when
 * the search hides it */
static void
onramp_reseller_page_sync_selection (OnrampResellerPage *self)
{
  const char *id = onramp_reseller_page_get_chosen_id (self);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampReseller) reseller = g_list_model_get_item (model, i);

      if (g_strcmp0 (onramp_reseller_get_id (reseller), id) == 0)
        {
          position = i;
          break;
        }
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  onramp_reseller_page_update_choice_label (self);
}

static void
on_selection_selected_item_cb (OnrampResellerPage *self)
{
  OnrampReseller *reseller = gtk_single_selection_get_selected_item (self->selection);
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  /* A search that hides the chosen row leaves the choice alone */
  if (self->syncing || reseller == NULL || customer == NULL)
    return;

  onramp_customer_set_field (customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID, onramp_reseller_get_id (reseller));
}

static void
on_customer_partner_changed_cb (OnrampResellerPage *self)
{
  onramp_reseller_page_sync_selection (self);
}

static void
on_customer_changed_cb (OnrampResellerPage *self)
{
  /* Another customer: the last one's search says nothing about them */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  onramp_reseller_page_sync_selection (self);
}

static void
on_search_entry_search_changed_cb (OnrampResellerPage *self)
{
  /* Filtering shows or hides rows; only the user chooses */
  self->syncing = TRUE;
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->syncing = FALSE;
  onramp_reseller_page_sync_selection (self);
}

static void
onramp_reseller_page_set_loading (OnrampResellerPage *self,
                                  gboolean            loading)
{
  onramp_page_set_busy (ONRAMP_PAGE (self), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reseller.retry", !loading);
  if (loading && g_list_model_get_n_items (G_LIST_MODEL (self->resellers)) <= 1)
    gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Replaces the list with @items (the service's array of relationships),
 * "None" first; items without an ID or a name are dropped */
static guint
onramp_reseller_page_fill (OnrampResellerPage *self,
                           JsonArray          *items)
{
  g_autoptr(GPtrArray) resellers = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  g_ptr_array_add (resellers, onramp_reseller_new (NULL, _("None — direct customer"), NULL, NULL));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      OnrampReseller *reseller = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        reseller = onramp_reseller_new_from_json (json_node_get_object (node));
      if (reseller != NULL)
        g_ptr_array_add (resellers, reseller);
    }

  g_list_store_splice (self->resellers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->resellers)),
                       resellers->pdata, resellers->len);
  return resellers->len - 1;
}

static void
onramp_reseller_page_show_list (OnrampResellerPage *self,
                                guint               n_resellers)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), FALSE);
  if (n_resellers > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Indirect Resellers"));
      adw_status_page_set_description (self->empty_status,
                                       _("Your account has no active indirect resellers, so the "
                                         "customer will be your direct customer."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  onramp_reseller_page_sync_selection (self);
}

static void
onramp_reseller_page_show_error (OnrampResellerPage *self)
{
  const char *message = self->service_error != NULL ? self->service_error->message : "";

  gboolean signed_out = g_error_matches (self->service_error, ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN);

  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), signed_out);
  adw_status_page_set_title (self->empty_status, _("Could Not Load Your Resellers"));
  if (signed_out)
    adw_status_page_set_description (self->empty_status,
                                     _("Sign in to load your indirect resellers. Until then, the "
                                       "customer will be your direct customer."));
  else
    adw_status_page_set_description (self->empty_status, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
  self->source = ONRAMP_LIST_SOURCE_NONE;
  onramp_reseller_page_fill (self, NULL);
  onramp_reseller_page_sync_selection (self);
}

static void
on_cache_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not being able to cache costs only the offline list: no message */
  if (!onramp_json_cache_save_finish (ONRAMP_JSON_CACHE (object), result, &error))
    g_debug ("Resellers not cached: %s", error->message);
}

static void
on_cache_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OnrampResellerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  node = onramp_json_cache_load_finish (ONRAMP_JSON_CACHE (object), result, &saved_at, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  onramp_reseller_page_set_loading (self, FALSE);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_debug ("No cached resellers: %s", error != NULL ? error->message : "not an array");
      onramp_reseller_page_show_error (self);
      return;
    }

  local = g_date_time_to_local (saved_at);
  date = g_date_time_format (local, "%x %H:%M");
  /* Translators: %s is the date and time the list was saved */
  text = g_strdup_printf (_("Offline — showing the list from %s"), date);
  gtk_label_set_label (self->offline_label, text);
  gtk_revealer_set_reveal_child (self->offline_revealer, TRUE);
  self->source = ONRAMP_LIST_SOURCE_CACHE;
  onramp_reseller_page_show_list (self, onramp_reseller_page_fill (self, json_node_get_array (node)));
}

static void
onramp_reseller_page_load_cache (OnrampResellerPage *self)
{
  g_autofree char *name = onramp_reseller_page_dup_cache_name (self);

  onramp_json_cache_load_async (self->cache, name, self->cancellable, on_cache_loaded_cb, self);
}

static void
on_resellers_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  OnrampResellerPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *name = NULL;

  items = onramp_partner_client_list_indirect_resellers_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      g_debug ("Resellers not listed: %s", error->message);
      g_clear_error (&self->service_error);
      self->service_error = g_steal_pointer (&error);
      onramp_reseller_page_load_cache (self);
      return;
    }

  onramp_reseller_page_set_loading (self, FALSE);
  gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
  self->source = ONRAMP_LIST_SOURCE_SERVICE;
  onramp_reseller_page_show_list (self, onramp_reseller_page_fill (self, items));

  name = onramp_reseller_page_dup_cache_name (self);
  node = json_node_init_array (json_node_alloc (), items);
  onramp_json_cache_save_async (self->cache, name, node, NULL, on_cache_saved_cb, NULL);
}

static void
on_client_ready_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OnrampResellerPage *self = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL)
    {
      g_debug ("No client for the resellers: %s", error->message);
      g_clear_error (&self->service_error);
      self->service_error = g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN, error->message);
      onramp_reseller_page_load_cache (self);
      return;
    }

  onramp_partner_client_list_indirect_resellers_async (client, self->cancellable, on_resellers_listed_cb, self);
}

/* Signing in brings the service's list, without a Retry */
static void
on_auth_state_changed_cb (OnrampResellerPage *self,
                          GParamSpec         *pspec,
                          OnrampAuth         *auth)
{
  if (onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_IN &&
      self->source != ONRAMP_LIST_SOURCE_SERVICE && !onramp_page_get_busy (ONRAMP_PAGE (self)))
    onramp_reseller_page_reload (self);
}

static void
onramp_reseller_page_watch_auth (OnrampResellerPage *self,
                                 OnrampApplication  *app)
{
  if (self->watching_auth)
    return;

  self->watching_auth = TRUE;
  g_signal_connect_object (onramp_application_get_auth (app), "notify::state",
                           G_CALLBACK (on_auth_state_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * onramp_reseller_page_reload:
 *
 * Asks the service for the resellers again; when it cannot answer (offline,
 * signed out), shows the cached list with its date.
 */
void
onramp_reseller_page_reload (OnrampResellerPage *self)
{
  OnrampApplication *app;

  g_return_if_fail (ONRAMP_IS_RESELLER_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  onramp_reseller_page_set_loading (self, TRUE);
  app = onramp_reseller_page_get_application (self);
  if (app == NULL)
    {
      g_clear_error (&self->service_error);
      self->service_error = g_error_new_literal (ONRAMP_ERROR, ONRAMP_ERROR_NOT_SIGNED_IN, "");
      onramp_reseller_page_load_cache (self);
      return;
    }

  onramp_reseller_page_watch_auth (self, app);
  onramp_application_ready_client_async (app, self->cancellable, on_client_ready_cb, self);
}

/**
 * onramp_reseller_page_get_source:
 *
 * Returns: where the list shown came from
 */
OnrampListSource
onramp_reseller_page_get_source (OnrampResellerPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_RESELLER_PAGE (self), ONRAMP_LIST_SOURCE_NONE);

  return self->source;
}

static void
onramp_reseller_page_retry_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  onramp_reseller_page_reload (ONRAMP_RESELLER_PAGE (widget));
}

static void
onramp_reseller_page_shown (OnrampPage *page)
{
  OnrampResellerPage *self = ONRAMP_RESELLER_PAGE (page);

  /* The service's answer stays good for the session; a cached one is
   * worth another try each time the step shows */
  if (self->source != ONRAMP_LIST_SOURCE_SERVICE && !onramp_page_get_busy (page))
    onramp_reseller_page_reload (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (row), box);

  /* The choice is marked by more than a shade of grey */
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (row), check);
  gtk_list_item_set_child (item, row);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  OnrampReseller *reseller = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_list_item_get_child (item)));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  const char *mpn_id = onramp_reseller_get_mpn_id (reseller);
  const char *location = onramp_reseller_get_location (reseller);
  g_autofree char *text = NULL;

  gtk_label_set_label (GTK_LABEL (name), onramp_reseller_get_name (reseller));
  if (onramp_reseller_get_id (reseller) == NULL)
    text = g_strdup (_("The customer buys from you directly"));
  else if (mpn_id != NULL)
    /* Translators: %s is the reseller's MPN (partner) ID, then its country
     * or region, e.g. "MPN ID 4847383 · US" */
    text = g_strdup_printf (_("MPN ID %s · %s"), mpn_id, location != NULL ? location : "—");
  else
    text = g_strdup (location != NULL ? location : "—");
  gtk_label_set_label (GTK_LABEL (details), text);
}

static void
onramp_reseller_page_dispose (GObject *object)
{
  OnrampResellerPage *self = (OnrampResellerPage *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_RESELLER_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->resellers);
  g_clear_object (&self->cache);
  g_clear_object (&self->customer_signals);
  g_clear_error (&self->service_error);

  G_OBJECT_CLASS (onramp_reseller_page_parent_class)->dispose (object);
}

static void
onramp_reseller_page_finalize (GObject *object)
{
  OnrampResellerPage *self = (OnrampResellerPage *)object;

  g_free (self->chosen_name);

  G_OBJECT_CLASS (onramp_reseller_page_parent_class)->finalize (object);
}

static void
onramp_reseller_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OnrampResellerPage *self = ONRAMP_RESELLER_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHOSEN_NAME:
      g_value_set_string (value, self->chosen_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_reseller_page_class_init (OnrampResellerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OnrampPageClass *page_class = ONRAMP_PAGE_CLASS (klass);

  object_class->dispose = onramp_reseller_page_dispose;
  object_class->finalize = onramp_reseller_page_finalize;
  object_class->get_property = onramp_reseller_page_get_property;
  page_class->shown = onramp_reseller_page_shown;

  /**
   * OnrampResellerPage:chosen-name:
   *
   * The name of the reseller the record names, when the list has it
   */
  properties[PROP_CHOSEN_NAME] =
    g_param_spec_string ("chosen-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-reseller-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampResellerPage, choice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "reseller.retry", NULL, onramp_reseller_page_retry_action);
}

static void
onramp_reseller_page_init (OnrampResellerPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->cache = onramp_json_cache_new (NULL);
  self->resellers = g_list_store_new (ONRAMP_TYPE_RESELLER);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (ONRAMP_TYPE_RESELLER, NULL, "search-text"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->resellers)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_item_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The record comes after construction, and may be replaced */
  self->customer_signals = g_signal_group_new (ONRAMP_TYPE_CUSTOMER);
  g_signal_group_connect_object (self->customer_signals, "notify::associated-partner-id",
                                 G_CALLBACK (on_customer_partner_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "customer", self->customer_signals, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self, "notify::customer", G_CALLBACK (on_customer_changed_cb), self);
  onramp_reseller_page_fill (self, NULL);
  onramp_reseller_page_update_choice_label (self);
}

GtkWidget *
onramp_reseller_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_RESELLER_PAGE, NULL);
}

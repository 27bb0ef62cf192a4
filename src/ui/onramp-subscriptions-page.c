/* onramp-subscriptions-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-subscriptions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-application.h"
#include "onramp-card-shadow.h"
#include "onramp-catalog-product.h"
#include "onramp-error.h"
#include "onramp-json-cache.h"
#include "onramp-offer-row.h"
#include "onramp-subscriptions-page.h"

/* The Subscriptions step (DESIGN.md, step 3): the current catalog of the
 * customer's country (partner-center-api.md §6b) in a list view behind a
 * filter model, so thousands of products filter without a row being
 * rebuilt; picking a product fetches its SKUs and availabilities, and each
 * plan can be added as a line item of the record. Every answer is cached,
 * so the step works offline from the last catalog seen. Subscriptions are
 * optional: the page is complete with no offer at all. */

#define TARGET_VIEW "OnlineServices"

struct _OnrampSubscriptionsPage
{
  OnrampPage            parent_instance;

  GtkRevealer          *offline_revealer;
  GtkLabel             *offline_label;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *category_dropdown;
  GtkStack             *catalog_stack;
  GtkSpinner           *spinner;
  GtkListView          *catalog_view;
  AdwStatusPage        *empty_status;
  GtkButton            *sign_in_button;
  GtkLabel             *plans_label;
  GtkSpinner           *plans_spinner;
  GtkListBox           *plans_list;
  GtkListBox           *offers_list;

  GListStore           *products;
  GtkStringFilter      *text_filter;
  GtkCustomFilter      *category_filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  GtkStringList        *categories;
  OnrampJsonCache      *cache;
  GCancellable         *cancellable;        /* the catalog */
  GCancellable         *plans_cancellable;  /* one product's plans */
  GSignalGroup         *line_item_signals;
  GHashTable           *offer_options;      /* catalog item ID -> OfferOptions */

  char                 *loaded_country;
  OnrampListSource      source;
  OnrampListSource      plans_source;
  char                 *plans_product_id;
  JsonObject           *plans;              /* { skus: [], availabilities: { sku: [] } } */
  OnrampPartnerClient  *plans_client;
  guint                 plans_next_sku;
  gboolean              signed_out;
  gboolean              watching_auth;
};

G_DEFINE_FINAL_TYPE (OnrampSubscriptionsPage, onramp_subscriptions_page, ONRAMP_TYPE_PAGE)

typedef struct
{
  GStrv terms;
  GStrv cycles;
} OfferOptions;

static void
offer_options_free (OfferOptions *options)
{
  g_strfreev (options->terms);
  g_strfreev (options->cycles);
  g_free (options);
}

static void onramp_subscriptions_page_show_plans (OnrampSubscriptionsPage *self);
static void onramp_subscriptions_page_next_availability (OnrampSubscriptionsPage *self);

static OnrampApplication *
onramp_subscriptions_page_get_application (OnrampSubscriptionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (root)));
  if (app == NULL)
    app = g_application_get_default ();

  return ONRAMP_IS_APPLICATION (app) ? ONRAMP_APPLICATION (app) : NULL;
}

static const char *
onramp_subscriptions_page_get_country (OnrampSubscriptionsPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  return customer != NULL ? onramp_customer_get_field (customer, ONRAMP_FIELD_COUNTRY) : NULL;
}

/* "catalog-demo-US.json", "catalog-demo-US-CFQ7TTC0LH0Z.json": one file
 * per cloud, country and product; %NULL when a server-sent ID would not
 * make a safe file name */
static char *
onramp_subscriptions_page_dup_cache_name (OnrampSubscriptionsPage *self,
                                          const char              *product_id)
{
  OnrampApplication *app = onramp_subscriptions_page_get_application (self);
  const char *scope = "commercial";
  g_autofree char *name = NULL;

  if (app != NULL && onramp_application_get_demo_url (app) != NULL)
    scope = "demo";
  else if (app != NULL &&
           onramp_partner_client_get_cloud (onramp_application_get_partner_client (app)) ==
           ONRAMP_PARTNER_CLOUD_US_GOVERNMENT)
    scope = "us-government";

  if (product_id != NULL)
    name = g_strdup_printf ("catalog-%s-%s-%s.json", scope, self->loaded_country, product_id);
  else
    name = g_strdup_printf ("catalog-%s-%s.json", scope, self->loaded_country);
  return onramp_json_cache_name_is_valid (name) ? g_steal_pointer (&name) : NULL;
}

static GListStore *
onramp_subscriptions_page_get_line_items (OnrampSubscriptionsPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));
  GListModel *items = customer != NULL ? onramp_customer_get_line_items (customer) : NULL;

  return G_IS_LIST_STORE (items) ? G_LIST_STORE (items) : NULL;
}

static OnrampLineItem *
onramp_subscriptions_page_find_line_item (OnrampSubscriptionsPage *self,
                                          const char              *catalog_item_id,
                                          guint                   *position)
{
  GListStore *items = onramp_subscriptions_page_get_line_items (self);
  guint n = items != NULL ? g_list_model_get_n_items (G_LIST_MODEL (items)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampLineItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if (g_strcmp0 (onramp_line_item_get_catalog_item_id (item), catalog_item_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return item;
        }
    }

  return NULL;
}

/* Catalog: filters */

static const char *
onramp_subscriptions_page_get_category (OnrampSubscriptionsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->category_dropdown);

  /* The first entry is "All categories" */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->categories, position);
}

static gboolean
onramp_subscriptions_page_category_matches (gpointer item,
                                            gpointer user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  const char *wanted = onramp_subscriptions_page_get_category (self);
  const char *category = onramp_catalog_product_get_category (item);

  if (wanted == NULL)
    return TRUE;

  return g_strcmp0 (category != NULL ? category : _("Other"), wanted) == 0;
}

static void
onramp_subscriptions_page_update_catalog_stack (OnrampSubscriptionsPage *self)
{
  if (self->source == ONRAMP_LIST_SOURCE_NONE)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->products)) == 0)
    gtk_stack_set_visible_child_name (self->catalog_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->catalog_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->catalog_stack, "list");
}

static void
on_search_entry_search_changed_cb (OnrampSubscriptionsPage *self)
{
  gtk_string_filter_set_search (self->text_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  onramp_subscriptions_page_update_catalog_stack (self);
}

static void
on_category_dropdown_selected_cb (OnrampSubscriptionsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->category_filter), GTK_FILTER_CHANGE_DIFFERENT);
  onramp_subscriptions_page_update_catalog_stack (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

static void
onramp_subscriptions_page_fill_categories (OnrampSubscriptionsPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->products));
  gboolean other = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampCatalogProduct) product = g_list_model_get_item (G_LIST_MODEL (self->products), i);
      const char *category = onramp_catalog_product_get_category (product);

      if (category == NULL)
        other = TRUE;
      else if (g_hash_table_add (seen, (gpointer) category))
        g_ptr_array_add (names, (gpointer) category);
    }
  g_ptr_array_sort (names, compare_strings);
  if (other)
    g_ptr_array_add (names, (gpointer) _("Other"));
  g_ptr_array_insert (names, 0, (gpointer) _("All categories"));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->categories, 0, g_list_model_get_n_items (G_LIST_MODEL (self->categories)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
}

/* Catalog: loading */

static void
onramp_subscriptions_page_set_loading (OnrampSubscriptionsPage *self,
                                       gboolean                 loading)
{
  onramp_page_set_busy (ONRAMP_PAGE (self), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "subscriptions.retry", !loading);
  if (loading)
    gtk_stack_set_visible_child_name (self->catalog_stack, "loading");
}

static void
onramp_subscriptions_page_fill (OnrampSubscriptionsPage *self,
                                JsonArray               *items)
{
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = items != NULL ? json_array_get_length (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      OnrampCatalogProduct *product = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        product = onramp_catalog_product_new_from_json (json_node_get_object (node));
      if (product != NULL)
        g_ptr_array_add (products, product);
    }

  g_list_store_splice (self->products, 0, g_list_model_get_n_items (G_LIST_MODEL (self->products)),
                       products->pdata, products->len);
  onramp_subscriptions_page_fill_categories (self);
}

static void
onramp_subscriptions_page_show_offline (OnrampSubscriptionsPage *self,
                                        GDateTime               *saved_at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (saved_at);
  g_autofree char *date = g_date_time_format (local, "%x %H:%M");
  /* Translators: %s is the date and time the list was saved */
  g_autofree char *text = g_strdup_printf (_("Offline — showing the catalog from %s"), date);

  gtk_label_set_label (self->offline_label, text);
  gtk_revealer_set_reveal_child (self->offline_revealer, TRUE);
}

static void
onramp_subscriptions_page_show_empty (OnrampSubscriptionsPage *self,
                                      const char              *title,
                                      const char              *description)
{
  adw_status_page_set_title (self->empty_status, title);
  adw_status_page_set_description (self->empty_status, description);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), self->signed_out);
  gtk_stack_set_visible_child_name (self->catalog_stack, "empty");
}

static void
on_cache_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not being able to cache costs only the offline catalog: no message */
  if (!onramp_json_cache_save_finish (ONRAMP_JSON_CACHE (object), result, &error))
    g_debug ("Catalog not cached: %s", error->message);
}

static void
onramp_subscriptions_page_save (OnrampSubscriptionsPage *self,
                                const char              *product_id,
                                JsonNode                *node)
{
  g_autofree char *name = onramp_subscriptions_page_dup_cache_name (self, product_id);

  if (name != NULL)
    onramp_json_cache_save_async (self->cache, name, node, NULL, on_cache_saved_cb, NULL);
}

static void
on_catalog_cache_loaded_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = onramp_json_cache_load_finish (ONRAMP_JSON_CACHE (object), result, &saved_at, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  onramp_subscriptions_page_set_loading (self, FALSE);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_debug ("No cached catalog: %s", error != NULL ? error->message : "not an array");
      self->source = ONRAMP_LIST_SOURCE_NONE;
      onramp_subscriptions_page_fill (self, NULL);
      gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
      onramp_subscriptions_page_show_empty (self, _("Catalog Not Available"),
                                            _("Sign in and connect to the internet to load the "
                                              "catalog. The offers chosen so far are kept, and "
                                              "subscriptions are optional."));
      return;
    }

  self->source = ONRAMP_LIST_SOURCE_CACHE;
  onramp_subscriptions_page_fill (self, json_node_get_array (node));
  onramp_subscriptions_page_show_offline (self, saved_at);
  onramp_subscriptions_page_update_catalog_stack (self);
}

static void
onramp_subscriptions_page_load_cache (OnrampSubscriptionsPage *self)
{
  g_autofree char *name = onramp_subscriptions_page_dup_cache_name (self, NULL);

  if (name == NULL)
    name = g_strdup ("-");  /* an invalid name: the load fails cleanly */
  onramp_json_cache_load_async (self->cache, name, self->cancellable, on_catalog_cache_loaded_cb, self);
}

static void
on_products_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = NULL;

  items = onramp_partner_client_list_products_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      g_debug ("Products not listed: %s", error->message);
      onramp_subscriptions_page_load_cache (self);
      return;
    }

  onramp_subscriptions_page_set_loading (self, FALSE);
  gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
  self->source = ONRAMP_LIST_SOURCE_SERVICE;
  onramp_subscriptions_page_fill (self, items);
  onramp_subscriptions_page_update_catalog_stack (self);
  if (json_array_get_length (items) == 0)
    onramp_subscriptions_page_show_empty (self, _("No Products"),
                                          _("The catalog has no products for this country or region."));
  onramp_subscriptions_page_save (self, NULL, json_node_init_array (json_node_alloc (), items));
}

static void
on_catalog_client_ready_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL)
    {
      g_debug ("No client for the catalog: %s", error->message);
      self->signed_out = TRUE;
      onramp_subscriptions_page_load_cache (self);
      return;
    }

  onramp_partner_client_list_products_async (client, self->loaded_country, TARGET_VIEW, self->cancellable,
                                             on_products_listed_cb, self);
}

static void
onramp_subscriptions_page_reset_plans (OnrampSubscriptionsPage *self)
{
  g_cancellable_cancel (self->plans_cancellable);
  g_clear_object (&self->plans_cancellable);
  g_clear_pointer (&self->plans, json_object_unref);
  g_clear_pointer (&self->plans_product_id, g_free);
  g_clear_object (&self->plans_client);
  self->plans_source = ONRAMP_LIST_SOURCE_NONE;
  /* A cancelled load never comes back to stop its spinner */
  gtk_widget_set_visible (GTK_WIDGET (self->plans_spinner), FALSE);
  gtk_spinner_set_spinning (self->plans_spinner, FALSE);
  onramp_subscriptions_page_show_plans (self);
}

/* Signing in brings the service's catalog, without a Retry */
static void
on_auth_state_changed_cb (OnrampSubscriptionsPage *self,
                          GParamSpec              *pspec,
                          OnrampAuth              *auth)
{
  if (onramp_auth_get_state (auth) == ONRAMP_AUTH_STATE_SIGNED_IN &&
      self->source != ONRAMP_LIST_SOURCE_SERVICE && !onramp_page_get_busy (ONRAMP_PAGE (self)))
    onramp_subscriptions_page_reload (self);
}

static void
onramp_subscriptions_page_watch_auth (OnrampSubscriptionsPage *self,
                                      OnrampApplication       *app)
{
  if (self->watching_auth)
    return;

  self->watching_auth = TRUE;
  g_signal_connect_object (onramp_application_get_auth (app), "notify::state",
                           G_CALLBACK (on_auth_state_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * onramp_subscriptions_page_reload:
 *
 * Loads the catalog of the customer's country from the service; when it
 * cannot answer (offline, signed out), from the cache, with its date.
 */
void
onramp_subscriptions_page_reload (OnrampSubscriptionsPage *self)
{
  OnrampApplication *app;
  const char *country;

  g_return_if_fail (ONRAMP_IS_SUBSCRIPTIONS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  onramp_subscriptions_page_reset_plans (self);

  self->signed_out = FALSE;
  country = onramp_subscriptions_page_get_country (self);
  g_free (self->loaded_country);
  self->loaded_country = g_strdup (country);
  self->source = ONRAMP_LIST_SOURCE_NONE;
  if (country == NULL)
    {
      onramp_subscriptions_page_fill (self, NULL);
      onramp_subscriptions_page_show_empty (self, _("No Country Chosen"),
                                            _("The catalog depends on the customer’s country or "
                                              "region. Choose it on the Account info step."));
      return;
    }

  onramp_subscriptions_page_set_loading (self, TRUE);
  app = onramp_subscriptions_page_get_application (self);
  if (app == NULL)
    {
      onramp_subscriptions_page_load_cache (self);
      return;
    }

  onramp_subscriptions_page_watch_auth (self, app);
  onramp_application_ready_client_async (app, self->cancellable, on_catalog_client_ready_cb, self);
}

OnrampListSource
onramp_subscriptions_page_get_source (OnrampSubscriptionsPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBSCRIPTIONS_PAGE (self), ONRAMP_LIST_SOURCE_NONE);

  return self->source;
}

/**
 * onramp_subscriptions_page_get_plans_source:
 *
 * Returns: where the plans of the product picked in the catalog came from
 */
OnrampListSource
onramp_subscriptions_page_get_plans_source (OnrampSubscriptionsPage *self)
{
  g_return_val_if_fail (ONRAMP_IS_SUBSCRIPTIONS_PAGE (self), ONRAMP_LIST_SOURCE_NONE);

  return self->plans_source;
}

/* Plans: one product's SKUs and their availabilities */

static JsonArray *
onramp_subscriptions_page_get_skus (OnrampSubscriptionsPage *self)
{
  if (self->plans == NULL || !json_object_has_member (self->plans, "skus"))
    return NULL;

  return json_object_get_array_member (self->plans, "skus");
}

/* The first availability of @sku_id, which carries the catalog item ID
 * and the terms */
static JsonObject *
onramp_subscriptions_page_get_availability (OnrampSubscriptionsPage *self,
                                            const char              *sku_id)
{
  JsonObject *availabilities;
  JsonNode *node;
  JsonArray *array;

  if (self->plans == NULL || sku_id == NULL)
    return NULL;

  availabilities = json_object_get_object_member (self->plans, "availabilities");
  node = availabilities != NULL ? json_object_get_member (availabilities, sku_id) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          onramp_partner_json_get_string (json_node_get_object (element), "catalogItemId"))
        return json_node_get_object (element);
    }

  return NULL;
}

static GStrv
onramp_subscriptions_page_dup_strings (JsonObject *object,
                                       const char *member,
                                       const char *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *value = NULL;

      if (field == NULL && JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        value = json_node_get_string (element);
      else if (field != NULL && JSON_NODE_HOLDS_OBJECT (element))
        value = onramp_partner_json_get_string (json_node_get_object (element), field);
      if (value != NULL && *value != '\0')
        g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

static guint
json_quantity (JsonObject *object,
               const char *member,
               guint       fallback)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value = node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : fallback;

  return (guint) CLAMP (value, 0, (gint64) ONRAMP_LINE_ITEM_MAX_QUANTITY);
}

static GtkWidget *
onramp_subscriptions_page_create_plan_row (OnrampSubscriptionsPage *self,
                                           JsonObject              *sku)
{
  const char *sku_id = onramp_partner_json_get_string (sku, "id");
  const char *title = onramp_partner_json_get_string (sku, "title") ?: sku_id;
  JsonObject *availability = onramp_subscriptions_page_get_availability (self, sku_id);
  const char *catalog_item_id = availability != NULL
    ? onramp_partner_json_get_string (availability, "catalogItemId") : NULL;
  g_auto(GStrv) terms = onramp_subscriptions_page_dup_strings (availability, "terms", "duration");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *range = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  gboolean added = catalog_item_id != NULL &&
                   onramp_subscriptions_page_find_line_item (self, catalog_item_id, NULL) != NULL;

  range = onramp_license_range_to_label (json_quantity (sku, "minimumQuantity", 1),
                                         json_quantity (sku, "maximumQuantity", ONRAMP_LINE_ITEM_MAX_QUANTITY));
  g_string_assign (subtitle, range);
  for (guint i = 0; terms[i] != NULL; i++)
    g_string_append_printf (subtitle, "%s%s",
                            /* Translators: the separator between terms in a list, as in "1 month, 1 year" */
                            i == 0 ? " · " : _(", "), onramp_term_duration_to_label (terms[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), catalog_item_id != NULL ? subtitle->str
                                                     : _("Not available in this country or region"));

  if (added)
    {
      /* Nothing to do on this row any more: a word, not a dead button */
      GtkWidget *label = gtk_label_new (_("Added"));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      return row;
    }

  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, catalog_item_id != NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "subscriptions.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sku_id);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
onramp_subscriptions_page_show_plans (OnrampSubscriptionsPage *self)
{
  OnrampCatalogProduct *product = gtk_single_selection_get_selected_item (self->selection);
  JsonArray *skus = onramp_subscriptions_page_get_skus (self);
  guint n = skus != NULL ? json_array_get_length (skus) : 0;
  GtkWidget *child;
  g_autofree char *label = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plans_list))) != NULL)
    gtk_list_box_remove (self->plans_list, child);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (skus, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          onramp_partner_json_get_string (json_node_get_object (node), "id") != NULL)
        gtk_list_box_append (self->plans_list,
                             onramp_subscriptions_page_create_plan_row (self, json_node_get_object (node)));
    }

  if (product == NULL || g_strcmp0 (onramp_catalog_product_get_id (product), self->plans_product_id) != 0)
    label = g_strdup (_("Pick a product to see its plans."));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->plans_spinner)))
    /* Translators: %s is a product name */
    label = g_strdup_printf (_("Plans of %s: loading…"), onramp_catalog_product_get_title (product));
  else if (self->plans == NULL)
    /* Translators: %s is a product name */
    label = g_strdup_printf (_("The plans of %s are not available offline."), onramp_catalog_product_get_title (product));
  else
    /* Translators: %s is a product name */
    label = g_strdup_printf (_("Plans of %s"), onramp_catalog_product_get_title (product));

  gtk_label_set_label (self->plans_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->plans_list), gtk_widget_get_first_child (GTK_WIDGET (self->plans_list)) != NULL);
}

static void
onramp_subscriptions_page_set_plans_loading (OnrampSubscriptionsPage *self,
                                             gboolean                 loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->plans_spinner), loading);
  gtk_spinner_set_spinning (self->plans_spinner, loading);
  onramp_page_set_busy (ONRAMP_PAGE (self), loading);
  onramp_subscriptions_page_show_plans (self);
}

/* A cached answer is only as good as the file: { "skus": [...],
 * "availabilities": { ... } } or nothing */
static gboolean
onramp_subscriptions_page_plans_are_valid (JsonNode *node)
{
  JsonNode *skus;
  JsonNode *availabilities;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  skus = json_object_get_member (json_node_get_object (node), "skus");
  availabilities = json_object_get_member (json_node_get_object (node), "availabilities");

  return skus != NULL && JSON_NODE_HOLDS_ARRAY (skus) && availabilities != NULL && JSON_NODE_HOLDS_OBJECT (availabilities);
}

static void
on_plans_cache_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = onramp_json_cache_load_finish (ONRAMP_JSON_CACHE (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (node != NULL && onramp_subscriptions_page_plans_are_valid (node))
    {
      self->plans = json_object_ref (json_node_get_object (node));
      self->plans_source = ONRAMP_LIST_SOURCE_CACHE;
    }
  else
    {
      g_debug ("No cached plans: %s", error != NULL ? error->message : "not an object");
    }
  onramp_subscriptions_page_set_plans_loading (self, FALSE);
}

static void
onramp_subscriptions_page_load_plans_cache (OnrampSubscriptionsPage *self)
{
  g_autofree char *name = onramp_subscriptions_page_dup_cache_name (self, self->plans_product_id);

  g_clear_pointer (&self->plans, json_object_unref);
  g_clear_object (&self->plans_client);
  if (name == NULL)
    name = g_strdup ("-");  /* an invalid name: the load fails cleanly */
  onramp_json_cache_load_async (self->cache, name, self->plans_cancellable, on_plans_cache_loaded_cb, self);
}

static void
on_availabilities_listed_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = NULL;
  JsonArray *skus;
  JsonObject *sku;

  items = onramp_partner_client_list_availabilities_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      g_debug ("Availabilities not listed: %s", error->message);
      onramp_subscriptions_page_load_plans_cache (self);
      return;
    }

  skus = onramp_subscriptions_page_get_skus (self);
  sku = json_array_get_object_element (skus, self->plans_next_sku);
  json_object_set_array_member (json_object_get_object_member (self->plans, "availabilities"),
                                onramp_partner_json_get_string (sku, "id"), g_steal_pointer (&items));
  self->plans_next_sku++;
  onramp_subscriptions_page_next_availability (self);
}

/* Asks for the availabilities of one SKU after the other; a product has
 * few */
static void
onramp_subscriptions_page_next_availability (OnrampSubscriptionsPage *self)
{
  JsonArray *skus = onramp_subscriptions_page_get_skus (self);

  while (self->plans_next_sku < json_array_get_length (skus))
    {
      JsonNode *node = json_array_get_element (skus, self->plans_next_sku);
      const char *sku_id = JSON_NODE_HOLDS_OBJECT (node)
        ? onramp_partner_json_get_string (json_node_get_object (node), "id") : NULL;

      if (sku_id != NULL)
        {
          onramp_partner_client_list_availabilities_async (self->plans_client, self->plans_product_id, sku_id,
                                                           self->loaded_country, self->plans_cancellable,
                                                           on_availabilities_listed_cb, self);
          return;
        }
      self->plans_next_sku++;
    }

  g_clear_object (&self->plans_client);
  self->plans_source = ONRAMP_LIST_SOURCE_SERVICE;
  onramp_subscriptions_page_save (self, self->plans_product_id,
                                  json_node_init_object (json_node_alloc (), self->plans));
  onramp_subscriptions_page_set_plans_loading (self, FALSE);
}

static void
on_skus_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = NULL;

  items = onramp_partner_client_list_skus_finish (ONRAMP_PARTNER_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    {
      g_debug ("SKUs not listed: %s", error->message);
      onramp_subscriptions_page_load_plans_cache (self);
      return;
    }

  self->plans = json_object_new ();
  json_object_set_array_member (self->plans, "skus", g_steal_pointer (&items));
  json_object_set_object_member (self->plans, "availabilities", json_object_new ());
  self->plans_next_sku = 0;
  onramp_subscriptions_page_next_availability (self);
}

static void
on_plans_client_ready_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled means the page may be gone: touch nothing of it */
  client = onramp_application_ready_client_finish (ONRAMP_APPLICATION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->plans_client = g_steal_pointer (&client);
  if (self->plans_client == NULL)
    {
      g_debug ("No client for the plans: %s", error->message);
      onramp_subscriptions_page_load_plans_cache (self);
      return;
    }

  onramp_partner_client_list_skus_async (self->plans_client, self->plans_product_id, self->loaded_country,
                                         self->plans_cancellable, on_skus_listed_cb, self);
}

static void
onramp_subscriptions_page_load_plans (OnrampSubscriptionsPage *self,
                                      OnrampCatalogProduct    *product)
{
  OnrampApplication *app = onramp_subscriptions_page_get_application (self);

  onramp_subscriptions_page_reset_plans (self);
  self->plans_cancellable = g_cancellable_new ();
  self->plans_product_id = g_strdup (onramp_catalog_product_get_id (product));
  onramp_subscriptions_page_set_plans_loading (self, TRUE);

  /* A catalog from the cache means the service did not answer: the plans
   * come from the cache too, without waiting for another failure */
  if (app == NULL || self->source == ONRAMP_LIST_SOURCE_CACHE)
    onramp_subscriptions_page_load_plans_cache (self);
  else
    onramp_application_ready_client_async (app, self->plans_cancellable, on_plans_client_ready_cb, self);
}

static void
on_selection_selected_item_cb (OnrampSubscriptionsPage *self)
{
  OnrampCatalogProduct *product = gtk_single_selection_get_selected_item (self->selection);

  /* A search that hides the picked product keeps its plans showing */
  if (product == NULL || g_strcmp0 (onramp_catalog_product_get_id (product), self->plans_product_id) == 0)
    return;

  onramp_subscriptions_page_load_plans (self, product);
}

/* Chosen offers */

static void
onramp_subscriptions_page_add_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  OnrampSubscriptionsPage *self = ONRAMP_SUBSCRIPTIONS_PAGE (widget);
  const char *sku_id = g_variant_get_string (parameter, NULL);
  GListStore *items = onramp_subscriptions_page_get_line_items (self);
  JsonObject *availability = onramp_subscriptions_page_get_availability (self, sku_id);
  JsonArray *skus = onramp_subscriptions_page_get_skus (self);
  g_autoptr(OnrampLineItem) item = NULL;
  const char *catalog_item_id;
  JsonObject *sku = NULL;
  OfferOptions *options;

  for (guint i = 0; skus != NULL && i < json_array_get_length (skus); i++)
    {
      JsonNode *node = json_array_get_element (skus, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (onramp_partner_json_get_string (json_node_get_object (node), "id"), sku_id) == 0)
        sku = json_node_get_object (node);
    }

  if (items == NULL || sku == NULL || availability == NULL)
    return;

  catalog_item_id = onramp_partner_json_get_string (availability, "catalogItemId");
  if (onramp_subscriptions_page_find_line_item (self, catalog_item_id, NULL) != NULL)
    return;

  options = g_new0 (OfferOptions, 1);
  options->terms = onramp_subscriptions_page_dup_strings (availability, "terms", "duration");
  options->cycles = onramp_subscriptions_page_dup_strings (sku, "supportedBillingCycles", NULL);
  g_hash_table_replace (self->offer_options, g_strdup (catalog_item_id), options);

  item = onramp_line_item_new ();
  onramp_line_item_set_catalog_item_id (item, catalog_item_id);
  onramp_line_item_set_product_id (item, self->plans_product_id);
  onramp_line_item_set_sku_id (item, sku_id);
  onramp_line_item_set_title (item, onramp_partner_json_get_string (sku, "title") ?: sku_id);
  onramp_line_item_set_minimum_quantity (item, MAX (1, json_quantity (sku, "minimumQuantity", 1)));
  onramp_line_item_set_maximum_quantity (item, json_quantity (sku, "maximumQuantity", ONRAMP_LINE_ITEM_MAX_QUANTITY));
  onramp_line_item_set_quantity (item, onramp_line_item_get_minimum_quantity (item));
  onramp_line_item_set_available (item, TRUE);
  g_list_store_append (items, item);
}

static void
on_offer_row_remove_cb (OnrampSubscriptionsPage *self,
                        OnrampOfferRow          *row)
{
  GListStore *items = onramp_subscriptions_page_get_line_items (self);
  OnrampLineItem *item = onramp_offer_row_get_item (row);
  guint position;

  if (items != NULL && g_list_store_find (items, item, &position))
    g_list_store_remove (items, position);
}

static GtkWidget *
onramp_subscriptions_page_create_offer_row (gpointer item,
                                            gpointer user_data)
{
  OnrampSubscriptionsPage *self = user_data;
  OfferOptions *options = g_hash_table_lookup (self->offer_options,
                                               onramp_line_item_get_catalog_item_id (item));
  GtkWidget *row = onramp_offer_row_new (item,
                                         options != NULL ? (const char * const *) options->terms : NULL,
                                         options != NULL ? (const char * const *) options->cycles : NULL);

  g_signal_connect_object (row, "remove", G_CALLBACK (on_offer_row_remove_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static void
on_line_items_changed_cb (OnrampSubscriptionsPage *self,
                          guint                    position,
                          guint                    removed,
                          guint                    added)
{
  GtkWidget *row;

  /* The plan rows say "Added" for what is in the order */
  onramp_subscriptions_page_show_plans (self);

  /* Focus the new offer's quantity: the next thing to set */
  row = added > 0 ? GTK_WIDGET (gtk_list_box_get_row_at_index (self->offers_list, position)) : NULL;
  if (row != NULL && gtk_widget_get_mapped (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

static void
on_customer_changed_cb (OnrampSubscriptionsPage *self)
{
  OnrampCustomer *customer = onramp_page_get_customer (ONRAMP_PAGE (self));

  /* Another customer: the last one's search says nothing about them */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_group_set_target (self->line_item_signals,
                             customer != NULL ? onramp_customer_get_line_items (customer) : NULL);
  gtk_list_box_bind_model (self->offers_list,
                           customer != NULL ? onramp_customer_get_line_items (customer) : NULL,
                           customer != NULL ? onramp_subscriptions_page_create_offer_row : NULL,
                           self, NULL);
}

static void
onramp_subscriptions_page_retry_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  onramp_subscriptions_page_reload (ONRAMP_SUBSCRIPTIONS_PAGE (widget));
}

static void
onramp_subscriptions_page_shown (OnrampPage *page)
{
  OnrampSubscriptionsPage *self = ONRAMP_SUBSCRIPTIONS_PAGE (page);

  /* A service answer stays good while the country stays the same; a
   * cached one is worth another try each time the step shows */
  if (!onramp_page_get_busy (page) &&
      (self->source != ONRAMP_LIST_SOURCE_SERVICE ||
       g_strcmp0 (self->loaded_country, onramp_subscriptions_page_get_country (self)) != 0))
    onramp_subscriptions_page_reload (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  OnrampCatalogProduct *product = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  const char *category = onramp_catalog_product_get_category (product);
  g_autofree char *text = NULL;

  /* Translators: a product's category, then its product ID */
  text = g_strdup_printf (_("%s · %s"), category != NULL ? category : _("Other"),
                          onramp_catalog_product_get_id (product));
  gtk_label_set_label (GTK_LABEL (title), onramp_catalog_product_get_title (product));
  gtk_label_set_label (GTK_LABEL (details), text);
}

static void
onramp_subscriptions_page_dispose (GObject *object)
{
  OnrampSubscriptionsPage *self = (OnrampSubscriptionsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->plans_cancellable);

  if (self->offers_list != NULL)
    gtk_list_box_bind_model (self->offers_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_SUBSCRIPTIONS_PAGE);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->plans_cancellable);
  g_clear_object (&self->plans_client);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->text_filter);
  g_clear_object (&self->category_filter);
  g_clear_object (&self->products);
  g_clear_object (&self->categories);
  g_clear_object (&self->cache);
  g_clear_object (&self->line_item_signals);
  g_clear_pointer (&self->plans, json_object_unref);
  g_clear_pointer (&self->offer_options, g_hash_table_unref);

  G_OBJECT_CLASS (onramp_subscriptions_page_parent_class)->dispose (object);
}

static void
onramp_subscriptions_page_finalize (GObject *object)
{
  OnrampSubscriptionsPage *self = (OnrampSubscriptionsPage *)object;

  g_free (self->loaded_country);
  g_free (self->plans_product_id);

  G_OBJECT_CLASS (onramp_subscriptions_page_parent_class)->finalize (object);
}

static void
onramp_subscriptions_page_class_init (OnrampSubscriptionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OnrampPageClass *page_class = ONRAMP_PAGE_CLASS (klass);

  object_class->dispose = onramp_subscriptions_page_dispose;
  object_class->finalize = onramp_subscriptions_page_finalize;
  page_class->shown = onramp_subscriptions_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-subscriptions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, catalog_stack);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, catalog_view);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, plans_label);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, plans_spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, plans_list);
  gtk_widget_class_bind_template_child (widget_class, OnrampSubscriptionsPage, offers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "subscriptions.retry", NULL, onramp_subscriptions_page_retry_action);
  gtk_widget_class_install_action (widget_class, "subscriptions.add", "s", onramp_subscriptions_page_add_action);

  g_type_ensure (ONRAMP_TYPE_CARD_SHADOW);
  g_type_ensure (ONRAMP_TYPE_OFFER_ROW);
}

static void
onramp_subscriptions_page_init_catalog (OnrampSubscriptionsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEveryFilter *filter = gtk_every_filter_new ();

  self->products = g_list_store_new (ONRAMP_TYPE_CATALOG_PRODUCT);
  self->text_filter = gtk_string_filter_new (gtk_property_expression_new (ONRAMP_TYPE_CATALOG_PRODUCT, NULL,
                                                                          "search-text"));
  gtk_string_filter_set_match_mode (self->text_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->text_filter, TRUE);
  self->category_filter = gtk_custom_filter_new (onramp_subscriptions_page_category_matches, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (g_object_ref (self->text_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (g_object_ref (self->category_filter)));

  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->products)), GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_item_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  gtk_list_view_set_factory (self->catalog_view, factory);
  gtk_list_view_set_model (self->catalog_view, GTK_SELECTION_MODEL (self->selection));

  self->categories = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->categories));
}

static void
onramp_subscriptions_page_init (OnrampSubscriptionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->cache = onramp_json_cache_new (NULL);
  self->offer_options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) offer_options_free);
  onramp_subscriptions_page_init_catalog (self);
  onramp_subscriptions_page_fill_categories (self);
  onramp_subscriptions_page_show_plans (self);

  /* The record comes after construction, and may be replaced */
  self->line_item_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->line_item_signals, "items-changed",
                                 G_CALLBACK (on_line_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify::customer", G_CALLBACK (on_customer_changed_cb), self);

  /* Subscriptions are optional: an order with no offer is complete */
  onramp_page_set_complete (ONRAMP_PAGE (self), TRUE);
}

GtkWidget *
onramp_subscriptions_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, NULL);
}

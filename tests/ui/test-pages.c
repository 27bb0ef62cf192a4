/* test-pages.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "onramp-application.h"
#include "onramp-catalog-product.h"
#include "onramp-json-cache.h"
#include "onramp-line-item.h"
#include "onramp-offer-row.h"
#include "onramp-reseller-page.h"
#include "onramp-reseller.h"
#include "onramp-subscriptions-page.h"
#include "onramp-ui-test-utils.h"

/* The Indirect reseller and Subscriptions steps, driven as a user would
 * against the real application in demo mode: signed in, the lists come
 * from the demo server; signed out, from the cache the online run left,
 * with the date it was saved. The tests run in order and share the app,
 * the sign-in and a private cache directory. */

static OnrampApplication *app;
static int test_status;
static char *cache_home;

typedef struct
{
  GtkWindow      *window;
  OnrampPage     *page;
  OnrampCustomer *customer;
} PageWindow;

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

/* A page in a window of the app, as the assistant would show it */
static PageWindow
show_page (GtkWidget  *page,
           const char *country,
           int         width)
{
  PageWindow pw = { NULL, ONRAMP_PAGE (page), onramp_customer_new () };

  pw.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (pw.window, GTK_APPLICATION (app));
  gtk_window_set_default_size (pw.window, width, 720);
  gtk_window_set_child (pw.window, page);
  if (country != NULL)
    onramp_customer_set_field (pw.customer, ONRAMP_FIELD_COUNTRY, country);
  onramp_page_set_customer (pw.page, pw.customer);
  gtk_window_present (pw.window);
  g_assert_true (onramp_test_wait_for (window_mapped, pw.window, 5000));

  onramp_page_shown (pw.page);
  g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, pw.page, 15000));
  return pw;
}

static void
close_page (PageWindow *pw)
{
  gtk_window_destroy (pw->window);
  g_clear_object (&pw->customer);
  onramp_test_iterate (50);
}

static void
screenshot (PageWindow *pw,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  onramp_test_iterate (300);
  onramp_test_save_screenshot (GTK_WIDGET (pw->window), name);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static void
test_sign_in (void)
{
  OnrampAuth *auth = onramp_application_get_auth (app);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("No session bus: run under build-aux/test, which unlocks a throwaway keyring");
      return;
    }

  /* The demo server approves the code by itself after two seconds */
  onramp_test_iterate (300);
  onramp_auth_sign_in_async (auth, NULL, on_result_cb, &result);
  g_assert_true (onramp_test_wait_for (has_result, &result, 30000));
  g_assert_true (onramp_auth_sign_in_finish (auth, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (onramp_auth_get_state (auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static gboolean
signed_in (void)
{
  if (onramp_auth_get_state (onramp_application_get_auth (app)) == ONRAMP_AUTH_STATE_SIGNED_IN)
    return TRUE;

  g_test_skip ("Not signed in (no keyring)");
  return FALSE;
}

/* Indirect reseller */

static GListModel *
reseller_model (PageWindow *pw)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (onramp_test_get_child (pw->page, ONRAMP_TYPE_RESELLER_PAGE,
                                                                          "list_view"))));
}

static gboolean
model_has_n_items (GListModel *model,
                   guint       n)
{
  return g_list_model_get_n_items (model) == n;
}

static guint
find_reseller (GListModel *model,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OnrampReseller) reseller = g_list_model_get_item (model, i);

      if (g_strcmp0 (onramp_reseller_get_name (reseller), name) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static gboolean
cache_file_exists (gpointer name)
{
  g_autofree char *path = g_build_filename (cache_home, "onramp", name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_reseller_online (void)
{
  PageWindow pw;
  GListModel *model;
  g_autoptr(OnrampReseller) none = NULL;
  OnrampResellerPage *page;
  GtkWidget *search;
  const char *choice;
  guint position;

  if (!signed_in ())
    return;

  pw = show_page (onramp_reseller_page_new (), "US", 720);
  page = ONRAMP_RESELLER_PAGE (pw.page);
  model = reseller_model (&pw);

  /* The demo provider's twelve resellers, after "None — direct customer",
   * which is chosen while the record names nobody */
  g_assert_cmpint (onramp_reseller_page_get_source (page), ==, ONRAMP_LIST_SOURCE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 13);
  none = g_list_model_get_item (model, 0);
  g_assert_null (onramp_reseller_get_id (none));
  g_assert_cmpstr (onramp_reseller_get_name (none), ==, _("None — direct customer"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_true (onramp_page_get_complete (pw.page));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE,
                                                                          "offline_revealer"))));
  screenshot (&pw, "reseller-page");

  /* Search by name, MPN ID or location narrows the list */
  search = onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "partners");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);  /* Datum Cloud, Trey Research */
  gtk_editable_set_text (GTK_EDITABLE (search), "6894567");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (model_has_n_items (model, 1));

  /* Choosing one sets the record's associated partner: the tenant ID */
  position = find_reseller (model, "Litware Taiwan");
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), position);
  choice = onramp_customer_get_field (pw.customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID);
  g_assert_cmpstr (choice, ==, "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e09");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE,
                                                                        "choice_label"))),
                            "Litware Taiwan"));
  g_assert_true (onramp_page_get_complete (pw.page));

  /* Clearing the search keeps the choice, and shows it selected */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (model_has_n_items (model, 13));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    find_reseller (model, "Litware Taiwan"));
  g_assert_cmpstr (onramp_customer_get_field (pw.customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID), ==, choice);
  screenshot (&pw, "reseller-chosen");

  /* Back to a direct customer */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  g_assert_cmpstr (onramp_customer_get_field (pw.customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID), ==, "");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 0));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), find_reseller (model, "Litware Taiwan")));

  /* The answer is kept for offline use */
  g_assert_true (onramp_test_wait_for (cache_file_exists, (gpointer) "resellers-demo.json", 5000));

  gtk_window_set_default_size (pw.window, 360, 640);
  screenshot (&pw, "reseller-narrow");
  close_page (&pw);
}

/* Subscriptions */

static GListModel *
catalog_model (PageWindow *pw)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (onramp_test_get_child (pw->page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE,
                                                                          "catalog_view"))));
}

static void
search_catalog (PageWindow *pw,
                const char *text)
{
  GtkWidget *search = onramp_test_get_child (pw->page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_signal_emit_by_name (search, "search-changed");
}

static gboolean
plans_shown (gpointer page)
{
  GtkWidget *list = onramp_test_get_child (page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "plans_list");

  return !onramp_page_get_busy (page) && gtk_widget_get_visible (list) &&
         gtk_widget_get_first_child (list) != NULL;
}

static OnrampOfferRow *
offer_row (PageWindow *pw,
           int         index)
{
  GtkListBox *list = GTK_LIST_BOX (onramp_test_get_child (pw->page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "offers_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return ONRAMP_IS_OFFER_ROW (row) ? ONRAMP_OFFER_ROW (row) : NULL;
}

static guint
count_titles (GListModel *model,
              const char *needle)
{
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OnrampCatalogProduct) product = g_list_model_get_item (model, i);
      g_autofree char *folded = g_utf8_casefold (onramp_catalog_product_get_title (product), -1);

      if (strstr (folded, folded_needle) != NULL)
        count++;
    }

  return count;
}

/* Picks the first product the search leaves and waits for its plans */
static void
pick_first_product (PageWindow *pw)
{
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (catalog_model (pw)), 0);
  g_assert_true (onramp_test_wait_for (plans_shown, pw->page, 15000));
}

static void
test_subscriptions_online (void)
{
  PageWindow pw;
  GListModel *line_items;
  GListModel *model;
  OnrampLineItem *item;
  OnrampOfferRow *row;
  GtkWidget *spin;
  GtkDropDown *category;
  GtkStringList *categories;
  guint n_dynamics = 0;
  guint expected;

  if (!signed_in ())
    return;

  pw = show_page (onramp_subscriptions_page_new (), "US", 720);
  model = catalog_model (&pw);
  line_items = onramp_customer_get_line_items (pw.customer);

  /* The whole demo catalog, and no offer needed to go on */
  g_assert_cmpint (onramp_subscriptions_page_get_source (ONRAMP_SUBSCRIPTIONS_PAGE (pw.page)), ==,
                   ONRAMP_LIST_SOURCE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  g_assert_true (onramp_page_get_complete (pw.page));

  /* The search narrows it to the titles that contain it, in any case */
  expected = count_titles (model, "business premium");
  g_assert_cmpuint (expected, >, 1);
  search_catalog (&pw, "business premium");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  /* The category filter narrows it too */
  search_catalog (&pw, "");
  category = GTK_DROP_DOWN (onramp_test_get_child (pw.page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE, "category_dropdown"));
  categories = GTK_STRING_LIST (gtk_drop_down_get_model (category));
  g_assert_cmpstr (gtk_string_list_get_string (categories, 0), ==, _("All categories"));
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (categories)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (categories, i), "Dynamics 365") == 0)
      gtk_drop_down_set_selected (category, i);
  n_dynamics = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_dynamics, >, 0);
  g_assert_cmpuint (n_dynamics, <, 300);
  gtk_drop_down_set_selected (category, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);

  /* Pick a product, see its plans, add one: a line item of the record */
  search_catalog (&pw, "Microsoft 365 Business Premium");
  pick_first_product (&pw);
  screenshot (&pw, "subscriptions-plans");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pw.page), "subscriptions.add", "s", "0001"));
  g_assert_cmpuint (g_list_model_get_n_items (line_items), ==, 1);
  item = g_list_model_get_item (line_items, 0);
  g_object_unref (item);  /* the record keeps it */
  g_assert_cmpstr (onramp_line_item_get_sku_id (item), ==, "0001");
  g_assert_true (g_str_has_prefix (onramp_line_item_get_catalog_item_id (item),
                                   onramp_line_item_get_product_id (item)));
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, 1);
  g_assert_cmpuint (onramp_line_item_get_maximum_quantity (item), >, 1);
  g_assert_cmpstr (onramp_line_item_get_term_duration (item), ==, "P1M");
  g_assert_cmpstr (onramp_line_item_get_billing_cycle (item), ==, "monthly");
  row = offer_row (&pw, 0);
  g_assert_nonnull (row);
  g_assert_true (onramp_offer_row_get_item (row) == item);

  /* Adding it twice does nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pw.page), "subscriptions.add", "s", "0001"));
  g_assert_cmpuint (g_list_model_get_n_items (line_items), ==, 1);

  /* The spin button refuses more licences than the offer's maximum, and
   * fewer than its minimum */
  spin = onramp_test_get_child (row, ONRAMP_TYPE_OFFER_ROW, "quantity_spin");
  gtk_editable_set_text (GTK_EDITABLE (spin), "25");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, 25);
  gtk_editable_set_text (GTK_EDITABLE (spin), "99999999");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, onramp_line_item_get_maximum_quantity (item));
  g_assert_cmpuint (onramp_line_item_get_quantity (item), <, 99999999);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==,
                   onramp_line_item_get_maximum_quantity (item));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 0);
  g_assert_cmpuint (onramp_line_item_get_quantity (item), ==, onramp_line_item_get_minimum_quantity (item));

  /* A one-year term allows annual billing; back to one month, annual goes */
  {
    GtkDropDown *term = GTK_DROP_DOWN (onramp_test_get_child (row, ONRAMP_TYPE_OFFER_ROW, "term_dropdown"));
    GtkDropDown *cycle = GTK_DROP_DOWN (onramp_test_get_child (row, ONRAMP_TYPE_OFFER_ROW, "cycle_dropdown"));
    GListModel *terms = gtk_drop_down_get_model (term);

    for (guint i = 0; i < g_list_model_get_n_items (terms); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (terms), i), _("1 year")) == 0)
        gtk_drop_down_set_selected (term, i);
    g_assert_cmpstr (onramp_line_item_get_term_duration (item), ==, "P1Y");
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (cycle)), ==, 2);
    gtk_drop_down_set_selected (cycle, 1);
    g_assert_cmpstr (onramp_line_item_get_billing_cycle (item), ==, "annual");
    gtk_drop_down_set_selected (term, 0);
    g_assert_cmpstr (onramp_line_item_get_term_duration (item), ==, "P1M");
    g_assert_cmpstr (onramp_line_item_get_billing_cycle (item), ==, "monthly");
  }
  screenshot (&pw, "subscriptions");

  gtk_window_set_default_size (pw.window, 360, 720);
  screenshot (&pw, "subscriptions-narrow");
  /* The chosen offer at 360 px, scrolled to the end of the page */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    onramp_test_iterate (200);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (&pw, "subscriptions-offer-narrow");
  }

  /* Removing works, and the page stays complete with no offer */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "offer.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (line_items), ==, 0);
  g_assert_null (offer_row (&pw, 0));
  g_assert_true (onramp_page_get_complete (pw.page));

  g_assert_true (onramp_test_wait_for (cache_file_exists, (gpointer) "catalog-demo-US.json", 5000));
  close_page (&pw);
}

/* Offline: signed out, from the cache */

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
test_sign_out (void)
{
  gboolean done = FALSE;

  onramp_auth_sign_out_async (onramp_application_get_auth (app), NULL, on_signed_out_cb, &done);
  g_assert_true (onramp_test_wait_for (is_true, &done, 10000));
  g_assert_cmpint (onramp_auth_get_state (onramp_application_get_auth (app)), !=, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static void
test_reseller_offline (void)
{
  PageWindow pw;
  OnrampResellerPage *page;
  GtkLabel *label;

  if (!cache_file_exists ((gpointer) "resellers-demo.json"))
    {
      g_test_skip ("No cached list: the online test did not run");
      return;
    }

  pw = show_page (onramp_reseller_page_new (), "US", 720);
  page = ONRAMP_RESELLER_PAGE (pw.page);
  label = GTK_LABEL (onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE, "offline_label"));

  g_assert_cmpint (onramp_reseller_page_get_source (page), ==, ONRAMP_LIST_SOURCE_CACHE);
  g_assert_cmpuint (g_list_model_get_n_items (reseller_model (&pw)), ==, 13);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (onramp_test_get_child (page, ONRAMP_TYPE_RESELLER_PAGE,
                                                                         "offline_revealer"))));
  /* "Offline — showing the list from <date>", in the UI language */
  {
    g_auto(GStrv) parts = g_strsplit (_("Offline — showing the list from %s"), "%s", 2);

    g_assert_true (g_str_has_prefix (gtk_label_get_label (label), parts[0]));
    g_assert_cmpuint (strlen (gtk_label_get_label (label)), >, strlen (parts[0]) + 4);
  }

  /* Choosing still works offline */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (reseller_model (&pw)),
                                     find_reseller (reseller_model (&pw), "First Up Consultants"));
  g_assert_cmpstr (onramp_customer_get_field (pw.customer, ONRAMP_FIELD_ASSOCIATED_PARTNER_ID), ==,
                   "0b2c7f8e-1d3a-4c5b-9e6f-7a8b9c0d1e01");
  screenshot (&pw, "reseller-offline");
  close_page (&pw);
}

static void
test_reseller_nothing_cached (void)
{
  PageWindow pw;
  g_autofree char *dir = g_build_filename (cache_home, "onramp", NULL);
  g_autofree char *path = g_build_filename (dir, "resellers-demo.json", NULL);
  g_autofree char *saved = g_strconcat (path, ".saved", NULL);

  /* A damaged cache file is no crash: the page says what to do */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (g_rename (path, saved), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"data\": [trunc", -1, NULL));

  pw = show_page (onramp_reseller_page_new (), "US", 720);
  g_assert_cmpint (onramp_reseller_page_get_source (ONRAMP_RESELLER_PAGE (pw.page)), ==, ONRAMP_LIST_SOURCE_NONE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (onramp_test_get_child (pw.page, ONRAMP_TYPE_RESELLER_PAGE, "stack"))),
                   ==, "empty");
  /* Signing in is the way out */
  g_assert_true (gtk_widget_get_visible (onramp_test_get_child (pw.page, ONRAMP_TYPE_RESELLER_PAGE, "sign_in_button")));
  g_assert_true (onramp_page_get_complete (pw.page));
  screenshot (&pw, "reseller-signed-out");

  /* Retry looks again: the restored file brings the list back */
  g_assert_cmpint (g_unlink (path), ==, 0);
  if (g_file_test (saved, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_rename (saved, path), ==, 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pw.page), "reseller.retry", NULL));
      g_assert_true (onramp_test_wait_for (onramp_test_page_not_busy, pw.page, 15000));
      g_assert_cmpint (onramp_reseller_page_get_source (ONRAMP_RESELLER_PAGE (pw.page)), ==,
                       ONRAMP_LIST_SOURCE_CACHE);
      g_assert_cmpuint (g_list_model_get_n_items (reseller_model (&pw)), ==, 13);
    }
  close_page (&pw);
}

static void
test_subscriptions_offline (void)
{
  PageWindow pw;
  GListModel *line_items;

  if (!cache_file_exists ((gpointer) "catalog-demo-US.json"))
    {
      g_test_skip ("No cached catalog: the online test did not run");
      return;
    }

  pw = show_page (onramp_subscriptions_page_new (), "US", 720);
  line_items = onramp_customer_get_line_items (pw.customer);
  g_assert_cmpint (onramp_subscriptions_page_get_source (ONRAMP_SUBSCRIPTIONS_PAGE (pw.page)), ==,
                   ONRAMP_LIST_SOURCE_CACHE);
  g_assert_cmpuint (g_list_model_get_n_items (catalog_model (&pw)), ==, 300);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (onramp_test_get_child (pw.page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE,
                                                                         "offline_revealer"))));

  /* The product seen online has its plans cached: it can be ordered */
  search_catalog (&pw, "Microsoft 365 Business Premium");
  pick_first_product (&pw);
  g_assert_cmpint (onramp_subscriptions_page_get_plans_source (ONRAMP_SUBSCRIPTIONS_PAGE (pw.page)), ==,
                   ONRAMP_LIST_SOURCE_CACHE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pw.page), "subscriptions.add", "s", "0001"));
  g_assert_cmpuint (g_list_model_get_n_items (line_items), ==, 1);
  screenshot (&pw, "subscriptions-offline");
  close_page (&pw);
}

/* Thousands of products: the filter model filters, the list view keeps
 * its few rows and rebinds them */

static void
on_setup_count_cb (GtkListItemFactory *factory,
                   GtkListItem        *item,
                   gpointer            user_data)
{
  (*(guint *)user_data)++;
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_json_cache_save_finish (ONRAMP_JSON_CACHE (object), result, &error));
  *(gboolean *)user_data = TRUE;
}

static void
write_synthetic_catalog (guint n)
{
  g_autoptr(OnrampJsonCache) cache = onramp_json_cache_new (NULL);
  g_autoptr(JsonArray) products = json_array_new ();
  g_autoptr(JsonNode) node = NULL;
  static const char * const stems[] = { "Microsoft 365 E", "Dynamics 365 Plan ", "Power BI Seat ", "Contoso Tool " };
  gboolean saved = FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *product = json_object_new ();
      g_autofree char *id = g_strdup_printf ("SYN%05u", i);
      g_autofree char *title = g_strdup_printf ("%s%u", stems[i % G_N_ELEMENTS (stems)], i);

      json_object_set_string_member (product, "id", id);
      json_object_set_string_member (product, "title", title);
      json_array_add_object_element (products, product);
    }
  node = json_node_init_array (json_node_alloc (), products);
  onramp_json_cache_save_async (cache, "catalog-demo-NZ.json", node, NULL, on_saved_cb, &saved);
  g_assert_true (onramp_test_wait_for (is_true, &saved, 10000));
}

/* The same search on the same products, with no view attached: what the
 * filtering itself costs, in µs per search */
static gint64
time_bare_filter (GListModel *shown)
{
  GtkFilterListModel *page_model = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown)));
  GListModel *products = gtk_filter_list_model_get_model (page_model);
  GtkStringFilter *filter = gtk_string_filter_new (gtk_property_expression_new (ONRAMP_TYPE_CATALOG_PRODUCT, NULL,
                                                                                "search-text"));
  g_autoptr(GtkFilterListModel) bare = gtk_filter_list_model_new (g_object_ref (products), GTK_FILTER (filter));
  static const char * const searches[] = { "E1", "Power", "Plan 49", "contoso tool 4999", "", "3", "zzz", "" };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    gtk_string_filter_set_search (filter, searches[i]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bare)), ==, 5000);

  return (g_get_monotonic_time () - start) / G_N_ELEMENTS (searches);
}

static void
test_catalog_5000 (void)
{
  static const char * const searches[] = { "E1", "Power", "Plan 49", "contoso tool 4999", "", "3", "zzz", "" };
  PageWindow pw;
  GListModel *model;
  GtkListItemFactory *factory;
  guint setups = 0;
  guint most_setups = 0;
  gint64 slowest_filter = 0;

  write_synthetic_catalog (5000);
  pw = show_page (onramp_subscriptions_page_new (), "NZ", 720);
  model = catalog_model (&pw);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5000);

  factory = gtk_list_view_get_factory (GTK_LIST_VIEW (onramp_test_get_child (pw.page, ONRAMP_TYPE_SUBSCRIPTIONS_PAGE,
                                                                 "catalog_view")));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_count_cb), &setups);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        guint setups_before = setups;
        gint64 start = g_get_monotonic_time ();

        search_catalog (&pw, searches[i]);
        slowest_filter = MAX (slowest_filter, g_get_monotonic_time () - start);
        onramp_test_iterate (50);  /* let the list view lay out and bind */
        most_setups = MAX (most_setups, setups - setups_before);
      }

  /* "Power" matches a quarter of them, "zzz" none, "" all */
  search_catalog (&pw, "Power");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1250);
  search_catalog (&pw, "contoso tool 4999");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* The filter model filters in place; the list view builds rows only for
   * the window of items around what is shown (GTK keeps up to 200), never
   * one per product, even when a search brings back all 5000 */
  g_test_message ("5000 products, 24 searches: slowest search %.1f ms with the list view's work; "
                  "at most %u rows set up by one search, %u in all; the filter model alone: %.2f ms a search",
                  slowest_filter / 1000.0, most_setups, setups, time_bare_filter (model) / 1000.0);
  g_assert_cmpuint (most_setups, <, 500);
  g_assert_cmpint (slowest_filter, <, G_USEC_PER_SEC);
  close_page (&pw);
}

static gboolean
reseller_source_is_service (gpointer page)
{
  return onramp_reseller_page_get_source (page) == ONRAMP_LIST_SOURCE_SERVICE && !onramp_page_get_busy (page);
}

static void
test_sign_in_reloads (void)
{
  PageWindow pw;

  pw = show_page (onramp_reseller_page_new (), "US", 720);
  g_assert_cmpint (onramp_reseller_page_get_source (ONRAMP_RESELLER_PAGE (pw.page)), !=, ONRAMP_LIST_SOURCE_SERVICE);

  /* Signing in while the step shows the offline list brings the current
   * one, with no Retry */
  test_sign_in ();
  if (g_test_failed () || onramp_auth_get_state (onramp_application_get_auth (app)) != ONRAMP_AUTH_STATE_SIGNED_IN)
    {
      close_page (&pw);
      return;
    }
  g_assert_true (onramp_test_wait_for (reseller_source_is_service, pw.page, 15000));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (onramp_test_get_child (pw.page, ONRAMP_TYPE_RESELLER_PAGE,
                                                                          "offline_revealer"))));
  close_page (&pw);
  test_sign_out ();
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  return g_rmdir (path) == 0;
}

static void
on_activate_cb (GApplication *application)
{
  test_status = g_test_run ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  char *app_argv[] = { argv[0], (char *)"--demo", NULL };

  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  /* A cache of our own, before anything asks where the cache is */
  cache_home = g_dir_make_tmp ("onramp-test-pages-XXXXXX", NULL);
  g_assert_nonnull (cache_home);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/pages/sign-in", test_sign_in);
  g_test_add_func ("/pages/reseller-online", test_reseller_online);
  g_test_add_func ("/pages/subscriptions-online", test_subscriptions_online);
  g_test_add_func ("/pages/sign-out", test_sign_out);
  g_test_add_func ("/pages/reseller-offline", test_reseller_offline);
  g_test_add_func ("/pages/reseller-damaged-cache", test_reseller_nothing_cached);
  g_test_add_func ("/pages/subscriptions-offline", test_subscriptions_offline);
  g_test_add_func ("/pages/subscriptions-5000-products", test_catalog_5000);
  g_test_add_func ("/pages/sign-in-reloads", test_sign_in_reloads);

  app = onramp_application_new ();
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 2, app_argv);
  g_clear_object (&app);

  remove_tree (cache_home);
  g_free (cache_home);

  return test_status;
}

/* test-drafts-sidebar.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "onramp-draft-row.h"
#include "onramp-drafts-sidebar.h"
#include "onramp-ui-test-utils.h"

/* The drafts sidebar with a drafts folder of its own: every draft listed
 * with its status, a search typed into the entry narrows the list (any
 * case, full-width letters too), an empty search says so, a garbage file
 * is reported as moved, and choosing a row activates win.open-draft. */

#define RESOURCE_PREFIX "/io/github/onrampcsp/Onramp"

typedef struct
{
  char             *directory;
  OnrampDraftStore *store;
  GtkWindow        *window;
  OnrampDraftsSidebar *sidebar;
  char             *opened;
} Fixture;

static void
on_open_draft_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->opened);
  f->opened = g_variant_dup_string (parameter, NULL);
}

static OnrampDraft *
add_draft (Fixture           *f,
           const char        *name,
           const char        *country,
           OnrampDraftStatus  status)
{
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(GError) error = NULL;
  OnrampDraft *draft;

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, name);
  onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, country);
  draft = onramp_draft_store_create (f->store, customer);
  onramp_draft_set_status (draft, status, status == ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION ? "Partner Center refused the address" : NULL);
  g_assert_true (onramp_draft_store_save (f->store, draft, &error));
  g_assert_no_error (error);

  return draft;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const GActionEntry entries[] = { { "open-draft", on_open_draft_cb, "s" } };
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = NULL;

  f->directory = g_dir_make_tmp ("onramp-sidebar-XXXXXX", &error);
  g_assert_no_error (error);

  /* One unreadable file among the drafts */
  garbage = g_build_filename (f->directory, "0b9d6a52-4d6e-4bb5-9a8b-4a1c9bd0c0de.json", NULL);
  g_assert_true (g_file_set_contents (garbage, "{ not json", -1, NULL));

  f->store = onramp_draft_store_new (f->directory);
  g_assert_true (onramp_draft_store_load (f->store, NULL, &error));
  g_assert_no_error (error);

  add_draft (f, "信義數位科技股份有限公司", "TW", ONRAMP_DRAFT_STATUS_DRAFT);
  add_draft (f, "Contoso Pharmaceuticals Incorporated", "US", ONRAMP_DRAFT_STATUS_READY);
  add_draft (f, "Müller Präzisionstechnik GmbH", "DE", ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION);
  add_draft (f, "Northwind Traders Limited", "GB", ONRAMP_DRAFT_STATUS_SUBMITTED);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 600);
  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (actions));

  f->sidebar = ONRAMP_DRAFTS_SIDEBAR (onramp_drafts_sidebar_new ());
  onramp_drafts_sidebar_set_store (f->sidebar, f->store);
  gtk_window_set_child (f->window, GTK_WIDGET (f->sidebar));
  gtk_window_present (f->window);
  onramp_test_iterate (300);
}

static void
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
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  remove_tree (f->directory);
  g_free (f->directory);
  g_free (f->opened);
}

static void
screenshot (Fixture    *f,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("drafts-sidebar-%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (GTK_WIDGET (f->window), name);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (f->sidebar), ONRAMP_TYPE_DRAFTS_SIDEBAR, name);

  g_assert_nonnull (widget);
  return GTK_WIDGET (widget);
}

/* The labels of every row on screen, status badges included */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, text);
}

static void
test_lists_with_status (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_cmpuint (onramp_drafts_sidebar_get_n_shown (f->sidebar), ==, 4);
  collect_labels (child (f, "list_view"), text);
  g_assert_nonnull (strstr (text->str, "信義數位科技股份有限公司"));
  g_assert_nonnull (strstr (text->str, onramp_draft_status_get_label (ONRAMP_DRAFT_STATUS_READY)));
  g_assert_nonnull (strstr (text->str, onramp_draft_status_get_label (ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION)));
  g_assert_nonnull (strstr (text->str, onramp_draft_status_get_label (ONRAMP_DRAFT_STATUS_SUBMITTED)));

  /* The garbage file: moved aside and said so, not a silent drop */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "quarantine_revealer"))));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (child (f, "quarantine_label")), "quarantine"));
  screenshot (f, "list");
}

static gboolean
n_shown_is (gpointer data)
{
  gpointer *args = data;

  return onramp_drafts_sidebar_get_n_shown (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
search (Fixture    *f,
        const char *text,
        guint       expected)
{
  gpointer args[] = { f->sidebar, GUINT_TO_POINTER (expected) };

  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), text);
  g_assert_true (onramp_test_wait_for (n_shown_is, args, 2000));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (f, "stack"));

  search (f, "contoso", 1);
  search (f, "ＣＯＮＴＯＳＯ", 1);   /* full-width, as pasted from a CJK document */
  search (f, "信義", 1);
  search (f, "muller", 0);          /* no folding of umlauts: "müller" is typed as such */
  search (f, "müller", 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  search (f, "fabrikam", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  screenshot (f, "no-match");

  search (f, "", 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_choose_opens (Fixture       *f,
                   gconstpointer  data)
{
  GtkListView *list = GTK_LIST_VIEW (child (f, "list_view"));
  g_autoptr(OnrampDraft) first = g_list_model_get_item (onramp_draft_store_get_drafts (f->store), 0);

  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (f->opened, ==, onramp_draft_get_id (first));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  onramp_test_skip_without_display ();
  onramp_test_use_private_data ();

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/drafts-sidebar/lists-with-status", Fixture, NULL, fixture_setup, test_lists_with_status, fixture_teardown);
  g_test_add ("/drafts-sidebar/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/drafts-sidebar/choose-opens", Fixture, NULL, fixture_setup, test_choose_opens, fixture_teardown);

  return g_test_run ();
}

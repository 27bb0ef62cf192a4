/* test-sign-in-dialog.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sign-in-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-account-button.h"
#include "onramp-demo-server.h"
#include "onramp-error.h"
#include "onramp-menu-button.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-ui-test-utils.h"

/* The sign-in dialog against the demo server's device-code endpoints, as a
 * user meets it: the code shown and copied, approval in the "browser",
 * an error with Try Again, and closing the dialog early. */

#define CLIENT_ID "7a1b3c5d-0000-4000-8000-00000000c11e"

typedef struct
{
  OnrampDemoServer   *server;
  OnrampDemoAuth     *demo;
  OnrampAuth         *auth;
  OnrampSignInDialog *dialog;
  GAsyncResult       *result;
  char               *clipboard_text;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *cloud = g_strconcat ("test-", uuid, NULL);

  f->server = onramp_demo_server_new ();
  g_assert_true (onramp_demo_server_start (f->server, &error));
  f->demo = onramp_demo_server_get_auth (f->server);
  onramp_demo_auth_set_time_scale (f->demo, 0.01);

  f->auth = onramp_auth_new (NULL, cloud, CLIENT_ID);
  onramp_auth_set_authority (f->auth, onramp_demo_server_get_url (f->server));
  onramp_auth_set_time_scale (f->auth, 0.01);

  /* GTK owns toplevels; the test keeps its own reference to look at it */
  f->dialog = g_object_ref (onramp_sign_in_dialog_new (NULL, f->auth));
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gboolean signed_out = FALSE;

  gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->dialog);

  /* Leave nothing in the keyring */
  onramp_auth_sign_out_async (f->auth, NULL, on_signed_out_cb, &signed_out);
  g_assert_true (onramp_test_wait_for (is_true, &signed_out, 10000));

  g_clear_object (&f->result);
  g_clear_object (&f->auth);
  g_clear_object (&f->server);
  g_clear_pointer (&f->clipboard_text, g_free);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Fixture *)data)->result != NULL;
}

static gboolean
dialog_ready (gpointer data)
{
  Fixture *f = data;

  return onramp_sign_in_dialog_get_state (f->dialog) == ONRAMP_SIGN_IN_STATE_READY;
}

static gboolean
dialog_failed (gpointer data)
{
  Fixture *f = data;

  return onramp_sign_in_dialog_get_state (f->dialog) == ONRAMP_SIGN_IN_STATE_ERROR;
}

static gboolean
revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static GtkWidget *
get_child (Fixture    *f,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->dialog), ONRAMP_TYPE_SIGN_IN_DIALOG, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
screenshot (Fixture    *f,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", what, onramp_test_language ());

  onramp_test_save_screenshot (GTK_WIDGET (f->dialog), name);
}

static void
start (Fixture *f)
{
  onramp_sign_in_dialog_sign_in_async (f->dialog, NULL, on_result_cb, f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  g_assert_true (onramp_test_wait_for (dialog_ready, f, 5000));
}

static void
on_clipboard_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Fixture *f = user_data;

  f->clipboard_text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (f->clipboard_text == NULL)
    f->clipboard_text = g_strdup ("");
}

static gboolean
has_clipboard_text (gpointer data)
{
  return ((Fixture *)data)->clipboard_text != NULL;
}

static void
test_approve (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *code;

  start (f);

  /* The code is shown large and selectable, and can be copied */
  code = onramp_demo_auth_get_last_user_code (f->demo);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (f, "code_label"))), ==, code);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (get_child (f, "code_label"))));
  g_assert_true (gtk_widget_is_sensitive (get_child (f, "copy_button")));
  g_assert_true (gtk_widget_is_sensitive (get_child (f, "open_button")));
  g_assert_false (gtk_widget_is_sensitive (get_child (f, "retry_button")));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (get_child (f, "spinner"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (get_child (f, "error_revealer"))));

  onramp_test_iterate (300);
  screenshot (f, "sign-in");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sign-in.copy-code", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->dialog)), NULL,
                                 on_clipboard_read_cb, f);
  g_assert_true (onramp_test_wait_for (has_clipboard_text, f, 5000));
  g_assert_cmpstr (f->clipboard_text, ==, code);

  /* Approving in the browser signs in and closes the dialog */
  g_assert_true (onramp_demo_auth_approve (f->demo, code));
  g_assert_true (onramp_test_wait_for (has_result, f, 5000));
  g_assert_true (onramp_sign_in_dialog_sign_in_finish (f->dialog, f->result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (onramp_sign_in_dialog_get_state (f->dialog), ==, ONRAMP_SIGN_IN_STATE_DONE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_IN);
}

static void
test_close_dismisses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start (f);
  gtk_window_close (GTK_WINDOW (f->dialog));
  g_assert_true (onramp_test_wait_for (has_result, f, 5000));
  g_assert_false (onramp_sign_in_dialog_sign_in_finish (f->dialog, f->result, &error));
  g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_DISMISSED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));

  /* The sign-in stopped with it */
  onramp_test_iterate (100);
  g_assert_cmpint (onramp_auth_get_state (f->auth), ==, ONRAMP_AUTH_STATE_SIGNED_OUT);
  g_assert_null (onramp_auth_get_user_code (f->auth));
}

static void
test_error_and_retry (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first_code = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label;

  start (f);
  first_code = g_strdup (onramp_demo_auth_get_last_user_code (f->demo));
  g_assert_true (onramp_demo_auth_deny (f->demo, first_code));

  /* The error shows in the strip, with Try Again; the code is gone */
  g_assert_true (onramp_test_wait_for (dialog_failed, f, 5000));
  g_assert_true (onramp_test_wait_for (revealed, get_child (f, "error_revealer"), 3000));
  error_label = get_child (f, "error_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==,
                   onramp_auth_get_error (f->auth)->message);
  g_assert_true (gtk_widget_is_sensitive (get_child (f, "retry_button")));
  g_assert_false (gtk_widget_is_sensitive (get_child (f, "copy_button")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (f, "code_label"))), !=, first_code);
  g_assert_null (f->result);
  screenshot (f, "sign-in-error");

  /* Try Again gets a new code */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "sign-in.retry", NULL));
  g_assert_true (onramp_test_wait_for (dialog_ready, f, 5000));
  g_assert_cmpstr (onramp_demo_auth_get_last_user_code (f->demo), !=, first_code);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_child (f, "code_label"))), ==,
                   onramp_demo_auth_get_last_user_code (f->demo));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (get_child (f, "error_revealer"))));

  g_assert_true (onramp_demo_auth_approve (f->demo, onramp_demo_auth_get_last_user_code (f->demo)));
  g_assert_true (onramp_test_wait_for (has_result, f, 5000));
  g_assert_true (onramp_sign_in_dialog_sign_in_finish (f->dialog, f->result, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->dialog)));
}

/* Whether @model (or a section in it) has an item for @action */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static GMenuModel *
account_menu (GtkWidget *account_button)
{
  GtkWidget *menu_button = adw_bin_get_child (ADW_BIN (account_button));

  /* The popover is built when the menu first pops up */
  return onramp_menu_button_get_menu_later (GTK_MENU_BUTTON (menu_button));
}

static gboolean
menu_offers_sign_out (gpointer account_button)
{
  return menu_has_action (account_menu (account_button), "app.sign-out");
}

static void
test_account_button (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtkWidget) button = g_object_ref_sink (onramp_account_button_new ());
  GtkWidget *menu_button = adw_bin_get_child (ADW_BIN (button));
  g_autoptr(GError) error = NULL;

  /* Signed out: "Sign In…" only */
  onramp_account_button_set_auth (ONRAMP_ACCOUNT_BUTTON (button), f->auth);
  g_assert_true (menu_has_action (account_menu (button), "app.sign-in"));
  g_assert_false (menu_has_action (account_menu (button), "app.sign-out"));

  /* Signed in: the account and "Sign Out" */
  start (f);
  g_assert_true (onramp_demo_auth_approve (f->demo, onramp_demo_auth_get_last_user_code (f->demo)));
  g_assert_true (onramp_test_wait_for (has_result, f, 5000));
  g_assert_true (onramp_test_wait_for (menu_offers_sign_out, button, 1000));
  g_assert_false (menu_has_action (account_menu (button), "app.sign-in"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (menu_button), "agent@onrampdemo.onmicrosoft.com"));
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

  /* What AdwApplication would load, for true-to-life screenshots */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/sign-in-dialog/approve", Fixture, NULL, fixture_setup, test_approve, fixture_teardown);
  g_test_add ("/sign-in-dialog/close-dismisses", Fixture, NULL, fixture_setup, test_close_dismisses, fixture_teardown);
  g_test_add ("/sign-in-dialog/error-and-retry", Fixture, NULL, fixture_setup, test_error_and_retry, fixture_teardown);

  g_test_add ("/sign-in-dialog/account-button", Fixture, NULL, fixture_setup, test_account_button, fixture_teardown);

  return g_test_run ();
}

/* onramp-application.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-application"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "onramp-application.h"
#include "onramp-demo-server.h"
#include "onramp-draft-store.h"
#include "onramp-outbox.h"
#include "onramp-preferences-window.h"
#include "onramp-sign-in-dialog.h"
#include "onramp-window.h"

struct _OnrampApplication
{
  AdwApplication    parent_instance;

  OnrampDemoServer *demo_server;
  gboolean          demo;
  OnrampAuth       *auth;
  OnrampKeyring    *keyring;
  OnrampPartnerClient *client;
  OnrampDraftStore *drafts;
  OnrampOutbox     *outbox;
  GSettings        *settings;
  char             *started_cloud;     /* the settings read once, at start */
  gboolean          started_demo_mode;
};

G_DEFINE_FINAL_TYPE (OnrampApplication, onramp_application, ADW_TYPE_APPLICATION)

static void
onramp_application_about_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  OnrampApplication *self = user_data;
  static const char *developers[] = { "The Onramp authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Onramp"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Onramp authors"),
                         "version", PACKAGE_VERSION,
                         "website", PACKAGE_URL,
                         "issue-url", PACKAGE_BUGREPORT,
                         "comments", _("Add new customers to Microsoft Partner Center from your desktop, "
                                       "with every field checked as you type and drafts that work offline."),
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
onramp_application_quit_action (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_sign_in_dialog_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The dialog showed any error itself; closing it is not one */
  if (!onramp_sign_in_dialog_sign_in_finish (ONRAMP_SIGN_IN_DIALOG (object), result, &error))
    g_debug ("Sign-in ended: %s", error->message);
}

static void
onramp_application_sign_in_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  OnrampApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  OnrampSignInDialog *dialog = onramp_sign_in_dialog_new (window, onramp_application_get_auth (self));

  onramp_sign_in_dialog_sign_in_async (dialog, NULL, on_sign_in_dialog_done_cb, NULL);
}

static void
on_signed_out_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!onramp_auth_sign_out_finish (ONRAMP_AUTH (object), result, &error))
    g_warning ("Signed out, but the keyring may still hold the session: %s", error->message);
}

static void
onramp_application_sign_out_action (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  OnrampApplication *self = user_data;

  onramp_auth_sign_out_async (onramp_application_get_auth (self), NULL, on_signed_out_cb, NULL);
}

static void
onramp_application_preferences_action (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  OnrampApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  OnrampPreferencesWindow *preferences;

  preferences = onramp_preferences_window_new (window, self->started_cloud, self->started_demo_mode);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_entries[] = {
  { "about", onramp_application_about_action },
  { "preferences", onramp_application_preferences_action },
  { "quit", onramp_application_quit_action },
  { "sign-in", onramp_application_sign_in_action },
  { "sign-out", onramp_application_sign_out_action },
};

/* GtkBuilder finds a type it has not seen registered by looking its
 * get_type function up with dlsym() through every loaded library, about
 * 0.1 ms each: 13 GTK types before the window's first frame
 * (tests/bench/startup). Registered first, each is found by name.
 * tests/check-template-types.py keeps this list in step with the .ui files. */
static void
onramp_application_register_template_types (void)
{
  static GType (* const template_types[]) (void) = {
    gtk_adjustment_get_type, gtk_box_get_type, gtk_button_get_type, gtk_drop_down_get_type,
    gtk_flow_box_child_get_type, gtk_flow_box_get_type, gtk_image_get_type, gtk_label_get_type,
    gtk_list_box_get_type, gtk_list_box_row_get_type, gtk_list_view_get_type, gtk_menu_button_get_type,
    gtk_popover_get_type, gtk_revealer_get_type, gtk_scrolled_window_get_type, gtk_search_entry_get_type,
    gtk_separator_get_type, gtk_shortcuts_group_get_type, gtk_shortcuts_section_get_type,
    gtk_shortcuts_shortcut_get_type, gtk_shortcuts_window_get_type, gtk_spin_button_get_type,
    gtk_spinner_get_type, gtk_stack_get_type, gtk_stack_page_get_type, gtk_string_list_get_type,
    gtk_switch_get_type, gtk_text_view_get_type,
  };

  for (guint i = 0; i < G_N_ELEMENTS (template_types); i++)
    g_type_ensure (template_types[i] ());
}

static void
onramp_application_startup (GApplication *app)
{
  OnrampApplication *self = ONRAMP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (onramp_application_parent_class)->startup (app);
  onramp_application_register_template_types ();

  self->started_cloud = g_settings_get_string (self->settings, "cloud");
  self->started_demo_mode = g_settings_get_boolean (self->settings, "demo-mode");

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
}

static gboolean
onramp_application_start_demo (OnrampApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->demo_server != NULL)
    return TRUE;

  self->demo_server = onramp_demo_server_new ();
  if (!onramp_demo_server_start (self->demo_server, &error))
    {
      /* Translators: %s says why, such as “Address already in use” */
      g_printerr (_("Could not start the demo server: %s\n"), error->message);
      g_clear_object (&self->demo_server);
      return FALSE;
    }

  /* A newcomer without a browser can still walk through sign-in */
  onramp_demo_auth_set_auto_approve (onramp_demo_server_get_auth (self->demo_server), 2000);

  return TRUE;
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not signed in, or no keyring: drafting works either way */
  if (!onramp_auth_restore_finish (ONRAMP_AUTH (object), result, &error))
    g_debug ("No session restored: %s", error->message);
}

/* Sign-in for the whole app: the demo server's in demo mode (its own
 * keyring entry, so it never replaces a real session), otherwise the cloud
 * and the client ID from the settings. The session kept in the keyring is
 * restored without blocking the window. */
static void
onramp_application_create_auth (OnrampApplication *self)
{
  g_autofree char *cloud = NULL;

  self->keyring = onramp_keyring_new ();
  if (self->demo_server != NULL)
    {
      self->auth = onramp_auth_new (self->keyring, "demo", "onramp-demo");
      onramp_auth_set_authority (self->auth, onramp_demo_server_get_url (self->demo_server));
    }
  else
    {
      cloud = g_settings_get_string (self->settings, "cloud");
      self->auth = onramp_auth_new (self->keyring, cloud, NULL);
      g_settings_bind (self->settings, "client-id", self->auth, "client-id", G_SETTINGS_BIND_GET);
    }

  /* Each demo server is new, and so are its tokens: a demo session kept
   * from an earlier run would only be refused */
  if (self->demo_server == NULL)
    onramp_auth_restore_async (self->auth, NULL, on_restored_cb, NULL);
}

/* tests/bench/startup measures the time from exec to the window's first
 * drawn frame: with ONRAMP_BENCH_FIRST_FRAME set to a file descriptor, the
 * CLOCK_MONOTONIC time (µs) of the end of that frame is written to it.
 * tests/bench/startup-instructions counts the instructions up to there
 * under valgrind: with ONRAMP_BENCH_EXIT_AFTER_FIRST_FRAME also set, the
 * process ends right there, without its shutdown in the count. */
static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  char line[32];
  int length = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, user_data);
  if (write (fd, line, length) != length)
    g_warning ("Could not mark the first frame for the benchmark");
  close (fd);
  if (g_getenv ("ONRAMP_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    _exit (0);
}

static void
onramp_application_mark_first_frame (GtkWindow *window)
{
  const char *variable = g_getenv ("ONRAMP_BENCH_FIRST_FRAME");
  guint64 fd = 0;

  if (variable == NULL || !g_ascii_string_to_unsigned (variable, 10, 3, G_MAXINT, &fd, NULL))
    return;

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb), GINT_TO_POINTER ((int)fd));
}

static void
onramp_application_activate (GApplication *app)
{
  OnrampApplication *self = ONRAMP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gboolean first = window == NULL;

  if (first)
    {
      if (self->demo && !onramp_application_start_demo (self))
        return;
      if (self->auth == NULL)
        onramp_application_create_auth (self);
      /* Read in a thread while the window is built */
      onramp_application_get_draft_store (self);

      window = GTK_WINDOW (onramp_window_new (ADW_APPLICATION (app),
                                              onramp_application_get_demo_url (self)));
    }

  gtk_window_present (window);
  if (first)
    onramp_application_mark_first_frame (window);
}

static int
onramp_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  OnrampApplication *self = ONRAMP_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* A demo instance must not hand its window to a running real one, nor
   * take over a real one's requests, so it runs as its own process. */
  self->demo = g_variant_dict_contains (options, "demo") ||
               g_settings_get_boolean (self->settings, "demo-mode");
  if (self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
onramp_application_shutdown (GApplication *app)
{
  OnrampApplication *self = ONRAMP_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (onramp_application_parent_class)->shutdown (app);

  /* Whatever was typed in the last second reaches the disk */
  if (self->drafts != NULL && !onramp_draft_store_flush (self->drafts, &error))
    g_warning ("Some drafts could not be saved: %s", error->message);
  if (self->outbox != NULL)
    onramp_outbox_stop (self->outbox);

  g_clear_object (&self->outbox);
  g_clear_object (&self->drafts);
  g_clear_object (&self->keyring);
  g_clear_object (&self->client);
  g_clear_object (&self->auth);
  g_clear_object (&self->demo_server);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->started_cloud, g_free);
}

static void
onramp_application_class_init (OnrampApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = onramp_application_startup;
  app_class->activate = onramp_application_activate;
  app_class->handle_local_options = onramp_application_handle_local_options;
  app_class->shutdown = onramp_application_shutdown;
}

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use a local Partner Center emulator instead of Microsoft’s service"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

static void
onramp_application_init (OnrampApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  self->settings = g_settings_new (APP_ID);
}

OnrampApplication *
onramp_application_new (void)
{
  return g_object_new (ONRAMP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * onramp_application_get_demo_url:
 *
 * Returns: (nullable): the demo server's address in demo mode
 */
/**
 * onramp_application_get_demo_server:
 *
 * Returns: (transfer none) (nullable): the Partner Center emulator of demo
 *   mode, or %NULL outside it
 */
OnrampDemoServer *
onramp_application_get_demo_server (OnrampApplication *self)
{
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  return self->demo_server;
}

const char *
onramp_application_get_demo_url (OnrampApplication *self)
{
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  return self->demo_server ? onramp_demo_server_get_url (self->demo_server) : NULL;
}

/**
 * onramp_application_get_auth:
 *
 * Returns: (transfer none): the app's sign-in, once the first window is up
 */
OnrampAuth *
onramp_application_get_auth (OnrampApplication *self)
{
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  if (self->auth == NULL)
    onramp_application_create_auth (self);

  return self->auth;
}

static void
on_refreshed_after_refusal_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A refused refresh ends the session (OnrampAuth): the header then says
   * "Not signed in" and the next call asks for a sign-in */
  if (!onramp_auth_refresh_finish (ONRAMP_AUTH (object), result, &error))
    g_debug ("The session could not be renewed: %s", error->message);
}

static void
on_token_refused_cb (OnrampApplication *self)
{
  if (self->auth != NULL && onramp_auth_get_state (self->auth) == ONRAMP_AUTH_STATE_SIGNED_IN)
    onramp_auth_refresh_async (self->auth, NULL, on_refreshed_after_refusal_cb, NULL);
}

/**
 * onramp_application_get_partner_client:
 *
 * The one Partner Center client of the app: the demo server's in demo mode,
 * otherwise the cloud of the settings. Its requests carry the UI language
 * as X-Locale. Use onramp_application_ready_client_async() before a call,
 * so that it carries a fresh access token.
 *
 * Returns: (transfer none): the client
 */
OnrampPartnerClient *
onramp_application_get_partner_client (OnrampApplication *self)
{
  g_autofree char *locale = NULL;
  g_autofree char *cloud = NULL;

  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  if (self->client != NULL)
    return self->client;

  cloud = g_settings_get_string (self->settings, "cloud");
  self->client = onramp_partner_client_new (g_str_equal (cloud, "us-government")
                                            ? ONRAMP_PARTNER_CLOUD_US_GOVERNMENT
                                            : ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  if (self->demo_server != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* A loopback http:// URL, which the client accepts by design */
      if (!onramp_partner_client_set_base_url (self->client, onramp_demo_server_get_url (self->demo_server), &error))
        g_critical ("The demo server's address was refused: %s", error->message);
    }

  locale = onramp_partner_locale_from_language_names ();
  onramp_partner_client_set_locale (self->client, locale);
  g_signal_connect_object (self->client, "token-refused", G_CALLBACK (on_token_refused_cb), self,
                           G_CONNECT_SWAPPED);

  return self->client;
}

static void
on_client_token_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OnrampApplication *self = g_task_get_source_object (task);
  g_autofree char *token = NULL;
  GError *error = NULL;

  token = onramp_auth_get_access_token_finish (ONRAMP_AUTH (object), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  onramp_partner_client_set_access_token (onramp_application_get_partner_client (self), token);
  g_task_return_pointer (task, g_object_ref (self->client), g_object_unref);
}

/**
 * onramp_application_ready_client_async:
 *
 * Gets a current access token (refreshing it when it is about to expire)
 * and hands it to the partner client. Fails when nobody is signed in.
 */
void
onramp_application_ready_client_async (OnrampApplication   *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_APPLICATION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_application_ready_client_async);
  onramp_auth_get_access_token_async (onramp_application_get_auth (self), cancellable,
                                      on_client_token_cb, g_steal_pointer (&task));
}

/**
 * onramp_application_ready_client_finish:
 *
 * Returns: (transfer full): the client, with its access token set
 */
OnrampPartnerClient *
onramp_application_ready_client_finish (OnrampApplication  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drafts and the outbox */

static gboolean
onramp_application_window_is_focused (OnrampApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return window != NULL && gtk_window_is_active (window);
}

/* Only when the user is elsewhere: the window shows progress itself */
static void
onramp_application_notify (OnrampApplication *self,
                           const char        *id,
                           const char        *title,
                           const char        *body)
{
  g_autoptr(GNotification) notification = NULL;

  if (onramp_application_window_is_focused (self))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
on_admin_password_kept_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!onramp_keyring_store_admin_password_finish (ONRAMP_KEYRING (object), result, &error))
    g_warning ("The new customer’s admin password was not kept in the keyring: %s", error->message);
}

static void
on_outbox_submitted_cb (OnrampApplication *self,
                        OnrampDraft       *draft,
                        JsonObject        *customer)
{
  JsonNode *credentials = json_object_get_member (customer, "userCredentials");
  const char *id = json_object_get_string_member_with_default (customer, "id", NULL);
  g_autofree char *body = NULL;

  /* The one-time password: in the keyring only, never in the draft */
  if (id != NULL && credentials != NULL && JSON_NODE_HOLDS_OBJECT (credentials))
    {
      JsonObject *object = json_node_get_object (credentials);
      const char *user_name = json_object_get_string_member_with_default (object, "userName", NULL);
      const char *password = json_object_get_string_member_with_default (object, "password", NULL);

      if (user_name != NULL && password != NULL)
        onramp_keyring_store_admin_password_async (self->keyring, id, user_name, password, NULL,
                                                   on_admin_password_kept_cb, NULL);
    }

  /* Translators: %s is the company name of a customer just created */
  body = g_strdup_printf (_("%s now exists in Partner Center."), onramp_draft_get_title (draft));
  onramp_application_notify (self, onramp_draft_get_id (draft), _("Customer Created"), body);
}

static void
on_outbox_failed_cb (OnrampApplication *self,
                     OnrampDraft       *draft,
                     GError            *error)
{
  g_autofree char *body = NULL;

  /* Failures that may pass are retried quietly */
  if (onramp_draft_get_status (draft) != ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION)
    return;

  /* Translators: the first %s is a company name, the second why Partner Center refused it */
  body = g_strdup_printf (_("%s was not submitted: %s"), onramp_draft_get_title (draft), error->message);
  onramp_application_notify (self, onramp_draft_get_id (draft), _("Customer Needs Attention"), body);
}

static void
on_drafts_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OnrampApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!onramp_draft_store_load_finish (ONRAMP_DRAFT_STORE (object), result, &error))
    {
      g_warning ("The drafts could not be read: %s", error->message);
      return;
    }

  onramp_outbox_start (onramp_application_get_outbox (self));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ONRAMP_IS_WINDOW (l->data))
      onramp_window_drafts_loaded (l->data);
}

/**
 * onramp_application_get_draft_store:
 *
 * The drafts of this app, read in a thread at first use: those of the demo
 * mode are kept apart from the real ones.
 *
 * Returns: (transfer none): the store
 */
OnrampDraftStore *
onramp_application_get_draft_store (OnrampApplication *self)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  if (self->drafts != NULL)
    return self->drafts;

  if (self->demo_server != NULL)
    directory = g_build_filename (g_get_user_data_dir (), "onramp", "demo-drafts", NULL);
  self->drafts = onramp_draft_store_new (directory);
  onramp_draft_store_load_async (self->drafts, NULL, on_drafts_loaded_cb, g_object_ref (self));

  return self->drafts;
}

/**
 * onramp_application_get_outbox:
 *
 * Returns: (transfer none): the outbox, which submits the ready drafts
 *   whenever the network is up and someone is signed in
 */
OnrampOutbox *
onramp_application_get_outbox (OnrampApplication *self)
{
  g_return_val_if_fail (ONRAMP_IS_APPLICATION (self), NULL);

  if (self->outbox != NULL)
    return self->outbox;

  self->outbox = onramp_outbox_new (onramp_application_get_draft_store (self),
                                    onramp_application_get_partner_client (self),
                                    onramp_application_get_auth (self));
  g_signal_connect_object (self->outbox, "submitted", G_CALLBACK (on_outbox_submitted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outbox, "failed", G_CALLBACK (on_outbox_failed_cb), self, G_CONNECT_SWAPPED);

  return self->outbox;
}

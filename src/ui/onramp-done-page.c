/* onramp-done-page.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-done-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "onramp-card-shadow.h"
#include "onramp-done-page.h"
#include "onramp-submit-steps.h"

/* Done: what the submission did, step by step; the new customer's id and
 * domain; and the one-time administrator user name and password, each with
 * a copy button. The password lives in this page's memory only, is never
 * logged, and is wiped when the user leaves the page (and taken off the
 * clipboard if it is still ours there). “Add another customer” is
 * win.add-customer.
 */
struct _OnrampDonePage
{
  OnrampPage          parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *heading_label;
  GtkLabel           *company_label;
  GtkListBox         *steps_list;
  AdwActionRow       *customer_id_row;
  AdwActionRow       *domain_row;
  AdwPreferencesGroup *admin_group;
  GtkWidget          *once_box;
  GtkLabel           *once_label;
  AdwActionRow       *user_name_row;
  AdwActionRow       *password_row;
  GtkWidget          *copy_password_button;
  GtkWidget          *add_another_button;

  char               *customer_id;
  char               *domain;
  char               *user_name;
  char               *password;
  GdkContentProvider *password_content;  /* what we put on the clipboard */
};

G_DEFINE_FINAL_TYPE (OnrampDonePage, onramp_done_page, ONRAMP_TYPE_PAGE)

static void
wipe_string (char **secret)
{
  if (*secret == NULL)
    return;

  explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_step_row (OnrampDonePage *self,
              const char     *icon_name,
              const char     *line)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  gboolean ok = g_strcmp0 (icon_name, "emblem-ok-symbolic") == 0;
  gboolean skipped = g_strcmp0 (icon_name, ONRAMP_SUBMIT_STEP_SKIPPED_ICON) == 0;

  gtk_widget_add_css_class (icon, ok ? "success" : skipped ? "dim-label" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ok ? _("Done")
                                  /* Translators: what the icon of a submission step that did not run says */
                                  : skipped ? C_("submission step", "Skipped") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (self->steps_list, row);
}

/* The clipboard keeps what it was given after we forget it: take the
 * password back off it, unless the user has copied something else since */
static void
onramp_done_page_clear_clipboard (OnrampDonePage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));

  if (self->password_content != NULL && gdk_clipboard_get_content (clipboard) == self->password_content)
    gdk_clipboard_set_content (clipboard, NULL);
  g_clear_object (&self->password_content);
}

/**
 * onramp_done_page_forget:
 *
 * Wipes the one-time password and everything about the customer. The page
 * does it itself when the user leaves it.
 */
void
onramp_done_page_forget (OnrampDonePage *self)
{
  g_return_if_fail (ONRAMP_IS_DONE_PAGE (self));

  onramp_done_page_clear_clipboard (self);
  wipe_string (&self->password);
  g_clear_pointer (&self->customer_id, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->user_name, g_free);

  adw_action_row_set_subtitle (self->password_row, "");
  adw_action_row_set_subtitle (self->user_name_row, "");
  adw_action_row_set_subtitle (self->customer_id_row, "");
  adw_action_row_set_subtitle (self->domain_row, "");
  gtk_label_set_label (self->company_label, "");
  remove_all_rows (self->steps_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "done.copy", FALSE);
}

/**
 * onramp_done_page_show_result:
 * @created: the customer as Partner Center answered: `id`,
 *   `companyProfile.domain`, and `userCredentials` the first time only
 * @icons: (array zero-terminated=1): an icon name per line
 * @lines: (array zero-terminated=1): what each step of the submission did
 */
void
onramp_done_page_show_result (OnrampDonePage     *self,
                              JsonObject         *created,
                              const char * const *icons,
                              const char * const *lines)
{
  JsonObject *credentials;
  const char *user_name;
  const char *password;
  const char *company;

  g_return_if_fail (ONRAMP_IS_DONE_PAGE (self));
  g_return_if_fail (created != NULL);

  onramp_done_page_forget (self);

  self->customer_id = g_strdup (member_string (created, "id"));
  self->domain = g_strdup (member_string (member_object (created, "companyProfile"), "domain"));
  if (self->domain == NULL)
    self->domain = g_strdup (member_string (created, "domain"));
  company = member_string (member_object (created, "billingProfile"), "companyName");

  credentials = member_object (created, "userCredentials");
  user_name = member_string (credentials, "userName");
  password = member_string (credentials, "password");

  /* Partner Center gives the local part; the sign-in is at the new domain */
  if (user_name != NULL && strchr (user_name, '@') == NULL && self->domain != NULL)
    self->user_name = g_strconcat (user_name, "@", self->domain, NULL);
  else
    self->user_name = g_strdup (user_name);
  self->password = g_strdup (password);

  for (guint i = 0; lines != NULL && icons != NULL && lines[i] != NULL && icons[i] != NULL; i++)
    add_step_row (self, icons[i], lines[i]);
  if (lines == NULL || lines[0] == NULL)
    add_step_row (self, "emblem-ok-symbolic", _("The customer had already been created by an earlier submission"));

  gtk_label_set_label (self->company_label, company ? company : "");
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), company != NULL);
  adw_action_row_set_subtitle (self->customer_id_row, self->customer_id ? self->customer_id : "");
  adw_action_row_set_subtitle (self->domain_row, self->domain ? self->domain : "");
  adw_action_row_set_subtitle (self->user_name_row, self->user_name ? self->user_name : "");
  adw_action_row_set_subtitle (self->password_row, self->password ? self->password : "");

  gtk_widget_set_visible (GTK_WIDGET (self->user_name_row), self->user_name != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->password_row), self->password != NULL);
  gtk_widget_set_visible (self->once_box, self->password != NULL);
  adw_preferences_group_set_description (self->admin_group,
                                         self->password != NULL ? NULL
                                         : _("Partner Center showed the administrator’s password when the customer was first created; it cannot be shown again. The customer’s administrator can reset it."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "done.copy", TRUE);
}

static void
onramp_done_page_copy_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  OnrampDonePage *self = ONRAMP_DONE_PAGE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  const char *what = g_variant_get_string (param, NULL);
  const struct { const char *name; const char *text; const char *toast; } copies[] = {
    { "customer-id", self->customer_id, N_("Customer ID copied") },
    { "domain", self->domain, N_("Domain copied") },
    { "user-name", self->user_name, N_("User name copied") },
    { "password", self->password, N_("Password copied") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      if (!g_str_equal (what, copies[i].name) || copies[i].text == NULL)
        continue;

      if (copies[i].text == self->password)
        {
          /* Kept, to take it back off the clipboard when leaving the page */
          g_autoptr(GBytes) bytes = g_bytes_new (self->password, strlen (self->password));

          g_clear_object (&self->password_content);
          self->password_content = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
          gdk_clipboard_set_content (clipboard, self->password_content);
        }
      else
        gdk_clipboard_set_text (clipboard, copies[i].text);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_(copies[i].toast)));
      return;
    }
}

static void
onramp_done_page_shown (OnrampPage *page)
{
  OnrampDonePage *self = ONRAMP_DONE_PAGE (page);

  gtk_widget_grab_focus (self->password != NULL ? self->copy_password_button : self->add_another_button);
}

static void
onramp_done_page_hidden (OnrampPage *page)
{
  onramp_done_page_forget (ONRAMP_DONE_PAGE (page));
}

static void
onramp_done_page_dispose (GObject *object)
{
  OnrampDonePage *self = (OnrampDonePage *)object;

  wipe_string (&self->password);
  g_clear_object (&self->password_content);

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_DONE_PAGE);

  G_OBJECT_CLASS (onramp_done_page_parent_class)->dispose (object);
}

static void
onramp_done_page_finalize (GObject *object)
{
  OnrampDonePage *self = (OnrampDonePage *)object;

  g_free (self->customer_id);
  g_free (self->domain);
  g_free (self->user_name);

  G_OBJECT_CLASS (onramp_done_page_parent_class)->finalize (object);
}

static void
onramp_done_page_class_init (OnrampDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OnrampPageClass *page_class = ONRAMP_PAGE_CLASS (klass);

  object_class->dispose = onramp_done_page_dispose;
  object_class->finalize = onramp_done_page_finalize;

  page_class->shown = onramp_done_page_shown;
  page_class->hidden = onramp_done_page_hidden;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-done-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, OnrampDonePage, name)
  BIND (toast_overlay);
  BIND (heading_label);
  BIND (company_label);
  BIND (steps_list);
  BIND (customer_id_row);
  BIND (domain_row);
  BIND (admin_group);
  BIND (once_box);
  BIND (once_label);
  BIND (user_name_row);
  BIND (password_row);
  BIND (copy_password_button);
  BIND (add_another_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "done.copy", "s", onramp_done_page_copy_action);

  g_type_ensure (ONRAMP_TYPE_CARD_SHADOW);
}

static void
onramp_done_page_init (OnrampDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Nothing to move on to: the page is complete as it is */
  onramp_page_set_complete (ONRAMP_PAGE (self), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "done.copy", FALSE);
}

GtkWidget *
onramp_done_page_new (void)
{
  return g_object_new (ONRAMP_TYPE_DONE_PAGE, NULL);
}

/**
 * onramp_done_page_get_customer_id:
 *
 * Returns: (nullable): the id of the customer just created
 */
const char *
onramp_done_page_get_customer_id (OnrampDonePage *self)
{
  g_return_val_if_fail (ONRAMP_IS_DONE_PAGE (self), NULL);

  return self->customer_id;
}

/**
 * onramp_done_page_has_password:
 *
 * Returns: whether the one-time password is still in memory
 */
gboolean
onramp_done_page_has_password (OnrampDonePage *self)
{
  g_return_val_if_fail (ONRAMP_IS_DONE_PAGE (self), FALSE);

  return self->password != NULL;
}

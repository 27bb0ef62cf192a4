/* onramp-assistant.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "onramp-assistant.h"
#include "onramp-first-frame.h"
#include "onramp-step-indicator.h"

/* The assistant alone moves between pages, through the assistant.next and
 * assistant.back actions (style-anchors.md rule 25). Next applies the
 * current page and moves on only when that succeeds; hidden pages (such as
 * Indirect reseller for a direct-bill partner) are skipped.
 *
 * assistant.update (a page name) is the Review page's Update: it goes to
 * that page and remembers where it came from, so that Next there says
 * “Back to Review” and, once the page applied, returns. The last page (Done)
 * has no way back: the action bar goes away there.
 *
 * Only the page shown joins the stack before the window's first frame:
 * building and styling the others, which nobody sees yet, cost a good part
 * of the time before the window showed (tests/bench/startup). Pages given
 * to onramp_assistant_add_pages_later() are built right after that frame,
 * or as soon as something needs one of them; until then the step indicator
 * shows their titles. Pages built but not shown join the stack after the
 * first frame too.
 */
struct _OnrampAssistant
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkWidget           *actions_box;
  OnrampStepIndicator *indicator;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkButton           *back_button;
  GtkButton           *next_button;

  GPtrArray           *pages;
  GPtrArray           *names;        /* the pages' names, or NULL */
  GStrv                later_titles; /* of the pages not built yet */
  OnrampAssistantAddPagesFunc add_later;
  gpointer             add_later_data;
  OnrampPage          *return_page;  /* owned by pages */
  OnrampPage          *shown_page;   /* owned by pages */
  GCancellable        *cancellable;
  guint                applying : 1;
  guint                first_frame_drawn : 1;
};

G_DEFINE_FINAL_TYPE (OnrampAssistant, onramp_assistant, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT_PAGE,
  PROP_RETURN_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static OnrampPage *
onramp_assistant_find_visible (OnrampAssistant *self,
                               OnrampPage      *from,
                               int              direction)
{
  guint index;

  if (!g_ptr_array_find (self->pages, from, &index))
    return NULL;

  for (int i = (int)index + direction; i >= 0 && i < (int)self->pages->len; i += direction)
    {
      OnrampPage *page = g_ptr_array_index (self->pages, i);

      if (gtk_widget_get_visible (GTK_WIDGET (page)))
        return page;
    }

  return NULL;
}

static void
onramp_assistant_update_indicator (OnrampAssistant *self)
{
  OnrampPage *current = onramp_assistant_get_current_page (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;
  guint position = 0;
  guint n_visible = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      OnrampPage *page = g_ptr_array_index (self->pages, i);

      if (!gtk_widget_get_visible (GTK_WIDGET (page)))
        continue;
      if (page == current)
        position = n_visible;
      g_strv_builder_add (builder, onramp_page_get_title (page));
      n_visible++;
    }
  if (self->later_titles != NULL)
    g_strv_builder_addv (builder, (const char **)self->later_titles);

  titles = g_strv_builder_end (builder);
  onramp_step_indicator_set_steps (self->indicator, (const char * const *)titles, position);
}

/* Where Next leads from @page: back to the page that sent the user here,
 * or on to the next visible one */
static OnrampPage *
onramp_assistant_forward_target (OnrampAssistant *self,
                                 OnrampPage      *page)
{
  if (self->return_page != NULL && self->return_page != page &&
      gtk_widget_get_visible (GTK_WIDGET (self->return_page)))
    return self->return_page;

  return onramp_assistant_find_visible (self, page, +1);
}

/* Whether Next has somewhere to go from @page, without building the pages
 * still to come */
static gboolean
onramp_assistant_has_forward (OnrampAssistant *self,
                              OnrampPage      *page)
{
  return self->add_later != NULL || onramp_assistant_forward_target (self, page) != NULL;
}

static void onramp_assistant_update (OnrampAssistant *self);

/* The titles announced must be the pages' own, or the step indicator
 * would change under the user's eyes when they come */
static void
onramp_assistant_check_later_titles (OnrampAssistant    *self,
                                     guint               first,
                                     const char * const *announced)
{
  guint n_announced = g_strv_length ((char **)announced);
  guint n_visible = 0;

  for (guint i = first; i < self->pages->len; i++)
    {
      OnrampPage *page = g_ptr_array_index (self->pages, i);

      if (!gtk_widget_get_visible (GTK_WIDGET (page)))
        continue;
      if (n_visible >= n_announced || g_strcmp0 (announced[n_visible], onramp_page_get_title (page)) != 0)
        g_critical ("Step %u was announced as “%s” but is “%s”", n_visible + 1,
                    n_visible < n_announced ? announced[n_visible] : "", onramp_page_get_title (page));
      n_visible++;
    }
  if (n_visible != n_announced)
    g_critical ("%u steps were announced, %u came", n_announced, n_visible);
}

static void
onramp_assistant_build_later_pages (OnrampAssistant *self)
{
  OnrampAssistantAddPagesFunc add_pages = self->add_later;
  g_auto(GStrv) announced = g_steal_pointer (&self->later_titles);
  guint first = self->pages->len;

  if (add_pages == NULL)
    return;

  self->add_later = NULL;
  add_pages (self, self->add_later_data);
  onramp_assistant_check_later_titles (self, first, (const char * const *)announced);
  onramp_assistant_update (self);
}

static void
onramp_assistant_update_next_label (OnrampAssistant *self,
                                    OnrampPage      *current)
{
  g_autofree char *label = NULL;

  if (current != NULL && onramp_assistant_forward_target (self, current) == self->return_page &&
      self->return_page != NULL)
    {
      /* Translators: the Next button after Update on the Review page; %s is
       * that page's title, such as “Review”. It stands in for “_Next”:
       * underline the same letter */
      label = g_strdup_printf (_("Retur_n to %s"), onramp_page_get_title (self->return_page));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), NULL);
    }
  else
    {
      const char *forward = current ? onramp_page_get_forward_label (current) : NULL;

      label = g_strdup (forward ? forward : _("_Next"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                                   forward ? NULL : _("Next step (Alt+→)"));
    }

  gtk_button_set_label (self->next_button, label);
}

static void
onramp_assistant_update_actions (OnrampAssistant *self)
{
  OnrampPage *current = onramp_assistant_get_current_page (self);
  gboolean busy = self->applying || (current && onramp_page_get_busy (current));
  gboolean has_forward = current && onramp_assistant_has_forward (self, current);
  gboolean can_back = current && !busy && onramp_assistant_find_visible (self, current, -1);
  gboolean can_next = current && !busy && onramp_page_get_complete (current) && has_forward;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", can_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.try-next", current && !busy && has_forward);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.update", current && !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  onramp_assistant_update_next_label (self, current);

  /* The last page is the end of the road: nothing to go back to */
  gtk_widget_set_visible (self->actions_box,
                          current == NULL || self->add_later != NULL ||
                          onramp_assistant_find_visible (self, current, +1) != NULL ||
                          onramp_assistant_find_visible (self, current, -1) == NULL);
}

static void
onramp_assistant_set_return_page (OnrampAssistant *self,
                                  OnrampPage      *page)
{
  if (self->return_page == page)
    return;

  self->return_page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURN_PAGE]);
}

static void
onramp_assistant_update (OnrampAssistant *self)
{
  onramp_assistant_update_indicator (self);
  onramp_assistant_update_actions (self);
}

static const char *
onramp_assistant_name_of (OnrampAssistant *self,
                          OnrampPage      *page)
{
  guint index;

  if (!g_ptr_array_find (self->pages, page, &index))
    return NULL;

  return g_ptr_array_index (self->names, index);
}

static void
onramp_assistant_attach_page (OnrampAssistant *self,
                              OnrampPage      *page)
{
  if (gtk_widget_get_parent (GTK_WIDGET (page)) == GTK_WIDGET (self->stack))
    return;

  gtk_stack_add_named (self->stack, GTK_WIDGET (page), onramp_assistant_name_of (self, page));
}

static void
on_first_frame_cb (GtkWidget *widget)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (widget);

  self->first_frame_drawn = TRUE;
  onramp_assistant_build_later_pages (self);
  for (guint i = 0; i < self->pages->len; i++)
    onramp_assistant_attach_page (self, g_ptr_array_index (self->pages, i));
}

static void
onramp_assistant_show_page (OnrampAssistant *self,
                            OnrampPage      *page)
{
  OnrampPage *previous = self->shown_page;

  if (page == self->return_page)
    onramp_assistant_set_return_page (self, NULL);

  onramp_assistant_attach_page (self, page);
  self->shown_page = page;
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  onramp_assistant_update (self);
  if (previous != NULL && previous != page)
    onramp_page_hidden (previous);
  onramp_page_shown (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

static void
on_page_applied_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OnrampPage *page = ONRAMP_PAGE (object);
  g_autoptr(OnrampAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  OnrampPage *next;

  self->applying = FALSE;

  if (!onramp_page_apply_finish (page, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Page “%s” kept the user: %s", onramp_page_get_title (page), error->message);
      onramp_assistant_update_actions (self);
      return;
    }

  onramp_assistant_build_later_pages (self);
  next = onramp_assistant_forward_target (self, page);
  if (next != NULL && page == onramp_assistant_get_current_page (self))
    onramp_assistant_show_page (self, next);
  else
    onramp_assistant_update_actions (self);
}

static void
onramp_assistant_next_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (widget);
  OnrampPage *current = onramp_assistant_get_current_page (self);

  if (current == NULL || self->applying || !onramp_page_get_complete (current) ||
      !onramp_assistant_has_forward (self, current))
    return;

  self->applying = TRUE;
  onramp_assistant_update_actions (self);
  onramp_page_apply_async (current, self->cancellable, on_page_applied_cb, g_object_ref (self));
}

/* The keyboard's Next: on a page that is not complete, the insensitive
 * button would say nothing, so the page shows what stands in the way */
static void
onramp_assistant_try_next_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (widget);
  OnrampPage *current = onramp_assistant_get_current_page (self);

  if (current == NULL || self->applying)
    return;

  if (onramp_page_get_complete (current))
    gtk_widget_activate_action (widget, "assistant.next", NULL);
  else
    onramp_page_reveal_issues (current);
}

static void
onramp_assistant_back_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (widget);
  OnrampPage *current = onramp_assistant_get_current_page (self);
  OnrampPage *previous;

  if (current == NULL || self->applying)
    return;

  if ((previous = onramp_assistant_find_visible (self, current, -1)))
    onramp_assistant_show_page (self, previous);
}

static OnrampPage *
onramp_assistant_find_named (OnrampAssistant *self,
                             const char      *name)
{
  onramp_assistant_build_later_pages (self);
  for (guint i = 0; i < self->names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->names, i), name) == 0)
      return g_ptr_array_index (self->pages, i);

  return NULL;
}

/* Update on the Review page: to the named page, and back to where the
 * user came from once that page applied */
static void
onramp_assistant_update_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (widget);
  OnrampPage *current = onramp_assistant_get_current_page (self);
  OnrampPage *page = onramp_assistant_find_named (self, g_variant_get_string (param, NULL));

  if (page == NULL || current == NULL || self->applying || page == current ||
      !gtk_widget_get_visible (GTK_WIDGET (page)))
    return;

  onramp_assistant_set_return_page (self, current);
  onramp_assistant_show_page (self, page);
}

static void
onramp_assistant_dispose (GObject *object)
{
  OnrampAssistant *self = (OnrampAssistant *)object;

  self->return_page = NULL;
  self->shown_page = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->later_titles, g_strfreev);
  self->add_later = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), ONRAMP_TYPE_ASSISTANT);

  G_OBJECT_CLASS (onramp_assistant_parent_class)->dispose (object);
}

static void
onramp_assistant_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OnrampAssistant *self = ONRAMP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      g_value_set_object (value, onramp_assistant_get_current_page (self));
      break;

    case PROP_RETURN_PAGE:
      g_value_set_object (value, onramp_assistant_get_return_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_assistant_class_init (OnrampAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = onramp_assistant_dispose;
  object_class->get_property = onramp_assistant_get_property;

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_object ("current-page", NULL, NULL, ONRAMP_TYPE_PAGE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RETURN_PAGE] =
    g_param_spec_object ("return-page", NULL, NULL, ONRAMP_TYPE_PAGE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assistant");

  g_type_ensure (ONRAMP_TYPE_STEP_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/onramp-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, box);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, actions_box);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, indicator);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, spinner);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, OnrampAssistant, next_button);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, onramp_assistant_next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, onramp_assistant_back_action);
  gtk_widget_class_install_action (widget_class, "assistant.try-next", NULL, onramp_assistant_try_next_action);
  gtk_widget_class_install_action (widget_class, "assistant.update", "s", onramp_assistant_update_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "assistant.try-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "assistant.try-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "assistant.try-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
}

static void
onramp_assistant_init (OnrampAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  onramp_widget_after_first_frame (GTK_WIDGET (self), on_first_frame_cb);

  onramp_assistant_update_actions (self);
}

void
onramp_assistant_add_page (OnrampAssistant *self,
                           OnrampPage      *page)
{
  onramp_assistant_add_named_page (self, NULL, page);
}

/**
 * onramp_assistant_add_named_page:
 * @name: (nullable): what assistant.update calls the page, such as "account"
 *
 * Adds @page after the others.
 */
void
onramp_assistant_add_named_page (OnrampAssistant *self,
                                 const char      *name,
                                 OnrampPage      *page)
{
  g_return_if_fail (ONRAMP_IS_ASSISTANT (self));
  g_return_if_fail (ONRAMP_IS_PAGE (page));
  g_return_if_fail (name == NULL || onramp_assistant_find_named (self, name) == NULL);

  /* The assistant owns the page until the stack takes it too */
  g_ptr_array_add (self->pages, g_object_ref_sink (page));
  g_ptr_array_add (self->names, g_strdup (name));
  if (self->first_frame_drawn)
    onramp_assistant_attach_page (self, page);

  g_signal_connect_object (page, "notify::complete",
                           G_CALLBACK (onramp_assistant_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::busy",
                           G_CALLBACK (onramp_assistant_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title",
                           G_CALLBACK (onramp_assistant_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::visible",
                           G_CALLBACK (onramp_assistant_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::forward-label",
                           G_CALLBACK (onramp_assistant_update_actions), self, G_CONNECT_SWAPPED);

  if (self->pages->len == 1)
    onramp_assistant_show_page (self, page);
  else
    onramp_assistant_update (self);
}

/**
 * onramp_assistant_add_pages_later:
 * @titles: the titles of the visible pages @add_pages adds, in order
 * @add_pages: adds pages with onramp_assistant_add_named_page()
 *
 * The pages after the first ones, built once the window has shown (or as
 * soon as Next, a page name or a draft needs them). The step indicator
 * shows @titles meanwhile, so it does not change when they come.
 */
void
onramp_assistant_add_pages_later (OnrampAssistant             *self,
                                  const char * const          *titles,
                                  OnrampAssistantAddPagesFunc  add_pages,
                                  gpointer                     user_data)
{
  g_return_if_fail (ONRAMP_IS_ASSISTANT (self));
  g_return_if_fail (titles != NULL);
  g_return_if_fail (add_pages != NULL);
  g_return_if_fail (self->add_later == NULL);

  self->later_titles = g_strdupv ((char **)titles);
  self->add_later = add_pages;
  self->add_later_data = user_data;
  if (self->first_frame_drawn)
    onramp_assistant_build_later_pages (self);
  else
    onramp_assistant_update (self);
}

/**
 * onramp_assistant_set_later_titles:
 * @titles: what the pages to come will be called, now
 *
 * For a change (a setting that hides a page) before those pages are built;
 * nothing once they are.
 */
void
onramp_assistant_set_later_titles (OnrampAssistant    *self,
                                   const char * const *titles)
{
  g_return_if_fail (ONRAMP_IS_ASSISTANT (self));
  g_return_if_fail (titles != NULL);

  if (self->add_later == NULL)
    return;

  g_strfreev (self->later_titles);
  self->later_titles = g_strdupv ((char **)titles);
  onramp_assistant_update (self);
}

/**
 * onramp_assistant_get_current_page:
 *
 * Returns: (transfer none) (nullable): the page the user is on
 */
OnrampPage *
onramp_assistant_get_current_page (OnrampAssistant *self)
{
  g_return_val_if_fail (ONRAMP_IS_ASSISTANT (self), NULL);

  return ONRAMP_PAGE (gtk_stack_get_visible_child (self->stack));
}

/**
 * onramp_assistant_get_return_page:
 *
 * Returns: (transfer none) (nullable): the page Next returns to, after
 *   assistant.update sent the user away from it
 */
OnrampPage *
onramp_assistant_get_return_page (OnrampAssistant *self)
{
  g_return_val_if_fail (ONRAMP_IS_ASSISTANT (self), NULL);

  return self->return_page;
}

/**
 * onramp_assistant_get_page:
 * @name: a name given to onramp_assistant_add_named_page()
 *
 * Returns: (transfer none) (nullable): that page
 */
OnrampPage *
onramp_assistant_get_page (OnrampAssistant *self,
                           const char      *name)
{
  g_return_val_if_fail (ONRAMP_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return onramp_assistant_find_named (self, name);
}

/**
 * onramp_assistant_restart:
 *
 * Back to the first page, for the next customer: whatever was running is
 * cancelled and no Update is pending any more.
 */
void
onramp_assistant_restart (OnrampAssistant *self)
{
  g_return_if_fail (ONRAMP_IS_ASSISTANT (self));

  if (self->pages->len == 0)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->applying = FALSE;

  onramp_assistant_set_return_page (self, NULL);
  onramp_assistant_show_page (self, g_ptr_array_index (self->pages, 0));
}

/**
 * onramp_assistant_restart_at:
 * @name: (nullable): the page to show, as added with
 *   onramp_assistant_add_named_page()
 *
 * Like onramp_assistant_restart(), then on to the named page when it
 * exists and is shown: a draft reopens where the user left it. Done is
 * never reopened: what it showed is gone with the window.
 */
void
onramp_assistant_restart_at (OnrampAssistant *self,
                             const char      *name)
{
  OnrampPage *page;

  g_return_if_fail (ONRAMP_IS_ASSISTANT (self));

  onramp_assistant_restart (self);
  if (name == NULL || g_str_equal (name, "done"))
    return;

  page = onramp_assistant_find_named (self, name);
  if (page != NULL && gtk_widget_get_visible (GTK_WIDGET (page)))
    onramp_assistant_show_page (self, page);
}

/**
 * onramp_assistant_get_current_page_name:
 *
 * Returns: (nullable): the name of the page shown
 */
const char *
onramp_assistant_get_current_page_name (OnrampAssistant *self)
{
  g_return_val_if_fail (ONRAMP_IS_ASSISTANT (self), NULL);

  return onramp_assistant_name_of (self, self->shown_page);
}

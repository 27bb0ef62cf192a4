/* onramp-ui-test-utils.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "onramp-application.h"
#include "onramp-assistant.h"
#include "onramp-window.h"

G_BEGIN_DECLS

typedef gboolean (*OnrampTestCondition) (gpointer data);

gboolean onramp_test_wait_for          (OnrampTestCondition  condition,
                                        gpointer             data,
                                        guint                timeout_ms);
void     onramp_test_iterate           (guint                ms);
GdkTexture *onramp_test_render         (GtkWidget           *widget);
GtkCssProvider *onramp_test_add_app_style (const char     *name);
void     onramp_test_save_screenshot   (GtkWidget           *widget,
                                        const char          *name);
guint    onramp_test_count_ellipsized_labels (GtkWidget     *widget);
void     onramp_test_skip_without_display (void);
void     onramp_test_use_private_data  (void);
const char *onramp_test_language       (void);

GtkWidget       *onramp_test_get_child        (gpointer           widget,
                                               GType              type,
                                               const char        *name);
OnrampWindow    *onramp_test_get_window       (OnrampApplication *app);
OnrampAssistant *onramp_test_get_assistant    (OnrampApplication *app);
OnrampCustomer  *onramp_test_get_customer     (OnrampApplication *app);
OnrampPage      *onramp_test_current_page     (OnrampApplication *app);
gboolean         onramp_test_issue_row_showing (gpointer          row);
gboolean         onramp_test_issue_row_hidden  (gpointer          row);

gboolean         onramp_test_focus_is_in       (gpointer          widget);
typedef gboolean (*OnrampTestWidgetMatch) (GtkWidget     *widget,
                                           gconstpointer  data);
GtkWidget       *onramp_test_find_descendant   (GtkWidget        *root,
                                                OnrampTestWidgetMatch match,
                                                gconstpointer     data);
GtkWidget       *onramp_test_find_actionable   (GtkWidget        *root,
                                                const char       *action_name);
GtkWidget       *onramp_test_find_menu_item    (GtkWidget        *root,
                                                const char       *text);
const char      *onramp_test_choose            (gpointer          row,
                                                const char       *search);
void             onramp_test_save_screenshots  (GtkWindow        *window,
                                                const char       *what);
void             onramp_test_save_page_screenshot (GtkWidget     *page,
                                                   const char    *what);
gboolean         onramp_test_xdotool_focus     (gpointer          native);
void             onramp_test_xdotool           (const char       *first_arg,
                                                ...) G_GNUC_NULL_TERMINATED;
char            *onramp_test_mnemonic_key      (const char       *label);

const char      *onramp_test_use_private_home  (void);
GtkWindow       *onramp_test_find_toplevel     (GType             type);
gboolean         onramp_test_spinner_showing   (gpointer          spinner);
void             onramp_test_return_focus      (GtkWindow        *window);
void             onramp_test_remove_tree       (const char       *path);

/* What onramp_test_watch_while() saw while a request was in flight */
typedef struct
{
  gint64 duration_us;      /* from the start until in_flight ceased */
  guint  n_frames;         /* "after-paint" of the watched widget's frame clock */
  guint  min_frames_2s;    /* fewest frames in any 2 s window (all of them if shorter) */
  gint64 longest_gap_us;   /* longest pause between two ticks of a 5 ms timeout */
  guint  n_checks;         /* times shows_progress was asked */
  guint  n_without_progress; /* …and said no */
} OnrampTestWatch;

gboolean         onramp_test_watch_while       (GtkWidget           *widget,
                                                OnrampTestCondition  in_flight,
                                                OnrampTestCondition  shows_progress,
                                                gpointer             data,
                                                guint                timeout_ms,
                                                OnrampTestWatch     *watch);

OnrampPage      *onramp_test_named_page          (OnrampApplication *app,
                                                 const char        *name);
GtkWidget       *onramp_test_next_button         (OnrampApplication *app);
gboolean         onramp_test_widget_mapped       (gpointer           widget);
gboolean         onramp_test_widget_sensitive    (gpointer           widget);
gboolean         onramp_test_page_is_current     (gpointer           page);
gboolean         onramp_test_page_is_not_current (gpointer           page);
gboolean         onramp_test_page_not_busy       (gpointer           page);
gboolean         onramp_test_auth_signed_in      (gpointer           auth);
void             onramp_test_fill_valid_customer (OnrampCustomer    *customer);
void             onramp_test_fill_valid_customer_but (OnrampCustomer *customer,
                                                      OnrampField     left_alone);

G_END_DECLS

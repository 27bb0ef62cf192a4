/* onramp-page.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "onramp-customer.h"

G_BEGIN_DECLS

#define ONRAMP_TYPE_PAGE (onramp_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (OnrampPage, onramp_page, ONRAMP, PAGE, AdwBin)

/**
 * OnrampPageClass:
 * @shown: the page became the visible one; grab focus here
 * @hidden: the page stopped being the visible one; forget what must not
 *   outlive it (the Done page's one-time password)
 * @reveal_issues: the user asked for Next while the page is not complete:
 *   show every issue now and focus the first field in error
 * @apply_async: leaving the page forward; the default succeeds at once
 * @commit_async: the final page runs every page's commit in order
 *
 * The assistant contract (style-anchors.md rule 25): a page reports
 * #OnrampPage:complete from its own inputs, and the assistant alone moves
 * between pages.
 */
struct _OnrampPageClass
{
  AdwBinClass parent_class;

  void     (*shown)         (OnrampPage          *self);
  void     (*hidden)        (OnrampPage          *self);
  void     (*reveal_issues) (OnrampPage          *self);
  void     (*apply_async)   (OnrampPage          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*apply_finish)  (OnrampPage          *self,
                             GAsyncResult        *result,
                             GError             **error);
  void     (*commit_async)  (OnrampPage          *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean (*commit_finish) (OnrampPage          *self,
                             GAsyncResult        *result,
                             GError             **error);
};

const char     *onramp_page_get_title      (OnrampPage          *self);
void            onramp_page_set_title      (OnrampPage          *self,
                                            const char          *title);
gboolean        onramp_page_get_complete   (OnrampPage          *self);
void            onramp_page_set_complete   (OnrampPage          *self,
                                            gboolean             complete);
gboolean        onramp_page_get_skippable  (OnrampPage          *self);
void            onramp_page_set_skippable  (OnrampPage          *self,
                                            gboolean             skippable);
gboolean        onramp_page_get_busy       (OnrampPage          *self);
void            onramp_page_set_busy       (OnrampPage          *self,
                                            gboolean             busy);
OnrampCustomer *onramp_page_get_customer   (OnrampPage          *self);
void            onramp_page_set_customer   (OnrampPage          *self,
                                            OnrampCustomer      *customer);
const char     *onramp_page_get_forward_label (OnrampPage       *self);
void            onramp_page_set_forward_label (OnrampPage       *self,
                                               const char       *forward_label);
void            onramp_page_shown          (OnrampPage          *self);
void            onramp_page_hidden         (OnrampPage          *self);
void            onramp_page_reveal_issues  (OnrampPage          *self);
void            onramp_page_apply_async    (OnrampPage          *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean        onramp_page_apply_finish   (OnrampPage          *self,
                                            GAsyncResult        *result,
                                            GError             **error);
void            onramp_page_commit_async   (OnrampPage          *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean        onramp_page_commit_finish  (OnrampPage          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS

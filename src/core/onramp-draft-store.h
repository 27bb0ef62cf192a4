/* onramp-draft-store.h
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "onramp-draft.h"

G_BEGIN_DECLS

/* Autosave waits at most this long after the first unsaved change */
#define ONRAMP_DRAFT_STORE_AUTOSAVE_DELAY_MS 1000

/**
 * OnrampQuarantinedDraft:
 * @file_name: the draft file's name as it was in the drafts folder
 * @path: where it is now (under quarantine/), or where it stayed when it
 *   could not be moved
 * @reason: why it could not be loaded, for people
 *
 * A draft file that could not be read. It is moved aside, never deleted.
 */
typedef struct
{
  char *file_name;
  char *path;
  char *reason;
} OnrampQuarantinedDraft;

typedef struct _OnrampDraftDeletion OnrampDraftDeletion;

#define ONRAMP_TYPE_DRAFT_STORE (onramp_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (OnrampDraftStore, onramp_draft_store, ONRAMP, DRAFT_STORE, GObject)

OnrampDraftStore    *onramp_draft_store_new                (const char           *directory);
char                *onramp_draft_store_get_default_directory (void);
const char          *onramp_draft_store_get_directory      (OnrampDraftStore     *self);
void                 onramp_draft_store_set_autosave_delay (OnrampDraftStore     *self,
                                                            guint                 milliseconds);

void                 onramp_draft_store_load_async         (OnrampDraftStore     *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             onramp_draft_store_load_finish        (OnrampDraftStore     *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
gboolean             onramp_draft_store_load               (OnrampDraftStore     *self,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
gboolean             onramp_draft_store_is_loaded          (OnrampDraftStore     *self);

GListModel          *onramp_draft_store_get_drafts         (OnrampDraftStore     *self);
OnrampDraft         *onramp_draft_store_lookup             (OnrampDraftStore     *self,
                                                            const char           *id);
GPtrArray           *onramp_draft_store_get_quarantined    (OnrampDraftStore     *self);

OnrampDraft         *onramp_draft_store_create             (OnrampDraftStore     *self,
                                                            OnrampCustomer       *customer);
OnrampDraft         *onramp_draft_store_duplicate          (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft);
OnrampDraftDeletion *onramp_draft_store_delete             (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft,
                                                            GError              **error);

void                 onramp_draft_store_save_async         (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean             onramp_draft_store_save_finish        (OnrampDraftStore     *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
gboolean             onramp_draft_store_save               (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft,
                                                            GError              **error);
void                 onramp_draft_store_schedule_save      (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft);
gboolean             onramp_draft_store_has_unsaved        (OnrampDraftStore     *self);
gboolean             onramp_draft_store_flush              (OnrampDraftStore     *self,
                                                            GError              **error);

void                 onramp_draft_store_set_last_opened    (OnrampDraftStore     *self,
                                                            OnrampDraft          *draft,
                                                            const char           *page);
const char          *onramp_draft_store_get_last_draft_id  (OnrampDraftStore     *self);
const char          *onramp_draft_store_get_last_page      (OnrampDraftStore     *self);

OnrampDraft         *onramp_draft_deletion_get_draft       (OnrampDraftDeletion  *deletion);
gboolean             onramp_draft_deletion_undo            (OnrampDraftDeletion  *deletion,
                                                            GError              **error);
gboolean             onramp_draft_deletion_purge           (OnrampDraftDeletion  *deletion,
                                                            GError              **error);
void                 onramp_draft_deletion_free            (OnrampDraftDeletion  *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnrampDraftDeletion, onramp_draft_deletion_free)

G_END_DECLS

/* onramp-draft-store.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-draft-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "onramp-draft-private.h"
#include "onramp-draft-store.h"
#include "onramp-error.h"
#include "onramp-wire.h"

/* Drafts on disk (DESIGN.md "Drafts and submission"): one JSON file per
 * draft, ID.json, in a folder only the user can open (0700), each file
 * 0600 and written whole to a temporary file, synced and renamed over the
 * old one, so a crash at any moment leaves either the old or the new
 * draft and never half of one.
 *
 *   drafts/ID.json       a draft (onramp-draft.c has the format)
 *   drafts/state.json    the last opened draft and its page, for recovery
 *   drafts/trash/        deleted drafts, until the undo toast is gone
 *   drafts/quarantine/   files that could not be read, kept for the user
 *
 * Every write goes through one lock with a per-draft generation, so a slow
 * autosave can never overwrite a newer save of the same draft, and no
 * save brings back a draft that was deleted meanwhile.
 */

#define STATE_FILE "state.json"
#define TRASH_FOLDER "trash"
#define QUARANTINE_FOLDER "quarantine"
#define DELETED G_MAXUINT64
/* A draft is a few kilobytes; a file far larger is not one */
#define MAX_DRAFT_SIZE (4 * 1024 * 1024)

struct _OnrampDraftStore
{
  GObject     parent_instance;

  char       *directory;
  GListStore *drafts;
  GHashTable *by_id;
  GPtrArray  *quarantined;
  GHashTable *pending;
  guint       autosave_delay;
  guint       autosave_id;
  gboolean    loading;
  gboolean    loaded;

  char       *last_draft_id;
  char       *last_page;
  guint64     state_generation;

  /* Shared with the writing threads, under write_lock */
  GMutex      write_lock;
  GHashTable *written;
  guint64     state_written;
};

G_DEFINE_FINAL_TYPE (OnrampDraftStore, onramp_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _OnrampDraftDeletion
{
  OnrampDraftStore *store;
  OnrampDraft      *draft;
  char             *trash_path;
  guint64           written;
  gboolean          settled;
};

static void on_draft_changed_cb  (OnrampDraftStore *self,
                                  OnrampDraft      *draft);
static void on_draft_modified_cb (OnrampDraftStore *self,
                                  GParamSpec       *pspec,
                                  OnrampDraft      *draft);

static void
quarantined_draft_free (OnrampQuarantinedDraft *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->file_name);
  g_free (entry->path);
  g_free (entry->reason);
  g_free (entry);
}

/* Files and folders; safe on any thread */

static char *
draft_path (const char *directory,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);

  return g_build_filename (directory, name, NULL);
}

static gboolean
ensure_private_folder (const char  *path,
                       GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (path, 0700) == 0 && g_chmod (path, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
               /* Translators: %s is a folder, the second %s why it cannot be created */
               _("Could not create the folder %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* After the rename, the folder entry itself must reach the disk too, or a
 * power cut could bring back the old file. Best effort: not every file
 * system lets a folder be synced. */
static void
sync_folder (const char *directory)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync %s: %s", directory, g_strerror (errno));
  close (fd);
}

static gboolean
write_atomically (const char  *directory,
                  const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!ensure_private_folder (directory, error))
    return FALSE;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_debug ("Could not write %s: %s", path, local_error->message);
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                   /* Translators: %s explains why, e.g. "No space left on device" */
                   _("Could not save the draft: %s"), local_error->message);
      return FALSE;
    }

  sync_folder (directory);

  return TRUE;
}

static guint64
get_written (OnrampDraftStore *self,
             const char       *id)
{
  guint64 *written = g_hash_table_lookup (self->written, id);

  return written ? *written : 0;
}

static void
set_written (OnrampDraftStore *self,
             const char       *id,
             guint64           generation)
{
  guint64 *value = g_new (guint64, 1);

  *value = generation;
  g_hash_table_insert (self->written, g_strdup (id), value);
}

/* Writes @data as draft @id unless that generation or a newer one is on
 * disk already, or the draft was deleted. Any thread. */
static gboolean
write_draft (OnrampDraftStore  *self,
             const char        *id,
             const char        *data,
             gsize              length,
             guint64            generation,
             GError           **error)
{
  g_autofree char *path = draft_path (self->directory, id);
  gboolean ok = TRUE;

  g_mutex_lock (&self->write_lock);
  if (get_written (self, id) < generation)
    {
      ok = write_atomically (self->directory, path, data, length, error);
      if (ok)
        set_written (self, id, generation);
    }
  g_mutex_unlock (&self->write_lock);

  return ok;
}

static char *
state_to_data (const char *draft_id,
               const char *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schemaVersion");
  json_builder_add_int_value (builder, 1);
  if (draft_id != NULL)
    {
      json_builder_set_member_name (builder, "lastDraft");
      json_builder_add_string_value (builder, draft_id);
    }
  if (page != NULL)
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_string_value (builder, page);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static gboolean
write_state (OnrampDraftStore  *self,
             const char        *data,
             guint64            generation,
             GError           **error)
{
  g_autofree char *path = g_build_filename (self->directory, STATE_FILE, NULL);
  gboolean ok = TRUE;

  g_mutex_lock (&self->write_lock);
  if (self->state_written < generation)
    {
      ok = write_atomically (self->directory, path, data, strlen (data), error);
      if (ok)
        self->state_written = generation;
    }
  g_mutex_unlock (&self->write_lock);

  return ok;
}

/* Loading; runs in a thread */

typedef struct
{
  GPtrArray *drafts;
  GPtrArray *quarantined;
  char      *last_draft_id;
  char      *last_page;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->drafts, g_ptr_array_unref);
  g_clear_pointer (&result->quarantined, g_ptr_array_unref);
  g_free (result->last_draft_id);
  g_free (result->last_page);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static void
quarantine (const char *directory,
            const char *name,
            const char *reason,
            GPtrArray  *quarantined)
{
  g_autofree char *folder = g_build_filename (directory, QUARANTINE_FOLDER, NULL);
  g_autofree char *source = g_build_filename (directory, name, NULL);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  OnrampQuarantinedDraft *entry = g_new0 (OnrampQuarantinedDraft, 1);

  /* Never overwrite an earlier file of the same name: both stay */
  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS) && n < 1000; n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s.%u", name, n);

      g_free (target);
      target = g_build_filename (folder, numbered, NULL);
    }

  if (ensure_private_folder (folder, NULL) && g_rename (source, target) == 0)
    entry->path = g_steal_pointer (&target);
  else
    {
      g_debug ("Could not move %s aside: %s", source, g_strerror (errno));
      entry->path = g_steal_pointer (&source);
    }

  g_debug ("Quarantined %s: %s", name, reason);
  entry->file_name = g_strdup (name);
  entry->reason = g_strdup (reason);
  g_ptr_array_add (quarantined, entry);
}

static OnrampDraft *
load_draft_file (const char  *path,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *expected_id = g_strndup (name, strlen (name) - strlen (".json"));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(OnrampDraft) draft = NULL;
  GStatBuf info;
  gsize length = 0;

  if (g_stat (path, &info) == 0 && info.st_size > MAX_DRAFT_SIZE)
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The file is too large to be a draft"));
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %s explains why a file cannot be read */
                   _("The file cannot be read: %s"), local_error->message);
      return NULL;
    }

  draft = onramp_draft_new_from_data (contents, length, error);
  if (draft == NULL)
    return NULL;

  /* A copied file would otherwise give two drafts one id */
  if (!g_str_equal (onramp_draft_get_id (draft), expected_id))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("The draft’s id does not match its file name"));
      return NULL;
    }

  return g_steal_pointer (&draft);
}

static void
load_state (const char *directory,
            LoadResult *result)
{
  g_autofree char *path = g_build_filename (directory, STATE_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length > 65536)
    return;

  /* Only a convenience: a broken one is forgotten, not reported */
  root = onramp_wire_parse_data (contents, length, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring %s: %s", path, error ? error->message : "not an object");
      return;
    }

  object = json_node_get_object (root);
  if (onramp_draft_id_is_valid (json_object_get_string_member_with_default (object, "lastDraft", NULL)))
    result->last_draft_id = g_strdup (json_object_get_string_member (object, "lastDraft"));
  if (json_object_has_member (object, "page") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "page")) &&
      json_node_get_value_type (json_object_get_member (object, "page")) == G_TYPE_STRING)
    result->last_page = g_strdup (json_object_get_string_member (object, "page"));
}

/* A deleted draft whose undo toast outlived the app: the user meant it */
static void
empty_trash (const char *directory)
{
  g_autofree char *folder = g_build_filename (directory, TRASH_FOLDER, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_unlink (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

static gint
compare_drafts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  OnrampDraft *draft_a = (OnrampDraft *)a;
  OnrampDraft *draft_b = (OnrampDraft *)b;
  gint order = g_date_time_compare (onramp_draft_get_modified (draft_b),
                                    onramp_draft_get_modified (draft_a));

  return order != 0 ? order : strcmp (onramp_draft_get_id (draft_a), onramp_draft_get_id (draft_b));
}

static gint
compare_draft_pointers (gconstpointer a,
                        gconstpointer b)
{
  return compare_drafts (*(OnrampDraft **)a, *(OnrampDraft **)b, NULL);
}

static LoadResult *
load_directory (const char    *directory,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) dir_error = NULL;
  const char *name;
  guint n = 0;

  if (!ensure_private_folder (directory, error))
    return NULL;

  dir = g_dir_open (directory, 0, &dir_error);
  if (dir == NULL)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                   /* Translators: %s is a folder, the second %s why it cannot be opened */
                   _("Could not open the drafts folder %s: %s"), directory, dir_error->message);
      return NULL;
    }

  result->drafts = g_ptr_array_new_with_free_func (g_object_unref);
  result->quarantined = g_ptr_array_new_with_free_func ((GDestroyNotify)quarantined_draft_free);

  load_state (directory, result);
  empty_trash (directory);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autoptr(GError) draft_error = NULL;
      OnrampDraft *draft;

      if (++n % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* A temporary file of a write that a crash cut short: the draft it
       * was replacing is intact beside it */
      if (strstr (name, ".json.") != NULL)
        {
          g_debug ("Removing %s, left by an interrupted save", name);
          g_unlink (path);
          continue;
        }

      if (!g_str_has_suffix (name, ".json") || g_str_equal (name, STATE_FILE) ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      draft = load_draft_file (path, name, &draft_error);
      if (draft == NULL)
        quarantine (directory, name, draft_error->message, result->quarantined);
      else
        g_ptr_array_add (result->drafts, draft);
    }

  g_ptr_array_sort (result->drafts, compare_draft_pointers);

  return g_steal_pointer (&result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OnrampDraftStore *self = source_object;
  GError *error = NULL;
  LoadResult *result = load_directory (self->directory, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)load_result_free);
}

/* Back on the main thread */

static void
watch_draft (OnrampDraftStore *self,
             OnrampDraft      *draft)
{
  g_hash_table_insert (self->by_id, g_strdup (onramp_draft_get_id (draft)), draft);
  g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::modified", G_CALLBACK (on_draft_modified_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
unwatch_draft (OnrampDraftStore *self,
               OnrampDraft      *draft)
{
  g_signal_handlers_disconnect_by_data (draft, self);
  g_hash_table_remove (self->by_id, onramp_draft_get_id (draft));
  if (g_hash_table_remove (self->pending, draft))
    g_object_unref (draft);
}

static void
apply_load_result (OnrampDraftStore *self,
                   LoadResult       *result)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  g_mutex_lock (&self->write_lock);
  for (guint i = 0; i < result->drafts->len; i++)
    {
      OnrampDraft *draft = g_ptr_array_index (result->drafts, i);
      const char *id = onramp_draft_get_id (draft);

      /* A draft created before loading finished wins over nothing */
      if (g_hash_table_contains (self->by_id, id))
        continue;

      set_written (self, id, 0);
      g_ptr_array_add (added, draft);
    }
  g_mutex_unlock (&self->write_lock);

  for (guint i = 0; i < added->len; i++)
    watch_draft (self, g_ptr_array_index (added, i));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->drafts)) == 0)
    g_list_store_splice (self->drafts, 0, 0, added->pdata, added->len);
  else
    {
      for (guint i = 0; i < added->len; i++)
        g_list_store_insert_sorted (self->drafts, g_ptr_array_index (added, i), compare_drafts, NULL);
    }

  for (guint i = 0; i < result->quarantined->len; i++)
    g_ptr_array_add (self->quarantined, g_steal_pointer (&result->quarantined->pdata[i]));
  g_ptr_array_set_size (result->quarantined, 0);

  g_free (self->last_draft_id);
  self->last_draft_id = g_steal_pointer (&result->last_draft_id);
  g_free (self->last_page);
  self->last_page = g_steal_pointer (&result->last_page);

  /* An older schema is written in the current one on the next save */
  for (guint i = 0; i < added->len; i++)
    {
      OnrampDraft *draft = g_ptr_array_index (added, i);

      if (_onramp_draft_get_generation (draft) > 0)
        onramp_draft_store_schedule_save (self, draft);
    }

  self->loaded = TRUE;
  self->loading = FALSE;
}

static void
onramp_draft_store_dispose (GObject *object)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (object);
  g_autoptr(GError) error = NULL;

  /* Whatever is still waiting for autosave goes to disk now */
  if (self->drafts != NULL && !onramp_draft_store_flush (self, &error))
    g_warning ("Drafts not saved on exit: %s", error->message);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_hash_table_remove_all (self->by_id);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (onramp_draft_store_parent_class)->dispose (object);
}

static void
onramp_draft_store_finalize (GObject *object)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (object);

  g_free (self->directory);
  g_free (self->last_draft_id);
  g_free (self->last_page);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->written);
  g_ptr_array_unref (self->quarantined);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (onramp_draft_store_parent_class)->finalize (object);
}

static void
onramp_draft_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_draft_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_free (self->directory);
      self->directory = g_value_get_string (value) != NULL
                        ? g_value_dup_string (value)
                        : onramp_draft_store_get_default_directory ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
onramp_draft_store_class_init (OnrampDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = onramp_draft_store_dispose;
  object_class->finalize = onramp_draft_store_finalize;
  object_class->get_property = onramp_draft_store_get_property;
  object_class->set_property = onramp_draft_store_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OnrampDraftStore::save-failed:
   * @draft: the draft that could not be saved
   * @error: why, for people
   *
   * An autosave failed (a full disk, a folder made read-only). The draft
   * stays in memory and the next change tries again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, ONRAMP_TYPE_DRAFT, G_TYPE_ERROR);
}

static void
onramp_draft_store_init (OnrampDraftStore *self)
{
  self->drafts = g_list_store_new (ONRAMP_TYPE_DRAFT);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new (NULL, NULL);
  self->quarantined = g_ptr_array_new_with_free_func ((GDestroyNotify)quarantined_draft_free);
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->autosave_delay = ONRAMP_DRAFT_STORE_AUTOSAVE_DELAY_MS;
  g_mutex_init (&self->write_lock);
}

/**
 * onramp_draft_store_get_default_directory:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/onramp/drafts`
 */
char *
onramp_draft_store_get_default_directory (void)
{
  return g_build_filename (g_get_user_data_dir (), "onramp", "drafts", NULL);
}

/**
 * onramp_draft_store_new:
 * @directory: (nullable): the drafts folder; the default one when %NULL
 *
 * Nothing is read until onramp_draft_store_load_async().
 *
 * Returns: (transfer full): a new store
 */
OnrampDraftStore *
onramp_draft_store_new (const char *directory)
{
  return g_object_new (ONRAMP_TYPE_DRAFT_STORE, "directory", directory, NULL);
}

const char *
onramp_draft_store_get_directory (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

/**
 * onramp_draft_store_set_autosave_delay:
 *
 * How long autosave waits after the first unsaved change (default
 * %ONRAMP_DRAFT_STORE_AUTOSAVE_DELAY_MS); tests make it short.
 */
void
onramp_draft_store_set_autosave_delay (OnrampDraftStore *self,
                                       guint             milliseconds)
{
  g_return_if_fail (ONRAMP_IS_DRAFT_STORE (self));

  self->autosave_delay = milliseconds;
}

/**
 * onramp_draft_store_load_async:
 *
 * Reads every draft in a thread; the list fills at once when done. A file
 * that cannot be read is moved to quarantine/ and loading goes on.
 */
void
onramp_draft_store_load_async (OnrampDraftStore    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_DRAFT_STORE (self));
  g_return_if_fail (!self->loading && !self->loaded);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->loading = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_draft_store_load_async);
  g_task_run_in_thread (task, load_thread);
}

gboolean
onramp_draft_store_load_finish (OnrampDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_autoptr(LoadResult) loaded = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    {
      self->loading = FALSE;
      return FALSE;
    }

  apply_load_result (self, loaded);

  return TRUE;
}

/**
 * onramp_draft_store_load:
 *
 * Reads every draft on the calling thread: for the command line and
 * benchmarks. The window uses onramp_draft_store_load_async().
 */
gboolean
onramp_draft_store_load (OnrampDraftStore  *self,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(LoadResult) loaded = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (!self->loading && !self->loaded, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  loaded = load_directory (self->directory, cancellable, error);
  if (loaded == NULL)
    return FALSE;

  apply_load_result (self, loaded);

  return TRUE;
}

gboolean
onramp_draft_store_is_loaded (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);

  return self->loaded;
}

/**
 * onramp_draft_store_get_drafts:
 *
 * Returns: (transfer none): a #GListModel of #OnrampDraft, the most
 *   recently changed first
 */
GListModel *
onramp_draft_store_get_drafts (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);

  return G_LIST_MODEL (self->drafts);
}

/**
 * onramp_draft_store_lookup:
 *
 * Returns: (transfer none) (nullable): the draft with that id
 */
OnrampDraft *
onramp_draft_store_lookup (OnrampDraftStore *self,
                           const char       *id)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * onramp_draft_store_get_quarantined:
 *
 * Returns: (transfer none) (element-type OnrampQuarantinedDraft): the
 *   files the last load could not read, for the window to tell the user
 */
GPtrArray *
onramp_draft_store_get_quarantined (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);

  return self->quarantined;
}

static void
add_new_draft (OnrampDraftStore *self,
               OnrampDraft      *draft)
{
  watch_draft (self, draft);
  g_list_store_insert_sorted (self->drafts, draft, compare_drafts, NULL);
  onramp_draft_store_schedule_save (self, draft);
}

/**
 * onramp_draft_store_create:
 * @customer: (nullable): the record; an empty one when %NULL
 *
 * Adds a new draft at the top of the list; it is saved by autosave (or
 * at once with onramp_draft_store_save() or onramp_draft_store_flush()).
 *
 * Returns: (transfer none): the new draft
 */
OnrampDraft *
onramp_draft_store_create (OnrampDraftStore *self,
                           OnrampCustomer   *customer)
{
  g_autoptr(OnrampDraft) draft = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (customer == NULL || ONRAMP_IS_CUSTOMER (customer), NULL);

  draft = onramp_draft_new (customer);
  add_new_draft (self, draft);

  return draft;
}

/**
 * onramp_draft_store_duplicate:
 *
 * Returns: (transfer none): a new draft with a copy of @draft's record
 */
OnrampDraft *
onramp_draft_store_duplicate (OnrampDraftStore *self,
                              OnrampDraft      *draft)
{
  g_autoptr(OnrampDraft) copy = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_DRAFT (draft), NULL);

  copy = onramp_draft_duplicate (draft);
  add_new_draft (self, copy);

  return copy;
}

static gboolean
remove_from_list (OnrampDraftStore *self,
                  OnrampDraft      *draft)
{
  guint position;

  if (!g_list_store_find (self->drafts, draft, &position))
    return FALSE;

  g_list_store_remove (self->drafts, position);
  return TRUE;
}

/**
 * onramp_draft_store_delete:
 *
 * Takes @draft out of the list and moves its file to trash/. Undo puts
 * both back; purge removes the file for good. A trash left over when the
 * app ends is emptied at the next load.
 *
 * Returns: (transfer full): the handle for the undo toast, or %NULL with
 *   @error set when the file could not be moved
 */
OnrampDraftDeletion *
onramp_draft_store_delete (OnrampDraftStore  *self,
                           OnrampDraft       *draft,
                           GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trash_path = NULL;
  OnrampDraftDeletion *deletion;
  const char *id;
  guint64 written;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = onramp_draft_get_id (draft);
  g_return_val_if_fail (g_hash_table_lookup (self->by_id, id) == draft, NULL);

  path = draft_path (self->directory, id);
  trash = g_build_filename (self->directory, TRASH_FOLDER, NULL);

  g_mutex_lock (&self->write_lock);
  written = get_written (self, id);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      int saved_errno = 0;

      trash_path = g_build_filename (trash, name, NULL);
      if (!ensure_private_folder (trash, error))
        {
          g_mutex_unlock (&self->write_lock);
          return NULL;
        }
      if (g_rename (path, trash_path) != 0)
        {
          saved_errno = errno;
          g_mutex_unlock (&self->write_lock);
          g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                       /* Translators: %s explains why */
                       _("Could not delete the draft: %s"), g_strerror (saved_errno));
          return NULL;
        }
    }
  /* No save still on its way may bring the file back */
  set_written (self, id, DELETED);
  g_mutex_unlock (&self->write_lock);

  deletion = g_new0 (OnrampDraftDeletion, 1);
  deletion->store = g_object_ref (self);
  deletion->draft = g_object_ref (draft);
  deletion->trash_path = g_steal_pointer (&trash_path);
  deletion->written = written;

  unwatch_draft (self, draft);
  remove_from_list (self, draft);

  if (g_strcmp0 (self->last_draft_id, id) == 0)
    onramp_draft_store_set_last_opened (self, NULL, NULL);

  return deletion;
}

OnrampDraft *
onramp_draft_deletion_get_draft (OnrampDraftDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, NULL);

  return deletion->draft;
}

/**
 * onramp_draft_deletion_undo:
 *
 * Brings the draft back, file and list entry, as it was.
 */
gboolean
onramp_draft_deletion_undo (OnrampDraftDeletion  *deletion,
                            GError              **error)
{
  OnrampDraftStore *self;
  g_autofree char *path = NULL;
  const char *id;

  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (!deletion->settled, FALSE);

  self = deletion->store;
  id = onramp_draft_get_id (deletion->draft);
  path = draft_path (self->directory, id);

  g_mutex_lock (&self->write_lock);
  if (deletion->trash_path != NULL && g_rename (deletion->trash_path, path) != 0)
    {
      int saved_errno = errno;

      g_mutex_unlock (&self->write_lock);
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                   /* Translators: %s explains why */
                   _("Could not restore the draft: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  set_written (self, id, deletion->written);
  g_mutex_unlock (&self->write_lock);

  deletion->settled = TRUE;
  watch_draft (self, deletion->draft);
  g_list_store_insert_sorted (self->drafts, deletion->draft, compare_drafts, NULL);
  if (_onramp_draft_get_generation (deletion->draft) > deletion->written)
    onramp_draft_store_schedule_save (self, deletion->draft);

  return TRUE;
}

/**
 * onramp_draft_deletion_purge:
 *
 * Removes the deleted draft's file for good (when the undo toast goes).
 */
gboolean
onramp_draft_deletion_purge (OnrampDraftDeletion  *deletion,
                             GError              **error)
{
  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (!deletion->settled, FALSE);

  deletion->settled = TRUE;
  if (deletion->trash_path != NULL && g_unlink (deletion->trash_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                   /* Translators: %s explains why */
                   _("Could not delete the draft: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * onramp_draft_deletion_free:
 *
 * Frees the handle. A deletion neither undone nor purged leaves its file
 * in trash/ until the next load empties it.
 */
void
onramp_draft_deletion_free (OnrampDraftDeletion *deletion)
{
  if (deletion == NULL)
    return;

  g_object_unref (deletion->store);
  g_object_unref (deletion->draft);
  g_free (deletion->trash_path);
  g_free (deletion);
}

/* Saving */

typedef struct
{
  char    *id;
  char    *data;
  gsize    length;
  guint64  generation;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->id);
  g_free (job->data);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static SaveJob *
save_job_new (OnrampDraft *draft)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->id = g_strdup (onramp_draft_get_id (draft));
  job->generation = _onramp_draft_get_generation (draft);
  job->data = onramp_draft_to_data (draft, &job->length);

  return job;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OnrampDraftStore *self = source_object;
  SaveJob *job = task_data;
  GError *error = NULL;

  if (!write_draft (self, job->id, job->data, job->length, job->generation, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
forget_pending (OnrampDraftStore *self,
                OnrampDraft      *draft)
{
  if (g_hash_table_remove (self->pending, draft))
    g_object_unref (draft);
}

/**
 * onramp_draft_store_save_async:
 *
 * Writes @draft now, in a thread. Later saves of the same draft always
 * win over earlier ones, whatever order the threads finish in.
 */
void
onramp_draft_store_save_async (OnrampDraftStore    *self,
                               OnrampDraft         *draft,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ONRAMP_IS_DRAFT_STORE (self));
  g_return_if_fail (ONRAMP_IS_DRAFT (draft));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  forget_pending (self, draft);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_draft_store_save_async);
  g_task_set_task_data (task, save_job_new (draft), (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
onramp_draft_store_save_finish (OnrampDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * onramp_draft_store_save:
 *
 * Writes @draft now, on the calling thread (the command line, tests).
 */
gboolean
onramp_draft_store_save (OnrampDraftStore  *self,
                         OnrampDraft       *draft,
                         GError           **error)
{
  g_autoptr(SaveJob) job = NULL;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (ONRAMP_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  forget_pending (self, draft);
  job = save_job_new (draft);

  return write_draft (self, job->id, job->data, job->length, job->generation, error);
}

static void
on_autosaved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (object);
  g_autoptr(OnrampDraft) draft = user_data;
  g_autoptr(GError) error = NULL;

  if (!onramp_draft_store_save_finish (self, result, &error))
    {
      g_debug ("Autosave of %s failed: %s", onramp_draft_get_id (draft), error->message);
      g_signal_emit (self, signals[SAVE_FAILED], 0, draft, error);
    }
}

static void
on_state_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_debug ("Could not save the recovery state: %s", error->message);
}

typedef struct
{
  char    *data;
  guint64  generation;
} StateJob;

static void
state_job_free (StateJob *job)
{
  g_free (job->data);
  g_free (job);
}

static void
save_state_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  StateJob *job = task_data;
  GError *error = NULL;

  if (!write_state (source_object, job->data, job->generation, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_state_async (OnrampDraftStore *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_state_saved_cb, NULL);
  StateJob *job = g_new0 (StateJob, 1);

  job->data = state_to_data (self->last_draft_id, self->last_page);
  job->generation = self->state_generation;
  g_task_set_source_tag (task, save_state_async);
  g_task_set_task_data (task, job, (GDestroyNotify)state_job_free);
  g_task_run_in_thread (task, save_state_thread);
}

static gboolean
state_is_unsaved (OnrampDraftStore *self)
{
  gboolean unsaved;

  g_mutex_lock (&self->write_lock);
  unsaved = self->state_written < self->state_generation;
  g_mutex_unlock (&self->write_lock);

  return unsaved;
}

static gboolean
on_autosave_cb (gpointer user_data)
{
  OnrampDraftStore *self = ONRAMP_DRAFT_STORE (user_data);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer draft;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &draft, NULL))
    g_ptr_array_add (drafts, draft);

  self->autosave_id = 0;
  g_hash_table_steal_all (self->pending);

  /* The pending table's references pass to the callbacks */
  for (guint i = 0; i < drafts->len; i++)
    onramp_draft_store_save_async (self, g_ptr_array_index (drafts, i), NULL, on_autosaved_cb,
                                   g_ptr_array_index (drafts, i));

  if (state_is_unsaved (self))
    save_state_async (self);

  return G_SOURCE_REMOVE;
}

static void
start_autosave_timer (OnrampDraftStore *self)
{
  /* Not restarted by later changes: while the user types on, the first
   * change still reaches the disk within the delay, so at most the last
   * second of typing can be lost. */
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add (self->autosave_delay, on_autosave_cb, self);
}

/**
 * onramp_draft_store_schedule_save:
 *
 * Autosave: @draft is written at most the autosave delay after the first
 * unsaved change, however many changes follow. The store calls this
 * itself on every change of a draft it holds.
 */
void
onramp_draft_store_schedule_save (OnrampDraftStore *self,
                                  OnrampDraft      *draft)
{
  g_return_if_fail (ONRAMP_IS_DRAFT_STORE (self));
  g_return_if_fail (ONRAMP_IS_DRAFT (draft));

  /* A deleted draft may still change in a window that shows it */
  if (g_hash_table_lookup (self->by_id, onramp_draft_get_id (draft)) != draft)
    return;

  if (g_hash_table_add (self->pending, draft))
    g_object_ref (draft);

  start_autosave_timer (self);
}

static void
on_draft_changed_cb (OnrampDraftStore *self,
                     OnrampDraft      *draft)
{
  onramp_draft_store_schedule_save (self, draft);
}

static void
on_draft_modified_cb (OnrampDraftStore *self,
                      GParamSpec       *pspec,
                      OnrampDraft      *draft)
{
  guint position;

  if (!g_list_store_find (self->drafts, draft, &position))
    return;

  /* The draft being edited is usually on top already */
  if (position == 0)
    {
      g_autoptr(OnrampDraft) next = g_list_model_get_item (G_LIST_MODEL (self->drafts), 1);

      if (next == NULL || compare_drafts (draft, next, NULL) <= 0)
        return;
    }

  g_object_ref (draft);
  g_list_store_remove (self->drafts, position);
  g_list_store_insert_sorted (self->drafts, draft, compare_drafts, NULL);
  g_object_unref (draft);
}

/**
 * onramp_draft_store_has_unsaved:
 *
 * Returns: whether a change has not reached the disk yet
 */
gboolean
onramp_draft_store_has_unsaved (OnrampDraftStore *self)
{
  GHashTableIter iter;
  gpointer draft;
  gboolean unsaved = FALSE;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);

  g_mutex_lock (&self->write_lock);
  g_hash_table_iter_init (&iter, self->by_id);
  while (!unsaved && g_hash_table_iter_next (&iter, NULL, &draft))
    unsaved = _onramp_draft_get_generation (draft) > get_written (self, onramp_draft_get_id (draft));
  unsaved = unsaved || self->state_written < self->state_generation;
  g_mutex_unlock (&self->write_lock);

  return unsaved;
}

/**
 * onramp_draft_store_flush:
 *
 * Writes every unsaved change now and returns when it is on disk: on a
 * page change, on closing the window and on quit. Saves already running
 * in threads are covered too (they are skipped as older).
 *
 * Returns: %FALSE with @error set when a draft could not be saved; the
 *   others are saved all the same
 */
gboolean
onramp_draft_store_flush (OnrampDraftStore  *self,
                          GError           **error)
{
  g_autoptr(GPtrArray) unsaved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) first_error = NULL;
  GHashTableIter iter;
  gpointer draft;

  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &draft, NULL))
    {
      g_object_unref (draft);
      g_hash_table_iter_remove (&iter);
    }

  g_mutex_lock (&self->write_lock);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &draft))
    {
      if (_onramp_draft_get_generation (draft) > get_written (self, onramp_draft_get_id (draft)))
        g_ptr_array_add (unsaved, g_object_ref (draft));
    }
  g_mutex_unlock (&self->write_lock);

  for (guint i = 0; i < unsaved->len; i++)
    {
      g_autoptr(GError) save_error = NULL;

      if (!onramp_draft_store_save (self, g_ptr_array_index (unsaved, i), &save_error) &&
          first_error == NULL)
        first_error = g_steal_pointer (&save_error);
    }

  if (state_is_unsaved (self))
    {
      g_autofree char *data = state_to_data (self->last_draft_id, self->last_page);
      g_autoptr(GError) state_error = NULL;

      if (!write_state (self, data, self->state_generation, &state_error) && first_error == NULL)
        first_error = g_steal_pointer (&state_error);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * onramp_draft_store_set_last_opened:
 * @draft: (nullable): the draft the window shows, or %NULL for none
 * @page: (nullable): the name of the page it shows
 *
 * Remembers where the user was, for the next start; it is saved with
 * autosave. The draft's own page is set too.
 */
void
onramp_draft_store_set_last_opened (OnrampDraftStore *self,
                                    OnrampDraft      *draft,
                                    const char       *page)
{
  const char *id;

  g_return_if_fail (ONRAMP_IS_DRAFT_STORE (self));
  g_return_if_fail (draft == NULL || ONRAMP_IS_DRAFT (draft));

  id = draft ? onramp_draft_get_id (draft) : NULL;
  if (draft != NULL)
    onramp_draft_set_page (draft, page);

  if (g_strcmp0 (self->last_draft_id, id) == 0 && g_strcmp0 (self->last_page, page) == 0)
    return;

  g_free (self->last_draft_id);
  self->last_draft_id = g_strdup (id);
  g_free (self->last_page);
  self->last_page = g_strdup (draft ? page : NULL);
  self->state_generation++;

  start_autosave_timer (self);
}

/**
 * onramp_draft_store_get_last_draft_id:
 *
 * Returns: (nullable): the draft the window showed last, when it still
 *   exists: the window reopens it at start
 */
const char *
onramp_draft_store_get_last_draft_id (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);

  if (self->last_draft_id == NULL || !g_hash_table_contains (self->by_id, self->last_draft_id))
    return NULL;

  return self->last_draft_id;
}

/**
 * onramp_draft_store_get_last_page:
 *
 * Returns: (nullable): the page the window showed last
 */
const char *
onramp_draft_store_get_last_page (OnrampDraftStore *self)
{
  g_return_val_if_fail (ONRAMP_IS_DRAFT_STORE (self), NULL);

  return onramp_draft_store_get_last_draft_id (self) != NULL ? self->last_page : NULL;
}

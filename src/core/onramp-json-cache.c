/* onramp-json-cache.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-json-cache"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "onramp-error.h"
#include "onramp-json-cache.h"

/* The service's last answers, kept so the pages work offline: one file per
 * answer under $XDG_CACHE_HOME/onramp, written whole (a reader never sees
 * half a file) and read in a worker thread, so the main loop never waits
 * on the disk. Each file is an envelope:
 *
 *   { "version": 1, "savedAt": "2026-11-26T01:02:03Z", "data": <answer> }
 *
 * The files are 0600: a partner's resellers are nobody else's business.
 */

#define CACHE_VERSION 1
/* A catalog is a few hundred kilobytes; anything far bigger is not ours */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

struct _OnrampJsonCache
{
  GObject  parent_instance;

  char    *directory;
};

G_DEFINE_FINAL_TYPE (OnrampJsonCache, onramp_json_cache, G_TYPE_OBJECT)

typedef struct
{
  char      *path;
  char      *contents;   /* save: the envelope to write */
  GDateTime *saved_at;   /* load: when the answer was saved */
} CacheJob;

static void
cache_job_free (CacheJob *job)
{
  g_free (job->path);
  g_free (job->contents);
  g_clear_pointer (&job->saved_at, g_date_time_unref);
  g_free (job);
}

static void
onramp_json_cache_finalize (GObject *object)
{
  OnrampJsonCache *self = (OnrampJsonCache *)object;

  g_free (self->directory);

  G_OBJECT_CLASS (onramp_json_cache_parent_class)->finalize (object);
}

static void
onramp_json_cache_class_init (OnrampJsonCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = onramp_json_cache_finalize;
}

static void
onramp_json_cache_init (OnrampJsonCache *self)
{
}

/**
 * onramp_json_cache_new:
 * @directory: (nullable): where the files go; %NULL for $XDG_CACHE_HOME/onramp
 */
OnrampJsonCache *
onramp_json_cache_new (const char *directory)
{
  OnrampJsonCache *self = g_object_new (ONRAMP_TYPE_JSON_CACHE, NULL);

  self->directory = directory != NULL ? g_strdup (directory)
                                      : g_build_filename (g_get_user_cache_dir (), "onramp", NULL);
  return self;
}

const char *
onramp_json_cache_get_directory (OnrampJsonCache *self)
{
  g_return_val_if_fail (ONRAMP_IS_JSON_CACHE (self), NULL);

  return self->directory;
}

/**
 * onramp_json_cache_name_is_valid:
 *
 * Names are file names made of letters, digits, '-', '_' and '.', not
 * starting with a dot: a product ID from a server can never climb out of
 * the cache directory.
 */
gboolean
onramp_json_cache_name_is_valid (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '.' || strlen (name) > 200)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return TRUE;
}

static gboolean
onramp_json_cache_check_name (const char  *name,
                              GError     **error)
{
  if (onramp_json_cache_name_is_valid (name))
    return TRUE;

  g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
               /* Translators: %s is a cache file name */
               _("“%s” is not a valid cache name."), name != NULL ? name : "");
  return FALSE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OnrampJsonCache *self = source_object;
  CacheJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) != 0 ||
      !g_file_set_contents_full (job->path, job->contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Could not write %s: %s", job->path, error != NULL ? error->message : g_strerror (errno));
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_FAILED,
                               _("Could not save the list for offline use."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static char *
onramp_json_cache_wrap (JsonNode *node)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "savedAt");
  json_builder_add_string_value (builder, stamp);
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_node_copy (node));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * onramp_json_cache_save_async:
 * @name: a file name (see onramp_json_cache_name_is_valid())
 * @node: the answer to keep
 *
 * Replaces the file @name with @node and the current time.
 */
void
onramp_json_cache_save_async (OnrampJsonCache     *self,
                              const char          *name,
                              JsonNode            *node,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CacheJob *job;

  g_return_if_fail (ONRAMP_IS_JSON_CACHE (self));
  g_return_if_fail (node != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_json_cache_save_async);

  if (!onramp_json_cache_check_name (name, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (CacheJob, 1);
  job->path = g_build_filename (self->directory, name, NULL);
  job->contents = onramp_json_cache_wrap (node);
  g_task_set_task_data (task, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
onramp_json_cache_save_finish (OnrampJsonCache  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (ONRAMP_IS_JSON_CACHE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static JsonNode *
onramp_json_cache_unwrap (JsonNode   *root,
                          GDateTime **saved_at)
{
  JsonObject *envelope;
  JsonNode *data;
  JsonNode *version;
  JsonNode *stamp_node;
  const char *stamp;

  /* An empty file parses to no root at all */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  envelope = json_node_get_object (root);
  data = json_object_get_member (envelope, "data");
  version = json_object_get_member (envelope, "version");
  stamp_node = json_object_get_member (envelope, "savedAt");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != CACHE_VERSION ||
      stamp_node == NULL || json_node_get_value_type (stamp_node) != G_TYPE_STRING || data == NULL)
    return NULL;

  stamp = json_node_get_string (stamp_node);

  *saved_at = g_date_time_new_from_iso8601 (stamp, NULL);
  if (*saved_at == NULL)
    return NULL;

  return json_node_copy (data);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CacheJob *job = task_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  JsonNode *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (job->path, &contents, &length, &error))
    {
      g_debug ("No cached answer in %s: %s", job->path, error->message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No list was saved for offline use yet."));
      return;
    }

  if (length <= MAX_FILE_SIZE && json_parser_load_from_data (parser, contents, length, &error))
    data = onramp_json_cache_unwrap (json_parser_get_root (parser), &job->saved_at);

  if (data == NULL)
    {
      g_debug ("Unreadable cache file %s: %s", job->path, error != NULL ? error->message : "not an envelope");
      g_task_return_new_error (task, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                               _("The list saved for offline use is damaged."));
      return;
    }

  g_task_return_pointer (task, data, (GDestroyNotify) json_node_unref);
}

/**
 * onramp_json_cache_load_async:
 *
 * Reads the answer saved as @name. Fails with %G_IO_ERROR_NOT_FOUND when
 * there is none, and %ONRAMP_ERROR_INVALID_DATA when the file is damaged.
 */
void
onramp_json_cache_load_async (OnrampJsonCache     *self,
                              const char          *name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CacheJob *job;

  g_return_if_fail (ONRAMP_IS_JSON_CACHE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, onramp_json_cache_load_async);

  if (!onramp_json_cache_check_name (name, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (CacheJob, 1);
  job->path = g_build_filename (self->directory, name, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * onramp_json_cache_load_finish:
 * @saved_at: (out) (optional) (transfer full): when the answer was saved
 *
 * Returns: (transfer full): the saved answer, or %NULL with @error set
 */
JsonNode *
onramp_json_cache_load_finish (OnrampJsonCache  *self,
                               GAsyncResult     *result,
                               GDateTime       **saved_at,
                               GError          **error)
{
  JsonNode *node;

  g_return_val_if_fail (ONRAMP_IS_JSON_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  node = g_task_propagate_pointer (G_TASK (result), error);
  if (node != NULL && saved_at != NULL)
    {
      CacheJob *job = g_task_get_task_data (G_TASK (result));

      *saved_at = g_date_time_ref (job->saved_at);
    }

  return node;
}

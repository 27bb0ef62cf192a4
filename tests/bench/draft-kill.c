/* draft-kill.c — is a draft ever lost or corrupted by a crash mid-save?
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a child that edits and saves drafts as fast as it can (through
 * OnrampDraftStore, the app's own code path), and SIGKILLs it at a random
 * moment, over and over. The child tells the parent through a pipe each
 * save that returned. After each kill the parent loads the folder as the
 * app would at start and checks that:
 *
 *  - no file was quarantined (every draft file parses): "corrupt";
 *  - every draft whose save returned is there, with that revision or a
 *    later one: otherwise "lost".
 *
 * It prints trials, saves, lost and corrupt, and exits 1 when anything was
 * lost or corrupt.
 *
 *   build/tests/bench-draft-kill [trials]      (default 200)
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "onramp-draft-store.h"

#define N_DRAFTS 24

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

/* The revision is kept in the legal name: "Kill Test 7 rev 1234" */
static guint64
revision_of (OnrampDraft *draft)
{
  const char *name = onramp_customer_get_field (onramp_draft_get_customer (draft),
                                                ONRAMP_FIELD_COMPANY_NAME);
  const char *rev = strstr (name, " rev ");

  return rev ? g_ascii_strtoull (rev + 5, NULL, 10) : 0;
}

static void
report (int          fd,
        OnrampDraft *draft,
        guint64      revision)
{
  char line[128];
  int length = g_snprintf (line, sizeof line, "%s %" G_GUINT64_FORMAT "\n",
                           onramp_draft_get_id (draft), revision);

  /* Short lines on a pipe are written whole (PIPE_BUF) */
  if (write (fd, line, length) != length)
    _exit (3);
}

G_GNUC_NORETURN static void
child_main (const char *directory,
            int         fd)
{
  g_autoptr(OnrampDraftStore) store = onramp_draft_store_new (directory);
  g_autoptr(GError) error = NULL;
  GListModel *drafts;
  guint64 revision = 0;

  if (!onramp_draft_store_load (store, NULL, &error))
    g_error ("child: %s", error->message);

  drafts = onramp_draft_store_get_drafts (store);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      revision = MAX (revision, revision_of (draft));
    }

  for (guint step = 0; ; step++)
    {
      g_autoptr(OnrampDraft) draft = NULL;
      g_autofree char *name = NULL;
      guint n_items = g_list_model_get_n_items (drafts);

      if (n_items < N_DRAFTS)
        draft = g_object_ref (onramp_draft_store_create (store, NULL));
      else
        draft = g_list_model_get_item (drafts, g_random_int_range (0, n_items));

      revision++;
      name = g_strdup_printf ("Kill Test %u rev %" G_GUINT64_FORMAT, step % N_DRAFTS, revision);
      onramp_customer_set_field (onramp_draft_get_customer (draft), ONRAMP_FIELD_COMPANY_NAME, name);
      onramp_customer_set_field (onramp_draft_get_customer (draft), ONRAMP_FIELD_COUNTRY,
                                 revision % 2 ? "TW" : "US");

      if (!onramp_draft_store_save (store, draft, &error))
        g_error ("child: %s", error->message);
      report (fd, draft, revision);
    }
}

typedef struct
{
  guint trials;
  guint saves;
  guint lost;
  guint corrupt;
} Tally;

static void
read_reports (int         fd,
              GHashTable *expected,
              Tally      *tally)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buffer[65536];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], " ", 2);

      /* A line the kill cut short was never a returned save */
      if (g_strv_length (parts) != 2 || lines[i + 1] == NULL)
        continue;

      g_hash_table_insert (expected, g_strdup (parts[0]),
                           GSIZE_TO_POINTER ((gsize)g_ascii_strtoull (parts[1], NULL, 10)));
      tally->saves++;
    }
}

static void
check_folder (const char *directory,
              GHashTable *expected,
              Tally      *tally)
{
  g_autoptr(OnrampDraftStore) store = onramp_draft_store_new (directory);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id, revision;
  GPtrArray *quarantined;

  if (!onramp_draft_store_load (store, NULL, &error))
    g_error ("%s", error->message);

  quarantined = onramp_draft_store_get_quarantined (store);
  for (guint i = 0; i < quarantined->len; i++)
    {
      OnrampQuarantinedDraft *entry = g_ptr_array_index (quarantined, i);

      fprintf (stderr, "corrupt: %s: %s\n", entry->file_name, entry->reason);
      tally->corrupt++;
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &id, &revision))
    {
      OnrampDraft *draft = onramp_draft_store_lookup (store, id);

      if (draft == NULL)
        {
          fprintf (stderr, "lost: %s\n", (char *)id);
          tally->lost++;
        }
      else if (revision_of (draft) < GPOINTER_TO_SIZE (revision))
        {
          fprintf (stderr, "lost: %s is at revision %" G_GUINT64_FORMAT ", %" G_GSIZE_FORMAT " was saved\n",
                   (char *)id, revision_of (draft), GPOINTER_TO_SIZE (revision));
          tally->lost++;
        }
    }

  /* The store was only read: dispose must not write anything */
  g_assert_false (onramp_draft_store_has_unsaved (store));
}

int
main (int   argc,
      char *argv[])
{
  guint trials = argc > 1 ? (guint)atoi (argv[1]) : 200;
  g_autofree char *root = g_dir_make_tmp ("onramp-draft-kill-XXXXXX", NULL);
  g_autofree char *directory = g_build_filename (root, "drafts", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Tally tally = { 0 };

  if (trials == 0)
    {
      fprintf (stderr, "usage: %s [trials]\n", argv[0]);
      return 2;
    }

  for (tally.trials = 0; tally.trials < trials; tally.trials++)
    {
      int fds[2];
      pid_t pid;
      int status;

      if (pipe (fds) != 0)
        g_error ("pipe: %s", g_strerror (errno));

      pid = fork ();
      if (pid < 0)
        g_error ("fork: %s", g_strerror (errno));
      if (pid == 0)
        {
          close (fds[0]);
          child_main (directory, fds[1]);
        }
      close (fds[1]);

      /* Anywhere from during start-up to many saves in */
      g_usleep (g_random_int_range (1000, 250000));
      kill (pid, SIGKILL);
      if (waitpid (pid, &status, 0) != pid || !WIFSIGNALED (status))
        g_error ("The writer ended on its own (status %d)", status);

      read_reports (fds[0], expected, &tally);
      close (fds[0]);
      check_folder (directory, expected, &tally);
    }

  printf ("trials=%u saves=%u drafts=%u lost=%u corrupt=%u\n",
          tally.trials, tally.saves, g_hash_table_size (expected), tally.lost, tally.corrupt);

  remove_tree (root);

  return tally.lost > 0 || tally.corrupt > 0 ? 1 : 0;
}

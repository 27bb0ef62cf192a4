/* onramp-test-secrets.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-test-secrets"

#include "config.h"

#include <string.h>

#include "onramp-test-secrets.h"

/**
 * onramp_test_remember_secret:
 *
 * Adds @secret to those looked for, once. A short one would match by
 * chance, so a secret has at least 8 characters.
 */
void
onramp_test_remember_secret (GPtrArray  *secrets,
                             const char *secret)
{
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), >=, 8);
  if (!g_ptr_array_find_with_equal_func (secrets, secret, g_str_equal, NULL))
    g_ptr_array_add (secrets, g_strdup (secret));
}

/* Whether @needle is in @data, which may hold NUL bytes (/proc/…/environ) */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * onramp_test_find_secret:
 *
 * Returns: (nullable): the first of @secrets found in @data
 */
const char *
onramp_test_find_secret (GPtrArray  *secrets,
                         const char *data,
                         gsize       length)
{
  for (guint i = 0; i < secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (secrets, i);

      if (contains (data, length, secret))
        return secret;
    }

  return NULL;
}

static void
scan_file (GPtrArray  *secrets,
           const char *path,
           GPtrArray  *hits,
           guint      *n_read)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;

  (*n_read)++;
  if (onramp_test_find_secret (secrets, contents, length) != NULL && hits != NULL)
    g_ptr_array_add (hits, g_strdup (path));
}

static void
scan_tree (GPtrArray  *secrets,
           const char *path,
           GPtrArray  *hits,
           guint      *n_read)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      scan_file (secrets, path, hits, n_read);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        scan_tree (secrets, child, hits, n_read);
    }
}

/**
 * onramp_test_scan_tree:
 *
 * Reads every file under @path (symbolic links are not followed).
 *
 * Returns: how many files were read
 */
guint
onramp_test_scan_tree (GPtrArray  *secrets,
                       const char *path,
                       GPtrArray  *hits)
{
  guint n_read = 0;

  scan_tree (secrets, path, hits, &n_read);

  return n_read;
}

/**
 * onramp_test_scan_processes:
 *
 * Reads the command line and the environment of every process this user
 * may read: other tests', the keyring daemon, the bus, the caller itself.
 *
 * Returns: how many of those files were read (the caller's own two at least)
 */
guint
onramp_test_scan_processes (GPtrArray *secrets,
                            GPtrArray *hits)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n_read = 0;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      const char * const parts[] = { "cmdline", "environ" };

      if (!g_ascii_isdigit (name[0]))
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *path = g_build_filename ("/proc", name, parts[i], NULL);

          scan_file (secrets, path, hits, &n_read);
        }
    }

  g_assert_cmpuint (n_read, >=, 2);
  return n_read;
}

/* Fails the test, naming every place (never the secret) */
void
onramp_test_assert_no_hits (GPtrArray  *hits,
                            const char *where)
{
  g_autoptr(GString) places = g_string_new (NULL);

  if (hits->len == 0)
    return;

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (places, " %s", (const char *)g_ptr_array_index (hits, i));
  g_error ("A secret is in %s:%s", where, places->str);
}

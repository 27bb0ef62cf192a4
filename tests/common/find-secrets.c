/* find-secrets.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "find-secrets"

#include "config.h"

#include <stdlib.h>

#include "onramp-test-secrets.h"

/* The secrets search of tests/common/onramp-test-secrets.c for shell
 * tests (tests/cli/test-secrets.sh):
 *
 *   find-secrets SECRETS-FILE PATH…          files under each PATH
 *   find-secrets SECRETS-FILE --processes [--exempt-environ PID]
 *                                            every process's cmdline and
 *                                            environ (but PID's environ)
 *
 * SECRETS-FILE holds one secret a line, so that no secret is ever on a
 * command line. Prints each place that holds a secret (never the secret),
 * one a line; exits 0 whether or not any was found, 2 on a usage error. */

static GPtrArray *
read_secrets (const char *path)
{
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("find-secrets: %s\n", error->message);
      exit (2);
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      onramp_test_remember_secret (secrets, lines[i]);

  return g_steal_pointer (&secrets);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) secrets = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *exempt = NULL;

  if (argc < 3)
    {
      g_printerr ("usage: find-secrets SECRETS-FILE PATH… | --processes [--exempt-environ PID]\n");
      return 2;
    }

  secrets = read_secrets (argv[1]);
  if (g_str_equal (argv[2], "--processes"))
    {
      if (argc == 5 && g_str_equal (argv[3], "--exempt-environ"))
        exempt = g_strdup_printf ("/proc/%s/environ", argv[4]);
      else if (argc != 3)
        {
          g_printerr ("usage: find-secrets SECRETS-FILE --processes [--exempt-environ PID]\n");
          return 2;
        }
      onramp_test_scan_processes (secrets, hits);
    }
  else
    {
      for (int i = 2; i < argc; i++)
        onramp_test_scan_tree (secrets, argv[i], hits);
    }

  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (g_ptr_array_index (hits, i), exempt) != 0)
      g_print ("%s\n", (const char *)g_ptr_array_index (hits, i));

  return 0;
}

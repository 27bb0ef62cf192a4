/* main.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "onramp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OnrampApplication) app = NULL;
  const char *localedir = g_getenv ("ONRAMP_LOCALEDIR");

  /* build-aux/run points this at the build tree's translations */
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = onramp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

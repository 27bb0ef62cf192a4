/* onramp-cli.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "onramp-customer.h"
#include "onramp-validator.h"

/* onramp-cli: the same core as the window, for scripts and bulk work.
 * Exit codes: 0 success, 1 the input has errors, 2 usage or unreadable input.
 */

static int
onramp_cli_usage (void)
{
  g_printerr ("%s\n", _("Usage: onramp-cli COMMAND [ARGUMENTS…]\n"
                        "\n"
                        "Commands:\n"
                        "  check-name NAME   Check a company legal name as the window does\n"
                        "  version           Show the version"));
  return 2;
}

static int
onramp_cli_check_name (const char *name)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);

  onramp_validator_check_company_name (validator, name, issues);

  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      g_print ("%s: %s: %s\n",
               onramp_severity_to_string (onramp_issue_get_severity (issue)),
               onramp_issue_get_code (issue),
               onramp_issue_get_message (issue));
      if (onramp_issue_get_suggestion (issue))
        /* Translators: %s is a suggested replacement for what the user typed */
        g_print (_("  Suggestion: %s\n"), onramp_issue_get_suggestion (issue));
    }

  return onramp_issues_have_errors (issues) ? 1 : 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ONRAMP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return onramp_cli_usage ();

  if (g_str_equal (argv[1], "version") || g_str_equal (argv[1], "--version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_str_equal (argv[1], "check-name") && argc == 3)
    return onramp_cli_check_name (argv[2]);

  return onramp_cli_usage ();
}

/* onramp-cli.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "onramp-auth.h"
#include "onramp-csv.h"
#include "onramp-customer.h"
#include "onramp-demo-server.h"
#include "onramp-draft-store.h"
#include "onramp-error.h"
#include "onramp-outbox.h"
#include "onramp-partner-client.h"
#include "onramp-submit.h"
#include "onramp-validator.h"
#include "onramp-wire.h"

/* onramp-cli: the same core as the window, for scripts and bulk work.
 * Exit codes: 0 no errors (warnings allowed), 1 the input has errors,
 * 2 usage errors and input that cannot be read or parsed.
 */

enum {
  EXIT_CLEAN = 0,
  EXIT_HAS_ERRORS = 1,
  EXIT_UNREADABLE = 2,
};

/* A customer file is a few kilobytes; anything far beyond is not one, and
 * reading it whole would only cost memory. */
#define MAX_INPUT_SIZE_MIB 16
#define MAX_INPUT_SIZE (MAX_INPUT_SIZE_MIB * 1024 * 1024)

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
} OutputFormat;

static const char *
usage_text (void)
{
  return _("Usage:\n"
           "  onramp-cli COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "Check customer records for Microsoft Partner Center as the Onramp window does.\n"
           "\n"
           "Commands:\n"
           "  validate [--format=text|json] FILE…   Check customer files in Partner Center JSON\n"
           "                                        (“-” reads standard input)\n"
           "  check-name NAME                       Check a company legal name\n"
           "  submit [--api-url=URL] FILE           Create the customer in Partner Center\n"
           "                                        (token in ONRAMP_ACCESS_TOKEN)\n"
           "  demo-server [--faults=SPEC]           Run the local Partner Center emulator;\n"
           "                                        prints its URL= and TOKEN= lines\n"
           "  drafts list [--format=text|json]      List the drafts, newest change first\n"
           "  drafts show ID                        Show a draft\n"
           "  drafts export [FILE|-]                Write every draft as CSV\n"
           "  import [--ready] FILE.csv             Make one draft per CSV row; rows with\n"
           "                                        errors are kept, marked needs-attention\n"
           "  outbox run [--api-url=URL]            Submit every ready draft\n"
           "                                        (token in ONRAMP_ACCESS_TOKEN)\n"
           "  version                               Show the version\n"
           "  help                                  Show this help\n"
           "\n"
           "Run “onramp-cli COMMAND --help” for the options of a command.\n"
           "\n"
           "Exit status: 0 when nothing blocks the customer (warnings are allowed),\n"
           "1 when there are errors, 2 when a file cannot be read or the command line\n"
           "is wrong.");
}

static int
onramp_cli_usage_error (void)
{
  g_printerr ("%s\n", usage_text ());
  return EXIT_UNREADABLE;
}

/* GOptionContext prints "Usage: PRGNAME [OPTION…]"; the command belongs in it */
static char **
command_argv (const char *command,
              int         argc,
              char       *argv[])
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *name = g_strdup_printf ("onramp-cli %s", command);
  char **result;

  g_strv_builder_add (builder, name);
  for (int i = 2; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

static gboolean
read_stdin (GBytes  **bytes,
            GError  **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[8192];
  size_t n_read;

  while ((n_read = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      if (data->len + n_read > MAX_INPUT_SIZE)
        {
          g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                       /* Translators: %u is a size in MiB */
                       ngettext ("Larger than %u MiB, too large for a customer",
                                 "Larger than %u MiB, too large for a customer", MAX_INPUT_SIZE_MIB),
                       MAX_INPUT_SIZE_MIB);
          return FALSE;
        }
      g_byte_array_append (data, buffer, n_read);
    }

  if (ferror (stdin))
    {
      g_set_error_literal (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                           _("Could not read standard input"));
      return FALSE;
    }

  *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

  return TRUE;
}

static gboolean
read_input (const char  *path,
            GBytes     **bytes,
            GError     **error)
{
  GStatBuf info;
  char *contents = NULL;
  gsize length = 0;

  if (g_str_equal (path, "-"))
    return read_stdin (bytes, error);

  /* A failed stat is left for g_file_get_contents() to explain */
  if (g_stat (path, &info) == 0 && info.st_size > MAX_INPUT_SIZE)
    {
      g_set_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA,
                   /* Translators: %u is a size in MiB */
                   ngettext ("Larger than %u MiB, too large for a customer",
                             "Larger than %u MiB, too large for a customer", MAX_INPUT_SIZE_MIB),
                   MAX_INPUT_SIZE_MIB);
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  *bytes = g_bytes_new_take (contents, length);

  return TRUE;
}

static const char *
display_name (const char *path)
{
  /* Translators: stands for the file name when the customer comes from a pipe */
  return g_str_equal (path, "-") ? _("(standard input)") : path;
}

static const char *
severity_label (OnrampSeverity severity)
{
  /* Translators: an issue's severity, printed as “FILE: error: MESSAGE [code]”;
   * the same comment applies to “warning” */
  return severity == ONRAMP_SEVERITY_ERROR ? _("error") : _("warning");
}

/* An issue as text for people: "FILE: FIELD: SEVERITY: MESSAGE [CODE]",
 * then its suggestion, if any, on a line of its own */
static char *
issue_text (const char  *path,
            OnrampIssue *issue)
{
  const char *pointer = onramp_issue_get_pointer (issue);
  const char *suggestion = onramp_issue_get_suggestion (issue);
  GString *text = g_string_new (NULL);

  if (pointer[0] != '\0')
    g_string_append_printf (text, "%s: %s: %s: %s [%s]\n", display_name (path), pointer,
                            severity_label (onramp_issue_get_severity (issue)),
                            onramp_issue_get_message (issue), onramp_issue_get_code (issue));
  else
    g_string_append_printf (text, "%s: %s: %s [%s]\n", display_name (path),
                            severity_label (onramp_issue_get_severity (issue)),
                            onramp_issue_get_message (issue), onramp_issue_get_code (issue));

  if (suggestion != NULL)
    /* Translators: %s is a suggested replacement for what the user typed */
    g_string_append_printf (text, _("  Suggestion: %s\n"), suggestion);

  return g_string_free (text, FALSE);
}

static void
print_issue_text (const char  *path,
                  OnrampIssue *issue)
{
  g_autofree char *text = issue_text (path, issue);

  g_print ("%s", text);
}

/* One object per line, keys in a fixed order, so `jq -c` and `grep` both work */
static void
print_issue_json (const char  *path,
                  OnrampIssue *issue)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *line = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, onramp_issue_get_pointer (issue));
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, onramp_severity_to_string (onramp_issue_get_severity (issue)));
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, onramp_issue_get_code (issue));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, onramp_issue_get_message (issue));
  if (onramp_issue_get_suggestion (issue) != NULL)
    {
      json_builder_set_member_name (builder, "suggestion");
      json_builder_add_string_value (builder, onramp_issue_get_suggestion (issue));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  g_print ("%s\n", line);
}

static int
validate_one (OnrampValidator *validator,
              const char      *path,
              OutputFormat     format)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  gsize size = 0;
  const char *data;

  if (!read_input (path, &bytes, &error))
    {
      g_printerr ("onramp-cli: %s: %s\n", display_name (path), error->message);
      return EXIT_UNREADABLE;
    }

  data = g_bytes_get_data (bytes, &size);
  customer = onramp_wire_customer_from_data (size > 0 ? data : "", size, &error);
  if (customer == NULL)
    {
      g_printerr ("onramp-cli: %s: %s\n", display_name (path), error->message);
      return EXIT_UNREADABLE;
    }

  issues = onramp_validator_validate_resource (validator, customer);

  for (guint i = 0; i < issues->len; i++)
    {
      if (format == FORMAT_JSON)
        print_issue_json (path, g_ptr_array_index (issues, i));
      else
        print_issue_text (path, g_ptr_array_index (issues, i));
    }

  if (format == FORMAT_TEXT && issues->len == 0)
    /* Translators: %s is a file name */
    g_print (_("%s: no problems found\n"), display_name (path));

  return onramp_issues_have_errors (issues) ? EXIT_HAS_ERRORS : EXIT_CLEAN;
}

static int
onramp_cli_validate (int   argc,
                     char *argv[])
{
  g_autofree char *format_name = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("How to print the issues: “text” for people (the default) or “json”, one object per line"),
      /* Translators: the placeholder for --format's value in --help */
      N_("FORMAT") },
    /* Translators: the placeholder for the file names in --help; keep it as in the usage text */
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(OnrampValidator) validator = NULL;
  g_auto(GStrv) args = command_argv ("validate", argc, argv);
  g_autoptr(GError) error = NULL;
  OutputFormat format = FORMAT_TEXT;
  int status = EXIT_CLEAN;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Check customer records, each a Partner Center Customer resource in JSON\n"
                                  "(any key case), with optional “agreement” and “cart” objects.\n"
                                  "A FILE of “-” reads standard input."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when no file has errors (warnings are allowed),\n"
                                      "1 when any file has errors, 2 when a file cannot be read or parsed."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("onramp-cli validate: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (format_name == NULL || g_str_equal (format_name, "text"))
    format = FORMAT_TEXT;
  else if (g_str_equal (format_name, "json"))
    format = FORMAT_JSON;
  else
    {
      /* Translators: %s is what the user gave as --format; keep “text” and “json” as they are */
      g_printerr (_("onramp-cli validate: unknown format “%s”; use “text” or “json”\n"), format_name);
      return EXIT_UNREADABLE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("%s\n", _("onramp-cli validate: no file given; use “-” to read standard input"));
      return EXIT_UNREADABLE;
    }

  validator = onramp_validator_new ();
  for (guint i = 0; files[i] != NULL; i++)
    {
      int file_status = validate_one (validator, files[i], format);

      status = MAX (status, file_status);
    }

  return status;
}

static int
onramp_cli_check_name (int   argc,
                       char *argv[])
{
  g_auto(GStrv) names = NULL;
  const GOptionEntry entries[] = {
    /* Translators: the placeholder for a company name in --help; keep it as in the usage text */
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &names, NULL, N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
  g_auto(GStrv) args = command_argv ("check-name", argc, argv);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Check a company legal name as the window does."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("onramp-cli check-name: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (names == NULL || names[0] == NULL || names[1] != NULL)
    {
      g_printerr ("%s\n", _("onramp-cli check-name: give exactly one NAME (quote it when it has spaces)"));
      return EXIT_UNREADABLE;
    }

  onramp_validator_check_company_name (validator, names[0], issues);

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

  return onramp_issues_have_errors (issues) ? EXIT_HAS_ERRORS : EXIT_CLEAN;
}

/* submit */

/* A line result's member; the state may come from a damaged file */
static const char *
line_string (JsonObject *line,
             const char *member)
{
  JsonNode *node = line != NULL ? json_object_get_member (line, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

/* Each step that ran or was skipped, one line each on stderr: standard
 * output is for the customer JSON alone */
static void
print_step_records (OnrampSubmission *submission)
{
  g_autoptr(GPtrArray) records = onramp_submission_get_step_records (submission);
  JsonArray *lines = onramp_submission_get_line_results (submission);

  for (guint i = 0; i < records->len; i++)
    {
      OnrampSubmitRecord *record = g_ptr_array_index (records, i);

      if (record->state == ONRAMP_SUBMIT_STATE_PENDING)
        continue;
      if (record->state == ONRAMP_SUBMIT_STATE_FAILED)
        /* Translators: the first %s is a step such as “Address check”, the second why it failed */
        g_printerr (_("onramp-cli submit: %s: failed: %s\n"), onramp_submit_step_get_label (record->step), record->message);
      else
        /* Translators: the first %s is a step such as “Address check”, the second its result */
        g_printerr (_("onramp-cli submit: %s: %s\n"), onramp_submit_step_get_label (record->step), record->message);
    }

  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonNode *node = json_array_get_element (lines, i);
      JsonObject *line = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *catalog_item_id = line_string (line, "catalogItemId");
      const char *state = line_string (line, "state");

      if (g_strcmp0 (state, "ordered") == 0)
        /* Translators: %u is a subscription's line number, the first %s its catalog item id, the second an order id */
        g_printerr (_("  line %u (%s): ordered, order %s\n"), i, catalog_item_id, line_string (line, "orderId"));
      else if (g_strcmp0 (state, "failed") != 0)
        /* Translators: %u is a subscription's line number, the first %s its catalog item id, the second where its order is */
        g_printerr (_("  line %u (%s): %s\n"), i, catalog_item_id, line_string (line, "message"));
      else
        /* Translators: %u is a subscription's line number, the first %s its catalog item id, the second why it was not ordered */
        g_printerr (_("  line %u (%s): not ordered: %s\n"), i, catalog_item_id, line_string (line, "message"));
    }
}

static const char *
or_none (const char *text)
{
  /* Translators: stands for a request id or code the service did not send */
  return text != NULL && *text != '\0' ? text : _("(none)");
}

/* What a support ticket needs of a refusal */
static void
print_submit_error_ids (const GError *error)
{
  if (error->domain != ONRAMP_SERVICE_ERROR)
    return;

  /* Translators: %u is the HTTP status code of Partner Center's answer, such as 400 */
  g_printerr (_("  HTTP status: %u\n"), onramp_service_error_get_http_status (error));
  /* Translators: %s is Partner Center's error code, such as 27002 */
  g_printerr (_("  Service code: %s\n"), or_none (onramp_service_error_get_service_code (error)));
  /* Translators: %s is the MS-RequestId, to quote in a support ticket */
  g_printerr (_("  Request id: %s\n"), or_none (onramp_service_error_get_request_id (error)));
  /* Translators: %s is the MS-CorrelationId, to quote in a support ticket */
  g_printerr (_("  Correlation id: %s\n"), or_none (onramp_service_error_get_correlation_id (error)));
}

static void
print_submit_error (const GError *error)
{
  g_printerr ("onramp-cli submit: %s\n", error->message);
  print_submit_error_ids (error);
}

static void
print_json_object (JsonObject *object)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static void
on_waited_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

static OnrampCustomer *
read_customer (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  OnrampCustomer *customer;
  gsize size = 0;
  const char *data;

  if (!read_input (path, &bytes, &error))
    {
      g_printerr ("onramp-cli submit: %s: %s\n", display_name (path), error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  customer = onramp_wire_customer_from_data (size > 0 ? data : "", size, &error);
  if (customer == NULL)
    g_printerr ("onramp-cli submit: %s: %s\n", display_name (path), error->message);

  return customer;
}

static OnrampPartnerClient *
submit_client (const char *command,
               const char *api_url)
{
  g_autoptr(OnrampPartnerClient) client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(GError) error = NULL;
  const char *token = onramp_auth_get_environment_token ();

  if (token == NULL)
    {
      /* Translators: %s is the command, such as “onramp-cli submit” */
      g_printerr (_("%s: no access token. Set ONRAMP_ACCESS_TOKEN to a Partner Center\n"
                    "access token (App+User); onramp-cli does not use the window’s keyring sign-in yet.\n"),
                  command);
      return NULL;
    }

  if (api_url != NULL && !onramp_partner_client_set_base_url (client, api_url, &error))
    {
      g_printerr ("%s: %s\n", command, error->message);
      return NULL;
    }

  onramp_partner_client_set_access_token (client, token);

  return g_steal_pointer (&client);
}

/* 0 when everything is done and every line ordered; 1 when the record has
 * errors, Partner Center refused a step, or some lines were not ordered */
static int
report_submission (OnrampSubmission *submission,
                   const char       *path,
                   JsonObject       *customer,
                   const GError     *error)
{
  GPtrArray *issues = onramp_submission_get_issues (submission);
  JsonObject *created = onramp_submission_get_created_customer (submission);

  /* Standard output is for the customer JSON alone */
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    {
      g_autofree char *text = issue_text (path, g_ptr_array_index (issues, i));

      g_printerr ("%s", text);
    }

  print_step_records (submission);

  if (customer == NULL)
    {
      /* Created in this run, then a later step failed: the one-time
       * password is in this answer and nowhere else */
      if (created != NULL)
        print_json_object (created);
      print_submit_error (error);
      return EXIT_HAS_ERRORS;
    }

  print_json_object (customer);

  return onramp_submission_count_unordered_lines (submission) > 0 ? EXIT_HAS_ERRORS : EXIT_CLEAN;
}

static int
onramp_cli_submit (int   argc,
                   char *argv[])
{
  g_autofree char *api_url = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "api-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &api_url,
      N_("Partner Center’s address (default: the commercial cloud); http only on loopback"), N_("URL") },
    /* Translators: the placeholder for the file name in --help; keep it as in the usage text */
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = command_argv ("submit", argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(OnrampSubmission) submission = NULL;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(JsonObject) created = NULL;
  Waiter waiter = { NULL, NULL };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Create the customer of FILE in Partner Center: local checks, address check,\n"
                                  "domain check, the creation, then, when FILE has them, the Microsoft Customer\n"
                                  "Agreement confirmation and the order of its “cart” lines, and last the account\n"
                                  "verification status. The access token is read from ONRAMP_ACCESS_TOKEN.\n"
                                  "Each submission is kept under $XDG_DATA_HOME/onramp/submissions, so running it\n"
                                  "again after a failure or a crash goes on where it stopped and never creates\n"
                                  "anything twice."));
  g_option_context_set_description (context,
                                    _("Prints each step’s result on standard error and the created customer as JSON\n"
                                      "on standard output, with its one-time admin password: note it now, it is\n"
                                      "stored nowhere.\n"
                                      "Exit status: 0 when every step is done, 1 when the record has errors, Partner\n"
                                      "Center refused a step or some lines were not ordered, 2 when the file cannot\n"
                                      "be read or no token is set."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("onramp-cli submit: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr ("%s\n", _("onramp-cli submit: give exactly one FILE"));
      return EXIT_UNREADABLE;
    }

  customer = read_customer (files[0]);
  if (customer == NULL)
    return EXIT_UNREADABLE;

  submission = onramp_submission_new (customer);
  if (!onramp_submission_load (submission, &error))
    {
      g_printerr ("onramp-cli submit: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (onramp_submission_is_done (submission))
    {
      g_printerr ("%s\n", _("onramp-cli submit: this customer was already created; nothing was sent"));
      print_step_records (submission);
      print_json_object (onramp_submission_get_stored_result (submission));
      return onramp_submission_count_unordered_lines (submission) > 0 ? EXIT_HAS_ERRORS : EXIT_CLEAN;
    }

  client = submit_client ("onramp-cli submit", api_url);
  if (client == NULL)
    return EXIT_UNREADABLE;

  loop = g_main_loop_new (NULL, FALSE);
  waiter.loop = loop;
  onramp_submission_run_async (submission, client, NULL, on_waited_cb, &waiter);
  g_main_loop_run (loop);

  created = onramp_submission_run_finish (submission, waiter.result, &error);
  g_object_unref (waiter.result);

  return report_submission (submission, files[0], created, error);
}

/* demo-server */

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

static int
onramp_cli_demo_server (int   argc,
                        char *argv[])
{
  g_autofree char *faults = NULL;
  const GOptionEntry entries[] = {
    { "faults", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &faults,
      N_("Faults to inject, such as “POST /v1/customers=drop*1;/v1/products*=latency:800”"),
      /* Translators: the placeholder for --faults' value (a fault specification) in --help */
      N_("SPEC") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = command_argv ("demo-server", argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDemoServer) server = onramp_demo_server_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *token = g_uuid_string_random ();
  guint sigterm_id;
  guint sigint_id;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Run the local Partner Center emulator on 127.0.0.1 until interrupted.\n"
                                  "Prints “URL=…” and “TOKEN=…” lines to use with\n"
                                  "“ONRAMP_ACCESS_TOKEN=… onramp-cli submit --api-url=…”, and on exit\n"
                                  "a “CUSTOMERS=N” line with the number of customers it holds."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("onramp-cli demo-server: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (faults != NULL && !onramp_demo_server_set_faults (server, faults, &error))
    {
      g_printerr ("onramp-cli demo-server: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  if (!onramp_demo_server_start (server, &error))
    {
      g_printerr ("onramp-cli demo-server: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  onramp_demo_server_add_access_token (server, token);
  g_print ("URL=%s\nTOKEN=%s\n", onramp_demo_server_get_url (server), token);
  fflush (stdout);

  sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal_cb, loop);
  sigint_id = g_unix_signal_add (SIGINT, on_quit_signal_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);

  onramp_demo_server_stop (server);
  g_print ("CUSTOMERS=%u\n", onramp_demo_server_get_n_customers (server));

  return EXIT_CLEAN;
}

/* Drafts: the same store as the window, in $XDG_DATA_HOME/onramp/drafts */

static char **
subcommand_argv (const char *name,
                 int         first,
                 int         argc,
                 char       *argv[])
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *program = g_strdup_printf ("onramp-cli %s", name);
  char **result;

  g_strv_builder_add (builder, program);
  for (int i = first; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

static OnrampDraftStore *
open_draft_store (void)
{
  g_autoptr(OnrampDraftStore) store = onramp_draft_store_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *quarantined;

  if (!onramp_draft_store_load (store, NULL, &error))
    {
      g_printerr ("onramp-cli: %s\n", error->message);
      return NULL;
    }

  quarantined = onramp_draft_store_get_quarantined (store);
  for (guint i = 0; i < quarantined->len; i++)
    {
      OnrampQuarantinedDraft *entry = g_ptr_array_index (quarantined, i);

      /* Translators: the first %s is a file name, the second where it was moved, the third why */
      g_printerr (_("onramp-cli: the draft %s cannot be read and was moved to %s: %s\n"),
                  entry->file_name, entry->path, entry->reason);
    }

  return g_steal_pointer (&store);
}

static char *
format_modified (OnrampDraft *draft)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (onramp_draft_get_modified (draft));

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
print_draft_json (OnrampDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *modified = g_date_time_format_iso8601 (onramp_draft_get_modified (draft));
  g_autofree char *line = NULL;
  const char *name = onramp_customer_get_field (onramp_draft_get_customer (draft),
                                                ONRAMP_FIELD_COMPANY_NAME);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, onramp_draft_get_id (draft));
  json_builder_set_member_name (builder, "companyName");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "country");
  json_builder_add_string_value (builder, onramp_draft_get_country (draft));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, onramp_draft_status_to_string (onramp_draft_get_status (draft)));
  if (onramp_draft_get_status_reason (draft) != NULL)
    {
      json_builder_set_member_name (builder, "statusReason");
      json_builder_add_string_value (builder, onramp_draft_get_status_reason (draft));
    }
  json_builder_set_member_name (builder, "modified");
  json_builder_add_string_value (builder, modified);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);
  g_print ("%s\n", line);
}

static void
print_draft_text (OnrampDraft *draft)
{
  g_autofree char *modified = format_modified (draft);
  const char *country = onramp_draft_get_country (draft);

  g_print ("%s  %-15s  %s  %-2s  %s\n", onramp_draft_get_id (draft),
           onramp_draft_status_to_string (onramp_draft_get_status (draft)), modified,
           country[0] != '\0' ? country : "--", onramp_draft_get_title (draft));
}

static int
onramp_cli_drafts_list (int   argc,
                        char *argv[])
{
  g_autofree char *format_name = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_name,
      N_("How to print the drafts: “text” for people (the default) or “json”, one object per line"),
      N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = subcommand_argv ("drafts list", 3, argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraftStore) store = NULL;
  GListModel *drafts;
  gboolean json;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("List the drafts, the most recently changed first: id, status,\n"
                                  "last change, country and company legal name."));

  if (!g_option_context_parse_strv (context, &args, &error) || g_strv_length (args) > 1)
    {
      g_printerr ("onramp-cli drafts list: %s\n", error ? error->message : _("Too many arguments"));
      return EXIT_UNREADABLE;
    }

  if (format_name != NULL && !g_str_equal (format_name, "text") && !g_str_equal (format_name, "json"))
    {
      /* Translators: %s is what the user gave as --format */
      g_printerr (_("onramp-cli drafts list: unknown format “%s” (use “text” or “json”)\n"), format_name);
      return EXIT_UNREADABLE;
    }
  json = format_name != NULL && g_str_equal (format_name, "json");

  store = open_draft_store ();
  if (store == NULL)
    return EXIT_UNREADABLE;

  drafts = onramp_draft_store_get_drafts (store);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      if (json)
        print_draft_json (draft);
      else
        print_draft_text (draft);
    }

  if (!json && g_list_model_get_n_items (drafts) == 0)
    g_print ("%s\n", _("No drafts"));

  return EXIT_CLEAN;
}

/* An id or an unambiguous beginning of one, as git takes hashes */
static OnrampDraft *
find_draft (OnrampDraftStore *store,
            const char       *id)
{
  GListModel *drafts = onramp_draft_store_get_drafts (store);
  OnrampDraft *found = onramp_draft_store_lookup (store, id);

  if (found != NULL)
    return found;

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      if (!g_str_has_prefix (onramp_draft_get_id (draft), id))
        continue;
      if (found != NULL)
        {
          /* Translators: %s is the beginning of a draft id the user typed */
          g_printerr (_("onramp-cli: “%s” matches more than one draft\n"), id);
          return NULL;
        }
      found = draft;
    }

  if (found == NULL)
    /* Translators: %s is the draft id the user typed */
    g_printerr (_("onramp-cli: no draft “%s”\n"), id);

  return found;
}

static int
onramp_cli_drafts_show (int   argc,
                        char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_auto(GStrv) args = subcommand_argv ("drafts show", 3, argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *text = NULL;
  OnrampDraft *draft;
  const char *reason;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show one draft: its status and the customer in Partner Center JSON."));

  if (!g_option_context_parse_strv (context, &args, &error) || g_strv_length (args) != 2)
    {
      g_printerr ("onramp-cli drafts show: %s\n", error ? error->message : _("Give one draft id"));
      return EXIT_UNREADABLE;
    }

  store = open_draft_store ();
  if (store == NULL)
    return EXIT_UNREADABLE;

  draft = find_draft (store, args[1]);
  if (draft == NULL)
    return EXIT_UNREADABLE;

  modified = format_modified (draft);
  reason = onramp_draft_get_status_reason (draft);
  /* Translators: labels of a draft's details; keep them short. %s is the draft's id */
  g_print (_("Id: %s\n"), onramp_draft_get_id (draft));
  /* Translators: %s is the company name, or “Untitled customer” */
  g_print (_("Title: %s\n"), onramp_draft_get_title (draft));
  /* Translators: %s is a status such as “Ready” or “Needs attention” */
  g_print (_("Status: %s\n"), onramp_draft_status_get_label (onramp_draft_get_status (draft)));
  if (reason != NULL)
    /* Translators: %s is why a draft needs attention */
    g_print (_("Reason: %s\n"), reason);
  /* Translators: %s is a date and time */
  g_print (_("Last change: %s\n"), modified);

  text = onramp_wire_customer_to_data (onramp_draft_get_customer (draft), NULL);
  g_print ("%s\n", text);

  return EXIT_CLEAN;
}

static int
onramp_cli_drafts_export (int   argc,
                          char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE|-]"));
  g_auto(GStrv) args = subcommand_argv ("drafts export", 3, argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autoptr(GListStore) customers = g_list_store_new (ONRAMP_TYPE_CUSTOMER);
  g_autofree char *csv = NULL;
  const char *path;
  GListModel *drafts;
  gsize length = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Write every draft's customer as CSV, in the form “onramp-cli import” reads,\n"
                                  "to FILE or, with “-” or no file, to standard output."));

  if (!g_option_context_parse_strv (context, &args, &error) || g_strv_length (args) > 2)
    {
      g_printerr ("onramp-cli drafts export: %s\n", error ? error->message : _("Too many arguments"));
      return EXIT_UNREADABLE;
    }
  path = args[1] != NULL ? args[1] : "-";

  store = open_draft_store ();
  if (store == NULL)
    return EXIT_UNREADABLE;

  drafts = onramp_draft_store_get_drafts (store);
  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      g_list_store_append (customers, onramp_draft_get_customer (draft));
    }

  csv = onramp_csv_export (G_LIST_MODEL (customers), &length);
  if (g_str_equal (path, "-"))
    {
      if (fwrite (csv, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("onramp-cli drafts export: %s\n", _("Could not write to standard output"));
          return EXIT_UNREADABLE;
        }
      return EXIT_CLEAN;
    }

  /* Customer lists hold personal data: the file is the user's alone */
  if (!g_file_set_contents_full (path, csv, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_printerr ("onramp-cli drafts export: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  return EXIT_CLEAN;
}

static int
onramp_cli_drafts (int   argc,
                   char *argv[])
{
  const char *subcommand = argc > 2 ? argv[2] : NULL;

  if (g_strcmp0 (subcommand, "list") == 0)
    return onramp_cli_drafts_list (argc, argv);
  if (g_strcmp0 (subcommand, "show") == 0)
    return onramp_cli_drafts_show (argc, argv);
  if (g_strcmp0 (subcommand, "export") == 0)
    return onramp_cli_drafts_export (argc, argv);

  g_printerr ("%s\n", _("Usage: onramp-cli drafts list [--format=text|json] | show ID | export [FILE|-]"));

  return EXIT_UNREADABLE;
}

/* Import: one draft per CSV row, nothing dropped */

static char *
describe_errors (GPtrArray *issues)
{
  g_autoptr(GString) reason = g_string_new (NULL);

  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      if (onramp_issue_get_severity (issue) != ONRAMP_SEVERITY_ERROR)
        continue;
      if (reason->len > 0)
        g_string_append (reason, "; ");
      g_string_append (reason, onramp_issue_get_message (issue));
    }

  return g_string_free (g_steal_pointer (&reason), FALSE);
}

static void
print_row_report (guint           row,
                  OnrampCustomer *customer,
                  GPtrArray      *issues)
{
  const char *name = onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME);
  g_autofree char *row_label = NULL;

  /* Translators: %u is a row number in the CSV file */
  row_label = g_strdup_printf (_("row %u"), row);
  /* Translators: stands for an empty company name in the import report */
  g_print ("%s: %s: ", row_label, name[0] != '\0' ? name : _("(no name)"));

  if (issues->len == 0)
    {
      g_print ("%s\n", _("ok"));
      return;
    }

  g_print ("%s\n", onramp_issues_have_errors (issues) ? _("needs attention") : _("ok, with warnings"));
  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      g_print ("  %s: %s: %s [%s]\n", onramp_issue_get_pointer (issue),
               severity_label (onramp_issue_get_severity (issue)),
               onramp_issue_get_message (issue), onramp_issue_get_code (issue));
    }
}

/* A command's closing line: two counts, each already in its plural form */
static void
print_summary (const char *first,
               const char *second)
{
  /* Translators: a summary of two counts, as in "4 drafts created, 1 needs attention" */
  g_print (C_("summary", "%s, %s\n"), first, second);
}

static int
onramp_cli_import (int   argc,
                   char *argv[])
{
  gboolean ready = FALSE;
  const GOptionEntry entries[] = {
    { "ready", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &ready,
      N_("Mark the rows without errors ready, so the outbox submits them"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE.csv"));
  g_auto(GStrv) args = command_argv ("import", argc, argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(OnrampCsvImport) import = NULL;
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autofree char *created = NULL;
  g_autofree char *attention = NULL;
  guint n_attention = 0;
  const char *data;
  gsize size = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Make one draft per row of a CSV file whose header row names the columns:\n"
                                  "companyName, domain, email, culture, language, firstName, middleName,\n"
                                  "lastName, addressLine1, addressLine2, city, state, postalCode, country,\n"
                                  "phoneNumber, organizationRegistrationNumber (any order).\n"
                                  "A row with errors becomes a draft that needs attention.\n"
                                  "Exit status: 0 all rows valid, 1 some need attention, 2 unreadable file."));

  if (!g_option_context_parse_strv (context, &args, &error) || g_strv_length (args) != 2)
    {
      g_printerr ("onramp-cli import: %s\n", error ? error->message : _("Give one CSV file"));
      return EXIT_UNREADABLE;
    }

  if (!read_input (args[1], &bytes, &error))
    {
      g_printerr ("onramp-cli import: %s: %s\n", display_name (args[1]), error->message);
      return EXIT_UNREADABLE;
    }

  data = g_bytes_get_data (bytes, &size);
  import = onramp_csv_import (size > 0 ? data : "", size, &error);
  if (import == NULL)
    {
      g_printerr ("onramp-cli import: %s: %s\n", display_name (args[1]), error->message);
      return EXIT_UNREADABLE;
    }

  for (guint i = 0; import->unknown_columns[i] != NULL; i++)
    /* Translators: %s is a column name from the CSV header row */
    g_printerr (_("onramp-cli import: ignoring the unknown column “%s”\n"), import->unknown_columns[i]);

  store = open_draft_store ();
  if (store == NULL)
    return EXIT_UNREADABLE;

  for (guint i = 0; i < import->customers->len; i++)
    {
      OnrampCustomer *customer = g_ptr_array_index (import->customers, i);
      /* A CSV row has no agreement columns: the agreement is confirmed in
       * the window, so a row is not missing it */
      g_autoptr(GPtrArray) issues = onramp_validator_validate_resource (validator, customer);
      OnrampDraft *draft = onramp_draft_store_create (store, customer);

      if (onramp_issues_have_errors (issues))
        {
          g_autofree char *reason = describe_errors (issues);

          onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION, reason);
          n_attention++;
        }
      else if (ready)
        onramp_draft_set_status (draft, ONRAMP_DRAFT_STATUS_READY, NULL);

      print_row_report (g_array_index (import->rows, guint, i), customer, issues);
    }

  if (!onramp_draft_store_flush (store, &error))
    {
      g_printerr ("onramp-cli import: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  /* Translators: the first half of "4 drafts created, 1 needs attention"; %u is a number of drafts */
  created = g_strdup_printf (ngettext ("%u draft created", "%u drafts created", import->customers->len),
                             import->customers->len);
  /* Translators: the second half of "4 drafts created, 1 needs attention"; %u is a number of drafts */
  attention = g_strdup_printf (ngettext ("%u needs attention", "%u need attention", n_attention), n_attention);
  print_summary (created, attention);

  return n_attention > 0 ? EXIT_HAS_ERRORS : EXIT_CLEAN;
}

/* outbox run */

static void
on_outbox_submitted_cb (OnrampOutbox *outbox,
                        OnrampDraft  *draft,
                        JsonObject   *customer)
{
  const char *id = json_object_get_string_member_with_default (customer, "id", "");
  JsonNode *credentials = json_object_get_member (customer, "userCredentials");

  /* Translators: the first %s is a company name, the second its new customer id */
  g_print (_("%s: submitted (customer %s)\n"), onramp_draft_get_title (draft), id);

  /* Only on this run's standard output: a draft never holds it */
  if (credentials != NULL && JSON_NODE_HOLDS_OBJECT (credentials) &&
      json_object_get_string_member_with_default (json_node_get_object (credentials), "password", NULL) != NULL)
    /* Translators: %s is the new tenant's one-time admin password */
    g_print (_("  One-time admin password, shown only now: %s\n"),
             json_object_get_string_member (json_node_get_object (credentials), "password"));
}

static void
on_outbox_failed_cb (OnrampOutbox *outbox,
                     OnrampDraft  *draft,
                     GError       *error)
{
  if (onramp_draft_get_status (draft) == ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION)
    /* Translators: the first %s is a company name, the second why it was not submitted */
    g_print (_("%s: needs attention: %s\n"), onramp_draft_get_title (draft), error->message);
  else
    /* Translators: the first %s is a company name, the second why it was not submitted */
    g_print (_("%s: not submitted yet, still in the outbox: %s\n"), onramp_draft_get_title (draft), error->message);

  print_submit_error_ids (error);
}

static int
onramp_cli_outbox_run (int   argc,
                       char *argv[])
{
  g_autofree char *api_url = NULL;
  const GOptionEntry entries[] = {
    { "api-url", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &api_url,
      N_("Partner Center’s address (default: the commercial cloud); http only on loopback"), N_("URL") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = command_argv ("outbox run", argc - 1, argv + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autoptr(OnrampPartnerClient) client = NULL;
  g_autoptr(OnrampOutbox) outbox = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Waiter waiter = { NULL, NULL };
  g_autofree char *submitted = NULL;
  g_autofree char *not_submitted = NULL;
  guint n_submitted = 0;
  guint n_failed = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Submit every draft that is ready (“onramp-cli import --ready”, or Queue\n"
                                  "for submission in the window), one at a time, through the same plan as\n"
                                  "“onramp-cli submit”. A draft stopped half-way by a crash goes on where it\n"
                                  "stopped. The access token is read from ONRAMP_ACCESS_TOKEN."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when every ready draft was submitted, 1 when some were not\n"
                                      "(each is named with the reason), 2 when the drafts cannot be read or no\n"
                                      "token is set."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("onramp-cli outbox run: %s\n", error->message);
      return EXIT_UNREADABLE;
    }

  store = open_draft_store ();
  if (store == NULL)
    return EXIT_UNREADABLE;

  client = submit_client ("onramp-cli outbox run", api_url);
  if (client == NULL)
    return EXIT_UNREADABLE;

  outbox = onramp_outbox_new (store, client, NULL);
  g_signal_connect (outbox, "submitted", G_CALLBACK (on_outbox_submitted_cb), NULL);
  g_signal_connect (outbox, "failed", G_CALLBACK (on_outbox_failed_cb), NULL);

  loop = g_main_loop_new (NULL, FALSE);
  waiter.loop = loop;
  onramp_outbox_run_async (outbox, NULL, on_waited_cb, &waiter);
  g_main_loop_run (loop);
  onramp_outbox_run_finish (outbox, waiter.result, &n_submitted, &n_failed, NULL);
  g_object_unref (waiter.result);

  /* Translators: the first half of "4 customers submitted, 1 not submitted"; %u is a number of customers */
  submitted = g_strdup_printf (ngettext ("%u customer submitted", "%u customers submitted", n_submitted), n_submitted);
  /* Translators: the second half of "4 customers submitted, 1 not submitted"; %u is a number of customers */
  not_submitted = g_strdup_printf (ngettext ("%u not submitted", "%u not submitted", n_failed), n_failed);
  print_summary (submitted, not_submitted);

  return n_failed > 0 ? EXIT_HAS_ERRORS : EXIT_CLEAN;
}

static int
onramp_cli_outbox (int   argc,
                   char *argv[])
{
  if (argc >= 3 && g_str_equal (argv[2], "run"))
    return onramp_cli_outbox_run (argc, argv);

  g_printerr ("%s\n", _("onramp-cli outbox: the only command is “run”"));

  return EXIT_UNREADABLE;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ONRAMP_LOCALEDIR");
  const char *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* stdout is the output (issues, the created customer as JSON) that
   * scripts read: GLib's debug and info messages, which it would write
   * there, go to stderr with the warnings */
  g_log_writer_default_set_use_stderr (TRUE);

  if (argc < 2)
    return onramp_cli_usage_error ();

  command = argv[1];

  if (g_str_equal (command, "help") || g_str_equal (command, "--help") || g_str_equal (command, "-h"))
    {
      g_print ("%s\n", usage_text ());
      return EXIT_CLEAN;
    }

  if (g_str_equal (command, "version") || g_str_equal (command, "--version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_CLEAN;
    }

  if (g_str_equal (command, "validate"))
    return onramp_cli_validate (argc, argv);

  if (g_str_equal (command, "check-name"))
    return onramp_cli_check_name (argc, argv);

  if (g_str_equal (command, "submit"))
    return onramp_cli_submit (argc, argv);

  if (g_str_equal (command, "demo-server"))
    return onramp_cli_demo_server (argc, argv);

  if (g_str_equal (command, "drafts"))
    return onramp_cli_drafts (argc, argv);

  if (g_str_equal (command, "import"))
    return onramp_cli_import (argc, argv);

  if (g_str_equal (command, "outbox"))
    return onramp_cli_outbox (argc, argv);

  /* Translators: %s is what the user typed as the command */
  g_printerr (_("onramp-cli: unknown command “%s”\n\n"), command);

  return onramp_cli_usage_error ();
}

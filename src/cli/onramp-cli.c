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
#include "onramp-customer.h"
#include "onramp-demo-server.h"
#include "onramp-error.h"
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
#define MAX_INPUT_SIZE (16 * 1024 * 1024)

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
                       _("Larger than %u MiB, too large for a customer"), MAX_INPUT_SIZE / (1024 * 1024));
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
                   _("Larger than %u MiB, too large for a customer"), MAX_INPUT_SIZE / (1024 * 1024));
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

static void
print_issue_text (const char  *path,
                  OnrampIssue *issue)
{
  const char *pointer = onramp_issue_get_pointer (issue);
  const char *suggestion = onramp_issue_get_suggestion (issue);

  if (pointer[0] != '\0')
    g_print ("%s: %s: %s: %s [%s]\n", display_name (path), pointer,
             severity_label (onramp_issue_get_severity (issue)),
             onramp_issue_get_message (issue), onramp_issue_get_code (issue));
  else
    g_print ("%s: %s: %s [%s]\n", display_name (path),
             severity_label (onramp_issue_get_severity (issue)),
             onramp_issue_get_message (issue), onramp_issue_get_code (issue));

  if (suggestion != NULL)
    /* Translators: %s is a suggested replacement for what the user typed */
    g_print (_("  Suggestion: %s\n"), suggestion);
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

/* A Customer resource has no agreement: confirming the Microsoft Customer
 * Agreement is a separate call (partner-center-api.md §5). So a file without
 * an "agreement" object is not missing one, and is not told it is. */
static gboolean
has_agreement (OnrampCustomer *customer)
{
  static const OnrampField agreement_fields[] = {
    ONRAMP_FIELD_AGREEMENT_DATE, ONRAMP_FIELD_AGREEMENT_FIRST_NAME, ONRAMP_FIELD_AGREEMENT_LAST_NAME,
    ONRAMP_FIELD_AGREEMENT_EMAIL, ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER,
  };

  if (onramp_customer_get_agreement_accepted (customer))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (agreement_fields); i++)
    {
      if (*onramp_customer_get_field (customer, agreement_fields[i]) != '\0')
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_agreement_issue (gconstpointer issue,
                    gconstpointer unused)
{
  return g_str_has_prefix (onramp_issue_get_code (issue), "agreement.");
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

  issues = onramp_validator_validate (validator, customer);
  if (!has_agreement (customer))
    {
      guint index;

      while (g_ptr_array_find_with_equal_func (issues, NULL, is_agreement_issue, &index))
        g_ptr_array_remove_index (issues, index);
    }

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

static const char *
address_status_label (OnrampAddressStatus status)
{
  switch (status)
    {
    case ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE:
      /* Translators: this and the next labels are the result of Partner Center's
       * address check, printed after “address check: ” in lower case */
      return _("verified and deliverable");
    case ONRAMP_ADDRESS_STATUS_VERIFIED:
      return _("verified");
    case ONRAMP_ADDRESS_STATUS_INTERACTION_REQUIRED:
      return _("a suggested address differs; confirm it with the customer");
    case ONRAMP_ADDRESS_STATUS_STREET_PARTIAL:
      return _("the street is incomplete");
    case ONRAMP_ADDRESS_STATUS_PREMISES_PARTIAL:
      return _("the building or suite number is incomplete");
    case ONRAMP_ADDRESS_STATUS_MULTIPLE:
      return _("several parts are incomplete");
    case ONRAMP_ADDRESS_STATUS_NONE:
      return _("the address looks wrong");
    case ONRAMP_ADDRESS_STATUS_NOT_VALIDATED:
      /* Translators: “it” is the address */
      return _("it could not be checked");
    case ONRAMP_ADDRESS_STATUS_UNKNOWN:
    default:
      return _("an unknown answer");
    }
}

/* The address check is a pre-check (§4): anything short of verified is a
 * warning, and the creation has the final word */
static void
print_address_status (OnrampSubmission *submission)
{
  OnrampAddressStatus status = onramp_submission_get_address_status (submission);

  if (onramp_submission_get_step (submission) <= ONRAMP_SUBMIT_STEP_ADDRESS)
    return;

  if (status == ONRAMP_ADDRESS_STATUS_VERIFIED_SHIPPABLE || status == ONRAMP_ADDRESS_STATUS_VERIFIED)
    /* Translators: %s is an address check's result, such as “verified” */
    g_printerr (_("onramp-cli submit: address check: %s\n"), address_status_label (status));
  else
    /* Translators: %s is an address check's result, such as “the street is incomplete” */
    g_printerr (_("onramp-cli submit: warning: address check: %s\n"), address_status_label (status));
}

static const char *
or_none (const char *text)
{
  /* Translators: stands for a request id or code the service did not send */
  return text != NULL && *text != '\0' ? text : _("(none)");
}

static void
print_submit_error (const GError *error)
{
  g_printerr ("onramp-cli submit: %s\n", error->message);

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
on_submitted_cb (GObject      *object,
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
submit_client (const char *api_url)
{
  g_autoptr(OnrampPartnerClient) client = onramp_partner_client_new (ONRAMP_PARTNER_CLOUD_COMMERCIAL);
  g_autoptr(GError) error = NULL;
  const char *token = onramp_auth_get_environment_token ();

  if (token == NULL)
    {
      g_printerr ("%s\n", _("onramp-cli submit: no access token. Set ONRAMP_ACCESS_TOKEN to a Partner Center\n"
                            "access token (App+User); onramp-cli does not use the window’s keyring sign-in yet."));
      return NULL;
    }

  if (api_url != NULL && !onramp_partner_client_set_base_url (client, api_url, &error))
    {
      g_printerr ("onramp-cli submit: %s\n", error->message);
      return NULL;
    }

  onramp_partner_client_set_access_token (client, token);

  return g_steal_pointer (&client);
}

static int
report_submission (OnrampSubmission *submission,
                   const char       *path,
                   JsonObject       *customer,
                   const GError     *error)
{
  GPtrArray *issues = onramp_submission_get_issues (submission);

  if (issues != NULL)
    {
      for (guint i = 0; i < issues->len; i++)
        print_issue_text (path, g_ptr_array_index (issues, i));
    }

  print_address_status (submission);

  if (customer == NULL)
    {
      print_submit_error (error);
      return EXIT_HAS_ERRORS;
    }

  print_json_object (customer);

  return EXIT_CLEAN;
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
                                  "domain check, then the creation. The access token is read from ONRAMP_ACCESS_TOKEN.\n"
                                  "Each submission is kept under $XDG_DATA_HOME/onramp/submissions, so running it\n"
                                  "again after a failure or a crash never creates the customer twice."));
  g_option_context_set_description (context,
                                    _("Prints the created customer as JSON, with its one-time admin password:\n"
                                      "note it now, it is stored nowhere.\n"
                                      "Exit status: 0 when the customer exists, 1 when the record has errors or\n"
                                      "Partner Center refused it, 2 when the file cannot be read or no token is set."));

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
      print_json_object (onramp_submission_get_stored_result (submission));
      return EXIT_CLEAN;
    }

  client = submit_client (api_url);
  if (client == NULL)
    return EXIT_UNREADABLE;

  loop = g_main_loop_new (NULL, FALSE);
  waiter.loop = loop;
  onramp_submission_run_async (submission, client, NULL, on_submitted_cb, &waiter);
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

  /* Translators: %s is what the user typed as the command */
  g_printerr (_("onramp-cli: unknown command “%s”\n\n"), command);

  return onramp_cli_usage_error ();
}

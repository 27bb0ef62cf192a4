/* fuzz-wire.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-wire"

#include "config.h"

#include <stdlib.h>

#include "onramp-error.h"
#include "onramp-validator.h"
#include "onramp-wire.h"

/* libFuzzer target: whatever bytes come in, reading them as a customer must
 * either fail with ONRAMP_ERROR_INVALID_DATA or give a record that validates
 * and survives a trip through the wire form unchanged. A critical or a
 * warning is a bug too, so both abort.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_round_trip (OnrampCustomer *customer)
{
  g_autoptr(OnrampCustomer) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  text = onramp_wire_customer_to_data (customer, &length);
  again = onramp_wire_customer_from_data (text, length, &error);
  if (again == NULL)
    g_error ("Our own output does not read back: %s\n%s", error->message, text);
  if (!onramp_customer_equal (customer, again))
    g_error ("The record changed on a round trip:\n%s", text);
}

static void
validate (OnrampCustomer *customer)
{
  static OnrampValidator *validator;
  g_autoptr(GPtrArray) issues = NULL;

  if (validator == NULL)
    validator = onramp_validator_new ();

  issues = onramp_validator_validate (validator, customer);
  for (guint i = 0; i < issues->len; i++)
    {
      OnrampIssue *issue = g_ptr_array_index (issues, i);

      g_assert (g_utf8_validate (onramp_issue_get_message (issue), -1, NULL));
      g_assert (onramp_issue_get_pointer (issue) != NULL);
    }
}

/* GLib stops a fatal warning or critical with a breakpoint (SIGTRAP), which
 * libFuzzer does not catch: it would lose the input. Abort instead, so the
 * input is written out as a crash. */
static GLogWriterOutput
abort_on_warning_cb (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  GLogWriterOutput output;

  /* Debug messages would only slow the fuzzer down */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;

  output = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return output;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(OnrampCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  static gsize logging = 0;

  if (g_once_init_enter (&logging))
    {
      g_log_set_writer_func (abort_on_warning_cb, NULL, NULL);
      g_once_init_leave (&logging, 1);
    }
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  customer = onramp_wire_customer_from_data ((const char *)data, size, &error);
  if (customer == NULL)
    {
      g_assert (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  validate (customer);
  check_round_trip (customer);

  return 0;
}

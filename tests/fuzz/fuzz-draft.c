/* fuzz-draft.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-draft"

#include "config.h"

#include "onramp-draft.h"
#include "onramp-error.h"

/* libFuzzer target: whatever bytes a draft file holds, loading it must
 * either fail with ONRAMP_ERROR_INVALID_DATA (the store then quarantines
 * the file) or give a draft that saves and loads back unchanged, without
 * a secret-looking member in its submission state. A critical or a warning
 * is a bug too, so both abort.
 */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
check_round_trip (OnrampDraft *draft)
{
  g_autoptr(OnrampDraft) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;

  text = onramp_draft_to_data (draft, &length);
  again = onramp_draft_new_from_data (text, length, &error);
  if (again == NULL)
    g_error ("Our own output does not read back: %s\n%s", error->message, text);

  if (!onramp_customer_equal (onramp_draft_get_customer (draft), onramp_draft_get_customer (again)) ||
      g_strcmp0 (onramp_draft_get_id (draft), onramp_draft_get_id (again)) != 0 ||
      onramp_draft_get_status (draft) != onramp_draft_get_status (again) ||
      g_strcmp0 (onramp_draft_get_page (draft), onramp_draft_get_page (again)) != 0 ||
      g_strcmp0 (onramp_draft_get_status_reason (draft), onramp_draft_get_status_reason (again)) != 0 ||
      !g_date_time_equal (onramp_draft_get_modified (draft), onramp_draft_get_modified (again)))
    g_error ("The draft changed on a round trip:\n%s", text);

  /* Written once in the current schema, it is written the same again */
  text_again = onramp_draft_to_data (again, NULL);
  if (g_strcmp0 (text, text_again) != 0)
    g_error ("The draft file is not stable:\n%s\n---\n%s", text, text_again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(OnrampDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  draft = onramp_draft_new_from_data ((const char *)data, size, &error);
  if (draft == NULL)
    {
      g_assert (g_error_matches (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA));
      g_assert (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert (error == NULL);
  g_assert (onramp_draft_id_is_valid (onramp_draft_get_id (draft)));
  g_assert (g_utf8_validate (onramp_draft_get_title (draft), -1, NULL));
  (void)onramp_draft_matches (draft, "Contoso 信義");
  (void)onramp_draft_matches (draft, "a");
  check_round_trip (draft);

  return 0;
}

/* test-draft-store.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "onramp-draft-store.h"
#include "onramp-error.h"
#include "onramp-wire.h"

/* Each test gets its own drafts folder in a temporary directory */
typedef struct
{
  char *root;
  char *directory;
} Fixture;

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root = g_dir_make_tmp ("onramp-drafts-XXXXXX", NULL);
  g_assert_nonnull (fixture->root);
  fixture->directory = g_build_filename (fixture->root, "onramp", "drafts", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->directory);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (onramp_draft_store_load_finish (ONRAMP_DRAFT_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Loads the way the window does: in a thread, the main loop running */
static OnrampDraftStore *
load_store (const char *directory)
{
  OnrampDraftStore *store = onramp_draft_store_new (directory);
  gboolean done = FALSE;

  onramp_draft_store_load_async (store, NULL, on_loaded_cb, &done);
  g_assert_false (onramp_draft_store_is_loaded (store));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (onramp_draft_store_is_loaded (store));

  return store;
}

static char *
file_of (const char  *directory,
         OnrampDraft *draft)
{
  g_autofree char *name = g_strconcat (onramp_draft_get_id (draft), ".json", NULL);

  return g_build_filename (directory, name, NULL);
}

static OnrampDraft *
read_draft_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  OnrampDraft *draft;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  draft = onramp_draft_new_from_data (contents, length, &error);
  g_assert_no_error (error);

  return draft;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
wait_for_file (const char *path,
               guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_name (OnrampDraft *draft,
          const char  *name)
{
  onramp_customer_set_field (onramp_draft_get_customer (draft), ONRAMP_FIELD_COMPANY_NAME, name);
}

static void
test_save_atomic_private (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraft) again = NULL;
  g_autofree char *path = NULL;
  OnrampDraft *draft;
  GStatBuf info;

  draft = onramp_draft_store_create (store, NULL);
  set_name (draft, "信義數位科技股份有限公司");
  g_assert_true (onramp_draft_store_save (store, draft, &error));
  g_assert_no_error (error);

  path = file_of (fixture->directory, draft);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->directory, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  /* Saved again: replaced, with no temporary file left beside it */
  set_name (draft, "信義數位科技股份有限公司 2");
  g_assert_true (onramp_draft_store_save (store, draft, &error));
  g_assert_cmpuint (count_files (fixture->directory), ==, 1);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  again = read_draft_file (path);
  g_assert_cmpstr (onramp_draft_get_title (again), ==, "信義數位科技股份有限公司 2");
  g_assert_cmpstr (onramp_draft_get_id (again), ==, onramp_draft_get_id (draft));
}

static void
test_autosave_debounce (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(OnrampDraft) saved = NULL;
  g_autofree char *path = NULL;
  OnrampDraft *draft;
  gint64 start;
  gint64 written_after;

  onramp_draft_store_set_autosave_delay (store, 100);
  draft = onramp_draft_store_create (store, NULL);
  path = file_of (fixture->directory, draft);

  /* A burst of typing: nothing is written during the delay */
  start = g_get_monotonic_time ();
  set_name (draft, "C");
  set_name (draft, "Co");
  set_name (draft, "Con");
  g_assert_true (onramp_draft_store_has_unsaved (store));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  wait_for_file (path, 2000);
  written_after = (g_get_monotonic_time () - start) / 1000;
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (written_after, >=, 100);

  /* Let the save thread report back before reading what it wrote */
  while (onramp_draft_store_has_unsaved (store))
    g_main_context_iteration (NULL, TRUE);
  saved = read_draft_file (path);
  g_assert_cmpstr (onramp_draft_get_title (saved), ==, "Con");
}

/* Typing on without a pause must not postpone the save forever */
static void
test_autosave_bounded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autofree char *path = NULL;
  OnrampDraft *draft;
  gboolean written_while_typing = FALSE;

  onramp_draft_store_set_autosave_delay (store, 50);
  draft = onramp_draft_store_create (store, NULL);
  path = file_of (fixture->directory, draft);

  for (guint i = 0; i < 30 && !written_while_typing; i++)
    {
      g_autofree char *name = g_strdup_printf ("Contoso %u", i);
      gint64 until = g_get_monotonic_time () + 20 * 1000;

      set_name (draft, name);
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
      written_while_typing = g_file_test (path, G_FILE_TEST_EXISTS);
    }

  g_assert_true (written_while_typing);
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraft) saved = NULL;
  g_autofree char *path = NULL;
  OnrampDraft *draft;

  /* Far longer than the test: only the flush can write it */
  onramp_draft_store_set_autosave_delay (store, 60000);
  draft = onramp_draft_store_create (store, NULL);
  set_name (draft, "Fabrikam, Inc.");
  onramp_draft_set_page (draft, "review");
  path = file_of (fixture->directory, draft);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (onramp_draft_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (onramp_draft_store_has_unsaved (store));

  saved = read_draft_file (path);
  g_assert_cmpstr (onramp_draft_get_title (saved), ==, "Fabrikam, Inc.");
  g_assert_cmpstr (onramp_draft_get_page (saved), ==, "review");
}

static void
test_list_sorted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(OnrampDraftStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *drafts = onramp_draft_store_get_drafts (store);
  const char *names[] = { "Alpha GmbH", "Beta AG", "Gamma KG" };
  OnrampDraft *created[3];
  OnrampDraft *empty;

  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      created[i] = onramp_draft_store_create (store, NULL);
      set_name (created[i], names[i]);
      onramp_customer_set_field (onramp_draft_get_customer (created[i]), ONRAMP_FIELD_COUNTRY, "DE");
      g_usleep (2000);
    }

  /* Newest change first */
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 3);
  {
    g_autoptr(OnrampDraft) top = g_list_model_get_item (drafts, 0);

    g_assert_true (top == created[2]);
  }

  /* Editing the oldest brings it to the top */
  set_name (created[0], "Alpha GmbH & Co. KG");
  {
    g_autoptr(OnrampDraft) top = g_list_model_get_item (drafts, 0);
    g_autoptr(OnrampDraft) last = g_list_model_get_item (drafts, 2);

    g_assert_true (top == created[0]);
    g_assert_true (last == created[1]);
    g_assert_cmpstr (onramp_draft_get_title (top), ==, "Alpha GmbH & Co. KG");
    g_assert_cmpstr (onramp_draft_get_country (top), ==, "DE");
    g_assert_cmpint (onramp_draft_get_status (top), ==, ONRAMP_DRAFT_STATUS_DRAFT);
  }

  empty = onramp_draft_store_create (store, NULL);
  g_assert_cmpstr (onramp_draft_get_title (empty), ==, "Untitled customer");
  g_assert_cmpstr (onramp_draft_get_country (empty), ==, "");

  g_assert_true (onramp_draft_store_flush (store, &error));

  /* The same order after a restart */
  reloaded = load_store (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (onramp_draft_store_get_drafts (reloaded)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(OnrampDraft) a = g_list_model_get_item (drafts, i);
      g_autoptr(OnrampDraft) b = g_list_model_get_item (onramp_draft_store_get_drafts (reloaded), i);

      g_assert_cmpstr (onramp_draft_get_id (a), ==, onramp_draft_get_id (b));
      g_assert_true (onramp_customer_equal (onramp_draft_get_customer (a), onramp_draft_get_customer (b)));
    }
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(JsonObject) state = json_object_new ();
  g_autoptr(GError) error = NULL;
  OnrampDraft *original;
  OnrampDraft *copy;

  original = onramp_draft_store_create (store, NULL);
  set_name (original, "Contoso Ltd");
  json_object_set_string_member (state, "requestId", "9f1b0d8e-0000-4000-8000-000000000001");
  onramp_draft_set_submission_state (original, state);
  onramp_draft_set_status (original, ONRAMP_DRAFT_STATUS_SUBMITTED, NULL);

  copy = onramp_draft_store_duplicate (store, original);
  g_assert_cmpstr (onramp_draft_get_id (copy), !=, onramp_draft_get_id (original));
  g_assert_true (onramp_customer_equal (onramp_draft_get_customer (copy),
                                        onramp_draft_get_customer (original)));
  g_assert_true (onramp_draft_get_customer (copy) != onramp_draft_get_customer (original));
  g_assert_cmpint (onramp_draft_get_status (copy), ==, ONRAMP_DRAFT_STATUS_DRAFT);
  g_assert_null (onramp_draft_get_submission_state (copy));
  g_assert_cmpuint (g_list_model_get_n_items (onramp_draft_store_get_drafts (store)), ==, 2);

  /* Editing the copy leaves the original alone */
  set_name (copy, "Contoso Ltd (branch)");
  g_assert_cmpstr (onramp_draft_get_title (original), ==, "Contoso Ltd");

  g_assert_true (onramp_draft_store_flush (store, &error));
  g_assert_cmpuint (count_files (fixture->directory), ==, 2);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(OnrampDraftDeletion) deletion = NULL;
  g_autoptr(OnrampDraftDeletion) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraft) kept = NULL;
  g_autofree char *path = NULL;
  g_autofree char *trash = g_build_filename (fixture->directory, "trash", NULL);
  GListModel *drafts = onramp_draft_store_get_drafts (store);
  OnrampDraft *draft;

  draft = onramp_draft_store_create (store, NULL);
  kept = g_object_ref (draft);
  set_name (draft, "Northwind Traders");
  g_assert_true (onramp_draft_store_save (store, draft, &error));
  path = file_of (fixture->directory, draft);

  deletion = onramp_draft_store_delete (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (trash), ==, 1);
  g_assert_null (onramp_draft_store_lookup (store, onramp_draft_get_id (kept)));

  /* A change after the delete (a window still showing it) writes nothing */
  set_name (kept, "Northwind Traders Ltd");
  g_assert_true (onramp_draft_store_flush (store, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (onramp_draft_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (trash), ==, 0);
  g_assert_true (onramp_draft_store_lookup (store, onramp_draft_get_id (kept)) == kept);

  /* The change made while deleted is saved after the undo */
  g_assert_true (onramp_draft_store_flush (store, &error));
  {
    g_autoptr(OnrampDraft) saved = read_draft_file (path);

    g_assert_cmpstr (onramp_draft_get_title (saved), ==, "Northwind Traders Ltd");
  }

  /* Deleted for good once the toast is gone */
  second = onramp_draft_store_delete (store, kept, &error);
  g_assert_nonnull (second);
  g_assert_true (onramp_draft_deletion_purge (second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (trash), ==, 0);
  g_assert_cmpuint (count_files (fixture->directory), ==, 1); /* trash/ itself */
}

static void
write_file (const char *directory,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (directory, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_older_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *schema_1 =
    "{\"id\": \"0b9e1f4c-6b0e-4c1a-9d55-2d1c3f0a7e01\", \"savedAt\": 1763000000,"
    " \"state\": \"ready\", \"page\": \"account\","
    " \"companyName\": \"台灣積體電路製造股份有限公司\", \"domain\": \"tsmcdemo\","
    " \"email\": \"it@tsmcdemo.com.tw\", \"country\": \"TW\", \"city\": \"新竹市\","
    " \"postalCode\": \"300\", \"addressLine1\": \"力行六路8號\", \"firstName\": \"大明\","
    " \"lastName\": \"王\", \"phoneNumber\": \"035636688\", \"agreementAccepted\": true}";
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OnrampDraft) draft = NULL;
  g_autoptr(OnrampDraft) upgraded = NULL;
  g_autofree char *path = g_build_filename (fixture->directory, "0b9e1f4c-6b0e-4c1a-9d55-2d1c3f0a7e01.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) saved_at = g_date_time_new_from_unix_utc (1763000000);
  OnrampCustomer *customer;

  write_file (fixture->directory, "0b9e1f4c-6b0e-4c1a-9d55-2d1c3f0a7e01.json", schema_1, -1);

  store = load_store (fixture->directory);
  g_assert_cmpuint (onramp_draft_store_get_quarantined (store)->len, ==, 0);
  draft = g_list_model_get_item (onramp_draft_store_get_drafts (store), 0);
  g_assert_nonnull (draft);
  customer = onramp_draft_get_customer (draft);
  g_assert_cmpstr (onramp_draft_get_title (draft), ==, "台灣積體電路製造股份有限公司");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX), ==, "tsmcdemo");
  g_assert_cmpstr (onramp_customer_get_field (customer, ONRAMP_FIELD_CITY), ==, "新竹市");
  g_assert_true (onramp_customer_get_agreement_accepted (customer));
  g_assert_cmpint (onramp_draft_get_status (draft), ==, ONRAMP_DRAFT_STATUS_READY);
  g_assert_cmpstr (onramp_draft_get_page (draft), ==, "account");
  g_assert_true (g_date_time_equal (onramp_draft_get_modified (draft), saved_at));

  /* Upgraded on the next save, which loading schedules */
  g_assert_true (onramp_draft_store_has_unsaved (store));
  g_assert_true (onramp_draft_store_flush (store, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"schemaVersion\" : 2"));
  upgraded = read_draft_file (path);
  g_assert_true (onramp_customer_equal (onramp_draft_get_customer (upgraded), customer));
  g_assert_cmpint (onramp_draft_get_status (upgraded), ==, ONRAMP_DRAFT_STATUS_READY);
}

static const struct
{
  const char *name;
  const char *contents;
  gssize      length;
  const char *reason;
} broken_files[] = {
  { "garbage.json", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "NUL" },
  { "truncated.json", "{\"schemaVersion\": 2, \"id\": \"truncated\", \"customer\": {\"billingProfile\"", -1, "JSON" },
  { "empty.json", "", 0, "Empty" },
  { "customer-string.json", "{\"schemaVersion\": 2, \"id\": \"customer-string\", \"created\": \"2026-11-01T00:00:00Z\","
    " \"modified\": \"2026-11-01T00:00:00Z\", \"status\": \"draft\", \"customer\": \"Contoso\"}", -1, "customer" },
  { "modified-number.json", "{\"schemaVersion\": 2, \"id\": \"modified-number\", \"created\": \"2026-11-01T00:00:00Z\","
    " \"modified\": 12, \"status\": \"draft\", \"customer\": {}}", -1, "modified" },
  { "bad-status.json", "{\"schemaVersion\": 2, \"id\": \"bad-status\", \"created\": \"2026-11-01T00:00:00Z\","
    " \"modified\": \"2026-11-01T00:00:00Z\", \"status\": \"finished\", \"customer\": {}}", -1, "status" },
  { "wrong-name.json", "{\"schemaVersion\": 2, \"id\": \"another-id\", \"created\": \"2026-11-01T00:00:00Z\","
    " \"modified\": \"2026-11-01T00:00:00Z\", \"status\": \"draft\", \"customer\": {}}", -1, "file name" },
  { "future.json", "{\"schemaVersion\": 99, \"id\": \"future\"}", -1, "newer version" },
  { "array.json", "[1, 2, 3]", -1, "JSON object" },
  { "deep.json", "{\"schemaVersion\": 2, \"submission\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", -1, "nested" },
};

static void
test_quarantine (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = NULL;
  g_autofree char *quarantine = g_build_filename (fixture->directory, "quarantine", NULL);
  GPtrArray *quarantined;
  OnrampDraft *good;

  /* A good draft among them, and the leftover of an interrupted save */
  {
    g_autoptr(OnrampDraftStore) writer = load_store (fixture->directory);
    g_autoptr(GError) error = NULL;

    good = onramp_draft_store_create (writer, NULL);
    set_name (good, "Wingtip Toys Ltd");
    g_assert_true (onramp_draft_store_flush (writer, &error));
  }
  write_file (fixture->directory, "good.json.X1Y2Z3", "{\"half", -1);
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    write_file (fixture->directory, broken_files[i].name, broken_files[i].contents, broken_files[i].length);

  store = load_store (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (onramp_draft_store_get_drafts (store)), ==, 1);
  quarantined = onramp_draft_store_get_quarantined (store);
  g_assert_cmpuint (quarantined->len, ==, G_N_ELEMENTS (broken_files));

  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autofree char *moved = g_build_filename (quarantine, broken_files[i].name, NULL);
      g_autofree char *original = g_build_filename (fixture->directory, broken_files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      OnrampQuarantinedDraft *entry = NULL;

      g_test_message ("%s", broken_files[i].name);
      for (guint j = 0; j < quarantined->len; j++)
        {
          OnrampQuarantinedDraft *candidate = g_ptr_array_index (quarantined, j);

          if (g_str_equal (candidate->file_name, broken_files[i].name))
            entry = candidate;
        }
      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->path, ==, moved);
      g_assert_nonnull (strstr (entry->reason, broken_files[i].reason));
      g_assert_true (g_utf8_validate (entry->reason, -1, NULL));

      /* Moved aside byte for byte, never deleted */
      g_assert_false (g_file_test (original, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (moved, &contents, &length, NULL));
      g_assert_cmpuint (length, ==, broken_files[i].length < 0 ? strlen (broken_files[i].contents)
                                                               : (gsize)broken_files[i].length);
      g_assert_cmpmem (contents, length, broken_files[i].contents, length);
    }

  {
    g_autofree char *leftover = g_build_filename (fixture->directory, "good.json.X1Y2Z3", NULL);

    g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  }
}

static void
test_recovery_state (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  {
    g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
    OnrampDraft *first = onramp_draft_store_create (store, NULL);
    OnrampDraft *second = onramp_draft_store_create (store, NULL);

    g_assert_null (onramp_draft_store_get_last_draft_id (store));
    onramp_draft_store_set_last_opened (store, first, "account");
    onramp_draft_store_set_last_opened (store, second, "subscriptions");
    id = g_strdup (onramp_draft_get_id (second));
    g_assert_true (onramp_draft_store_flush (store, &error));
  }

  {
    g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
    g_autoptr(OnrampDraftDeletion) deletion = NULL;
    OnrampDraft *draft;

    g_assert_cmpstr (onramp_draft_store_get_last_draft_id (store), ==, id);
    g_assert_cmpstr (onramp_draft_store_get_last_page (store), ==, "subscriptions");
    draft = onramp_draft_store_lookup (store, id);
    g_assert_cmpstr (onramp_draft_get_page (draft), ==, "subscriptions");

    /* Deleting the last opened draft forgets it */
    deletion = onramp_draft_store_delete (store, draft, &error);
    g_assert_no_error (error);
    g_assert_null (onramp_draft_store_get_last_draft_id (store));
    g_assert_true (onramp_draft_store_flush (store, &error));
  }

  {
    g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);

    g_assert_null (onramp_draft_store_get_last_draft_id (store));
    g_assert_null (onramp_draft_store_get_last_page (store));
    g_assert_cmpuint (g_list_model_get_n_items (onramp_draft_store_get_drafts (store)), ==, 1);
  }
}

static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (child, needle))
            return TRUE;
        }
      else if (g_file_get_contents (child, &contents, NULL, NULL) && strstr (contents, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_no_secrets (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(OnrampDraftStore) store = load_store (fixture->directory);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  OnrampDraft *draft;
  JsonObject *kept;

  g_assert_true (json_parser_load_from_data (parser,
    "{\"step\": \"create-customer\", \"requestId\": \"5b0c9e4e-7f3a-4a41-9c7e-3d2b1a0f9e88\","
    " \"result\": {\"customerId\": \"c0ffee00-0000-4000-8000-000000000042\","
    "   \"userCredentials\": {\"userName\": \"admin\", \"password\": \"Hunter2-one-time!\"}},"
    " \"accessToken\": \"eyJhbGciOiJSUzI1NiJ9.secret-access\", \"refresh_token\": \"secret-refresh\","
    " \"steps\": [{\"Authorization\": \"Bearer secret-bearer\", \"ok\": true}]}", -1, &error));
  g_assert_no_error (error);

  draft = onramp_draft_store_create (store, NULL);
  set_name (draft, "Adventure Works Cycles Ltd");
  onramp_draft_set_submission_state (draft, json_node_get_object (json_parser_get_root (parser)));
  g_assert_true (onramp_draft_store_flush (store, &error));

  g_assert_false (tree_contains (fixture->root, "Hunter2"));
  g_assert_false (tree_contains (fixture->root, "secret-access"));
  g_assert_false (tree_contains (fixture->root, "secret-refresh"));
  g_assert_false (tree_contains (fixture->root, "secret-bearer"));
  /* What the plan needs to resume is all there */
  g_assert_true (tree_contains (fixture->root, "5b0c9e4e-7f3a-4a41-9c7e-3d2b1a0f9e88"));
  g_assert_true (tree_contains (fixture->root, "c0ffee00-0000-4000-8000-000000000042"));

  kept = onramp_draft_get_submission_state (draft);
  g_assert_cmpstr (json_object_get_string_member (kept, "step"), ==, "create-customer");
  g_assert_false (json_object_has_member (kept, "accessToken"));
}

static void
test_matches (void)
{
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(OnrampDraft) draft = NULL;
  const struct
  {
    const char *text;
    gboolean    matches;
  } cases[] = {
    { "", TRUE },
    { "contoso", TRUE },
    { "CONTOSO", TRUE },
    { "ＣＯＮＴＯＳＯ", TRUE },      /* full-width, as a CJK input method types it */
    { "redmond contoso", TRUE },     /* every word, any order */
    { "redmond fabrikam", FALSE },
    { "whitfield", TRUE },           /* the contact */
    { "contosomfg", TRUE },          /* the domain */
    { "us", TRUE },                  /* the country code */
    { "STRASSE", FALSE },
    { "信義", FALSE },
    { "xyz", FALSE },
  };

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Manufacturing Inc.");
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, "contosomfg");
  onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, "Redmond");
  onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, "US");
  onramp_customer_set_field (customer, ONRAMP_FIELD_LAST_NAME, "Whitfield");
  draft = onramp_draft_new (customer);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (onramp_draft_matches (draft, cases[i].text), ==, cases[i].matches);
    }

  /* The search follows edits */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "信義數位科技股份有限公司");
  g_assert_true (onramp_draft_matches (draft, "信義"));
  g_assert_false (onramp_draft_matches (draft, "contoso manufacturing"));
}

/* json-glib reads 1e400 as infinity and would write "inf.0", which is not
 * JSON: the draft must still load after it is saved (found by fuzz-draft) */
static void
test_infinite_numbers (void)
{
  const char *text =
    "{\"schemaVersion\": 2, \"id\": \"inf\", \"created\": \"2026-11-01T00:00:00Z\","
    " \"modified\": \"2026-11-01T00:00:00+08:00\", \"status\": \"draft\", \"customer\": {},"
    " \"submission\": {\"n\": [1e400, -1e999, 2.5]}}";
  g_autoptr(OnrampDraft) draft = NULL;
  g_autoptr(OnrampDraft) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  JsonArray *numbers;

  draft = onramp_draft_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  saved = onramp_draft_to_data (draft, NULL);
  again = onramp_draft_new_from_data (saved, -1, &error);
  g_assert_no_error (error);

  numbers = json_object_get_array_member (onramp_draft_get_submission_state (again), "n");
  g_assert_cmpuint (json_array_get_length (numbers), ==, 3);
  g_assert_true (json_array_get_null_element (numbers, 0));
  g_assert_true (json_array_get_null_element (numbers, 1));
  g_assert_cmpfloat (json_array_get_double_element (numbers, 2), ==, 2.5);
  /* Times are kept in UTC */
  g_assert_cmpint (g_date_time_get_hour (onramp_draft_get_modified (again)), ==, 16);
}

static void
test_status_strings (void)
{
  for (OnrampDraftStatus status = ONRAMP_DRAFT_STATUS_DRAFT; status <= ONRAMP_DRAFT_STATUS_SUBMITTED; status++)
    {
      OnrampDraftStatus back;

      g_assert_true (onramp_draft_status_from_string (onramp_draft_status_to_string (status), &back));
      g_assert_cmpint (back, ==, status);
      g_assert_nonnull (onramp_draft_status_get_label (status));
    }
  g_assert_cmpstr (onramp_draft_status_to_string (ONRAMP_DRAFT_STATUS_NEEDS_ATTENTION), ==, "needs-attention");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/draft-store/save-atomic-private", Fixture, NULL, fixture_set_up, test_save_atomic_private, fixture_tear_down);
  g_test_add ("/draft-store/autosave-debounce", Fixture, NULL, fixture_set_up, test_autosave_debounce, fixture_tear_down);
  g_test_add ("/draft-store/autosave-bounded", Fixture, NULL, fixture_set_up, test_autosave_bounded, fixture_tear_down);
  g_test_add ("/draft-store/flush", Fixture, NULL, fixture_set_up, test_flush, fixture_tear_down);
  g_test_add ("/draft-store/list-sorted", Fixture, NULL, fixture_set_up, test_list_sorted, fixture_tear_down);
  g_test_add ("/draft-store/duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/draft-store/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/draft-store/older-schema", Fixture, NULL, fixture_set_up, test_older_schema, fixture_tear_down);
  g_test_add ("/draft-store/quarantine", Fixture, NULL, fixture_set_up, test_quarantine, fixture_tear_down);
  g_test_add ("/draft-store/recovery-state", Fixture, NULL, fixture_set_up, test_recovery_state, fixture_tear_down);
  g_test_add ("/draft-store/no-secrets", Fixture, NULL, fixture_set_up, test_no_secrets, fixture_tear_down);
  g_test_add_func ("/draft/matches", test_matches);
  g_test_add_func ("/draft/status-strings", test_status_strings);
  g_test_add_func ("/draft/infinite-numbers", test_infinite_numbers);

  return g_test_run ();
}

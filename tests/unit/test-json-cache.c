/* test-json-cache.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json-cache"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "onramp-catalog-product.h"
#include "onramp-error.h"
#include "onramp-json-cache.h"
#include "onramp-reseller.h"

/* The offline cache of service answers, and the list items built from
 * those answers: a round trip keeps the answer and its date, and damaged
 * files, hostile names and broken items fail cleanly. */

typedef struct
{
  char            *directory;
  OnrampJsonCache *cache;
  GAsyncResult    *result;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("onramp-cache-XXXXXX", NULL);

  g_assert_nonnull (tmp);
  /* A directory that does not exist yet: saving creates it */
  f->directory = g_build_filename (tmp, "onramp", NULL);
  f->cache = onramp_json_cache_new (f->directory);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->directory, 0, NULL);
  g_autofree char *parent = g_path_get_dirname (f->directory);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->directory);
  g_rmdir (parent);

  g_clear_object (&f->result);
  g_clear_object (&f->cache);
  g_free (f->directory);
}

static void
on_result_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *f = user_data;

  f->result = g_object_ref (result);
}

static GAsyncResult *
await (Fixture *f)
{
  g_clear_object (&f->result);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return f->result;
}

static gboolean
save (Fixture     *f,
      const char  *name,
      const char  *json,
      GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  onramp_json_cache_save_async (f->cache, name, node, NULL, on_result_cb, f);
  return onramp_json_cache_save_finish (f->cache, await (f), error);
}

static JsonNode *
load (Fixture     *f,
      const char  *name,
      GDateTime  **saved_at,
      GError     **error)
{
  onramp_json_cache_load_async (f->cache, name, NULL, on_result_cb, f);
  return onramp_json_cache_load_finish (f->cache, await (f), saved_at, error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = g_build_filename (f->directory, "resellers-demo.json", NULL);
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (save (f, "resellers-demo.json", "[{\"id\":\"a\",\"name\":\"First Up\"}]", &error));
  g_assert_no_error (error);
  after = g_date_time_new_now_utc ();

  /* Only the user may read a partner's resellers */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  node = load (f, "resellers-demo.json", &saved_at, &error);
  g_assert_no_error (error);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==, "[{\"id\":\"a\",\"name\":\"First Up\"}]");
  /* The date says when the answer was saved (to the second) */
  g_assert_cmpint (g_date_time_to_unix (saved_at), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (saved_at), <=, g_date_time_to_unix (after));

  /* Saving again replaces the answer */
  g_clear_pointer (&node, json_node_unref);
  g_assert_true (save (f, "resellers-demo.json", "[]", &error));
  node = load (f, "resellers-demo.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = load (f, "catalog-demo-US.json", NULL, &error);

  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  static const char * const contents[] = {
    "",
    "{\"version\": 1, \"savedAt\": \"2026-11-26T01:00:00Z\", \"data\": [tr",
    "[1, 2, 3]",
    "{\"version\": 2, \"savedAt\": \"2026-11-26T01:00:00Z\", \"data\": []}",
    "{\"version\": 1, \"savedAt\": \"yesterday\", \"data\": []}",
    "{\"version\": 1, \"savedAt\": \"2026-11-26T01:00:00Z\"}",
    "\xff\xfe\x00garbage",
  };

  g_assert_cmpint (g_mkdir_with_parents (f->directory, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *path = g_build_filename (f->directory, "damaged.json", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_assert_true (g_file_set_contents (path, contents[i], i == G_N_ELEMENTS (contents) - 1 ? 10 : -1, NULL));
      node = load (f, "damaged.json", NULL, &error);
      g_assert_null (node);
      g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
    }
}

static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->directory);
  g_autofree char *escaped = g_build_filename (parent, "escape.json", NULL);
  static const struct { const char *name; gboolean valid; } names[] = {
    { "resellers-demo.json", TRUE },
    { "catalog-commercial-TW-CFQ7TTC0LH0Z.json", TRUE },
    { "../escape.json", FALSE },
    { "a/b.json", FALSE },
    { ".hidden", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "catalog-demo-US-CFQ7TTC0:0001.json", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (onramp_json_cache_name_is_valid (names[i].name), ==, names[i].valid);
      if (!names[i].valid)
        {
          g_assert_false (save (f, names[i].name, "[]", &error));
          g_assert_error (error, ONRAMP_ERROR, ONRAMP_ERROR_INVALID_DATA);
        }
    }

  /* Nothing was written outside the cache directory */
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static void
test_reseller_from_json (void)
{
  static const struct { const char *json; const char *name; const char *search; } cases[] = {
    { "{\"id\":\"t1\",\"name\":\"First Up Consultants\",\"mpnId\":\"4847383\",\"location\":\"US\"}",
      "First Up Consultants", "First Up Consultants 4847383 US" },
    { "{\"id\":\"t2\",\"name\":\"No MPN\"}", "No MPN", "No MPN  " },
    { "{\"id\":\"\",\"name\":\"No ID\"}", NULL, NULL },
    { "{\"id\":\"t3\"}", NULL, NULL },
    { "{\"id\":42,\"name\":\"Number ID\"}", NULL, NULL },
    { "{\"id\":\"t4\",\"name\":[\"array\"]}", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(OnrampReseller) reseller = onramp_reseller_new_from_json (json_node_get_object (node));

      if (cases[i].name == NULL)
        {
          g_assert_null (reseller);
          continue;
        }
      g_assert_nonnull (reseller);
      g_assert_cmpstr (onramp_reseller_get_name (reseller), ==, cases[i].name);
      g_assert_cmpstr (onramp_reseller_get_search_text (reseller), ==, cases[i].search);
    }
}

static void
test_product_category (void)
{
  static const struct { const char *title; const char *category; } cases[] = {
    { "Microsoft 365 Business Premium", "Microsoft 365" },
    { "Dynamics 365 Sales Enterprise", "Dynamics 365" },
    { "Microsoft Defender for Endpoint P1", "Security" },
    { "Power BI Pro", "Power Platform" },
    { "Visio Plan 2", "Project and Visio" },
    { "Contoso Line-of-Business App", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(OnrampCatalogProduct) product = NULL;

      json_object_set_string_member (object, "id", "CFQ7TTC0LH0Z");
      json_object_set_string_member (object, "title", cases[i].title);
      product = onramp_catalog_product_new_from_json (object);
      g_assert_cmpstr (onramp_catalog_product_get_category (product), ==, cases[i].category);
    }

  /* A product without a title is dropped, not shown blank */
  {
    g_autoptr(JsonObject) object = json_object_new ();

    json_object_set_string_member (object, "id", "CFQ7TTC0LH0Z");
    g_assert_null (onramp_catalog_product_new_from_json (object));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-cache/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/json-cache/missing", Fixture, NULL, fixture_setup, test_missing, fixture_teardown);
  g_test_add ("/json-cache/damaged", Fixture, NULL, fixture_setup, test_damaged, fixture_teardown);
  g_test_add ("/json-cache/names", Fixture, NULL, fixture_setup, test_names, fixture_teardown);
  g_test_add_func ("/reseller/from-json", test_reseller_from_json);
  g_test_add_func ("/catalog-product/category", test_product_category);

  return g_test_run ();
}

/* drafts.c — how fast do 10,000 drafts load, list and filter?
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At start the window loads every draft and lists them in the sidebar;
 * the search entry filters that list on every keystroke. This writes N
 * drafts (default 10,000) of several countries to a temporary folder and
 * prints the median time to load them and read what the sidebar shows
 * (target ≤ 150 ms), and the median time for one keystroke's pass of
 * onramp_draft_matches() over all of them (target ≤ 16 ms, one frame).
 *
 *   build/tests/bench-drafts [N] [runs]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onramp-draft-store.h"

static const struct
{
  const char *country;
  const char *company;
  const char *city;
  const char *first;
  const char *last;
} people[] = {
  { "US", "Contoso Pharmaceuticals Incorporated", "Redmond", "Ann", "Lee" },
  { "TW", "台灣康拓股份有限公司", "臺北市", "志明", "陳" },
  { "DE", "Fabrikam Präzisionstechnik GmbH", "München", "Jürgen", "Müller" },
  { "JP", "株式会社コントソ", "千代田区", "太郎", "山田" },
  { "BR", "Contoso Comércio Ltda", "São Paulo", "João", "Silva" },
  { "GB", "Northwind Traders Limited", "London", "Oliver", "Smith" },
  { "IN", "Tailspin Toys Private Limited", "Bengaluru", "Priya", "Sharma" },
};

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

/* Written straight, without the store's fsync per file: only the reading
 * is measured, and 10,000 synced writes would take minutes on some disks */
static void
write_drafts (const char *directory,
              guint       n)
{
  g_mkdir_with_parents (directory, 0700);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
      g_autoptr(OnrampDraft) draft = NULL;
      g_autofree char *company = NULL;
      g_autofree char *domain = NULL;
      g_autofree char *email = NULL;
      g_autofree char *data = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      guint p = i % G_N_ELEMENTS (people);
      gsize length = 0;

      company = g_strdup_printf ("%s %u", people[p].company, i);
      domain = g_strdup_printf ("customer%u", i);
      email = g_strdup_printf ("buyer%u@example.com", i);
      onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, company);
      onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, domain);
      onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, people[p].country);
      onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, people[p].city);
      onramp_customer_set_field (customer, ONRAMP_FIELD_ADDRESS_LINE1, "1 Main Street");
      onramp_customer_set_field (customer, ONRAMP_FIELD_POSTAL_CODE, "12345");
      onramp_customer_set_field (customer, ONRAMP_FIELD_FIRST_NAME, people[p].first);
      onramp_customer_set_field (customer, ONRAMP_FIELD_LAST_NAME, people[p].last);
      onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, email);
      onramp_customer_set_field (customer, ONRAMP_FIELD_PHONE_NUMBER, "0227208889");

      draft = onramp_draft_new (customer);
      data = onramp_draft_to_data (draft, &length);
      name = g_strconcat (onramp_draft_get_id (draft), ".json", NULL);
      path = g_build_filename (directory, name, NULL);
      if (!g_file_set_contents (path, data, length, NULL))
        g_error ("Could not write %s", path);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

/* What the sidebar reads of each row */
static guint
read_rows (GListModel *drafts)
{
  guint n = g_list_model_get_n_items (drafts);
  guint checksum = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OnrampDraft) draft = g_list_model_get_item (drafts, i);

      checksum += strlen (onramp_draft_get_title (draft));
      checksum += strlen (onramp_draft_get_country (draft));
      checksum += onramp_draft_get_status (draft);
      checksum += g_date_time_get_second (onramp_draft_get_modified (draft));
    }

  return checksum;
}

static guint
filter_pass (GListModel *drafts,
             const char *text)
{
  guint n = g_list_model_get_n_items (drafts);
  guint matched = 0;

  for (guint i = 0; i < n; i++)
    {
      OnrampDraft *draft = g_list_model_get_item (drafts, i);

      matched += onramp_draft_matches (draft, text);
      g_object_unref (draft);
    }

  return matched;
}

int
main (int   argc,
      char *argv[])
{
  /* What a user types, one keystroke at a time */
  const char *keystrokes[] = {
    "c", "co", "con", "cont", "conto", "contos", "contoso",
    "台", "台灣", "台灣康",
    "ｍ", "ｍü", "ｍüｌ",
    "contoso s", "contoso sa", "contoso são",
    "buyer1", "buyer12", "buyer123",
  };
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 10000;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 7;
  g_autofree char *root = g_dir_make_tmp ("onramp-bench-drafts-XXXXXX", NULL);
  g_autofree char *directory = g_build_filename (root, "drafts", NULL);
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_times = g_array_new (FALSE, FALSE, sizeof (double));
  double first_keystroke = 0;
  double load_median;
  double filter_median;
  guint checksum = 0;

  if (n == 0 || runs == 0)
    {
      fprintf (stderr, "usage: %s [N] [runs]\n", argv[0]);
      return 2;
    }

  printf ("writing %u drafts to %s\n", n, directory);
  write_drafts (directory, n);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(OnrampDraftStore) store = onramp_draft_store_new (directory);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!onramp_draft_store_load (store, NULL, &error))
        g_error ("%s", error->message);
      checksum += read_rows (onramp_draft_store_get_drafts (store));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (load_times, ms);

      if (g_list_model_get_n_items (onramp_draft_store_get_drafts (store)) != n)
        g_error ("Loaded %u drafts of %u", g_list_model_get_n_items (onramp_draft_store_get_drafts (store)), n);

      for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
        {
          gint64 key_start = g_get_monotonic_time ();

          checksum += filter_pass (onramp_draft_store_get_drafts (store), keystrokes[k]);
          ms = (g_get_monotonic_time () - key_start) / 1000.0;
          /* The first pass after loading builds each draft's search text */
          if (k == 0)
            first_keystroke = MAX (first_keystroke, ms);
          else
            g_array_append_val (filter_times, ms);
        }
    }

  load_median = median (load_times);
  filter_median = median (filter_times);
  printf ("drafts: %u, runs: %u (checksum %u)\n", n, runs, checksum);
  printf ("load + list: median %.1f ms (target 150 ms)\n", load_median);
  printf ("filter per keystroke: median %.2f ms, slowest %.2f ms (target 16 ms); "
          "first keystroke after load: %.2f ms\n",
          filter_median, g_array_index (filter_times, double, filter_times->len - 1),
          first_keystroke);

  remove_tree (root);

  return 0;
}

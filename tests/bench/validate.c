/* validate.c — how fast is a full-record validation?
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validator runs on every keystroke, so a record must cost
 * microseconds. This prints full-record validations per second on one core
 * and the median time per record, over realistic records of several
 * countries (clean ones and ones with the usual mistakes).
 *
 *   build/tests/bench/bench-validate [seconds]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "onramp-validator.h"

typedef struct
{
  const char *fields[ONRAMP_N_FIELDS];
} Record;

#define RECORD(country, company, domain, line1, city, state, postal, first, last, email, phone, reg) \
  { { [ONRAMP_FIELD_COUNTRY] = country, [ONRAMP_FIELD_COMPANY_NAME] = company, \
      [ONRAMP_FIELD_DOMAIN_PREFIX] = domain, [ONRAMP_FIELD_ADDRESS_LINE1] = line1, \
      [ONRAMP_FIELD_CITY] = city, [ONRAMP_FIELD_STATE] = state, [ONRAMP_FIELD_POSTAL_CODE] = postal, \
      [ONRAMP_FIELD_FIRST_NAME] = first, [ONRAMP_FIELD_LAST_NAME] = last, [ONRAMP_FIELD_EMAIL] = email, \
      [ONRAMP_FIELD_PHONE_NUMBER] = phone, [ONRAMP_FIELD_REGISTRATION_NUMBER] = reg, \
      [ONRAMP_FIELD_AGREEMENT_DATE] = "2026-11-20" } }

static const Record records[] = {
  RECORD ("US", "Contoso Pharmaceuticals Incorporated", "contosopharma", "1 Microsoft Way", "Redmond", "WA", "98052",
          "Ann", "Lee", "ann.lee@contoso.com", "+1 425 555 0101", NULL),
  RECORD ("TW", "台灣康拓股份有限公司", "contosotw", "信義路五段7號", "臺北市", NULL, "110",
          "志明", "陳", "chen@contoso.com.tw", "02-2345-6789", NULL),
  RECORD ("DE", "Fabrikam GmbH", "fabrikamde", "Friedrichstraße 123", "Berlin", NULL, "10117",
          "Jürgen", "Müller", "j.mueller@fabrikam.de", "+49 30 1234567", NULL),
  RECORD ("JP", "株式会社コントソ", "contosojp", "千代田1-1", "千代田区", "13", "100-0001",
          "太郎", "山田", "taro@contoso.co.jp", "03-1234-5678", NULL),
  RECORD ("BR", "Contoso Comércio Ltda", "contosobr", "Avenida Paulista, 1000", "São Paulo", "SP", "01310-100",
          "João", "Silva", "joao@contoso.com.br", "+55 11 91234-5678", "11.222.333/0001-81"),
  RECORD ("RU", "ООО «Ромашка»", "romashkaru", "ул. Тверская, д. 1", "Москва", NULL, "125009",
          "Иван", "Петров", "ivan@romashka.ru", "+7 495 123-45-67", "7707083893"),
  RECORD ("GB", "Northwind Traders Limited", "northwinduk", "10 Downing Street", "London", NULL, "sw1a 2aa",
          "Oliver", "Smith", "oliver@northwind.co.uk", "+44 20 7946 0958", NULL),
  RECORD ("IN", "Tailspin Toys Pvt. Ltd.", "tailspinin", "12 MG Road", "Bengaluru", "Karnataka", "560001",
          "Priya", "Sharma", "priya@tailspin.in", "+91 98765 43210", "29AAACT1234A1Z5"),
};

static OnrampCustomer *
make_customer (const Record *record)
{
  OnrampCustomer *customer = onramp_customer_new ();

  for (guint i = 0; i < ONRAMP_N_FIELDS; i++)
    onramp_customer_set_field (customer, i, record->fields[i]);
  onramp_customer_set_agreement_accepted (customer, TRUE);

  return customer;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) per_record = g_array_new (FALSE, FALSE, sizeof (double));
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 2.0;
  const guint batch = 2000;
  gint64 start, deadline, elapsed;
  guint64 n_validations = 0;
  guint n_issues = 0;
  double median;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    g_ptr_array_add (customers, make_customer (&records[i]));

  /* Warm up: the rules of each country are built on first use */
  for (guint i = 0; i < customers->len; i++)
    {
      g_autoptr(GPtrArray) issues = onramp_validator_validate (validator, customers->pdata[i]);

      n_issues += issues->len;
    }

  start = g_get_monotonic_time ();
  deadline = start + (gint64)(seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < customers->len; i++)
        {
          gint64 t0 = g_get_monotonic_time ();
          double us;

          for (guint j = 0; j < batch; j++)
            g_ptr_array_unref (onramp_validator_validate (validator, customers->pdata[i]));

          us = (double)(g_get_monotonic_time () - t0) / batch;
          g_array_append_val (per_record, us);
          n_validations += batch;
        }
    }
  elapsed = g_get_monotonic_time () - start;

  g_array_sort (per_record, compare_doubles);
  median = g_array_index (per_record, double, per_record->len / 2);

  printf ("records: %u (%u issues in all), countries: US TW DE JP BR RU GB IN\n",
          customers->len, n_issues);
  printf ("validations: %" G_GUINT64_FORMAT " in %.2f s\n", n_validations, elapsed / 1e6);
  printf ("validations per second: %.0f\n", n_validations / (elapsed / 1e6));
  printf ("median time per record: %.2f µs\n", median);

  return EXIT_SUCCESS;
}

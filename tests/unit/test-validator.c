/* test-validator.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "onramp-validator.h"

/* Each case: a company name as a user might type it, and the first issue
 * the validator must report (NULL for a clean name), with its suggestion. */
typedef struct
{
  const char *name;
  const char *code;
  const char *suggestion;
} NameCase;

static const NameCase name_cases[] = {
  /* clean names, Latin, CJK and Cyrillic */
  { "Contoso Pharmaceuticals Limited", NULL, NULL },
  { "Fabrikam Gesellschaft mit beschränkter Haftung", NULL, NULL },
  { "台灣積體電路製造股份有限公司", NULL, NULL },
  { "株式会社ソニー", NULL, NULL },
  { "ООО «Ромашка»", NULL, NULL },
  { "3M Company", NULL, NULL },
  { "Contest Corporation", NULL, NULL },       /* "test" inside a word is fine */
  { "Protestant Hospital Foundation", NULL, NULL },
  { "AB", NULL, NULL },
  /* errors */
  { "", "legal-name.empty", NULL },
  { "   ", "legal-name.empty", NULL },
  { "\u3000", "legal-name.empty", NULL },       /* an ideographic space alone */
  { "A", "legal-name.too-short", NULL },
  { "1 2 3", "legal-name.too-short", NULL },
  { "!!!", "legal-name.symbols-only", NULL },
  { "--- ***", "legal-name.symbols-only", NULL },
  { "999", "legal-name.repeated-char", NULL },
  { "aaaa", "legal-name.repeated-char", NULL },
  { "Ltd", "legal-name.legal-form-only", NULL },
  { "Ltd.", "legal-name.legal-form-only", NULL },
  { "GmbH", "legal-name.legal-form-only", NULL },
  { "股份有限公司", "legal-name.legal-form-only", NULL },
  { "Test Company", "legal-name.test-name", NULL },
  { "ACME TEST LLC", "legal-name.test-name", NULL },
  { "Demo Inc", "legal-name.test-name", NULL },
  { "測試有限公司", "legal-name.test-name", NULL },
  { "测试公司", "legal-name.test-name", NULL },
  { "範例科技股份有限公司", "legal-name.test-name", NULL },
  { "テスト株式会社", "legal-name.test-name", NULL },
  { "Musterfirma GmbH", "legal-name.test-name", NULL },
  { "Empresa de Prueba S.A.", "legal-name.test-name", NULL },
  { "Ｔｅｓｔ　Ｃｏｍｐａｎｙ", "legal-name.test-name", NULL }, /* full-width, NFKC-folded */
  /* warnings with a one-click suggestion */
  { "Contoso Ltd", "legal-name.abbreviation", "Contoso Limited" },
  { "Contoso Ltd.", "legal-name.abbreviation", "Contoso Limited" },
  { "Fabrikam GmbH", "legal-name.abbreviation", "Fabrikam Gesellschaft mit beschränkter Haftung" },
  { "台灣微軟(股)公司", "legal-name.abbreviation", "台灣微軟股份有限公司" },
  { "contoso.com", "legal-name.domain-suffix", "contoso" },
  { "Contoso  Limited", "legal-name.spacing", "Contoso Limited" },
};

static void
test_company_name_table (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();

  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
      OnrampIssue *first;

      onramp_validator_check_company_name (validator, c->name, issues);
      g_test_message ("“%s” → %s", c->name, issues->len ? onramp_issue_get_code (issues->pdata[0]) : "clean");

      if (c->code == NULL)
        {
          g_assert_cmpuint (issues->len, ==, 0);
          continue;
        }

      g_assert_cmpuint (issues->len, >, 0);
      first = g_ptr_array_index (issues, 0);
      g_assert_cmpstr (onramp_issue_get_code (first), ==, c->code);
      g_assert_cmpint (onramp_issue_get_field (first), ==, ONRAMP_FIELD_COMPANY_NAME);
      g_assert_cmpstr (onramp_issue_get_pointer (first), ==, "/billingProfile/companyName");
      g_assert_cmpstr (onramp_issue_get_suggestion (first), ==, c->suggestion);
      g_assert_cmpstr (onramp_issue_get_message (first), !=, "");
      g_assert_cmpint (onramp_issue_get_severity (first), ==,
                       c->suggestion ? ONRAMP_SEVERITY_WARNING : ONRAMP_SEVERITY_ERROR);
    }
}

/* Partner Center's list of legal forms that may not stand alone
 * (peers.md A1), however they are spelled */
static void
test_standalone_legal_forms (void)
{
  static const char * const forms[] = {
    "LLC", "Inc", "Ltd", "GmbH", "Pty Ltd", "Pte Ltd", "Pvt Ltd", "Sdn Bhd", "SARL", "Lda",
    "Kft", "Zrt", "OOO", "WLL", "Corp", "CPA", "LLP", "L.L.C.", "Inc.", "Pty. Ltd.", "sdn. bhd.",
    "ｌｌｃ", "Co., Ltd.", "S.A.", "(株)", "株式会社", "有限公司", "ООО", "АО", "(주)",
  };
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);

      onramp_validator_check_company_name (validator, forms[i], issues);
      g_test_message ("“%s”", forms[i]);
      g_assert_cmpuint (issues->len, ==, 1);
      g_assert_cmpstr (onramp_issue_get_code (issues->pdata[0]), ==, "legal-name.legal-form-only");
    }
}

static void
test_company_name_too_long (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
  g_autoptr(GString) name = g_string_new ("Contoso ");

  while (name->len <= 255)
    g_string_append (name, "Holdings ");
  onramp_validator_check_company_name (validator, name->str, issues);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (onramp_issue_get_code (issues->pdata[0]), ==, "legal-name.too-long");

  /* 255 characters of CJK are within the limit, whatever their bytes */
  g_ptr_array_set_size (issues, 0);
  g_string_assign (name, "");
  for (guint i = 0; i < 85; i++)
    g_string_append (name, "台積電");
  onramp_validator_check_company_name (validator, name->str, issues);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_invalid_utf8_is_empty (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(GPtrArray) issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);

  onramp_validator_check_company_name (validator, "\xff\xfe Contoso", issues);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (onramp_issue_get_code (issues->pdata[0]), ==, "legal-name.empty");
}

static void
test_validate_record (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(GPtrArray) issues = NULL;

  issues = onramp_validator_validate (validator, customer);
  g_assert_true (onramp_issues_have_errors (issues));
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* A complete record whose only remark is the abbreviated legal form */
  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Ltd");
  onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, "contosouk");
  onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, "GB");
  onramp_customer_set_field (customer, ONRAMP_FIELD_ADDRESS_LINE1, "1 Long Acre");
  onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, "London");
  onramp_customer_set_field (customer, ONRAMP_FIELD_POSTAL_CODE, "WC2E 9LH");
  onramp_customer_set_field (customer, ONRAMP_FIELD_FIRST_NAME, "Ann");
  onramp_customer_set_field (customer, ONRAMP_FIELD_LAST_NAME, "Lee");
  onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, "ann@contoso.co.uk");
  onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_DATE, "2020-01-31");
  onramp_customer_set_agreement_accepted (customer, TRUE);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_cmpstr (onramp_issue_get_code (issues->pdata[0]), ==, "legal-name.abbreviation");
  g_assert_false (onramp_issues_have_errors (issues));
}

static gboolean
has_agreement_issue (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    if (g_str_has_prefix (onramp_issue_get_code (issues->pdata[i]), "agreement."))
      return TRUE;

  return FALSE;
}

/* A Customer resource without agreement data is not missing one; with any
 * of it, the agreement is checked like in the window */
static void
test_validate_resource (void)
{
  g_autoptr(OnrampValidator) validator = onramp_validator_new ();
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(GPtrArray) in_window = NULL;
  g_autoptr(GPtrArray) from_file = NULL;
  g_autoptr(GPtrArray) half_agreement = NULL;

  onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, "Contoso Limited");
  onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, "GB");
  in_window = onramp_validator_validate (validator, customer);
  from_file = onramp_validator_validate_resource (validator, customer);
  g_assert_true (has_agreement_issue (in_window));
  g_assert_false (has_agreement_issue (from_file));
  g_assert_cmpuint (from_file->len, <, in_window->len);

  onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_DATE, "2020-01-31");
  half_agreement = onramp_validator_validate_resource (validator, customer);
  g_assert_true (has_agreement_issue (half_agreement));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validator/company-name/table", test_company_name_table);
  g_test_add_func ("/validator/company-name/too-long", test_company_name_too_long);
  g_test_add_func ("/validator/company-name/standalone-legal-forms", test_standalone_legal_forms);
  g_test_add_func ("/validator/company-name/invalid-utf8", test_invalid_utf8_is_empty);
  g_test_add_func ("/validator/record", test_validate_record);
  g_test_add_func ("/validator/resource", test_validate_resource);

  return g_test_run ();
}

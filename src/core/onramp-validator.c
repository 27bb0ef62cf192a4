/* onramp-validator.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "onramp-validator"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "onramp-legal-forms.h"
#include "onramp-validator.h"

/* Pure checks: a record goes in, a list of issues comes out. It runs on
 * every keystroke, so it allocates little and never does I/O.
 */
struct _OnrampValidator
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (OnrampValidator, onramp_validator, G_TYPE_OBJECT)

/* Words that mark a name as a test or placeholder (peers.md A1). Latin words
 * match as whole words after case folding; CJK words match anywhere, since
 * those scripts do not separate words with spaces.
 */
static const char * const test_words_latin[] = {
  "test", "testing", "tester", "demo", "sample", "example", "dummy", "fake",
  "placeholder", "asdf", "qwerty", "lorem", "ipsum", "foo", "foobar", "xxx",
  "beispiel", "muster", "testfirma", "musterfirma",
  "essai", "exemple", "fictif",
  "prueba", "ejemplo", "ficticio",
  "teste", "exemplo",
};

static const char * const test_words_cjk[] = {
  "測試", "测试", "範例", "范例", "示例", "樣本", "样本",
  "テスト", "サンプル", "ダミー",
  "테스트", "샘플",
};

static const char * const domain_endings[] = {
  ".com", ".net", ".org", ".io", ".biz", ".info", ".co", ".tw", ".com.tw", ".jp",
  ".co.jp", ".cn", ".de", ".uk", ".co.uk", ".fr", ".台灣", ".台湾", ".中国", ".公司",
};

static void
onramp_validator_class_init (OnrampValidatorClass *klass)
{
}

static void
onramp_validator_init (OnrampValidator *self)
{
}

OnrampValidator *
onramp_validator_new (void)
{
  return g_object_new (ONRAMP_TYPE_VALIDATOR, NULL);
}

static void
add_issue (GPtrArray      *issues,
           OnrampField     field,
           OnrampSeverity  severity,
           const char     *code,
           const char     *message,
           const char     *suggestion)
{
  g_ptr_array_add (issues, onramp_issue_new (field, severity, code, message, suggestion));
}

static gboolean
has_letter_or_digit (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        return TRUE;
    }

  return FALSE;
}

/* "999", "aaaa", "---": one character, repeated, with nothing else */
static gboolean
is_one_repeated_char (const char *text)
{
  gunichar first = 0;
  guint count = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (count == 0)
        first = c;
      else if (c != first)
        return FALSE;
      count++;
    }

  return count >= 3;
}

/* "1 2 3", "A B C": several words, each a single character */
static gboolean
is_spaced_single_chars (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  guint n_words = 0;

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (g_utf8_strlen (words[i], -1) != 1)
        return FALSE;
      n_words++;
    }

  return n_words >= 2;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether @word occurs in @folded as a whole word */
static gboolean
contains_word (const char *folded,
               const char *word)
{
  gsize word_len = strlen (word);

  for (const char *hit = strstr (folded, word); hit; hit = strstr (hit + 1, word))
    {
      const char *after = hit + word_len;
      gboolean starts = hit == folded ||
                        !is_word_char (g_utf8_get_char (g_utf8_prev_char (hit)));
      gboolean ends = *after == '\0' || !is_word_char (g_utf8_get_char (after));

      if (starts && ends)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_test_name (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (test_words_latin); i++)
    {
      if (contains_word (folded, test_words_latin[i]))
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (test_words_cjk); i++)
    {
      if (strstr (folded, test_words_cjk[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static const char *
find_domain_ending (const char *folded)
{
  gsize len = strlen (folded);
  const char *longest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (domain_endings); i++)
    {
      gsize end_len = strlen (domain_endings[i]);

      if (len > end_len && strcmp (folded + len - end_len, domain_endings[i]) == 0 &&
          (longest == NULL || end_len > strlen (longest)))
        longest = domain_endings[i];
    }

  return longest;
}

/* Collapses runs of white space and drops white space before , and . */
static char *
normalize_spacing (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space && c != ',' && c != '.')
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
check_company_name_guidance (const char *normalized,
                             const char *folded,
                             GPtrArray  *issues)
{
  const OnrampLegalForm *form;
  const char *ending;
  gsize offset = 0;
  g_autofree char *spaced = normalize_spacing (normalized);

  if (strcmp (spaced, normalized) != 0)
    add_issue (issues, ONRAMP_FIELD_COMPANY_NAME, ONRAMP_SEVERITY_WARNING, "legal-name.spacing",
               _("The name has extra spaces. Enter it exactly as on the registration documents."),
               spaced);

  if ((ending = find_domain_ending (folded)))
    {
      g_autofree char *stem = g_strndup (normalized, strlen (normalized) - strlen (ending));

      add_issue (issues, ONRAMP_FIELD_COMPANY_NAME, ONRAMP_SEVERITY_WARNING, "legal-name.domain-suffix",
                 _("The name ends like a web address. Use the registered company name, not the website."),
                 g_strstrip (stem));
    }

  if ((form = onramp_legal_forms_find_abbreviated (normalized, &offset)))
    {
      g_autofree char *stem = g_strndup (normalized, offset);
      g_autofree char *full = g_strconcat (stem, form->full, NULL);
      /* Translators: %s is an abbreviated legal form such as "Ltd" */
      g_autofree char *message = g_strdup_printf (_("“%s” is an abbreviation. If the registration documents spell the legal form out, enter it the same way."),
                                                  form->abbreviation);

      add_issue (issues, ONRAMP_FIELD_COMPANY_NAME, ONRAMP_SEVERITY_WARNING, "legal-name.abbreviation",
                 message, full);
    }
}

/**
 * onramp_validator_check_company_name:
 * @name: the company's legal name as typed
 * @issues: (element-type OnrampIssue): where issues are added
 *
 * Partner Center's published name rules (errors) and the verification
 * guidance behind them (warnings). Full-width letters and punctuation are
 * folded with NFKC first, so "ＡＢＣ　有限公司" is checked like "ABC 有限公司".
 */
void
onramp_validator_check_company_name (OnrampValidator *self,
                                     const char      *name,
                                     GPtrArray       *issues)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  const OnrampField field = ONRAMP_FIELD_COMPANY_NAME;
  const OnrampSeverity error = ONRAMP_SEVERITY_ERROR;
  glong n_chars;

  g_return_if_fail (ONRAMP_IS_VALIDATOR (self));
  g_return_if_fail (issues != NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "";

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  g_strstrip (normalized);
  folded = g_utf8_casefold (normalized, -1);
  n_chars = g_utf8_strlen (normalized, -1);

  if (n_chars == 0)
    add_issue (issues, field, error, "legal-name.empty",
               _("Enter the company’s legal name as it appears on its registration documents."), NULL);
  else if (n_chars > 255)
    add_issue (issues, field, error, "legal-name.too-long",
               _("The legal name can be at most 255 characters long."), NULL);
  else if (!has_letter_or_digit (normalized))
    add_issue (issues, field, error, "legal-name.symbols-only",
               _("The legal name needs letters or digits, not only symbols or spaces."), NULL);
  else if (n_chars < 2 || is_spaced_single_chars (normalized))
    add_issue (issues, field, error, "legal-name.too-short",
               _("The legal name is too short. Enter the full registered name."), NULL);
  else if (is_one_repeated_char (normalized))
    add_issue (issues, field, error, "legal-name.repeated-char",
               _("The legal name cannot be one character repeated."), NULL);
  else if (onramp_legal_forms_is_form_only (folded))
    add_issue (issues, field, error, "legal-name.legal-form-only",
               _("This is only a legal form. Enter the whole name, for example “Contoso Limited”."), NULL);
  else if (is_test_name (folded))
    add_issue (issues, field, error, "legal-name.test-name",
               _("This looks like a test or placeholder name. Partner Center verifies the customer’s real legal name."), NULL);
  else
    check_company_name_guidance (normalized, folded, issues);
}

/**
 * onramp_validator_validate:
 *
 * Returns: (transfer full) (element-type OnrampIssue): every issue of the
 *   record, errors and warnings, in field order
 */
GPtrArray *
onramp_validator_validate (OnrampValidator *self,
                           OnrampCustomer  *customer)
{
  GPtrArray *issues;

  g_return_val_if_fail (ONRAMP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
  onramp_validator_check_company_name (self,
                                       onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME),
                                       issues);
  onramp_line_items_check (onramp_customer_get_line_items (customer), issues);

  return issues;
}

gboolean
onramp_issues_have_errors (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      if (onramp_issue_get_severity (g_ptr_array_index (issues, i)) == ONRAMP_SEVERITY_ERROR)
        return TRUE;
    }

  return FALSE;
}

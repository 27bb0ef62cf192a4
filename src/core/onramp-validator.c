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
#include <time.h>

#include "onramp-country-database.h"
#include "onramp-legal-forms.h"
#include "onramp-validator.h"

/* Pure checks: a record goes in, a list of issues comes out. It runs on
 * every keystroke, so it allocates little and never does I/O.
 */
struct _OnrampValidator
{
  GObject                parent_instance;

  OnrampCountryDatabase *database;
  GHashTable            *taken_domains;      /* folded prefix -> taken */
  GHashTable            *allowed_countries;  /* (nullable): codes, NULL = all */
  GDate                  today;              /* invalid: use the clock */
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

/* Contact names that are placeholders (peers.md A1: test, admin, nobody) */
static const char * const person_test_words_latin[] = {
  "test", "tester", "testing", "admin", "administrator", "nobody", "noname", "dummy",
  "fake", "sample", "demo", "placeholder", "unknown", "null", "none", "asdf",
  "qwerty", "xxx", "foo", "foobar", "тест", "админ", "тестовый",
};

static const char * const person_test_words_cjk[] = {
  "測試", "测试", "テスト", "테스트", "管理員", "管理员", "範例", "范例", "示例", "無名氏", "无名氏",
};

static void
onramp_validator_finalize (GObject *object)
{
  OnrampValidator *self = (OnrampValidator *)object;

  g_clear_object (&self->database);
  g_hash_table_unref (self->taken_domains);
  g_clear_pointer (&self->allowed_countries, g_hash_table_unref);

  G_OBJECT_CLASS (onramp_validator_parent_class)->finalize (object);
}

static void
onramp_validator_class_init (OnrampValidatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = onramp_validator_finalize;
}

static void
onramp_validator_init (OnrampValidator *self)
{
  self->taken_domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->today, 1);
}

/**
 * onramp_validator_new:
 *
 * A validator on the shared country rules database.
 */
OnrampValidator *
onramp_validator_new (void)
{
  return onramp_validator_new_with_database (onramp_country_database_get_default ());
}

/**
 * onramp_validator_new_with_database:
 * @database: the country rules to check against
 */
OnrampValidator *
onramp_validator_new_with_database (OnrampCountryDatabase *database)
{
  OnrampValidator *self;

  g_return_val_if_fail (ONRAMP_IS_COUNTRY_DATABASE (database), NULL);

  self = g_object_new (ONRAMP_TYPE_VALIDATOR, NULL);
  self->database = g_object_ref (database);

  return self;
}

/**
 * onramp_validator_get_database:
 *
 * Returns: (transfer none): the country rules the validator uses
 */
OnrampCountryDatabase *
onramp_validator_get_database (OnrampValidator *self)
{
  g_return_val_if_fail (ONRAMP_IS_VALIDATOR (self), NULL);

  return self->database;
}

/**
 * onramp_validator_set_domain_taken:
 * @prefix: a domain prefix, as in `<prefix>.onmicrosoft.com`
 * @taken: what the service said (`HEAD /v1/domains/{domain}`: 200 = taken)
 *
 * Only the service knows whether a domain is free; the service layer
 * reports each answer here so that validation can show it.
 */
void
onramp_validator_set_domain_taken (OnrampValidator *self,
                                   const char      *prefix,
                                   gboolean         taken)
{
  g_return_if_fail (ONRAMP_IS_VALIDATOR (self));
  g_return_if_fail (prefix != NULL);

  g_hash_table_insert (self->taken_domains, g_ascii_strdown (prefix, -1), GINT_TO_POINTER (!!taken));
}

/**
 * onramp_validator_set_today:
 * @today: (nullable): the date to take as today, or %NULL for the clock
 *
 * For tests, and for a date the service vouches for.
 */
void
onramp_validator_set_today (OnrampValidator *self,
                            const GDate     *today)
{
  g_return_if_fail (ONRAMP_IS_VALIDATOR (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

/**
 * onramp_validator_set_allowed_countries:
 * @codes: (nullable) (array zero-terminated=1): the countries the partner
 *   may sell to (its regional authorization), or %NULL for every country
 */
void
onramp_validator_set_allowed_countries (OnrampValidator    *self,
                                        const char * const *codes)
{
  g_return_if_fail (ONRAMP_IS_VALIDATOR (self));

  g_clear_pointer (&self->allowed_countries, g_hash_table_unref);
  if (codes == NULL)
    return;

  self->allowed_countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; codes[i]; i++)
    g_hash_table_add (self->allowed_countries, g_ascii_strup (codes[i], -1));
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
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static GHashTable *
word_set_new (const char * const *words,
              guint               n_words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer)words[i]);

  return set;
}

/* Whether a word of @folded is in @set: one hash lookup per word instead
 * of one search per listed word */
static gboolean
has_word_in_set (const char *folded,
                 GHashTable *set)
{
  const char *p = folded;

  while (*p)
    {
      const char *start;
      char word[48];
      gsize len;

      while (*p && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      len = p - start;
      if (len == 0 || len >= sizeof word)
        continue;
      memcpy (word, start, len);
      word[len] = '\0';
      if (g_hash_table_contains (set, word))
        return TRUE;
    }

  return FALSE;
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
  static GHashTable *latin = NULL;

  if (g_once_init_enter (&latin))
    g_once_init_leave (&latin, word_set_new (test_words_latin, G_N_ELEMENTS (test_words_latin)));

  if (has_word_in_set (folded, latin))
    return TRUE;

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

/* Whether NFKC leaves @text as it is, judged quickly: ASCII, Latin
 * letters, Cyrillic, kana, CJK ideographs and Hangul syllables are stable;
 * anything else (full-width forms, the ideographic space, combining marks,
 * compatibility characters) goes through the normalizer. */
static gboolean
is_nfkc_stable (const char *text)
{
  for (const char *p = text; *p; )
    {
      gunichar c;

      if ((guchar)*p < 0x80)
        {
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if ((c >= 0xC0 && c < 0x250 && c != 0x132 && c != 0x133 && c != 0x13F && c != 0x140 &&
           c != 0x149 && c != 0x17F && !(c >= 0x1C4 && c <= 0x1CC) && !(c >= 0x1F1 && c <= 0x1F3)) ||
          (c >= 0x400 && c < 0x500) ||
          (c >= 0x3041 && c < 0x3097) || (c >= 0x30A1 && c < 0x30FB) ||
          (c >= 0x4E00 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7A4) ||
          c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB ||
          c == 0x3001 || c == 0x3002 || c == 0x300C || c == 0x300D)
        continue;

      return FALSE;
    }

  return TRUE;
}

/* NFKC, skipped for text it would not change: the validator runs on every
 * keystroke and the normalizer is its most expensive call */
static char *
normalize_nfkc (const char *text)
{
  if (is_nfkc_stable (text))
    return g_strdup (text);

  return g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if ((guchar)*p >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/* Case folding; ASCII folds to lower case */
static char *
fold_case (const char *text)
{
  return is_ascii (text) ? g_ascii_strdown (text, -1) : g_utf8_casefold (text, -1);
}

/* Whether normalize_spacing() would change @text */
static gboolean
has_odd_spacing (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p) &&
          (p == text || p[1] == '\0' || g_ascii_isspace (p[1]) || *p != ' ' || p[1] == ',' || p[1] == '.'))
        return TRUE;
      if ((guchar)*p >= 0x80 && g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
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
                             const char *country,
                             GPtrArray  *issues)
{
  const OnrampLegalForm *form;
  const char *ending;
  gsize start = 0;
  gsize end = 0;
  gboolean unambiguous = FALSE;
  g_autofree char *spaced = has_odd_spacing (normalized) ? normalize_spacing (normalized) : NULL;

  if (spaced != NULL && strcmp (spaced, normalized) != 0)
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

  if ((form = onramp_legal_forms_find_abbreviated (normalized, country, &start, &end, &unambiguous)))
    {
      g_autofree char *stem = g_strndup (normalized, start);
      g_autofree char *full = unambiguous ? g_strconcat (stem, form->full, normalized + end, NULL) : NULL;
      g_autofree char *typed = g_strndup (normalized + start, end - start);
      /* Translators: %s is an abbreviated legal form such as "Ltd" */
      g_autofree char *message = g_strdup_printf (_("“%s” is an abbreviation. If the registration documents spell the legal form out, enter it the same way."),
                                                  g_strstrip (typed));

      add_issue (issues, ONRAMP_FIELD_COMPANY_NAME, ONRAMP_SEVERITY_WARNING, "legal-name.abbreviation",
                 message, full);
    }
}

static void
check_company_name (OnrampValidator *self,
                    const char      *name,
                    const char      *country,
                    GPtrArray       *issues)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  const OnrampField field = ONRAMP_FIELD_COMPANY_NAME;
  const OnrampSeverity error = ONRAMP_SEVERITY_ERROR;
  glong n_chars;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    name = "";

  normalized = normalize_nfkc (name);
  g_strstrip (normalized);
  folded = fold_case (normalized);
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
  /* before the repeated character: "ООО" is a legal form */
  else if (onramp_legal_forms_is_form_only (folded))
    add_issue (issues, field, error, "legal-name.legal-form-only",
               _("This is only a legal form. Enter the whole name, for example “Contoso Limited”."), NULL);
  else if (is_one_repeated_char (normalized))
    add_issue (issues, field, error, "legal-name.repeated-char",
               _("The legal name cannot be one character repeated."), NULL);
  else if (is_test_name (folded))
    add_issue (issues, field, error, "legal-name.test-name",
               _("This looks like a test or placeholder name. Partner Center verifies the customer’s real legal name."), NULL);
  else
    check_company_name_guidance (normalized, folded, country, issues);
}

/**
 * onramp_validator_check_company_name:
 * @name: the company's legal name as typed
 * @issues: (element-type OnrampIssue): where issues are added
 *
 * Partner Center's published name rules (errors) and the verification
 * guidance behind them (warnings). Full-width letters and punctuation are
 * folded with NFKC first, so "ＡＢＣ　有限公司" is checked like "ABC 有限公司".
 * Without a country, an abbreviation shared by several legal forms ("SA")
 * gets no suggestion.
 */
void
onramp_validator_check_company_name (OnrampValidator *self,
                                     const char      *name,
                                     GPtrArray       *issues)
{
  g_return_if_fail (ONRAMP_IS_VALIDATOR (self));
  g_return_if_fail (issues != NULL);

  check_company_name (self, name, NULL, issues);
}

/* Field text, trimmed, with full-width forms folded (NFKC). ASCII text, the
 * common case, skips the normalizer. Invalid UTF-8 counts as empty. */
static char *
clean_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  return g_strstrip (normalize_nfkc (text));
}

static char *
clean_field (OnrampCustomer *customer,
             OnrampField     field)
{
  return clean_text (onramp_customer_get_field (customer, field));
}

/* Domain prefix: `<prefix>.onmicrosoft.com`, ASCII letters and digits */

static gboolean
is_ascii_alnum (const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
    }

  return TRUE;
}

static char *
suggest_domain_prefix (const char *prefix)
{
  g_autofree char *lower = g_utf8_strdown (prefix, -1);
  char *suffix = g_strrstr (lower, ".onmicrosoft.com");
  GString *out = g_string_new (NULL);

  if (suffix != NULL)
    *suffix = '\0';

  for (const char *p = lower; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, *p);
    }

  if (out->len == 0 || out->len > 27)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
check_domain (OnrampValidator *self,
              OnrampCustomer  *customer,
              GPtrArray       *issues)
{
  const OnrampField field = ONRAMP_FIELD_DOMAIN_PREFIX;
  g_autofree char *prefix = clean_field (customer, field);
  g_autofree char *folded = NULL;

  if (prefix[0] == '\0')
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "domain.empty",
                 _("Choose the customer’s domain prefix: the first part of “prefix.onmicrosoft.com”."), NULL);
      return;
    }

  if (!is_ascii_alnum (prefix))
    {
      g_autofree char *suggestion = suggest_domain_prefix (prefix);

      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "domain.format",
                 _("The domain prefix can only have letters A to Z and digits, without spaces, dots or hyphens."),
                 suggestion);
      return;
    }

  if (strlen (prefix) > 27)
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "domain.too-long",
                 _("The domain prefix can be at most 27 characters long."), NULL);
      return;
    }

  folded = g_ascii_strdown (prefix, -1);
  if (GPOINTER_TO_INT (g_hash_table_lookup (self->taken_domains, folded)))
    {
      /* Translators: %s is a domain such as "contoso.onmicrosoft.com" */
      g_autofree char *message = g_strdup_printf (_("%s.onmicrosoft.com is already taken. Choose another prefix."),
                                                  folded);

      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "domain.taken", message, NULL);
    }
}

/* Address */

static const char *
required_message (OnrampField field)
{
  switch ((int)field)
    {
    case ONRAMP_FIELD_ADDRESS_LINE1:
      return _("Enter the street address.");
    case ONRAMP_FIELD_CITY:
      return _("Enter the city.");
    case ONRAMP_FIELD_STATE:
      return _("Enter the state or province.");
    case ONRAMP_FIELD_POSTAL_CODE:
      return _("Enter the postal code.");
    default:
      return _("Fill in this field.");
    }
}

static void
add_required (GPtrArray          *issues,
              OnrampField         field,
              OnrampCountryRules *rules)
{
  g_autofree char *message = NULL;
  const char *label;

  if (field == ONRAMP_FIELD_STATE && rules != NULL)
    label = onramp_country_rules_get_state_label (rules);
  else if (field == ONRAMP_FIELD_POSTAL_CODE && rules != NULL)
    label = onramp_country_rules_get_postal_code_label (rules);
  else
    label = NULL;

  if (label != NULL)
    /* Translators: the first %s is a field label such as "Prefecture" or
     * "ZIP code", the second a country */
    message = g_strdup_printf (_("%s is required for an address in %s."), label,
                               onramp_country_rules_get_name (rules));
  else
    message = g_strdup (required_message (field));

  add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.required", message, NULL);
}

static OnrampCountryRules *
check_country (OnrampValidator *self,
               OnrampCustomer  *customer,
               GPtrArray       *issues)
{
  const OnrampField field = ONRAMP_FIELD_COUNTRY;
  g_autofree char *country = clean_field (customer, field);
  OnrampCountryRules *rules;

  if (country[0] == '\0')
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.required",
                 _("Choose the customer’s country or region."), NULL);
      return NULL;
    }

  if ((rules = onramp_country_database_lookup (self->database, country)) == NULL)
    {
      const char *code = onramp_country_database_suggest_code (self->database, country);
      /* Translators: %s is what the user typed as a country, e.g. "UK" */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a country code. Use the two-letter ISO code, such as GB for the United Kingdom."),
                                                  country);

      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.country-unknown", message, code);
      return NULL;
    }

  if (!onramp_country_rules_is_sold (rules))
    {
      /* Translators: %s is a country */
      g_autofree char *message = g_strdup_printf (_("Partner Center does not create customers in %s."),
                                                  onramp_country_rules_get_name (rules));

      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.region-not-allowed", message, NULL);
    }
  else if (self->allowed_countries != NULL &&
           !g_hash_table_contains (self->allowed_countries, onramp_country_rules_get_code (rules)))
    {
      /* Translators: %s is a country */
      g_autofree char *message = g_strdup_printf (_("Your partner account is not authorized to sell in %s."),
                                                  onramp_country_rules_get_name (rules));

      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.region-not-allowed", message, NULL);
    }

  return rules;
}

static gboolean
is_required (OnrampField         field,
             OnrampCountryRules *rules)
{
  switch ((int)field)
    {
    case ONRAMP_FIELD_ADDRESS_LINE1:
      return TRUE;
    case ONRAMP_FIELD_CITY:
      return rules == NULL || onramp_country_rules_is_city_required (rules);
    case ONRAMP_FIELD_STATE:
      return rules != NULL && onramp_country_rules_is_state_required (rules);
    case ONRAMP_FIELD_POSTAL_CODE:
      return rules != NULL && onramp_country_rules_is_postal_code_required (rules);
    default:
      return FALSE;
    }
}

static void
check_state (const char         *state,
             OnrampCountryRules *rules,
             GPtrArray          *issues)
{
  const char *code;
  g_autofree char *message = NULL;

  /* Where the state is optional it is free text: the list only helps the
   * form (Taiwan's counties and cities) */
  if (!onramp_country_rules_is_state_required (rules) ||
      onramp_country_rules_get_n_states (rules) == 0 ||
      onramp_country_rules_has_state (rules, state))
    return;

  code = onramp_country_rules_find_state (rules, state);

  if (code != NULL)
    /* Translators: the first %s is what the user typed, the second a code
     * such as "WA" */
    message = g_strdup_printf (_("Partner Center expects the code of “%s”: %s."), state, code);
  else
    /* Translators: the first %s is what the user typed, the second a
     * country */
    message = g_strdup_printf (_("“%s” is not on the list for %s. Choose one from the list."),
                               state, onramp_country_rules_get_name (rules));

  add_issue (issues, ONRAMP_FIELD_STATE, ONRAMP_SEVERITY_ERROR, "address.state-unknown", message, code);
}

static void
check_postal_code (const char         *postal_code,
                   OnrampCountryRules *rules,
                   GPtrArray          *issues)
{
  g_autofree char *upper = NULL;
  g_autofree char *message = NULL;
  const char *suggestion = NULL;
  const char *sample = onramp_country_rules_get_postal_code_sample (rules);

  if (onramp_country_rules_match_postal_code (rules, postal_code))
    return;

  /* "h3z 2y7" -> "H3Z 2Y7" */
  upper = g_utf8_strup (postal_code, -1);
  if (strcmp (upper, postal_code) != 0 && onramp_country_rules_match_postal_code (rules, upper))
    suggestion = upper;

  if (sample != NULL)
    /* Translators: the first %s is a country, the second an example such
     * as "98052" */
    message = g_strdup_printf (_("This does not look like a postal code of %s, such as %s."),
                               onramp_country_rules_get_name (rules), sample);
  else
    /* Translators: %s is a country */
    message = g_strdup_printf (_("This does not look like a postal code of %s."),
                               onramp_country_rules_get_name (rules));

  add_issue (issues, ONRAMP_FIELD_POSTAL_CODE, ONRAMP_SEVERITY_ERROR, "address.postal-code-format",
             message, suggestion);
}

static void
check_address (OnrampCustomer     *customer,
               OnrampCountryRules *rules,
               GPtrArray          *issues)
{
  for (OnrampField field = ONRAMP_FIELD_ADDRESS_LINE1; field <= ONRAMP_FIELD_POSTAL_CODE; field++)
    {
      g_autofree char *value = clean_field (customer, field);
      guint max_length = onramp_field_get_max_length (field);

      if (value[0] == '\0')
        {
          if (is_required (field, rules))
            add_required (issues, field, rules);
          continue;
        }

      if (g_utf8_strlen (value, -1) > max_length)
        {
          g_autofree char *message = NULL;

          /* Translators: %u is a number of characters */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This can be at most %u character long.",
                                                  "This can be at most %u characters long.", max_length),
                                     max_length);

          add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "address.too-long", message, NULL);
          continue;
        }

      if (rules != NULL && field == ONRAMP_FIELD_STATE)
        check_state (value, rules, issues);
      else if (rules != NULL && field == ONRAMP_FIELD_POSTAL_CODE)
        check_postal_code (value, rules, issues);
    }
}

/* Contact */

/* One character is a whole name in Chinese (and a Korean surname) */
static gboolean
is_cjk (gunichar c)
{
  switch ((int)g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_test_person_name (const char *folded)
{
  static GHashTable *latin = NULL;

  if (g_once_init_enter (&latin))
    g_once_init_leave (&latin, word_set_new (person_test_words_latin, G_N_ELEMENTS (person_test_words_latin)));

  if (has_word_in_set (folded, latin) || contains_word (folded, "n/a"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (person_test_words_cjk); i++)
    {
      if (strstr (folded, person_test_words_cjk[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
check_person_name (OnrampField  field,
                   const char  *name,
                   gboolean     required,
                   GPtrArray   *issues)
{
  const OnrampSeverity error = ONRAMP_SEVERITY_ERROR;
  g_autofree char *folded = NULL;
  glong n_chars = g_utf8_strlen (name, -1);

  if (n_chars == 0)
    {
      if (required)
        add_issue (issues, field, error, "contact.name-empty",
                   field == ONRAMP_FIELD_LAST_NAME || field == ONRAMP_FIELD_AGREEMENT_LAST_NAME
                     ? _("Enter the contact’s last name.")
                     : _("Enter the contact’s first name."),
                   NULL);
      return;
    }

  if (n_chars > 40)
    {
      add_issue (issues, field, error, "contact.name-too-long",
                 _("A name can be at most 40 characters long."), NULL);
      return;
    }

  if (!has_letter (name) || has_control (name))
    {
      add_issue (issues, field, error, "contact.name-invalid",
                 _("A name needs letters, not only digits, punctuation or emoji."), NULL);
      return;
    }

  /* A single Chinese character is a real given name (and surname) */
  if (n_chars == 1 && !is_cjk (g_utf8_get_char (name)))
    {
      add_issue (issues, field, error, "contact.name-too-short",
                 _("Enter the whole name, not an initial."), NULL);
      return;
    }

  folded = fold_case (name);
  if (is_test_person_name (folded))
    add_issue (issues, field, error, "contact.name-test",
               _("This looks like a test or placeholder name. Enter the real person’s name."), NULL);
}

static gboolean
is_email_local_char (char c)
{
  return (guchar)c >= 0x80 || (g_ascii_isgraph (c) && strchr ("\"(),:;<>@[\\]", c) == NULL);
}

static gboolean
is_valid_domain (const char *domain)
{
  const char *tld = strrchr (domain, '.');
  gsize label_len = 0;

  if (tld == NULL || strlen (tld + 1) < 2)
    return FALSE;

  for (const char *p = domain; ; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          if (label_len == 0 || p[-1] == '-' || *(p - label_len) == '-')
            return FALSE;
          if (*p == '\0')
            return TRUE;
          label_len = 0;
          continue;
        }
      if (!g_ascii_isalnum (*p) && *p != '-' && (guchar)*p < 0x80)
        return FALSE;
      label_len++;
    }
}

static gboolean
is_valid_email (const char *email)
{
  const char *at = strchr (email, '@');
  gsize local_len;

  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  local_len = at - email;
  if (local_len == 0 || local_len > 64 || email[0] == '.' || at[-1] == '.')
    return FALSE;

  for (const char *p = email; p < at; p++)
    {
      if (!is_email_local_char (*p) || (p[0] == '.' && p[1] == '.'))
        return FALSE;
    }

  return is_valid_domain (at + 1);
}

static gboolean
is_microsoft_domain (const char *email)
{
  const char *domain = strrchr (email, '@');
  gsize len;

  if (domain == NULL)
    return FALSE;
  domain++;
  len = strlen (domain);

  return g_ascii_strcasecmp (domain, "microsoft.com") == 0 ||
         (len > 14 && g_ascii_strcasecmp (domain + len - 14, ".microsoft.com") == 0);
}

static void
check_email (OnrampField  field,
             const char  *raw,
             const char  *email,
             GPtrArray   *issues)
{
  if (email[0] == '\0')
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "contact.email-format",
                 _("Enter the contact’s email address."), NULL);
      return;
    }

  if (!is_valid_email (email))
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "contact.email-format",
                 _("This is not an email address. It looks like name@example.com."), NULL);
      return;
    }

  if (is_microsoft_domain (email))
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "contact.email-forbidden-domain",
                 _("Use the customer’s own email address: Partner Center does not accept Microsoft addresses."),
                 NULL);
      return;
    }

  /* "ｉｎｆｏ＠contoso.com" or " info@contoso.com ": valid once cleaned */
  if (strcmp (raw, email) != 0)
    add_issue (issues, field, ONRAMP_SEVERITY_WARNING, "contact.email-format",
               _("The address has spaces or full-width characters around it."), email);
}

/* Splits a phone number into its digits; FALSE for anything but digits,
 * spaces, dots, hyphens, slashes, brackets and a leading “+” */
static gboolean
phone_digits (const char *phone,
              char       *digits,
              gsize       size,
              gboolean   *international)
{
  gsize n = 0;

  *international = FALSE;
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n + 1 >= size)
            return FALSE;
          digits[n++] = *p;
        }
      else if (*p == '+' && p == phone)
        *international = TRUE;
      else if (strchr (" -./()", *p) == NULL)
        return FALSE;
    }
  digits[n] = '\0';

  if (!*international && n > 2 && digits[0] == '0' && digits[1] == '0')
    {
      memmove (digits, digits + 2, n - 1);
      *international = TRUE;
    }

  return TRUE;
}

/* The national digits of an international number, or NULL when its calling
 * code is not the country's */
static const char *
strip_calling_code (const char         *digits,
                    OnrampCountryRules *rules)
{
  const char * const *codes = onramp_country_rules_get_calling_codes (rules);

  for (guint i = 0; codes[i]; i++)
    {
      if (g_str_has_prefix (digits, codes[i]))
        return digits + strlen (codes[i]);
    }

  return codes[0] ? NULL : digits;
}

static void
check_phone (OnrampField         field,
             const char         *phone,
             gboolean            required,
             OnrampCountryRules *rules,
             GPtrArray          *issues)
{
  const OnrampSeverity error = ONRAMP_SEVERITY_ERROR;
  const char *national;
  gboolean international;
  char digits[40];
  gsize n_digits;

  if (phone[0] == '\0')
    {
      if (required)
        {
          /* Translators: %s is a country */
          g_autofree char *message = g_strdup_printf (_("Enter a phone number: Partner Center requires one for customers in %s."),
                                                      onramp_country_rules_get_name (rules));

          add_issue (issues, field, error, "contact.phone-required", message, NULL);
        }
      return;
    }

  n_digits = 0;
  if (phone_digits (phone, digits, sizeof digits, &international))
    n_digits = strlen (digits);

  if (n_digits < 4 || n_digits > 15)
    {
      add_issue (issues, field, error, "contact.phone-format",
                 _("This is not a phone number. Use digits, with an optional “+” and country code."), NULL);
      return;
    }

  if (rules == NULL)
    return;

  national = international ? strip_calling_code (digits, rules) : digits;
  if (national == NULL)
    {
      /* Translators: the first %s is a country, the second a calling code
       * such as "886" */
      g_autofree char *message = g_strdup_printf (_("This number has another country’s calling code. Numbers in %s start with +%s."),
                                                  onramp_country_rules_get_name (rules),
                                                  onramp_country_rules_get_calling_codes (rules)[0]);

      add_issue (issues, field, error, "contact.phone-format", message, NULL);
      return;
    }

  if (!onramp_country_rules_match_phone_number (rules, national))
    {
      /* Translators: %s is a country */
      g_autofree char *message = g_strdup_printf (_("This does not look like a phone number in %s. Check the number of digits."),
                                                  onramp_country_rules_get_name (rules));

      add_issue (issues, field, error, "contact.phone-format", message, NULL);
    }
}

static void
check_contact (OnrampCustomer     *customer,
               OnrampCountryRules *rules,
               GPtrArray          *issues)
{
  g_autofree char *first = clean_field (customer, ONRAMP_FIELD_FIRST_NAME);
  g_autofree char *middle = clean_field (customer, ONRAMP_FIELD_MIDDLE_NAME);
  g_autofree char *last = clean_field (customer, ONRAMP_FIELD_LAST_NAME);
  g_autofree char *email = clean_field (customer, ONRAMP_FIELD_EMAIL);
  g_autofree char *phone = clean_field (customer, ONRAMP_FIELD_PHONE_NUMBER);

  check_person_name (ONRAMP_FIELD_FIRST_NAME, first, TRUE, issues);
  check_person_name (ONRAMP_FIELD_MIDDLE_NAME, middle, FALSE, issues);
  check_person_name (ONRAMP_FIELD_LAST_NAME, last, TRUE, issues);
  check_email (ONRAMP_FIELD_EMAIL, onramp_customer_get_field (customer, ONRAMP_FIELD_EMAIL), email, issues);
  check_phone (ONRAMP_FIELD_PHONE_NUMBER, phone,
               rules != NULL && onramp_country_rules_is_phone_required (rules), rules, issues);
}

/* Company registration id */

static char *
squeeze_registration_number (const char *number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = number; *p; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (out, g_ascii_toupper (*p));
    }

  return g_string_free (out, FALSE);
}

/* Check digits of the ids whose algorithm is public: a typo in one digit
 * is caught before Partner Center rejects the record (error 600050) */

static guint
take_digits (const char *text,
             guint      *digits,
             guint       max)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == max)
            return max + 1;
          digits[n++] = *p - '0';
        }
    }

  return n;
}

static guint
weighted_sum (const guint *digits,
              const guint *weights,
              guint        n)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    sum += digits[i] * weights[i];

  return sum;
}

/* Brazil's CNPJ: two mod-11 check digits */
static gboolean
cnpj_ok (const guint *d)
{
  static const guint w1[] = { 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };
  static const guint w2[] = { 6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2 };
  guint r1 = weighted_sum (d, w1, 12) % 11;
  guint r2;

  if (d[12] != (r1 < 2 ? 0 : 11 - r1))
    return FALSE;
  r2 = weighted_sum (d, w2, 13) % 11;
  return d[13] == (r2 < 2 ? 0 : 11 - r2);
}

/* Russia's INN: one check digit for companies (10), two for people (12) */
static gboolean
inn_ok (const guint *d,
        guint        n)
{
  static const guint w10[] = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
  static const guint w11[] = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };
  static const guint w12[] = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

  if (n == 10)
    return d[9] == weighted_sum (d, w10, 9) % 11 % 10;

  return d[10] == weighted_sum (d, w11, 10) % 11 % 10 &&
         d[11] == weighted_sum (d, w12, 11) % 11 % 10;
}

/* Poland's NIP: one mod-11 check digit */
static gboolean
nip_ok (const guint *d)
{
  static const guint w[] = { 6, 5, 7, 2, 3, 4, 5, 6, 7 };

  return d[9] == weighted_sum (d, w, 9) % 11;
}

/* Only called on a number that has the country's format */
static gboolean
check_digits_ok (const char *country,
                 const char *number)
{
  guint d[14];
  guint n = take_digits (number, d, G_N_ELEMENTS (d));

  if (g_str_equal (country, "BR") && n == 14)
    return cnpj_ok (d);
  if (g_str_equal (country, "RU") && (n == 10 || n == 12))
    return inn_ok (d, n);
  if (g_str_equal (country, "PL") && n == 10)
    return nip_ok (d);

  return TRUE;
}

static void
check_registration_number (OnrampCustomer     *customer,
                           OnrampCountryRules *rules,
                           GPtrArray          *issues)
{
  const OnrampField field = ONRAMP_FIELD_REGISTRATION_NUMBER;
  g_autofree char *number = clean_field (customer, field);
  g_autofree char *squeezed = NULL;
  g_autofree char *message = NULL;
  const char *name;
  const char *sample;

  if (rules == NULL)
    return;

  name = onramp_country_rules_get_registration_number_name (rules);
  sample = onramp_country_rules_get_registration_number_sample (rules);
  if (name == NULL)
    name = _("company registration number");

  if (number[0] == '\0')
    {
      if (!onramp_country_rules_is_registration_number_required (rules))
        return;

      /* Translators: the first %s is a country, the second the local name of
       * a company id such as "CNPJ" or "GSTIN or PAN" */
      message = g_strdup_printf (_("%s requires the company’s %s. Enter the business tax id, never a personal one."),
                                 onramp_country_rules_get_name (rules), name);
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "registration-number.required", message, NULL);
      return;
    }

  if (onramp_country_rules_match_registration_number (rules, number))
    {
      if (!check_digits_ok (onramp_country_rules_get_code (rules), number))
        {
          /* Translators: %s is the local name of a company id such as "CNPJ" */
          message = g_strdup_printf (_("The check digits of this %s do not match. Look for a mistyped digit."),
                                     name);
          add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "registration-number.format", message, NULL);
        }
      return;
    }

  squeezed = squeeze_registration_number (number);
  if (sample != NULL)
    /* Translators: the first %s is the local name of a company id such as
     * "CNPJ", the second an example */
    message = g_strdup_printf (_("This is not a valid %s. It looks like %s."), name, sample);
  else
    /* Translators: %s is the local name of a company id such as "CNPJ" */
    message = g_strdup_printf (_("This is not a valid %s."), name);

  add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "registration-number.format", message,
             onramp_country_rules_match_registration_number (rules, squeezed) ? squeezed : NULL);
}

/* Microsoft Customer Agreement */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  /* "2026-11-25", optionally followed by a time: "2026-11-25T08:00:00Z" */
  if (strlen (text) < 10 || (text[10] != '\0' && text[10] != 'T' && text[10] != ' ') ||
      text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
get_today (OnrampValidator *self,
           GDate           *today)
{
  if (g_date_valid (&self->today))
    {
      *today = self->today;
      return;
    }

  /* Not GDateTime: it loads the time zone on every call */
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static void
check_agreement_date (OnrampValidator *self,
                      OnrampCustomer  *customer,
                      GPtrArray       *issues)
{
  const OnrampField field = ONRAMP_FIELD_AGREEMENT_DATE;
  g_autofree char *text = clean_field (customer, field);
  GDate date;
  GDate today;

  if (text[0] == '\0' || !parse_date (text, &date))
    {
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "agreement.not-confirmed",
                 _("Enter the date the customer accepted the Microsoft Customer Agreement, as YYYY-MM-DD."),
                 NULL);
      return;
    }

  get_today (self, &today);
  if (g_date_compare (&date, &today) > 0)
    {
      char suggestion[16];

      g_date_strftime (suggestion, sizeof suggestion, "%Y-%m-%d", &today);
      add_issue (issues, field, ONRAMP_SEVERITY_ERROR, "agreement.date-in-future",
                 _("The customer cannot have accepted the agreement after today."), suggestion);
    }
}

/* The person who accepted defaults to the primary contact: a field of their
 * own that is empty takes the primary contact's value. */
static void
check_agreement_contact (OnrampCustomer     *customer,
                         OnrampCountryRules *rules,
                         GPtrArray          *issues)
{
  static const OnrampField fields[][2] = {
    { ONRAMP_FIELD_AGREEMENT_FIRST_NAME, ONRAMP_FIELD_FIRST_NAME },
    { ONRAMP_FIELD_AGREEMENT_LAST_NAME, ONRAMP_FIELD_LAST_NAME },
    { ONRAMP_FIELD_AGREEMENT_EMAIL, ONRAMP_FIELD_EMAIL },
  };
  g_autofree char *phone = clean_field (customer, ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      OnrampField own = fields[i][0];
      g_autofree char *value = clean_field (customer, own);
      g_autofree char *fallback = NULL;

      if (value[0] != '\0')
        {
          if (own == ONRAMP_FIELD_AGREEMENT_EMAIL)
            check_email (own, onramp_customer_get_field (customer, own), value, issues);
          else
            check_person_name (own, value, TRUE, issues);
          continue;
        }

      fallback = clean_field (customer, fields[i][1]);
      if (fallback[0] == '\0')
        {
          add_issue (issues, own, ONRAMP_SEVERITY_ERROR, "agreement.contact-incomplete",
                     _("Enter the name and email address of the person who accepted the agreement."),
                     NULL);
          return;
        }
    }

  check_phone (ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER, phone, FALSE, rules, issues);
}

static void
check_agreement (OnrampValidator    *self,
                 OnrampCustomer     *customer,
                 OnrampCountryRules *rules,
                 GPtrArray          *issues)
{
  if (!onramp_customer_get_agreement_accepted (customer))
    {
      add_issue (issues, ONRAMP_FIELD_AGREEMENT_DATE, ONRAMP_SEVERITY_ERROR, "agreement.not-confirmed",
                 _("Confirm that the customer accepted the Microsoft Customer Agreement."), NULL);
      return;
    }

  check_agreement_date (self, customer, issues);
  check_agreement_contact (customer, rules, issues);
}

/**
 * onramp_validator_validate:
 *
 * Every check of the record, against its country's rules. Runs on every
 * keystroke: it does no I/O and costs a few microseconds.
 *
 * Returns: (transfer full) (element-type OnrampIssue): every issue of the
 *   record, errors and warnings, in field order
 */
GPtrArray *
onramp_validator_validate (OnrampValidator *self,
                           OnrampCustomer  *customer)
{
  OnrampCountryRules *rules;
  GPtrArray *issues;
  g_autoptr(GPtrArray) address_issues = NULL;

  g_return_val_if_fail (ONRAMP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);

  /* The country comes first in the form's logic, after the name and domain
   * in its order: its issues are collected aside, then appended in place */
  address_issues = g_ptr_array_new_with_free_func ((GDestroyNotify)onramp_issue_unref);
  rules = check_country (self, customer, address_issues);

  check_company_name (self, onramp_customer_get_field (customer, ONRAMP_FIELD_COMPANY_NAME),
                      rules ? onramp_country_rules_get_code (rules) : NULL, issues);
  check_domain (self, customer, issues);
  g_ptr_array_extend_and_steal (issues, g_steal_pointer (&address_issues));
  check_address (customer, rules, issues);
  check_contact (customer, rules, issues);
  check_registration_number (customer, rules, issues);
  check_agreement (self, customer, rules, issues);
  /* Subscription line items come last, like the Subscriptions page */
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

/* A Customer resource has no agreement: confirming the Microsoft Customer
 * Agreement is a separate call (partner-center-api.md §5). So a record that
 * carries no agreement data at all is not missing one. */
static gboolean
customer_has_agreement (OnrampCustomer *customer)
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

/**
 * onramp_validator_validate_resource:
 *
 * Like onramp_validator_validate(), for a record read from a Partner Center
 * Customer resource (a file, a submission): without any agreement data it
 * is not told that the agreement is missing.
 *
 * Returns: (transfer full) (element-type OnrampIssue): the issues
 */
GPtrArray *
onramp_validator_validate_resource (OnrampValidator *self,
                                    OnrampCustomer  *customer)
{
  GPtrArray *issues;
  guint index;

  g_return_val_if_fail (ONRAMP_IS_VALIDATOR (self), NULL);
  g_return_val_if_fail (ONRAMP_IS_CUSTOMER (customer), NULL);

  issues = onramp_validator_validate (self, customer);
  if (customer_has_agreement (customer))
    return issues;

  while (g_ptr_array_find_with_equal_func (issues, NULL, is_agreement_issue, &index))
    g_ptr_array_remove_index (issues, index);

  return issues;
}

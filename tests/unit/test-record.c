/* test-record.c
 *
 * Copyright 2026 The Onramp authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "onramp-validator.h"

/* Whole records, as an agent would type them, in thirteen countries and
 * three scripts. Each case starts from its country's clean record, changes
 * one field, and names the issue the validator must report — code, JSON
 * Pointer and suggestion — and how many issues the record has in all. A
 * case without a code asserts that the record is clean.
 */

typedef struct
{
  const char *country;
  const char *company;
  const char *domain;
  const char *line1;
  const char *city;
  const char *state;
  const char *postal_code;
  const char *first;
  const char *last;
  const char *email;
  const char *phone;
  const char *registration;
} CleanRecord;

static const CleanRecord clean_records[] = {
  { "US", "Contoso Pharmaceuticals Incorporated", "contosopharma", "1 Microsoft Way", "Redmond", "WA", "98052",
    "Ann", "Lee", "ann.lee@contoso.com", "+1 425 555 0101", "" },
  { "CA", "Fabrikam Canada Limited", "fabrikamca", "100 Queen St W", "Toronto", "ON", "M5H 2N2",
    "Jean", "Tremblay", "jean@fabrikam.ca", "416-555-0199", "" },
  { "GB", "Northwind Traders Limited", "northwinduk", "10 Downing Street", "London", "", "SW1A 2AA",
    "Oliver", "Smith", "oliver@northwind.co.uk", "+44 20 7946 0958", "" },
  { "DE", "Fabrikam Gesellschaft mit beschränkter Haftung", "fabrikamde", "Friedrichstraße 123", "Berlin", "", "10117",
    "Jürgen", "Müller", "j.mueller@fabrikam.de", "+49 30 1234567", "" },
  { "FR", "Contoso France", "contosofr", "12 rue de Rivoli", "Paris", "", "75001",
    "Élodie", "Dubois", "elodie@contoso.fr", "01 23 45 67 89", "" },
  { "BR", "Contoso Comércio Limitada", "contosobr", "Avenida Paulista, 1000", "São Paulo", "SP", "01310-100",
    "João", "Silva", "joao@contoso.com.br", "+55 11 91234-5678", "11.222.333/0001-81" },
  { "IN", "Tailspin Toys Private Limited", "tailspinin", "12 MG Road", "Bengaluru", "KA", "560001",
    "Priya", "Sharma", "priya@tailspin.in", "+91 98765 43210", "29AAACT1234A1Z5" },
  { "JP", "株式会社コントソ", "contosojp", "千代田1-1", "千代田区", "13", "100-0001",
    "太郎", "山田", "taro@contoso.co.jp", "03-1234-5678", "" },
  { "TW", "台灣康拓股份有限公司", "contosotw", "信義路五段7號", "臺北市", "", "110",
    "志明", "陳", "chen@contoso.com.tw", "02-2345-6789", "" },
  { "CN", "康拓科技有限公司", "contosocn", "建国路88号", "北京市", "BJ", "100022",
    "伟", "王", "wang@contoso.cn", "+86 10 1234 5678", "" },
  { "KR", "주식회사 콘토소", "contosokr", "세종대로 110", "서울특별시", "", "04524",
    "민준", "김", "minjun@contoso.co.kr", "02-123-4567", "" },
  { "RU", "ООО «Ромашка»", "romashkaru", "ул. Тверская, д. 1", "Москва", "", "125009",
    "Иван", "Петров", "ivan@romashka.ru", "+7 495 123-45-67", "7707083893" },
  { "AU", "Wingtip Toys Proprietary Limited", "wingtipau", "1 George St", "Sydney", "NSW", "2000",
    "Jack", "Wilson", "jack@wingtip.com.au", "(02) 9374 4000", "" },
  { "MX", "Contoso México", "contosomx", "Paseo de la Reforma 222", "Ciudad de México", "CMX", "06600",
    "Lucía", "Hernández", "lucia@contoso.mx", "+52 55 1234 5678", "" },
  { "PL", "Contoso Polska", "contosopl", "ul. Marszałkowska 1", "Warszawa", "", "00-950",
    "Anna", "Kowalska", "anna@contoso.pl", "+48 22 123 45 67", "5260250274" },
  { "UA", "Contoso Ukraine", "contosoua", "вул. Хрещатик, 1", "Київ", "", "01001",
    "Олена", "Шевченко", "olena@contoso.ua", "+380 44 123 4567", "00032129" },
  { "HU", "Contoso Magyarország", "contosohu", "Andrássy út 1", "Budapest", "", "1061",
    "Zoltán", "Nagy", "zoltan@contoso.hu", "+36 1 234 5678", "12345676-2-42" },
};

#define P_COMPANY "/billingProfile/companyName"
#define P_DOMAIN "/companyProfile/domain"
#define P_COUNTRY "/billingProfile/defaultAddress/country"
#define P_LINE1 "/billingProfile/defaultAddress/addressLine1"
#define P_LINE2 "/billingProfile/defaultAddress/addressLine2"
#define P_CITY "/billingProfile/defaultAddress/city"
#define P_STATE "/billingProfile/defaultAddress/state"
#define P_POSTAL "/billingProfile/defaultAddress/postalCode"
#define P_FIRST "/billingProfile/defaultAddress/firstName"
#define P_MIDDLE "/billingProfile/defaultAddress/middleName"
#define P_LAST "/billingProfile/defaultAddress/lastName"
#define P_EMAIL "/billingProfile/email"
#define P_PHONE "/billingProfile/defaultAddress/phoneNumber"
#define P_REG "/companyProfile/organizationRegistrationNumber"
#define P_DATE "/agreement/dateAgreed"
#define P_A_FIRST "/agreement/primaryContact/firstName"
#define P_A_EMAIL "/agreement/primaryContact/email"
#define P_A_PHONE "/agreement/primaryContact/phoneNumber"

#define LONG_41 "Abcdefghijklmnopqrstuvwxyzabcdefghijklmno"
#define LONG_201 "1 Long Street " \
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

/* NONE: leave the clean record as it is */
#define NONE ONRAMP_FIELD_NONE

typedef struct
{
  const char  *country;
  OnrampField  field;
  const char  *value;
  const char  *code;        /* NULL: the record is clean */
  const char  *pointer;
  const char  *suggestion;
  char         severity;    /* 'W' for a warning, else an error */
  guint        n_issues;    /* 0: one issue, or none for a clean record */
} RecordCase;

static const RecordCase record_cases[] = {
  /* every clean record is clean */
  { "US", NONE, NULL, NULL }, { "CA", NONE, NULL, NULL }, { "GB", NONE, NULL, NULL },
  { "DE", NONE, NULL, NULL }, { "FR", NONE, NULL, NULL }, { "BR", NONE, NULL, NULL },
  { "IN", NONE, NULL, NULL }, { "JP", NONE, NULL, NULL }, { "TW", NONE, NULL, NULL },
  { "CN", NONE, NULL, NULL }, { "KR", NONE, NULL, NULL }, { "RU", NONE, NULL, NULL },
  { "AU", NONE, NULL, NULL }, { "MX", NONE, NULL, NULL }, { "PL", NONE, NULL, NULL },
  { "UA", NONE, NULL, NULL }, { "HU", NONE, NULL, NULL },

  /* United States */
  { "US", ONRAMP_FIELD_STATE, "Washington", "address.state-unknown", P_STATE, "WA" },
  { "US", ONRAMP_FIELD_STATE, "wa", "address.state-unknown", P_STATE, "WA" },
  { "US", ONRAMP_FIELD_STATE, "XX", "address.state-unknown", P_STATE, NULL },
  { "US", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "US", ONRAMP_FIELD_POSTAL_CODE, "9805", "address.postal-code-format", P_POSTAL, NULL },
  { "US", ONRAMP_FIELD_POSTAL_CODE, "98052-6399", NULL },
  { "US", ONRAMP_FIELD_POSTAL_CODE, "", "address.required", P_POSTAL, NULL },
  { "US", ONRAMP_FIELD_CITY, "", "address.required", P_CITY, NULL },
  { "US", ONRAMP_FIELD_ADDRESS_LINE1, "", "address.required", P_LINE1, NULL },
  { "US", ONRAMP_FIELD_ADDRESS_LINE1, LONG_201, "address.too-long", P_LINE1, NULL },
  { "US", ONRAMP_FIELD_ADDRESS_LINE2, "Suite 400", NULL },
  { "US", ONRAMP_FIELD_COUNTRY, "USA", "address.country-unknown", P_COUNTRY, "US" },
  { "US", ONRAMP_FIELD_COUNTRY, "", "address.required", P_COUNTRY, NULL },
  { "US", ONRAMP_FIELD_COUNTRY, "us", NULL },
  { "US", ONRAMP_FIELD_PHONE_NUMBER, "+44 20 7946 0958", "contact.phone-format", P_PHONE, NULL },
  { "US", ONRAMP_FIELD_PHONE_NUMBER, "555-0101", "contact.phone-format", P_PHONE, NULL },
  { "US", ONRAMP_FIELD_PHONE_NUMBER, "call me", "contact.phone-format", P_PHONE, NULL },
  { "US", ONRAMP_FIELD_PHONE_NUMBER, "", NULL },
  { "US", ONRAMP_FIELD_PHONE_NUMBER, "(425) 555-0101", NULL },
  { "US", ONRAMP_FIELD_EMAIL, "ann.lee@microsoft.com", "contact.email-forbidden-domain", P_EMAIL, NULL },
  { "US", ONRAMP_FIELD_EMAIL, "ann@corp.microsoft.com", "contact.email-forbidden-domain", P_EMAIL, NULL },
  { "US", ONRAMP_FIELD_EMAIL, "ann.lee@contoso", "contact.email-format", P_EMAIL, NULL },
  { "US", ONRAMP_FIELD_EMAIL, "ann lee@contoso.com", "contact.email-format", P_EMAIL, NULL },
  { "US", ONRAMP_FIELD_EMAIL, "ann..lee@contoso.com", "contact.email-format", P_EMAIL, NULL },
  { "US", ONRAMP_FIELD_EMAIL, "", "contact.email-format", P_EMAIL, NULL, 0, 2 },
  { "US", ONRAMP_FIELD_FIRST_NAME, "A", "contact.name-too-short", P_FIRST, NULL },
  { "US", ONRAMP_FIELD_FIRST_NAME, "", "contact.name-empty", P_FIRST, NULL, 0, 2 },
  { "US", ONRAMP_FIELD_FIRST_NAME, "Test", "contact.name-test", P_FIRST, NULL },
  { "US", ONRAMP_FIELD_FIRST_NAME, "12345", "contact.name-invalid", P_FIRST, NULL },
  { "US", ONRAMP_FIELD_FIRST_NAME, "😀😀", "contact.name-invalid", P_FIRST, NULL },
  { "US", ONRAMP_FIELD_FIRST_NAME, "Mary-Jane", NULL },
  { "US", ONRAMP_FIELD_FIRST_NAME, "Protest", NULL },
  { "US", ONRAMP_FIELD_LAST_NAME, "Admin", "contact.name-test", P_LAST, NULL },
  { "US", ONRAMP_FIELD_LAST_NAME, "Nobody", "contact.name-test", P_LAST, NULL },
  { "US", ONRAMP_FIELD_LAST_NAME, LONG_41, "contact.name-too-long", P_LAST, NULL },
  { "US", ONRAMP_FIELD_LAST_NAME, "O’Brien", NULL },
  { "US", ONRAMP_FIELD_MIDDLE_NAME, "J", "contact.name-too-short", P_MIDDLE, NULL },
  { "US", ONRAMP_FIELD_MIDDLE_NAME, "James", NULL },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "", "domain.empty", P_DOMAIN, NULL },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "contoso-pharma", "domain.format", P_DOMAIN, "contosopharma" },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "contoso.onmicrosoft.com", "domain.format", P_DOMAIN, "contoso" },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "contoso pharma", "domain.format", P_DOMAIN, "contosopharma" },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "abcdefghijklmnopqrstuvwxyz12", "domain.too-long", P_DOMAIN, NULL },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "abcdefghijklmnopqrstuvwxyz1", NULL },
  { "US", ONRAMP_FIELD_DOMAIN_PREFIX, "Contoso123", NULL },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Contoso Inc.", "legal-name.abbreviation", P_COMPANY, "Contoso Incorporated", 'W' },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Contoso LLC", "legal-name.abbreviation", P_COMPANY, "Contoso Limited Liability Company", 'W' },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Contoso SA", "legal-name.abbreviation", P_COMPANY, NULL, 'W' },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "LLC", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Corp.", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Contoso USA", NULL },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "Contoso U.S.A.", NULL },
  { "US", ONRAMP_FIELD_COMPANY_NAME, "", "legal-name.empty", P_COMPANY, NULL },
  { "US", ONRAMP_FIELD_REGISTRATION_NUMBER, "123", NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "2026-11-26", "agreement.date-in-future", P_DATE, "2026-11-25" },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "2027-01-01T00:00:00Z", "agreement.date-in-future", P_DATE, "2026-11-25" },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "2026-11-25", NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "2026-11-25T23:59:59Z", NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "25/11/2026", "agreement.not-confirmed", P_DATE, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "2026-02-30", "agreement.not-confirmed", P_DATE, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_DATE, "", "agreement.not-confirmed", P_DATE, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_EMAIL, "boss@microsoft.com", "contact.email-forbidden-domain", P_A_EMAIL, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_EMAIL, "boss@contoso.com", NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_FIRST_NAME, "Bob", NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_FIRST_NAME, "test", "contact.name-test", P_A_FIRST, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER, "abc", "contact.phone-format", P_A_PHONE, NULL },
  { "US", ONRAMP_FIELD_AGREEMENT_PHONE_NUMBER, "+1 425 555 0102", NULL },

  /* Canada */
  { "CA", ONRAMP_FIELD_POSTAL_CODE, "m5h 2n2", "address.postal-code-format", P_POSTAL, "M5H 2N2" },
  { "CA", ONRAMP_FIELD_POSTAL_CODE, "M5H2N2", NULL },
  { "CA", ONRAMP_FIELD_POSTAL_CODE, "12345", "address.postal-code-format", P_POSTAL, NULL },
  { "CA", ONRAMP_FIELD_STATE, "Ontario", "address.state-unknown", P_STATE, "ON" },
  { "CA", ONRAMP_FIELD_STATE, "British Columbia", "address.state-unknown", P_STATE, "BC" },
  { "CA", ONRAMP_FIELD_STATE, "BC", NULL },
  { "CA", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "CA", ONRAMP_FIELD_PHONE_NUMBER, "+1 (416) 555-0199", NULL },
  { "CA", ONRAMP_FIELD_COMPANY_NAME, "Fabrikam Ltd.", "legal-name.abbreviation", P_COMPANY, "Fabrikam Limited", 'W' },
  { "CA", ONRAMP_FIELD_COMPANY_NAME, "Fabrikam Corp", "legal-name.abbreviation", P_COMPANY, "Fabrikam Corporation", 'W' },

  /* United Kingdom */
  { "GB", ONRAMP_FIELD_COUNTRY, "UK", "address.country-unknown", P_COUNTRY, "GB" },
  { "GB", ONRAMP_FIELD_COUNTRY, "gb", NULL },
  { "GB", ONRAMP_FIELD_COUNTRY, "United Kingdom", "address.country-unknown", P_COUNTRY, "GB" },
  { "GB", ONRAMP_FIELD_POSTAL_CODE, "sw1a 2aa", "address.postal-code-format", P_POSTAL, "SW1A 2AA" },
  { "GB", ONRAMP_FIELD_POSTAL_CODE, "SW1A2AA", NULL },
  { "GB", ONRAMP_FIELD_POSTAL_CODE, "EC1A 1BB", NULL },
  { "GB", ONRAMP_FIELD_POSTAL_CODE, "12345", "address.postal-code-format", P_POSTAL, NULL },
  { "GB", ONRAMP_FIELD_POSTAL_CODE, "", "address.required", P_POSTAL, NULL },
  { "GB", ONRAMP_FIELD_STATE, "Greater London", NULL },
  { "GB", ONRAMP_FIELD_COMPANY_NAME, "Northwind Ltd", "legal-name.abbreviation", P_COMPANY, "Northwind Limited", 'W' },
  { "GB", ONRAMP_FIELD_COMPANY_NAME, "Northwind PLC", "legal-name.abbreviation", P_COMPANY, "Northwind Public Limited Company", 'W' },
  { "GB", ONRAMP_FIELD_COMPANY_NAME, "Northwind LLP", "legal-name.abbreviation", P_COMPANY, "Northwind Limited Liability Partnership", 'W' },
  { "GB", ONRAMP_FIELD_COMPANY_NAME, "Ltd", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "GB", ONRAMP_FIELD_COMPANY_NAME, "northwind.co.uk", "legal-name.domain-suffix", P_COMPANY, "northwind", 'W' },
  { "GB", ONRAMP_FIELD_PHONE_NUMBER, "+1 425 555 0101", "contact.phone-format", P_PHONE, NULL },
  { "GB", ONRAMP_FIELD_PHONE_NUMBER, "020 7946 0958", NULL },
  { "GB", ONRAMP_FIELD_CITY, "", "address.required", P_CITY, NULL },

  /* Germany */
  { "DE", ONRAMP_FIELD_POSTAL_CODE, "1011", "address.postal-code-format", P_POSTAL, NULL },
  { "DE", ONRAMP_FIELD_POSTAL_CODE, "D-10117", "address.postal-code-format", P_POSTAL, NULL },
  { "DE", ONRAMP_FIELD_COMPANY_NAME, "Fabrikam GmbH", "legal-name.abbreviation", P_COMPANY,
    "Fabrikam Gesellschaft mit beschränkter Haftung", 'W' },
  { "DE", ONRAMP_FIELD_COMPANY_NAME, "Fabrikam AG", "legal-name.abbreviation", P_COMPANY, "Fabrikam Aktiengesellschaft", 'W' },
  { "DE", ONRAMP_FIELD_COMPANY_NAME, "GmbH", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "DE", ONRAMP_FIELD_COMPANY_NAME, "Musterfirma GmbH", "legal-name.test-name", P_COMPANY, NULL },
  { "DE", ONRAMP_FIELD_PHONE_NUMBER, "030 1234567", NULL },
  { "DE", ONRAMP_FIELD_EMAIL, "j.mueller＠fabrikam.de", "contact.email-format", P_EMAIL, "j.mueller@fabrikam.de", 'W' },
  { "DE", ONRAMP_FIELD_EMAIL, "J.Mueller@Fabrikam.DE", NULL },
  { "DE", ONRAMP_FIELD_STATE, "Berlin", NULL },

  /* France */
  { "FR", ONRAMP_FIELD_COMPANY_NAME, "Contoso SA", "legal-name.abbreviation", P_COMPANY, "Contoso Société anonyme", 'W' },
  { "FR", ONRAMP_FIELD_COMPANY_NAME, "Contoso SARL", "legal-name.abbreviation", P_COMPANY,
    "Contoso Société à responsabilité limitée", 'W' },
  { "FR", ONRAMP_FIELD_COMPANY_NAME, "SARL", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "FR", ONRAMP_FIELD_COMPANY_NAME, "Société Exemple", "legal-name.test-name", P_COMPANY, NULL },
  { "FR", ONRAMP_FIELD_POSTAL_CODE, "75 001", NULL },
  { "FR", ONRAMP_FIELD_POSTAL_CODE, "7500", "address.postal-code-format", P_POSTAL, NULL },
  { "FR", ONRAMP_FIELD_PHONE_NUMBER, "+33 1 23 45 67 89", NULL },
  { "FR", ONRAMP_FIELD_PHONE_NUMBER, "+33 1 23", "contact.phone-format", P_PHONE, NULL },
  { "FR", ONRAMP_FIELD_CITY, "", "address.required", P_CITY, NULL },
  { "FR", ONRAMP_FIELD_FIRST_NAME, "É", "contact.name-too-short", P_FIRST, NULL },

  /* Brazil */
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "", "registration-number.required", P_REG, NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "11222333000181", NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "11.222.333/0001", "registration-number.format", P_REG, NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "123", "registration-number.format", P_REG, NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "00.000.000/0001-91", NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "11.222.333/0001-82", "registration-number.format", P_REG, NULL },
  { "BR", ONRAMP_FIELD_REGISTRATION_NUMBER, "11.222.333/0001-71", "registration-number.format", P_REG, NULL },
  { "BR", ONRAMP_FIELD_STATE, "São Paulo", "address.state-unknown", P_STATE, "SP" },
  { "BR", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "BR", ONRAMP_FIELD_POSTAL_CODE, "01310100", NULL },
  { "BR", ONRAMP_FIELD_POSTAL_CODE, "0131-0100", "address.postal-code-format", P_POSTAL, NULL },
  { "BR", ONRAMP_FIELD_COMPANY_NAME, "Contoso Ltda", "legal-name.abbreviation", P_COMPANY, "Contoso Limitada", 'W' },
  { "BR", ONRAMP_FIELD_COMPANY_NAME, "Contoso S.A.", "legal-name.abbreviation", P_COMPANY, "Contoso Sociedade Anônima", 'W' },
  { "BR", ONRAMP_FIELD_PHONE_NUMBER, "", NULL },

  /* India */
  { "IN", ONRAMP_FIELD_REGISTRATION_NUMBER, "", "registration-number.required", P_REG, NULL },
  { "IN", ONRAMP_FIELD_REGISTRATION_NUMBER, "AAACT1234A", NULL },
  { "IN", ONRAMP_FIELD_REGISTRATION_NUMBER, "29aaact1234a1z5", "registration-number.format", P_REG, "29AAACT1234A1Z5" },
  { "IN", ONRAMP_FIELD_REGISTRATION_NUMBER, "29 AAACT 1234 A1Z5", "registration-number.format", P_REG, "29AAACT1234A1Z5" },
  { "IN", ONRAMP_FIELD_REGISTRATION_NUMBER, "1234", "registration-number.format", P_REG, NULL },
  { "IN", ONRAMP_FIELD_STATE, "Karnataka", "address.state-unknown", P_STATE, "KA" },
  { "IN", ONRAMP_FIELD_POSTAL_CODE, "056000", "address.postal-code-format", P_POSTAL, NULL },
  { "IN", ONRAMP_FIELD_COMPANY_NAME, "Tailspin Toys Pvt. Ltd.", "legal-name.abbreviation", P_COMPANY,
    "Tailspin Toys Private Limited", 'W' },
  { "IN", ONRAMP_FIELD_COMPANY_NAME, "Tailspin Toys LLP", "legal-name.abbreviation", P_COMPANY,
    "Tailspin Toys Limited Liability Partnership", 'W' },
  { "IN", ONRAMP_FIELD_PHONE_NUMBER, "+91 12345", "contact.phone-format", P_PHONE, NULL },

  /* Japan */
  { "JP", ONRAMP_FIELD_POSTAL_CODE, "1000001", NULL },
  { "JP", ONRAMP_FIELD_POSTAL_CODE, "１００－０００１", NULL },
  { "JP", ONRAMP_FIELD_POSTAL_CODE, "100-001", "address.postal-code-format", P_POSTAL, NULL },
  { "JP", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "JP", ONRAMP_FIELD_STATE, "Tokyo", "address.state-unknown", P_STATE, "13" },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "(株)コントソ", "legal-name.abbreviation", P_COMPANY, "株式会社コントソ", 'W' },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "コントソ（株）", "legal-name.abbreviation", P_COMPANY, "コントソ株式会社", 'W' },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "コントソ(有)", "legal-name.abbreviation", P_COMPANY, "コントソ有限会社", 'W' },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "合同会社コントソ", NULL },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "株式会社", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "JP", ONRAMP_FIELD_COMPANY_NAME, "テスト株式会社", "legal-name.test-name", P_COMPANY, NULL },
  { "JP", ONRAMP_FIELD_FIRST_NAME, "テスト", "contact.name-test", P_FIRST, NULL },
  { "JP", ONRAMP_FIELD_LAST_NAME, "山", NULL },
  { "JP", ONRAMP_FIELD_PHONE_NUMBER, "+81 3-1234-5678", NULL },
  { "JP", ONRAMP_FIELD_PHONE_NUMBER, "０３－１２３４－５６７８", NULL },

  /* Taiwan */
  { "TW", ONRAMP_FIELD_COMPANY_NAME, "台灣康拓(股)公司", "legal-name.abbreviation", P_COMPANY, "台灣康拓股份有限公司", 'W' },
  { "TW", ONRAMP_FIELD_COMPANY_NAME, "股份有限公司", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "TW", ONRAMP_FIELD_COMPANY_NAME, "測試有限公司", "legal-name.test-name", P_COMPANY, NULL },
  { "TW", ONRAMP_FIELD_COMPANY_NAME, "康拓 Co., Ltd.", "legal-name.abbreviation", P_COMPANY, "康拓 Company Limited", 'W' },
  { "TW", ONRAMP_FIELD_COMPANY_NAME, "ＡＢＣ　有限公司", NULL },
  { "TW", ONRAMP_FIELD_POSTAL_CODE, "11049", NULL },
  { "TW", ONRAMP_FIELD_POSTAL_CODE, "110208", NULL },
  { "TW", ONRAMP_FIELD_POSTAL_CODE, "1104", "address.postal-code-format", P_POSTAL, NULL },
  { "TW", ONRAMP_FIELD_POSTAL_CODE, "", "address.required", P_POSTAL, NULL },
  { "TW", ONRAMP_FIELD_STATE, "臺北市", NULL },
  { "TW", ONRAMP_FIELD_FIRST_NAME, "志", NULL },
  { "TW", ONRAMP_FIELD_FIRST_NAME, "測試", "contact.name-test", P_FIRST, NULL },
  { "TW", ONRAMP_FIELD_LAST_NAME, "。", "contact.name-invalid", P_LAST, NULL },
  { "TW", ONRAMP_FIELD_PHONE_NUMBER, "+886 2 2345 6789", NULL },
  { "TW", ONRAMP_FIELD_PHONE_NUMBER, "0912-345-678", NULL },
  { "TW", ONRAMP_FIELD_PHONE_NUMBER, "+886 2 234", "contact.phone-format", P_PHONE, NULL },
  { "TW", ONRAMP_FIELD_EMAIL, "chen＠contoso.com.tw", "contact.email-format", P_EMAIL, "chen@contoso.com.tw", 'W' },
  { "TW", ONRAMP_FIELD_CITY, "", "address.required", P_CITY, NULL },

  /* China */
  { "CN", ONRAMP_FIELD_STATE, "Beijing Shi", "address.state-unknown", P_STATE, "BJ" },
  { "CN", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "CN", ONRAMP_FIELD_POSTAL_CODE, "10002", "address.postal-code-format", P_POSTAL, NULL },
  { "CN", ONRAMP_FIELD_FIRST_NAME, "测试", "contact.name-test", P_FIRST, NULL },
  { "CN", ONRAMP_FIELD_LAST_NAME, "管理员", "contact.name-test", P_LAST, NULL },
  { "CN", ONRAMP_FIELD_COMPANY_NAME, "测试公司", "legal-name.test-name", P_COMPANY, NULL },
  { "CN", ONRAMP_FIELD_COMPANY_NAME, "有限公司", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "CN", ONRAMP_FIELD_COMPANY_NAME, "康拓.中国", "legal-name.domain-suffix", P_COMPANY, "康拓", 'W' },

  /* Korea */
  { "KR", ONRAMP_FIELD_POSTAL_CODE, "123-456", "address.postal-code-format", P_POSTAL, NULL },
  { "KR", ONRAMP_FIELD_COMPANY_NAME, "(주)콘토소", "legal-name.abbreviation", P_COMPANY, "주식회사콘토소", 'W' },
  { "KR", ONRAMP_FIELD_FIRST_NAME, "테스트", "contact.name-test", P_FIRST, NULL },
  { "KR", ONRAMP_FIELD_PHONE_NUMBER, "010-1234-5678", NULL },

  /* Russia */
  { "RU", ONRAMP_FIELD_REGISTRATION_NUMBER, "", "registration-number.required", P_REG, NULL },
  { "RU", ONRAMP_FIELD_REGISTRATION_NUMBER, "770708389", "registration-number.format", P_REG, NULL },
  { "RU", ONRAMP_FIELD_REGISTRATION_NUMBER, "500100732259", NULL },
  { "RU", ONRAMP_FIELD_REGISTRATION_NUMBER, "7707083894", "registration-number.format", P_REG, NULL },
  { "RU", ONRAMP_FIELD_REGISTRATION_NUMBER, "500100732258", "registration-number.format", P_REG, NULL },
  { "RU", ONRAMP_FIELD_PHONE_NUMBER, "", "contact.phone-required", P_PHONE, NULL },
  { "RU", ONRAMP_FIELD_PHONE_NUMBER, "+7 495 123-45", "contact.phone-format", P_PHONE, NULL },
  { "RU", ONRAMP_FIELD_PHONE_NUMBER, "8 495 123-45-67", NULL },
  { "RU", ONRAMP_FIELD_FIRST_NAME, "Тест", "contact.name-test", P_FIRST, NULL },
  { "RU", ONRAMP_FIELD_LAST_NAME, "Админ", "contact.name-test", P_LAST, NULL },
  { "RU", ONRAMP_FIELD_COMPANY_NAME, "ООО", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "RU", ONRAMP_FIELD_COMPANY_NAME, "OOO", "legal-name.legal-form-only", P_COMPANY, NULL },
  { "RU", ONRAMP_FIELD_COMPANY_NAME, "Ромашка", NULL },
  { "RU", ONRAMP_FIELD_POSTAL_CODE, "12500", "address.postal-code-format", P_POSTAL, NULL },

  /* Australia */
  { "AU", ONRAMP_FIELD_STATE, "New South Wales", "address.state-unknown", P_STATE, "NSW" },
  { "AU", ONRAMP_FIELD_STATE, "", "address.required", P_STATE, NULL },
  { "AU", ONRAMP_FIELD_POSTAL_CODE, "200", "address.postal-code-format", P_POSTAL, NULL },
  { "AU", ONRAMP_FIELD_COMPANY_NAME, "Wingtip Toys Pty Ltd", "legal-name.abbreviation", P_COMPANY,
    "Wingtip Toys Proprietary Limited", 'W' },
  { "AU", ONRAMP_FIELD_COMPANY_NAME, "Pty. Ltd.", "legal-name.legal-form-only", P_COMPANY, NULL },

  /* Mexico, Poland, Ukraine, Hungary */
  { "MX", ONRAMP_FIELD_STATE, "Ciudad de México", "address.state-unknown", P_STATE, "CMX" },
  { "MX", ONRAMP_FIELD_COMPANY_NAME, "Contoso S.A.", "legal-name.abbreviation", P_COMPANY, "Contoso Sociedad Anónima", 'W' },
  { "PL", ONRAMP_FIELD_REGISTRATION_NUMBER, "526-025-02-74", NULL },
  { "PL", ONRAMP_FIELD_REGISTRATION_NUMBER, "PL5260250274", NULL },
  { "PL", ONRAMP_FIELD_REGISTRATION_NUMBER, "5260250275", "registration-number.format", P_REG, NULL },
  { "PL", ONRAMP_FIELD_REGISTRATION_NUMBER, "", "registration-number.required", P_REG, NULL },
  { "PL", ONRAMP_FIELD_POSTAL_CODE, "0095", "address.postal-code-format", P_POSTAL, NULL },
  { "PL", ONRAMP_FIELD_COMPANY_NAME, "Contoso sp. z o.o.", "legal-name.abbreviation", P_COMPANY,
    "Contoso Spółka z ograniczoną odpowiedzialnością", 'W' },
  { "UA", ONRAMP_FIELD_PHONE_NUMBER, "", "contact.phone-required", P_PHONE, NULL },
  { "UA", ONRAMP_FIELD_REGISTRATION_NUMBER, "0003212", "registration-number.format", P_REG, NULL },
  { "HU", ONRAMP_FIELD_REGISTRATION_NUMBER, "12345676242", NULL },
  { "HU", ONRAMP_FIELD_COMPANY_NAME, "Contoso Kft.", "legal-name.abbreviation", P_COMPANY,
    "Contoso Korlátolt felelősségű társaság", 'W' },
  { "HU", ONRAMP_FIELD_COMPANY_NAME, "Kft", "legal-name.legal-form-only", P_COMPANY, NULL },

  /* countries that are not codes, or where no customer can be created */
  { "US", ONRAMP_FIELD_COUNTRY, "XX", "address.country-unknown", P_COUNTRY, NULL },
  { "DE", ONRAMP_FIELD_COUNTRY, "Germany", "address.country-unknown", P_COUNTRY, "DE" },
  { "DE", ONRAMP_FIELD_COUNTRY, "DEU", "address.country-unknown", P_COUNTRY, "DE" },
  { "GB", ONRAMP_FIELD_COUNTRY, "KP", "address.region-not-allowed", P_COUNTRY, NULL, 0, 2 },
};

static OnrampCustomer *
make_clean_record (const char *country)
{
  OnrampCustomer *customer = onramp_customer_new ();

  for (guint i = 0; i < G_N_ELEMENTS (clean_records); i++)
    {
      const CleanRecord *r = &clean_records[i];

      if (g_strcmp0 (r->country, country) != 0)
        continue;

      onramp_customer_set_field (customer, ONRAMP_FIELD_COUNTRY, r->country);
      onramp_customer_set_field (customer, ONRAMP_FIELD_COMPANY_NAME, r->company);
      onramp_customer_set_field (customer, ONRAMP_FIELD_DOMAIN_PREFIX, r->domain);
      onramp_customer_set_field (customer, ONRAMP_FIELD_ADDRESS_LINE1, r->line1);
      onramp_customer_set_field (customer, ONRAMP_FIELD_CITY, r->city);
      onramp_customer_set_field (customer, ONRAMP_FIELD_STATE, r->state);
      onramp_customer_set_field (customer, ONRAMP_FIELD_POSTAL_CODE, r->postal_code);
      onramp_customer_set_field (customer, ONRAMP_FIELD_FIRST_NAME, r->first);
      onramp_customer_set_field (customer, ONRAMP_FIELD_LAST_NAME, r->last);
      onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, r->email);
      onramp_customer_set_field (customer, ONRAMP_FIELD_PHONE_NUMBER, r->phone);
      onramp_customer_set_field (customer, ONRAMP_FIELD_REGISTRATION_NUMBER, r->registration);
      onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_DATE, "2026-11-20");
      onramp_customer_set_agreement_accepted (customer, TRUE);
      return customer;
    }

  g_assert_not_reached ();
}

static OnrampValidator *
make_validator (void)
{
  OnrampValidator *validator = onramp_validator_new ();
  g_autoptr(GDate) today = g_date_new_dmy (25, G_DATE_NOVEMBER, 2026);

  onramp_validator_set_today (validator, today);
  return validator;
}

static const OnrampIssue *
find_issue (GPtrArray  *issues,
            const char *code,
            const char *pointer)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const OnrampIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (onramp_issue_get_code (issue), code) == 0 &&
          g_strcmp0 (onramp_issue_get_pointer (issue), pointer) == 0)
        return issue;
    }

  return NULL;
}

static void
log_issues (GPtrArray *issues)
{
  for (guint i = 0; i < issues->len; i++)
    {
      const OnrampIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("    %s %s %s: %s [%s]", onramp_severity_to_string (onramp_issue_get_severity (issue)),
                      onramp_issue_get_code (issue), onramp_issue_get_pointer (issue),
                      onramp_issue_get_message (issue),
                      onramp_issue_get_suggestion (issue) ? onramp_issue_get_suggestion (issue) : "");
    }
}

static void
test_record_table (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (G_N_ELEMENTS (record_cases), >=, 150);

  for (guint i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      const RecordCase *c = &record_cases[i];
      g_autoptr(OnrampCustomer) customer = make_clean_record (c->country);
      g_autoptr(GPtrArray) issues = NULL;
      const OnrampIssue *issue;
      guint expected = c->n_issues ? c->n_issues : (c->code ? 1 : 0);

      g_hash_table_add (countries, (gpointer)c->country);
      if (c->field != NONE)
        onramp_customer_set_field (customer, c->field, c->value);

      issues = onramp_validator_validate (validator, customer);
      g_test_message ("%s %s = “%s” → %u issue(s)", c->country,
                      c->field != NONE ? onramp_field_get_property_name (c->field) : "(clean)",
                      c->value ? c->value : "", issues->len);
      log_issues (issues);

      g_assert_cmpuint (issues->len, ==, expected);
      if (c->code == NULL)
        continue;

      issue = find_issue (issues, c->code, c->pointer);
      g_assert_nonnull (issue);
      g_assert_cmpstr (onramp_issue_get_suggestion (issue), ==, c->suggestion);
      g_assert_cmpstr (onramp_issue_get_message (issue), !=, "");
      g_assert_cmpint (onramp_issue_get_severity (issue), ==,
                       c->severity == 'W' ? ONRAMP_SEVERITY_WARNING : ONRAMP_SEVERITY_ERROR);
    }

  g_assert_cmpuint (g_hash_table_size (countries), >=, 12);
}

static void
test_agreement_not_confirmed (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(OnrampCustomer) customer = make_clean_record ("TW");
  g_autoptr(GPtrArray) issues = NULL;

  /* Not accepted: the date and the person do not matter yet */
  onramp_customer_set_agreement_accepted (customer, FALSE);
  onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_DATE, "2030-01-01");
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_nonnull (find_issue (issues, "agreement.not-confirmed", P_DATE));
  g_assert_true (onramp_issues_have_errors (issues));
}

static void
test_agreement_contact_defaults_to_primary (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(OnrampCustomer) customer = make_clean_record ("US");
  g_autoptr(GPtrArray) issues = NULL;

  /* Empty acceptor fields take the primary contact's values: clean */
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* Neither the primary contact nor the acceptor has an email */
  onramp_customer_set_field (customer, ONRAMP_FIELD_EMAIL, NULL);
  issues = onramp_validator_validate (validator, customer);
  g_assert_nonnull (find_issue (issues, "contact.email-format", P_EMAIL));
  g_assert_nonnull (find_issue (issues, "agreement.contact-incomplete", P_A_EMAIL));
  g_assert_cmpuint (issues->len, ==, 2);
  g_clear_pointer (&issues, g_ptr_array_unref);

  /* The acceptor's own email completes it */
  onramp_customer_set_field (customer, ONRAMP_FIELD_AGREEMENT_EMAIL, "cfo@contoso.com");
  issues = onramp_validator_validate (validator, customer);
  g_assert_null (find_issue (issues, "agreement.contact-incomplete", P_A_EMAIL));
  g_assert_cmpuint (issues->len, ==, 1);
}

static void
test_domain_taken (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(OnrampCustomer) customer = make_clean_record ("DE");
  g_autoptr(GPtrArray) issues = NULL;

  onramp_validator_set_domain_taken (validator, "FabrikamDE", TRUE);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_nonnull (find_issue (issues, "domain.taken", P_DOMAIN));
  g_assert_nonnull (strstr (onramp_issue_get_message (issues->pdata[0]), "fabrikamde.onmicrosoft.com"));
  g_clear_pointer (&issues, g_ptr_array_unref);

  onramp_validator_set_domain_taken (validator, "fabrikamde", FALSE);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_allowed_countries (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(OnrampCustomer) customer = make_clean_record ("JP");
  g_autoptr(GPtrArray) issues = NULL;
  const char * const asia[] = { "tw", "HK", "SG", NULL };
  const char * const with_japan[] = { "JP", NULL };

  onramp_validator_set_allowed_countries (validator, asia);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 1);
  g_assert_nonnull (find_issue (issues, "address.region-not-allowed", P_COUNTRY));
  g_clear_pointer (&issues, g_ptr_array_unref);

  onramp_validator_set_allowed_countries (validator, with_japan);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&issues, g_ptr_array_unref);

  onramp_validator_set_allowed_countries (validator, NULL);
  issues = onramp_validator_validate (validator, customer);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_issue_order (void)
{
  g_autoptr(OnrampValidator) validator = make_validator ();
  g_autoptr(OnrampCustomer) customer = onramp_customer_new ();
  g_autoptr(GPtrArray) issues = NULL;
  OnrampField previous = 0;

  /* An empty record: errors for every required field, in form order */
  issues = onramp_validator_validate (validator, customer);
  g_assert_true (onramp_issues_have_errors (issues));
  g_assert_nonnull (find_issue (issues, "legal-name.empty", P_COMPANY));
  g_assert_nonnull (find_issue (issues, "domain.empty", P_DOMAIN));
  g_assert_nonnull (find_issue (issues, "address.required", P_COUNTRY));
  g_assert_nonnull (find_issue (issues, "address.required", P_LINE1));
  g_assert_nonnull (find_issue (issues, "address.required", P_CITY));
  g_assert_nonnull (find_issue (issues, "contact.name-empty", P_FIRST));
  g_assert_nonnull (find_issue (issues, "contact.name-empty", P_LAST));
  g_assert_nonnull (find_issue (issues, "contact.email-format", P_EMAIL));
  g_assert_nonnull (find_issue (issues, "agreement.not-confirmed", P_DATE));

  for (guint i = 0; i < issues->len; i++)
    {
      OnrampField field = onramp_issue_get_field (issues->pdata[i]);

      g_assert_cmpint (field, >=, previous);
      previous = field;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/table", test_record_table);
  g_test_add_func ("/record/agreement/not-confirmed", test_agreement_not_confirmed);
  g_test_add_func ("/record/agreement/contact-defaults-to-primary", test_agreement_contact_defaults_to_primary);
  g_test_add_func ("/record/domain-taken", test_domain_taken);
  g_test_add_func ("/record/allowed-countries", test_allowed_countries);
  g_test_add_func ("/record/issue-order", test_issue_order);

  return g_test_run ();
}

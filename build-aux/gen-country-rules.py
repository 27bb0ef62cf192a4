#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes data/country-rules.json: the bundled per-country form rules that
# Onramp uses until (and unless) Partner Center's own
# GET /v1/countryvalidationrules/{iso2} answer is cached.
#
# Inputs: Debian's iso-codes (every ISO 3166-1 country and its ISO 3166-2
# subdivisions) and the hand-written tables below, written from public facts
# (postal systems, calling codes, national tax/registration identifiers, the
# Partner Center documentation summarised in partner-center-api.md §1 and §3).
#
# Usage: build-aux/gen-country-rules.py [ISO_CODES_JSON_DIR] > data/country-rules.json
# The output is committed; the build only compiles it into a GResource.

import json
import re
import sys

ISO_DIR = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/iso-codes/json'

# Country calling codes (ITU-T E.164 assignments), one or more per country.
CALLING_CODES = '''
AD 376 AE 971 AF 93 AG 1 AI 1 AL 355 AM 374 AO 244 AQ 672 AR 54 AS 1 AT 43 AU 61
AW 297 AX 358 AZ 994 BA 387 BB 1 BD 880 BE 32 BF 226 BG 359 BH 973 BI 257 BJ 229
BL 590 BM 1 BN 673 BO 591 BQ 599 BR 55 BS 1 BT 975 BV 47 BW 267 BY 375 BZ 501
CA 1 CC 61 CD 243 CF 236 CG 242 CH 41 CI 225 CK 682 CL 56 CM 237 CN 86 CO 57
CR 506 CU 53 CV 238 CW 599 CX 61 CY 357 CZ 420 DE 49 DJ 253 DK 45 DM 1 DO 1
DZ 213 EC 593 EE 372 EG 20 EH 212 ER 291 ES 34 ET 251 FI 358 FJ 679 FK 500
FM 691 FO 298 FR 33 GA 241 GB 44 GD 1 GE 995 GF 594 GG 44 GH 233 GI 350 GL 299
GM 220 GN 224 GP 590 GQ 240 GR 30 GS 500 GT 502 GU 1 GW 245 GY 592 HK 852 HM 672
HN 504 HR 385 HT 509 HU 36 ID 62 IE 353 IL 972 IM 44 IN 91 IO 246 IQ 964 IR 98
IS 354 IT 39 JE 44 JM 1 JO 962 JP 81 KE 254 KG 996 KH 855 KI 686 KM 269 KN 1
KP 850 KR 82 KW 965 KY 1 KZ 7 LA 856 LB 961 LC 1 LI 423 LK 94 LR 231 LS 266
LT 370 LU 352 LV 371 LY 218 MA 212 MC 377 MD 373 ME 382 MF 590 MG 261 MH 692
MK 389 ML 223 MM 95 MN 976 MO 853 MP 1 MQ 596 MR 222 MS 1 MT 356 MU 230 MV 960
MW 265 MX 52 MY 60 MZ 258 NA 264 NC 687 NE 227 NF 672 NG 234 NI 505 NL 31 NO 47
NP 977 NR 674 NU 683 NZ 64 OM 968 PA 507 PE 51 PF 689 PG 675 PH 63 PK 92 PL 48
PM 508 PN 64 PR 1 PS 970 PT 351 PW 680 PY 595 QA 974 RE 262 RO 40 RS 381 RU 7
RW 250 SA 966 SB 677 SC 248 SD 249 SE 46 SG 65 SH 290 SI 386 SJ 47 SK 421 SL 232
SM 378 SN 221 SO 252 SR 597 SS 211 ST 239 SV 503 SX 1 SY 963 SZ 268 TC 1 TD 235
TF 262 TG 228 TH 66 TJ 992 TK 690 TL 670 TM 993 TN 216 TO 676 TR 90 TT 1 TV 688
TW 886 TZ 255 UA 380 UG 256 UM 1 US 1 UY 598 UZ 998 VA 39 VC 1 VE 58 VG 1 VI 1
VN 84 VU 678 WF 681 WS 685 YE 967 YT 262 ZA 27 ZM 260 ZW 263
'''

# Postal codes: pattern (anchored when used) and one sample. Countries absent
# here have no postal code system in general use; the field is optional there.
POSTAL = {
    'AD': (r'AD\d{3}', 'AD100'), 'AF': (r'\d{4}', '1001'), 'AI': (r'(?:AI-)?2640', '2640'),
    'AL': (r'\d{4}', '1001'), 'AM': (r'\d{4}', '0010'), 'AR': (r'(?:[A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})', 'C1070AAM'),
    'AS': (r'96799', '96799'), 'AT': (r'\d{4}', '1010'), 'AU': (r'\d{4}', '2060'), 'AX': (r'22\d{3}', '22150'),
    'AZ': (r'(?:AZ ?)?\d{4}', 'AZ1000'), 'BA': (r'\d{5}', '71000'), 'BB': (r'(?:BB\d{5})?', 'BB23026'),
    'BD': (r'\d{4}', '1340'), 'BE': (r'\d{4}', '4000'), 'BG': (r'\d{4}', '1000'), 'BH': (r'(?:\d|1[0-2])\d{2}', '317'),
    'BL': (r'9[78][01]\d{2}', '97100'), 'BM': (r'[A-Z]{2} ?[A-Z0-9]{2}', 'FL 07'), 'BN': (r'[A-Z]{2} ?\d{4}', 'BT2328'),
    'BR': (r'\d{5}-?\d{3}', '40301-110'), 'BT': (r'\d{5}', '11001'), 'BY': (r'\d{6}', '223016'),
    'CA': (r'[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d', 'H3Z 2Y7'),
    'CC': (r'6799', '6799'), 'CH': (r'\d{4}', '8001'), 'CL': (r'\d{7}', '8340457'), 'CN': (r'\d{6}', '100000'),
    'CO': (r'\d{6}', '111221'), 'CR': (r'\d{5}(?:-\d{4})?', '10101'), 'CU': (r'\d{5}', '10700'),
    'CV': (r'\d{4}', '7600'), 'CX': (r'6798', '6798'), 'CY': (r'\d{4}', '2008'), 'CZ': (r'\d{3} ?\d{2}', '100 00'),
    'DE': (r'\d{5}', '26133'), 'DK': (r'\d{4}', '8660'), 'DO': (r'\d{5}', '11903'), 'DZ': (r'\d{5}', '40304'),
    'EC': (r'\d{6}', '090105'), 'EE': (r'\d{5}', '69501'), 'EG': (r'\d{5}', '12411'), 'ES': (r'\d{5}', '28039'),
    'ET': (r'\d{4}', '1000'), 'FI': (r'\d{5}', '00550'), 'FK': (r'FIQQ 1ZZ', 'FIQQ 1ZZ'), 'FM': (r'9694[1-4](?:[ \-]\d{4})?', '96941'),
    'FO': (r'\d{3}', '100'), 'FR': (r'\d{2} ?\d{3}', '75008'), 'GB': (r'GIR ?0AA|(?:[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y])) ?\d[ABD-HJLNP-UW-Z]{2}', 'SW1A 1AA'),
    'GE': (r'\d{4}', '0101'), 'GF': (r'9[78]3\d{2}', '97300'), 'GG': (r'GY\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}', 'GY1 1AA'),
    'GI': (r'GX11 1AA', 'GX11 1AA'), 'GL': (r'39\d{2}', '3900'), 'GP': (r'9[78][01]\d{2}', '97100'), 'GR': (r'\d{3} ?\d{2}', '151 24'),
    'GS': (r'SIQQ 1ZZ', 'SIQQ 1ZZ'), 'GT': (r'\d{5}', '09001'), 'GU': (r'969(?:[12]\d|3[12])(?:[ \-]\d{4})?', '96910'),
    'GW': (r'\d{4}', '1000'), 'HM': (r'\d{4}', '7050'), 'HN': (r'\d{5}', '31301'), 'HR': (r'\d{5}', '10000'),
    'HT': (r'\d{4}', '6120'), 'HU': (r'\d{4}', '1037'), 'ID': (r'\d{5}', '40115'), 'IE': (r'[\dA-Z]{3} ?[\dA-Z]{4}', 'A65 F4E2'),
    'IL': (r'\d{5}(?:\d{2})?', '9614303'), 'IM': (r'IM\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}', 'IM2 1AA'), 'IN': (r'[1-9]\d{5}', '110034'),
    'IO': (r'BBND 1ZZ', 'BBND 1ZZ'), 'IQ': (r'\d{5}', '31001'), 'IR': (r'\d{5}-?\d{5}', '11936-12345'), 'IS': (r'\d{3}', '320'),
    'IT': (r'\d{5}', '00144'), 'JE': (r'JE\d[\dA-Z]? ?\d[ABD-HJLN-UW-Z]{2}', 'JE1 1AA'), 'JO': (r'\d{5}', '11937'),
    'JP': (r'\d{3}-?\d{4}', '154-0023'), 'KE': (r'\d{5}', '20100'), 'KG': (r'\d{6}', '720001'), 'KH': (r'\d{5,6}', '120101'),
    'KN': (r'KN\d{4}(?:-\d{4})?', 'KN0101'), 'KR': (r'\d{5}', '03051'), 'KW': (r'\d{5}', '54541'), 'KY': (r'KY\d-\d{4}', 'KY1-1100'),
    'KZ': (r'(?:[A-Z]\d{2}[A-Z]\d[A-Z]\d|\d{6})', '050000'), 'LA': (r'\d{5}', '01160'), 'LB': (r'(?:\d{4})(?: ?(?:\d{4}))?', '2038 3054'),
    'LI': (r'948[5-9]|949[0-8]', '9496'), 'LK': (r'\d{5}', '20000'), 'LR': (r'\d{4}', '1000'), 'LS': (r'\d{3}', '100'),
    'LT': (r'(?:LT-)?\d{5}', 'LT-04340'), 'LU': (r'(?:L-)?\d{4}', '4750'), 'LV': (r'(?:LV-)?\d{4}', 'LV-1073'),
    'MA': (r'\d{5}', '53000'), 'MC': (r'980\d{2}', '98000'), 'MD': (r'(?:MD-?)?\d{4}', 'MD-2012'), 'ME': (r'8\d{4}', '81257'),
    'MF': (r'9[78][01]\d{2}', '97100'), 'MG': (r'\d{3}', '501'), 'MH': (r'969[67]\d(?:[ \-]\d{4})?', '96960'),
    'MK': (r'\d{4}', '1314'), 'MM': (r'\d{5}', '11181'), 'MN': (r'\d{5}', '65030'), 'MP': (r'9695\d(?:[ \-]\d{4})?', '96950'),
    'MQ': (r'9[78]2\d{2}', '97220'), 'MT': (r'[A-Z]{3} ?\d{2,4}', 'NXR 01'), 'MU': (r'\d{3}(?:\d{2}|[A-Z]{2}\d{3})', '42602'),
    'MV': (r'\d{5}', '20026'), 'MX': (r'\d{5}', '02860'), 'MY': (r'\d{5}', '43000'), 'MZ': (r'\d{4}', '1102'),
    'NA': (r'\d{5}', '10001'), 'NC': (r'988\d{2}', '98814'), 'NE': (r'\d{4}', '8001'), 'NF': (r'2899', '2899'),
    'NG': (r'\d{6}', '100001'), 'NI': (r'\d{5}', '52000'), 'NL': (r'\d{4} ?[A-Z]{2}', '1234 AB'), 'NO': (r'\d{4}', '0025'),
    'NP': (r'\d{5}', '44601'), 'NZ': (r'\d{4}', '6001'), 'OM': (r'(?:PC )?\d{3}', '133'), 'PA': (r'\d{4}', '0801'),
    'PE': (r'(?:LIMA \d{1,2}|CALLAO 0?\d|\d{5})', 'LIMA 23'), 'PF': (r'987\d{2}', '98709'), 'PG': (r'\d{3}', '111'),
    'PH': (r'\d{4}', '1008'), 'PK': (r'\d{5}', '44000'), 'PL': (r'\d{2}-?\d{3}', '00-950'), 'PM': (r'9[78]5\d{2}', '97500'),
    'PN': (r'PCRN 1ZZ', 'PCRN 1ZZ'), 'PR': (r'00[679]\d{2}(?:[ \-]\d{4})?', '00930'), 'PS': (r'\d{3}', '600'),
    'PT': (r'\d{4}-\d{3}', '2725-079'), 'PW': (r'(?:969(?:39|40))(?:[ \-]\d{4})?', '96940'), 'PY': (r'\d{4}', '1536'),
    'RE': (r'9[78]4\d{2}', '97400'), 'RO': (r'\d{6}', '060274'), 'RS': (r'\d{5,6}', '106314'), 'RU': (r'\d{6}', '247112'),
    'SA': (r'\d{5}(?:-\d{4})?', '11564'), 'SD': (r'\d{5}', '11042'), 'SE': (r'\d{3} ?\d{2}', '11455'), 'SG': (r'\d{6}', '546080'),
    'SH': (r'(?:ASCN|STHL|TDCU) 1ZZ', 'STHL 1ZZ'), 'SI': (r'\d{4}', '4000'), 'SJ': (r'\d{4}', '9170'), 'SK': (r'\d{3} ?\d{2}', '010 01'),
    'SM': (r'4789\d', '47890'), 'SN': (r'\d{5}', '12500'), 'SO': (r'[A-Z]{2} ?\d{5}', 'JH 09010'), 'SV': (r'CP [1-3][1-7][0-2]\d', 'CP 1101'),
    'SZ': (r'[HLMS]\d{3}', 'H100'), 'TC': (r'TKCA 1ZZ', 'TKCA 1ZZ'), 'TH': (r'\d{5}', '10150'), 'TJ': (r'\d{6}', '734000'),
    'TM': (r'\d{6}', '744000'), 'TN': (r'\d{4}', '1002'), 'TR': (r'\d{5}', '01960'), 'TW': (r'\d{3}(?:\d{2,3})?', '106'),
    'TZ': (r'\d{4,5}', '6090'), 'UA': (r'\d{5}', '15432'), 'UM': (r'96898', '96898'), 'US': (r'\d{5}(?:[ \-]\d{4})?', '98052'),
    'UY': (r'\d{5}', '11600'), 'UZ': (r'\d{6}', '702100'), 'VA': (r'00120', '00120'), 'VC': (r'VC\d{4}', 'VC0100'),
    'VE': (r'\d{4}', '1010'), 'VG': (r'VG\d{4}', 'VG1110'), 'VI': (r'008(?:(?:[0-4]\d)|(?:5[01]))(?:[ \-]\d{4})?', '00802'),
    'VN': (r'\d{5}\d?', '70010'), 'WF': (r'986\d{2}', '98600'), 'WS': (r'WS\d{4}', 'WS1382'), 'YT': (r'976\d{2}', '97600'),
    'ZA': (r'\d{4}', '0083'), 'ZM': (r'\d{5}', '20100'),
}

# Where the postal code exists but is not asked for (Ireland's Eircode is
# recent; Hong Kong, Panama and others have none in everyday use).
POSTAL_OPTIONAL = {'IE', 'HK', 'PA', 'BB', 'BM', 'JM', 'NG', 'AE', 'QA', 'BH', 'OM', 'LB', 'KY', 'PE', 'MU', 'LK', 'CO', 'CR', 'NI', 'HN', 'GT', 'SV', 'BO'}

# Where the state, province or equivalent is required, with the label a form
# should give it. The list of subdivisions comes from ISO 3166-2 (top level),
# codes without the country prefix — the form Partner Center expects ("WA").
STATE_REQUIRED = {
    'US': 'state', 'CA': 'province', 'AU': 'state', 'BR': 'state', 'MX': 'state', 'IN': 'state',
    'CN': 'province', 'JP': 'prefecture', 'MY': 'state', 'AR': 'province', 'AE': 'emirate',
}
# Where a subdivision list helps, though the field is optional.
STATE_OPTIONAL = {
    'TW': 'county-city', 'KR': 'province', 'IT': 'region', 'ES': 'province', 'TH': 'province', 'NG': 'state',
    'CO': 'department', 'CL': 'region', 'PE': 'region', 'VE': 'state', 'EG': 'governorate', 'ID': 'province',
    'PH': 'province', 'IE': 'county', 'RU': 'region', 'UA': 'oblast', 'KZ': 'region', 'BY': 'region',
    'TR': 'province', 'VN': 'province', 'SA': 'region', 'ZA': 'province', 'PL': 'province', 'HK': 'area',
    'GB': 'county', 'NZ': 'region', 'CH': 'canton', 'JM': 'parish', 'FR': 'region', 'DE': 'state', 'AT': 'state',
}
# Labels for free-text state fields where no list is bundled
STATE_LABEL_ONLY = {'IE': 'county', 'GB': 'county'}
# Countries whose list is not bundled (too many levels or not asked for in a form)
STATE_NO_LIST = {'GB', 'IE', 'FR', 'ES', 'IT', 'PH', 'ID', 'PL'}

# The city is optional only in city-states.
CITY_OPTIONAL = {'SG', 'MC', 'VA', 'GI', 'HK', 'MO', 'BH'}

POSTAL_LABEL = {'US': 'zip', 'PH': 'zip', 'IN': 'pin', 'GB': 'postcode', 'AU': 'postcode', 'NZ': 'postcode',
                'IE': 'eircode', 'BR': 'cep', 'IM': 'postcode', 'JE': 'postcode', 'GG': 'postcode'}

# Postal code first (then state, city, street): East Asian addressing.
POSTAL_FIRST = {'TW', 'JP', 'CN'}
# City, then state, then postal code (the Anglo-American order).
CITY_STATE_POSTAL = {'US', 'CA', 'AU', 'GB', 'IE', 'NZ', 'IN', 'MY', 'SG', 'PH', 'ZA', 'HK', 'AE', 'SA', 'EG',
                     'NG', 'KE', 'PK', 'BD', 'LK', 'KR', 'TH', 'ID', 'VN', 'PR', 'JM'}

# Country calling number patterns, matched against the national digits (the
# calling code and punctuation removed). Only where the plan is well known.
PHONE = {
    'US': r'1?[2-9]\d{2}[2-9]\d{6}', 'CA': r'1?[2-9]\d{2}[2-9]\d{6}', 'TW': r'0?[2-9]\d{7,8}',
    'FR': r'0?[1-9]\d{8}', 'RU': r'[78]?\d{10}', 'KZ': r'[78]?\d{10}', 'GB': r'0?\d{9,10}',
    'DE': r'0?[1-9]\d{5,13}', 'JP': r'0?\d{9,10}', 'CN': r'0?\d{9,11}', 'AU': r'0?[2-478]\d{8}',
    'IN': r'0?\d{10}', 'BR': r'0?\d{10,11}', 'KR': r'0?\d{8,10}', 'BY': r'(?:80)?\d{9}',
    'UA': r'0?\d{9}', 'PL': r'\d{9}', 'ES': r'[6-9]\d{8}', 'IT': r'\d{6,11}', 'NL': r'0?\d{9}',
}

# Partner Center requires a phone number here (error 600051).
PHONE_REQUIRED = {'AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA'}

# Company registration identifiers where Partner Center requires one: the
# local name (kept untranslated — it is a proper name), pattern and a sample.
REGISTRATION = {
    'AM': ('TIN (ՀՎՀՀ)', r'\d{8}', '02500052'),
    'AZ': ('VÖEN', r'\d{10}', '1400057421'),
    'BY': ('UNP', r'\d{9}', '100582333'),
    'HU': ('adószám', r'\d{8}-?\d-?\d{2}', '12345676-2-42'),
    'KZ': ('BIN', r'\d{12}', '940740000911'),
    'KG': ('INN (ИНН)', r'\d{14}', '01203199910091'),
    'MD': ('IDNO', r'\d{13}', '1003600006563'),
    'RU': ('INN (ИНН)', r'\d{10}(?:\d{2})?', '7707083893'),
    'TJ': ('INN (ИНН)', r'\d{9}', '020012345'),
    'UZ': ('STIR (INN)', r'\d{9}', '201234567'),
    'UA': ('EDRPOU (ЄДРПОУ)', r'\d{8}(?:\d{2})?', '00032129'),
    'BR': ('CNPJ', r'\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}', '00.000.000/0001-91'),
    'IN': ('GSTIN or PAN', r'(?:\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[\dA-Z]|[A-Z]{5}\d{4}[A-Z])', '27AAACR5055K1Z7'),
    'ZA': ('CIPC registration number', r'\d{4}/\d{6}/\d{2}', '1999/012345/07'),
    'PL': ('NIP', r'(?:PL)?\d{3}-?\d{3}-?\d{2}-?\d{2}', '5260250274'),
    'AE': ('TRN', r'\d{15}', '100123456700003'),
    'SA': ('CR number', r'\d{10}', '1010123456'),
    'TR': ('VKN', r'\d{10}', '4540536920'),
    'TH': ('Tax ID', r'\d{13}', '0105536112014'),
    'VN': ('MST', r'\d{10}(?:-?\d{3})?', '0100109106'),
    'MM': ('Company registration number', r'[\dA-Z/\-]{5,20}', '100123456'),
    'IQ': ('Company registration number', r'[\dA-Z/\-]{3,20}', '12345'),
    'SS': ('Company registration number', r'[\dA-Z/\-]{3,20}', '12345'),
    'VE': ('RIF', r'[JGVEPC]-?\d{8}-?\d', 'J-00012345-6'),
}

# Communication languages and cultures: (default culture, other cultures).
# Every country also accepts English (en / en-US).
CULTURES = {
    'AR': 'es-AR', 'AT': 'de-AT', 'AU': 'en-AU', 'BE': 'nl-BE fr-BE', 'BG': 'bg-BG', 'BO': 'es-BO', 'BR': 'pt-BR',
    'BY': 'ru-RU', 'CA': 'en-CA fr-CA', 'CH': 'de-CH fr-CH it-CH', 'CL': 'es-CL', 'CN': 'zh-CN', 'CO': 'es-CO',
    'CR': 'es-CR', 'CZ': 'cs-CZ', 'DE': 'de-DE', 'DK': 'da-DK', 'DO': 'es-DO', 'EC': 'es-EC', 'EE': 'et-EE',
    'EG': 'ar-EG', 'ES': 'es-ES ca-ES eu-ES gl-ES', 'FI': 'fi-FI sv-FI', 'FR': 'fr-FR', 'GB': 'en-GB', 'GR': 'el-GR',
    'GT': 'es-GT', 'HK': 'zh-HK', 'HR': 'hr-HR', 'HU': 'hu-HU', 'ID': 'id-ID', 'IE': 'en-IE', 'IL': 'he-IL',
    'IN': 'en-IN', 'IT': 'it-IT', 'JP': 'ja-JP', 'KR': 'ko-KR', 'KZ': 'ru-RU kk-KZ', 'LT': 'lt-LT', 'LU': 'fr-LU de-LU',
    'LV': 'lv-LV', 'MX': 'es-MX', 'MY': 'en-MY ms-MY', 'NL': 'nl-NL', 'NO': 'nb-NO', 'NZ': 'en-NZ', 'PA': 'es-PA',
    'PE': 'es-PE', 'PH': 'en-PH', 'PL': 'pl-PL', 'PT': 'pt-PT', 'PY': 'es-PY', 'RO': 'ro-RO', 'RS': 'sr-Latn-RS',
    'RU': 'ru-RU', 'SA': 'ar-SA', 'AE': 'en-AE ar-AE', 'SE': 'sv-SE', 'SG': 'en-SG zh-SG', 'SI': 'sl-SI',
    'SK': 'sk-SK', 'TH': 'th-TH', 'TR': 'tr-TR', 'TW': 'zh-TW', 'UA': 'uk-UA', 'US': 'en-US', 'UY': 'es-UY',
    'VE': 'es-VE', 'VN': 'vi-VN', 'ZA': 'en-ZA', 'MA': 'fr-MA ar-MA', 'DZ': 'fr-DZ ar-DZ', 'TN': 'fr-TN ar-TN',
    'QA': 'ar-QA', 'KW': 'ar-KW', 'BH': 'ar-BH', 'OM': 'ar-OM', 'JO': 'ar-JO', 'LB': 'ar-LB', 'IQ': 'ar-IQ',
    'AM': 'hy-AM ru-RU', 'AZ': 'az-Latn-AZ ru-RU', 'GE': 'ka-GE', 'KG': 'ru-RU', 'TJ': 'ru-RU', 'UZ': 'uz-Latn-UZ ru-RU',
    'MD': 'ro-MD ru-RU', 'IS': 'is-IS', 'MT': 'en-MT mt-MT', 'CY': 'el-CY', 'MO': 'zh-MO', 'MN': 'mn-MN',
    'PR': 'es-PR en-US', 'SV': 'es-SV', 'HN': 'es-HN', 'NI': 'es-NI', 'CU': 'es-CU', 'MM': 'my-MM',
    'KH': 'km-KH', 'LA': 'lo-LA', 'BD': 'bn-BD', 'PK': 'en-PK ur-PK', 'LK': 'si-LK', 'NP': 'ne-NP',
    'SN': 'fr-SN', 'CI': 'fr-CI', 'CM': 'fr-CM', 'ML': 'fr-ML', 'BF': 'fr-BF', 'NE': 'fr-NE', 'TG': 'fr-TG',
    'BJ': 'fr-BJ', 'GA': 'fr-GA', 'CD': 'fr-CD', 'CG': 'fr-CG', 'MG': 'fr-MG', 'HT': 'fr-HT', 'MC': 'fr-MC',
    'AO': 'pt-AO', 'MZ': 'pt-MZ', 'CV': 'pt-CV', 'BA': 'bs-Latn-BA', 'ME': 'sr-Latn-ME', 'MK': 'mk-MK',
    'AL': 'sq-AL', 'LI': 'de-LI', 'AD': 'ca-AD', 'SM': 'it-SM', 'VA': 'it-VA', 'FO': 'fo-FO', 'GL': 'kl-GL',
}

# Countries Partner Center does not sell to (comprehensive sanctions) or
# that have no permanent population.
NOT_SOLD = {'CU', 'IR', 'KP', 'SY', 'AQ', 'BV', 'HM', 'TF', 'UM', 'GS'}


def calling_codes():
    words = CALLING_CODES.split()
    table = {}
    for code, cc in zip(words[::2], words[1::2]):
        table.setdefault(code, []).append(cc)
    return table


def load(name, key):
    with open(f'{ISO_DIR}/{name}', encoding='utf-8') as f:
        return json.load(f)[key]


def subdivisions(iso2, entries):
    top = [e for e in entries if e['code'].startswith(iso2 + '-') and 'parent' not in e]
    names = [e['name'] for e in top]
    result = []
    for e in sorted(top, key=lambda e: e['name']):
        name = e['name']
        # "Chiayi" the city and "Chiayi" the county: keep them apart
        if names.count(name) > 1:
            name = f"{name} ({e['type']})"
        result.append([e['code'].split('-', 1)[1], name, e['name']])
    return result


def address_order(iso2):
    if iso2 in POSTAL_FIRST:
        return ['postalCode', 'state', 'city', 'addressLine1', 'addressLine2']
    if iso2 in CITY_STATE_POSTAL:
        return ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode']
    return ['addressLine1', 'addressLine2', 'postalCode', 'city', 'state']


def check(pattern, sample, what):
    if not re.fullmatch(pattern, sample):
        sys.exit(f'{what}: sample {sample!r} does not match {pattern!r}')


def rules_for(country, subdivision_entries, codes):
    iso2 = country['alpha_2']
    rules = {
        # msgid in the iso_3166-1 gettext domain: the common name when there is one
        'name': country.get('common_name', country['name']),
        'alpha3': country['alpha_3'],
        'isCityRequired': iso2 not in CITY_OPTIONAL,
        'isStateRequired': iso2 in STATE_REQUIRED,
        'isPostalCodeRequired': iso2 in POSTAL and iso2 not in POSTAL_OPTIONAL,
    }
    if iso2 in POSTAL:
        pattern, sample = POSTAL[iso2]
        check(pattern, sample, f'{iso2} postal code')
        rules['postalCodeRegex'] = f'^(?:{pattern})$'
        rules['postalCodeSample'] = sample
    label = STATE_REQUIRED.get(iso2) or STATE_OPTIONAL.get(iso2) or STATE_LABEL_ONLY.get(iso2)
    if label:
        rules['stateLabel'] = label
    if (iso2 in STATE_REQUIRED or iso2 in STATE_OPTIONAL) and iso2 not in STATE_NO_LIST:
        states = subdivisions(iso2, subdivision_entries)
        if states:
            rules['supportedStatesList'] = states
    rules['postalCodeLabel'] = POSTAL_LABEL.get(iso2, 'postal')
    rules['addressOrder'] = address_order(iso2)
    rules['countryCallingCodesList'] = codes.get(iso2, [])
    if iso2 in PHONE:
        rules['phoneNumberRegex'] = f'^(?:{PHONE[iso2]})$'
    rules['customerOrganizationPhoneNumberRequired'] = iso2 in PHONE_REQUIRED
    if iso2 in REGISTRATION:
        name, pattern, sample = REGISTRATION[iso2]
        check(pattern, sample, f'{iso2} registration number')
        rules['customerOrganizationRegistrationNumberRequired'] = True
        rules['customerOrganizationRegistrationNumberName'] = name
        rules['customerOrganizationRegistrationNumberRegex'] = f'^(?:{pattern})$'
        rules['customerOrganizationRegistrationNumberSample'] = sample
    cultures = CULTURES.get(iso2, 'en-US').split()
    if 'en-US' not in cultures:
        cultures.append('en-US')
    languages = []
    for culture in cultures:
        language = culture.split('-')[0]
        if language not in languages:
            languages.append(language)
    rules['defaultCulture'] = cultures[0]
    rules['supportedCulturesList'] = cultures
    rules['supportedLanguagesList'] = languages
    if iso2 in NOT_SOLD:
        rules['isSold'] = False
    return rules


def main():
    countries = load('iso_3166-1.json', '3166-1')
    subdivision_entries = load('iso_3166-2.json', '3166-2')
    codes = calling_codes()
    missing = [c['alpha_2'] for c in countries if c['alpha_2'] not in codes]
    if missing:
        sys.exit(f'no calling code for {missing}')
    table = {c['alpha_2']: rules_for(c, subdivision_entries, codes)
             for c in sorted(countries, key=lambda c: c['alpha_2'])}
    # One country per line: compact to parse, readable in a diff
    out = sys.stdout
    out.write('{"version": 1, "generator": "build-aux/gen-country-rules.py", "countries": {\n')
    lines = [json.dumps(iso2) + ': ' + json.dumps(rules, ensure_ascii=False, separators=(',', ':'))
             for iso2, rules in table.items()]
    out.write(',\n'.join(lines))
    out.write('\n}}\n')


if __name__ == '__main__':
    main()

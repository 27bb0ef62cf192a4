#!/usr/bin/env bash
# onramp-cli's output and exit codes, as a script or a person would see them.
# TAP output. The customer files are in tests/data/.
set -u
cli=$(realpath "$1")
data=${G_TEST_SRCDIR:-$(dirname "$0")/..}/data
n=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Runs a command, keeping its stdout, stderr and exit code for the checks.
run () {
  "$@" >"$scratch/out" 2>"$scratch/err"
  rc=$?
}

# Runs a command with its standard input from a file.
run_stdin () {
  local input=$1
  shift
  "$@" <"$input" >"$scratch/out" 2>"$scratch/err"
  rc=$?
}

report () {
  local description=$1 ok=$2
  n=$((n + 1))
  if [ "$ok" = yes ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    echo "# exit $rc"
    sed 's/^/# stdout: /' "$scratch/out"
    sed 's/^/# stderr: /' "$scratch/err"
    failed=$((failed + 1))
  fi
}

# Every stdout line is one issue as a JSON object, with the documented keys
check_json_lines () {
  python3 - "$scratch/out" >"$scratch/py" 2>&1 <<'PY'
import json, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
assert lines, 'no output'
for line in lines:
    issue = json.loads(line)
    assert {'file', 'field', 'severity', 'code', 'message'} <= issue.keys(), line
    assert set(issue) <= {'file', 'field', 'severity', 'code', 'message', 'suggestion'}, line
    assert issue['severity'] in ('error', 'warning'), line
    assert issue['field'] == '' or issue['field'].startswith('/'), line
PY
  local status=$?
  sed 's/^/# json-lines: /' "$scratch/py"
  return $status
}

# expect DESCRIPTION EXIT-CODE CHECK… — each CHECK is one of
#   out-line=TEXT     stdout has exactly this line
#   out-has=TEXT      stdout contains TEXT
#   out-lacks=TEXT    stdout does not contain TEXT
#   out-empty         stdout is empty
#   err-has=TEXT      stderr contains TEXT
#   err-empty         stderr is empty
#   json-lines        every stdout line is a JSON object with the issue keys
expect () {
  local description=$1 expected_rc=$2 ok=yes check
  shift 2
  [ "$rc" -eq "$expected_rc" ] || ok=no
  for check in "$@"; do
    case "$check" in
      out-line=*) grep -qxF -- "${check#out-line=}" "$scratch/out" || ok=no ;;
      out-has=*) grep -qF -- "${check#out-has=}" "$scratch/out" || ok=no ;;
      out-lacks=*) ! grep -qF -- "${check#out-lacks=}" "$scratch/out" || ok=no ;;
      out-empty) [ ! -s "$scratch/out" ] || ok=no ;;
      err-has=*) grep -qF -- "${check#err-has=}" "$scratch/err" || ok=no ;;
      err-empty) [ ! -s "$scratch/err" ] || ok=no ;;
      json-lines) check_json_lines || ok=no ;;
      *) echo "# unknown check $check"; ok=no ;;
    esac
  done
  report "$description" "$ok"
}

cd "$data" || exit 2

# The command line itself
run "$cli" version
expect "version" 0 "out-has=onramp "
run "$cli"
expect "no command is a usage error" 2 "err-has=Usage:" out-empty
run "$cli" frobnicate
expect "an unknown command is named and a usage error" 2 "err-has=unknown command “frobnicate”" "err-has=Usage:"
run "$cli" --help
expect "--help lists the commands on stdout" 0 "out-has=validate [--format=text|json] FILE…" \
  "out-has=check-name NAME" "out-has=Exit status:" err-empty
run "$cli" validate --help
expect "validate --help shows its options" 0 "out-has=onramp-cli validate [OPTION…] FILE…" "out-has=--format=FORMAT"
# A plain Customer resource (partner-center-api.md §1) carries no agreement:
# confirming it is a later call, so its absence is not an error here.
run "$cli" validate customer-resource-us.json
expect "a Customer resource without an agreement is clean" 0 \
  "out-line=customer-resource-us.json: no problems found" err-empty
run "$cli" validate --format=json customer-agreement-unconfirmed.json
expect "an agreement in the file that is not confirmed is an error" 1 \
  "out-has=\"code\":\"agreement.not-confirmed\"" json-lines

run "$cli" validate
expect "validate without a file is a usage error" 2 "err-has=no file given" out-empty
run "$cli" validate --format=xml customer-tw.json
expect "an unknown format is a usage error" 2 "err-has=unknown format “xml”" out-empty

# check-name
run "$cli" check-name "Contoso Pharmaceuticals Limited"
expect "check-name: a clean name passes" 0 out-empty
run "$cli" check-name "Test Company"
expect "check-name: a test name is an error" 1 "out-has=error: legal-name.test-name"
run "$cli" check-name "Contoso Ltd"
expect "check-name: an abbreviation is a warning with a suggestion" 0 "out-line=  Suggestion: Contoso Limited"
run "$cli" check-name "股份有限公司"
expect "check-name: a legal form alone is an error" 1 "out-has=legal-name.legal-form-only"
run "$cli" check-name
expect "check-name without a name is a usage error" 2 "err-has=give exactly one NAME"
run env LANGUAGE=zh_TW LC_ALL=C.UTF-8 "$cli" check-name "Test Company"
expect "check-name: messages are translated" 1 "out-has=測試"

# validate, text format: one line per issue with file, pointer, severity, message
run "$cli" validate customer-tw.json
expect "text: a Taiwanese company in Chinese is clean" 0 "out-line=customer-tw.json: no problems found" err-empty
run "$cli" validate customer-us.json
expect "text: a US company with “Inc.” gets a warning and still passes" 0 \
  "out-has=customer-us.json: /billingProfile/companyName: warning: “Inc" \
  "out-has=[legal-name.abbreviation]" "out-line=  Suggestion: Northwind Traders, Incorporated" err-empty
run "$cli" validate customer-de.json
expect "text: a German GmbH in PascalCase, too many licenses" 1 \
  "out-line=customer-de.json: /cart/lineItems/0/quantity: error: The quantity of “Office 365 E3” must be at most 300 licenses [subscription.quantity-range]" \
  "out-line=  Suggestion: 300" \
  "out-has=customer-de.json: /billingProfile/companyName: warning: “GmbH” is an abbreviation"
run "$cli" validate customer-br.json
expect "text: a Brazilian company with an offer no longer sold" 1 \
  "out-line=customer-br.json: /cart/lineItems/1: error: “Exchange Online (Plan 1)” can no longer be bought; remove it or choose another offer [subscription.unavailable]" \
  "out-lacks=/cart/lineItems/0"
run "$cli" validate customer-jp.json
expect "text: a Japanese 株式会社 in lowercase keys, domain without suffix" 0 \
  "out-line=customer-jp.json: no problems found"
run "$cli" validate customer-tw.json customer-us.json customer-jp.json
expect "text: warnings alone exit 0" 0 "out-line=customer-tw.json: no problems found" \
  "out-line=customer-jp.json: no problems found" "out-has=customer-us.json: /billingProfile/companyName: warning:"
run "$cli" validate customer-tw.json customer-de.json
expect "text: one file with errors makes exit 1" 1 "out-line=customer-tw.json: no problems found" \
  "out-has=customer-de.json: /cart/lineItems/0/quantity: error:"
run env LANGUAGE=zh_TW LC_ALL=C.UTF-8 "$cli" validate customer-de.json
expect "text: severities and messages are translated" 1 "out-has=customer-de.json: /cart/lineItems/0/quantity: 錯誤: " \
  "out-has=[subscription.quantity-range]" "out-has=建議：300"

# Input that cannot be read: exit 2, the file named on stderr, never a crash
run "$cli" validate customer-broken.json
expect "a wrong type is named by its JSON Pointer" 2 \
  "err-has=onramp-cli: customer-broken.json: /billingProfile/defaultAddress must be an object" out-empty
run "$cli" validate customer-garbage.bin
expect "binary garbage is refused" 2 "err-has=onramp-cli: customer-garbage.bin: Not valid JSON" out-empty
run "$cli" validate customer-empty.json
expect "an empty file is refused" 2 "err-has=onramp-cli: customer-empty.json: Empty" out-empty
run "$cli" validate no-such-customer.json
expect "a missing file is named" 2 "err-has=no-such-customer.json" "err-has=No such file" out-empty
run "$cli" validate .
expect "a folder is refused" 2 "err-has=onramp-cli: .:" out-empty
run "$cli" validate customer-broken.json customer-de.json
expect "an unreadable file makes exit 2, the others are still checked" 2 \
  "err-has=customer-broken.json" "out-has=customer-de.json: /cart/lineItems/0/quantity: error:"

# validate, JSON format: one object per issue per line
run "$cli" validate --format=json customer-de.json
expect "json: one object per issue" 1 json-lines \
  'out-has={"file":"customer-de.json","field":"/cart/lineItems/0/quantity","severity":"error","code":"subscription.quantity-range","message":"The quantity of “Office 365 E3” must be at most 300 licenses"' \
  'out-has={"file":"customer-de.json","field":"/billingProfile/companyName","severity":"warning","code":"legal-name.abbreviation"'
run "$cli" validate --format json customer-br.json customer-us.json
expect "json: several files" 1 json-lines 'out-has={"file":"customer-br.json","field":"/cart/lineItems/1"' \
  'out-has={"file":"customer-us.json","field":"/billingProfile/companyName","severity":"warning"'
run "$cli" validate --format=json customer-tw.json
expect "json: a clean file prints nothing" 0 out-empty err-empty
run "$cli" validate --format=json customer-empty.json customer-de.json
expect "json: errors about unreadable files go to stderr only" 2 json-lines \
  "err-has=customer-empty.json" "out-lacks=customer-empty.json"

# Standard input
run_stdin customer-de.json "$cli" validate -
expect "stdin: text" 1 \
  "out-line=(standard input): /cart/lineItems/0/quantity: error: The quantity of “Office 365 E3” must be at most 300 licenses [subscription.quantity-range]"
run_stdin customer-de.json "$cli" validate --format=json -
expect "stdin: json names the file “-”" 1 json-lines 'out-has={"file":"-","field":"/cart/lineItems/0/quantity"'
run_stdin customer-tw.json "$cli" validate - customer-us.json
expect "stdin: mixed with files" 0 "out-line=(standard input): no problems found" "out-has=customer-us.json: "
sed 's/"postalCode": "98004"/"postalCode": "9800"/' customer-us.json >"$scratch/us-bad-zip.json"
run_stdin "$scratch/us-bad-zip.json" "$cli" validate --format=json -
expect "stdin: a field issue carries the field's JSON Pointer" 1 json-lines \
  'out-has={"file":"-","field":"/billingProfile/defaultAddress/postalCode","severity":"error","code":"address.postal-code-format"'
run_stdin customer-empty.json "$cli" validate -
expect "stdin: empty input" 2 "err-has=onramp-cli: (standard input): Empty" out-empty
run_stdin customer-garbage.bin "$cli" validate --format=json -
expect "stdin: garbage" 2 "err-has=onramp-cli: (standard input): Not valid JSON" out-empty

echo "1..$n"
exit $((failed > 0))

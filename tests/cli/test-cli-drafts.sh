#!/usr/bin/env bash
# onramp-cli drafts and import: output, exit codes and the files they leave.
# TAP output. The CSV files are in tests/data/; every run gets its own
# $XDG_DATA_HOME, so the user's drafts are never touched.
set -u
cli=$(realpath "$1")
data=${G_TEST_SRCDIR:-$(dirname "$0")/..}/data
n=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run () {
  "$@" >"$scratch/out" 2>"$scratch/err"
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

# expect DESCRIPTION EXIT-CODE CHECK… (as in test-cli.sh, plus)
#   out-lines=N       stdout has N lines
#   err-count=TEXT=N  TEXT appears on N lines of stderr
expect () {
  local description=$1 expected_rc=$2 ok=yes check
  shift 2
  [ "$rc" -eq "$expected_rc" ] || ok=no
  for check in "$@"; do
    case "$check" in
      out-line=*) grep -qxF -- "${check#out-line=}" "$scratch/out" || ok=no ;;
      out-has=*) grep -qF -- "${check#out-has=}" "$scratch/out" || ok=no ;;
      out-lacks=*) ! grep -qF -- "${check#out-lacks=}" "$scratch/out" || ok=no ;;
      out-lines=*) [ "$(wc -l <"$scratch/out")" -eq "${check#out-lines=}" ] || ok=no ;;
      out-empty) [ ! -s "$scratch/out" ] || ok=no ;;
      err-has=*) grep -qF -- "${check#err-has=}" "$scratch/err" || ok=no ;;
      err-count=*) local spec=${check#err-count=}
                   [ "$(grep -cF -- "${spec%=*}" "$scratch/err")" -eq "${spec##*=}" ] || ok=no ;;
      err-empty) [ ! -s "$scratch/err" ] || ok=no ;;
      *) echo "# unknown check $check"; ok=no ;;
    esac
  done
  report "$description" "$ok"
}

# Runs python3 CODE on stdout; ok when it exits 0
check_py () {
  python3 - "$scratch/out" "$@" >"$scratch/py" 2>&1
  local status=$?
  sed 's/^/# py: /' "$scratch/py"
  return $status
}

cd "$data" || exit 2
export XDG_DATA_HOME="$scratch/one"
drafts="$XDG_DATA_HOME/onramp/drafts"

run "$cli" drafts list
expect "no drafts yet" 0 "out-line=No drafts" err-empty

# Four valid rows: Taiwan, the US, Germany, Japan
run "$cli" import customers.csv
expect "import: four valid rows, exit 0" 0 \
  "out-line=row 2: 信義數位科技股份有限公司: ok" \
  "out-has=row 3: Contoso Manufacturing Inc.: ok, with warnings" \
  "out-has=row 4: Müller Präzisionstechnik GmbH:" \
  "out-line=row 5: 株式会社さくらソリューションズ: ok" \
  "out-line=4 drafts created, 0 need attention" err-empty

ok=yes
[ "$(find "$drafts" -maxdepth 1 -name '*.json' ! -name state.json | wc -l)" -eq 4 ] || ok=no
for f in "$drafts"/*.json; do [ "$(stat -c %a "$f")" = 600 ] || ok=no; done
[ "$(stat -c %a "$drafts")" = 700 ] || ok=no
rc=0; : >"$scratch/out"; : >"$scratch/err"
report "import: one 0600 file per row in a 0700 folder" "$ok"

run "$cli" drafts list
expect "list: text, newest first" 0 "out-lines=4" "out-has=  JP  株式会社さくらソリューションズ" \
  "out-has=  TW  信義數位科技股份有限公司" "out-has=draft "
first=$(head -n1 "$scratch/out" | cut -d' ' -f1)
run "$cli" drafts list --format=json
expect "list: json, one object per line" 0 "out-lines=4"
ok=yes
check_py <<'PY' || ok=no
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert [r['country'] for r in rows] == ['JP', 'DE', 'US', 'TW'], rows
assert all(r['status'] == 'draft' for r in rows), rows
assert all({'id', 'companyName', 'country', 'status', 'modified'} <= r.keys() for r in rows), rows
PY
report "list: json has id, companyName, country, status, modified" "$ok"

run "$cli" drafts list --format=xml
expect "list: an unknown format is a usage error" 2 "err-has=unknown format “xml”" out-empty

run "$cli" drafts show "$first"
expect "show: status and the customer as JSON" 0 "out-line=Id: $first" \
  "out-line=Title: 株式会社さくらソリューションズ" "out-line=Status: Draft" \
  "out-has=\"domain\" : \"sakurasol.onmicrosoft.com\""
run "$cli" drafts show "${first:0:8}"
expect "show: the beginning of an id is enough" 0 "out-line=Id: $first"
run "$cli" drafts show no-such-draft
expect "show: an unknown id" 2 "err-has=no draft “no-such-draft”" out-empty
run "$cli" drafts show
expect "show: without an id is a usage error" 2

# Export, and import the export elsewhere: the same customers
run "$cli" drafts export "$scratch/export.csv"
expect "export to a file" 0 out-empty err-empty
ok=yes
[ "$(stat -c %a "$scratch/export.csv")" = 600 ] || ok=no
head -n1 "$scratch/export.csv" | grep -qxF $'companyName,domain,email,culture,language,firstName,middleName,lastName,addressLine1,addressLine2,city,state,postalCode,country,phoneNumber,organizationRegistrationNumber\r' || ok=no
report "export: 0600, the documented header row" "$ok"
run "$cli" drafts export -
cp "$scratch/out" "$scratch/export-stdout.csv"
expect "export to standard output" 0 "out-has=信義數位科技股份有限公司" "out-lines=5"
XDG_DATA_HOME="$scratch/two" run "$cli" import "$scratch/export.csv"
expect "export imports again, all valid" 0 "out-line=4 drafts created, 0 need attention"
XDG_DATA_HOME="$scratch/two" run "$cli" drafts export
ok=yes
diff <(sort "$scratch/export-stdout.csv") <(sort "$scratch/out") >/dev/null || ok=no
report "export, import, export: the same rows" "$ok"

# --ready
XDG_DATA_HOME="$scratch/three" run "$cli" import --ready customers.csv
expect "import --ready: valid rows go to the outbox" 0 "out-line=4 drafts created, 0 need attention"
XDG_DATA_HOME="$scratch/three" run "$cli" drafts list --format=json
ok=yes
check_py <<'PY' || ok=no
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert len(rows) == 4 and all(r['status'] == 'ready' for r in rows), rows
PY
report "import --ready: every draft is ready" "$ok"

# A bad row, an unknown column (twice in the header), a quoted field with a
# comma and one with a line break; nothing is dropped
export XDG_DATA_HOME="$scratch/four"
run "$cli" import --ready customers-mixed.csv
expect "import: a bad row needs attention, exit 1" 1 \
  "out-has=row 2: Fabrikam \"Northwind\" Trading, LLC: ok, with warnings" \
  "out-line=row 3: test: needs attention" \
  "out-has=[legal-name.test-name]" "out-has=[contact.email-format]" \
  "out-line=2 drafts created, 1 needs attention" \
  "err-count=unknown column “faxNumber”=1"
run "$cli" drafts list --format=json
ok=yes
check_py <<'PY' || ok=no
import json, sys
rows = {r['companyName']: r for r in map(json.loads, open(sys.argv[1], encoding='utf-8'))}
assert set(rows) == {'Fabrikam "Northwind" Trading, LLC', 'test'}, rows
assert rows['test']['status'] == 'needs-attention', rows
assert 'email' in rows['test']['statusReason'], rows
assert rows['Fabrikam "Northwind" Trading, LLC']['status'] == 'ready', rows
PY
report "import: the bad row is kept, marked needs-attention with the reason" "$ok"
id=$(grep -l Fabrikam "$XDG_DATA_HOME"/onramp/drafts/*.json | xargs -n1 basename | sed 's/\.json$//')
run "$cli" drafts show "$id"
expect "import: a quoted comma and a line break survive" 0 \
  "out-has=\"companyName\" : \"Fabrikam \\\"Northwind\\\" Trading, LLC\"" \
  "out-has=\"addressLine1\" : \"200 Pine St\\nSuite 400\""

# Files that cannot be read: exit 2, no draft made
export XDG_DATA_HOME="$scratch/five"
run "$cli" import no-such-file.csv
expect "import: a missing file" 2 "err-has=no-such-file.csv" out-empty
run "$cli" import customers-broken.csv
expect "import: a quote never closed" 2 "err-has=Row 2: a quoted field is never closed" out-empty
run "$cli" import customers-latin1.csv
expect "import: not UTF-8" 2 "err-has=CSV UTF-8" out-empty
run "$cli" import customer-tw.json
expect "import: a JSON file has no header row" 2 "err-has=names no customer field" out-empty
run "$cli" import
expect "import: no file is a usage error" 2 out-empty
run "$cli" drafts list
expect "import: nothing was made from unreadable files" 0 "out-line=No drafts"

# A draft file that cannot be read is moved aside and reported, not fatal
export XDG_DATA_HOME="$scratch/one"
printf '{"schemaVersion": 2, "id": "broken", "customer": ' >"$drafts/broken.json"
run "$cli" drafts list
expect "list: a broken draft is quarantined and reported" 0 "out-lines=4" \
  "err-has=broken.json cannot be read and was moved to $drafts/quarantine/broken.json"
ok=yes
[ -f "$drafts/quarantine/broken.json" ] && [ ! -e "$drafts/broken.json" ] || ok=no
report "list: the broken file is kept in quarantine/" "$ok"

run env LANGUAGE=zh_TW LC_ALL=C.UTF-8 "$cli" import customers-mixed.csv
expect "import: the report is translated" 1 "out-has=需要處理"

echo "1..$n"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# onramp-cli's output and exit codes, as a script would see them. TAP output.
set -u
cli=$1
n=0
failed=0

check () {
  local description=$1 expected_rc=$2 expected_text=$3
  shift 3
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  n=$((n + 1))
  if [ "$rc" -eq "$expected_rc" ] && grep -qF -- "$expected_text" <<<"$out"; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description (exit $rc, output: $out)"
    failed=$((failed + 1))
  fi
}

check "version" 0 "onramp " "$cli" version
check "no command is a usage error" 2 "Usage:" "$cli"
check "unknown command is a usage error" 2 "Usage:" "$cli" frobnicate
check "a clean name passes" 0 "" "$cli" check-name "Contoso Pharmaceuticals Limited"
check "a test name is an error" 1 "error: legal-name.test-name" "$cli" check-name "Test Company"
check "an abbreviation is a warning with a suggestion" 0 "Contoso Limited" "$cli" check-name "Contoso Ltd"
check "a legal form alone is an error" 1 "legal-name.legal-form-only" "$cli" check-name "股份有限公司"
check "messages are translated" 1 "測試" env LANGUAGE=zh_TW LC_ALL=C.UTF-8 "$cli" check-name "Test Company"

echo "1..$n"
exit $((failed > 0))

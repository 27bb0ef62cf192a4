#!/usr/bin/env bash
# onramp-cli import --ready and outbox run against onramp-cli demo-server,
# as a bulk script would use them. TAP output.
set -u
cli=$(realpath "$1")
data=${G_TEST_SRCDIR:-$(dirname "$0")/..}/data
n=0
failed=0
scratch=$(mktemp -d)
server_pid=
cleanup () {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

# Nothing of the user's own: drafts go to a throwaway data folder
export XDG_DATA_HOME="$scratch/data"
unset ONRAMP_DEMO_FAULTS ONRAMP_ACCESS_TOKEN

check () {
  local description=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    echo "# exit ${rc:-}"
    sed 's/^/# stdout: /' "$scratch/out" 2>/dev/null
    sed 's/^/# stderr: /' "$scratch/err" 2>/dev/null
    failed=$((failed + 1))
  fi
}

run () {
  "$@" >"$scratch/out" 2>"$scratch/err"
  rc=$?
}

out_has () { grep -qF -- "$1" "$scratch/out"; }
err_has () { grep -qF -- "$1" "$scratch/err"; }
count_in_out () { grep -cF -- "$1" "$scratch/out"; }

source "$(dirname "$0")/demo-server.sh"

start_server
run "$cli" import --ready "$data/customers.csv"
check "import --ready makes ready drafts" test "$rc" -eq 0
run "$cli" drafts list
check "four drafts are ready" test "$(count_in_out ' ready ')" -eq 4

run "$cli" outbox run --api-url="$url"
check "without a token: exit 2 and a clear message" \
  eval 'test "$rc" -eq 2 && err_has "ONRAMP_ACCESS_TOKEN"'

ONRAMP_ACCESS_TOKEN=not-the-token run "$cli" outbox run --api-url="$url"
check "a refused token: exit 1, every draft still in the outbox" \
  eval 'test "$rc" -eq 1 && test "$(count_in_out "still in the outbox")" -eq 4 && err_has "HTTP status: 401"'

ONRAMP_ACCESS_TOKEN=$token run "$cli" outbox run --api-url="$url"
check "outbox run submits every ready draft: exit 0" test "$rc" -eq 0
check "each customer is named with its id" test "$(count_in_out ': submitted (customer ')" -eq 4
check "each one-time password is shown once, on stdout" test "$(count_in_out 'One-time admin password')" -eq 4
check "no draft file holds a password" \
  eval '! grep -rqi "password" "$XDG_DATA_HOME/onramp/drafts"'

ONRAMP_ACCESS_TOKEN=$token run "$cli" outbox run --api-url="$url"
check "a second run has nothing to send" eval 'test "$rc" -eq 0 && out_has "0 customers submitted, 0 not submitted"'
run "$cli" drafts list
check "the drafts are marked submitted" test "$(count_in_out ' submitted ')" -eq 4

stop_server
check "exactly one customer per draft on the server" test "$customers" -eq 4

echo "1..$n"
exit $((failed > 0))

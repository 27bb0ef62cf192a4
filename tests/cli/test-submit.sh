#!/usr/bin/env bash
# onramp-cli submit against onramp-cli demo-server, as a script would use
# them: the whole plan, a second run, a refused token, a record with errors,
# a lost answer, and a run killed in the middle of the creation. TAP output.
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

# Nothing of the user's own: submissions go to a throwaway data folder
export XDG_DATA_HOME="$scratch/data"
states="$XDG_DATA_HOME/onramp/submissions"
unset ONRAMP_DEMO_FAULTS

report () {
  local description=$1 ok=$2
  n=$((n + 1))
  if [ "$ok" = yes ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    echo "# exit ${rc:-}"
    sed 's/^/# stdout: /' "$scratch/out" 2>/dev/null
    sed 's/^/# stderr: /' "$scratch/err" 2>/dev/null
    failed=$((failed + 1))
  fi
}

source "$(dirname "$0")/demo-server.sh"

submit () {
  ONRAMP_ACCESS_TOKEN=$token "$cli" submit --api-url="$url" "$@" >"$scratch/out" 2>"$scratch/err"
  rc=$?
}

# A copy of the Taiwanese customer under another domain prefix
record () {
  sed "s/hsinyidigital/$1/g" "$data/customer-tw.json" >"$scratch/$1.json"
  echo "$scratch/$1.json"
}

state_file () {
  grep -l "\"$1.onmicrosoft.com\"" "$states"/*.json 2>/dev/null | head -n 1
}

# The create step's request id in a state file
create_request_id () {
  python3 - "$1" <<'PY'
import json, sys
state = json.load(open(sys.argv[1], encoding='utf-8'))
print(next(s.get('requestId', '') for s in state['steps'] if s['step'] == 'create'))
PY
}

# stdout is one customer JSON object with an id (and, when $1 = new, the
# one-time credentials of a creation)
stdout_customer () {
  python3 - "$scratch/out" "$1" <<'PY'
import json, sys
customer = json.load(open(sys.argv[1], encoding='utf-8'))
assert len(customer['id']) == 36, customer
if sys.argv[2] == 'new':
    assert customer['userCredentials']['password'], customer
else:
    assert 'userCredentials' not in customer, customer
PY
}

# The state file: mode 0600, every step finished, no password anywhere
state_is_clean () {
  local file=$1 password
  [ -f "$file" ] || return 1
  [ "$(stat -c %a "$file")" = 600 ] || return 1
  password=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["userCredentials"]["password"])' "$scratch/out" 2>/dev/null)
  ! grep -qi password "$file" || return 1
  [ -z "$password" ] || ! grep -qF -- "$password" "$file" || return 1
  python3 - "$file" <<'PY'
import json, sys
state = json.load(open(sys.argv[1], encoding='utf-8'))
assert all(s['state'] in ('done', 'skipped') for s in state['steps']), state['steps']
PY
}

# 1. The whole plan, then again
start_server
tw=$data/customer-tw.json
submit "$tw"
ok=yes
[ "$rc" -eq 0 ] || ok=no
stdout_customer new || ok=no
grep -qF "Customer: created: customer id" "$scratch/err" || ok=no
grep -qF "Microsoft Customer Agreement: confirmed" "$scratch/err" || ok=no
grep -qF "Order: 1 of 1 line ordered" "$scratch/err" || ok=no
grep -qF "Verification status:" "$scratch/err" || ok=no
report "submit runs every step and prints the customer JSON with its password" "$ok"
first_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$scratch/out" 2>/dev/null)
file=$(state_file hsinyidigital)
ok=yes
state_is_clean "$file" || ok=no
report "the state file is 0600, finished, and holds no password" "$ok"

submit "$tw"
ok=yes
[ "$rc" -eq 0 ] || ok=no
grep -qF "already created" "$scratch/err" || ok=no
stdout_customer stored || ok=no
grep -qF "\"$first_id\"" "$scratch/out" || ok=no
report "submitting again says already created and prints the same id" "$ok"

# 2. A record with errors: nothing sent, nothing saved
submit "$data/customer-agreement-unconfirmed.json"
ok=yes
[ "$rc" -eq 1 ] || ok=no
grep -qF "agreement.not-confirmed" "$scratch/err" || ok=no
grep -qF "nothing was sent" "$scratch/err" || ok=no
[ -z "$(state_file contosopharma)" ] || ok=no
report "a record with errors exits 1 and sends nothing" "$ok"

# 3. A token the service refuses
good_token=$token
token=not-a-valid-token
submit "$(record badtoken)"
ok=yes
[ "$rc" -ne 0 ] || ok=no
grep -qF "HTTP status: 401" "$scratch/err" || ok=no
grep -qE "Request id: [0-9a-f-]{36}" "$scratch/err" || ok=no
grep -qE "Correlation id: [0-9a-f-]{36}" "$scratch/err" || ok=no
! grep -qF "$token" "$scratch/err" || ok=no
report "a refused token names the HTTP status and both ids" "$ok"
token=$good_token

stop_server
ok=yes
[ "$customers" = 1 ] || ok=no
report "the server holds exactly one customer (CUSTOMERS=$customers)" "$ok"

# 4. The answer to the creation lost after the customer was made
start_server 'POST /v1/customers=drop*1'
submit "$(record droppedanswer)"
ok=yes
[ "$rc" -eq 0 ] || ok=no
stdout_customer new || ok=no
stop_server
[ "$customers" = 1 ] || ok=no
report "a dropped answer after commit still makes exactly one customer (CUSTOMERS=$customers)" "$ok"

# 5. Killed while the creation is held by the server, then run again
start_server 'POST /v1/customers=latency:3000*1'
killed=$(record killedmidway)
ONRAMP_ACCESS_TOKEN=$token "$cli" submit --api-url="$url" "$killed" >"$scratch/out" 2>"$scratch/err" &
submit_pid=$!
request_id=
for _ in $(seq 400); do
  file=$(state_file killedmidway)
  if [ -n "$file" ] && grep -q '"running"' "$file"; then
    request_id=$(create_request_id "$file")
    [ -n "$request_id" ] && break
  fi
  sleep 0.05
done
sleep 0.3
kill -KILL "$submit_pid"
wait "$submit_pid" 2>/dev/null
ok=yes
[ -n "$request_id" ] || ok=no
report "the request id is on disk before the creation is sent" "$ok"

submit "$killed"
ok=yes
[ "$rc" -eq 0 ] || ok=no
stdout_customer new || ok=no
[ "$(create_request_id "$(state_file killedmidway)")" = "$request_id" ] || ok=no
stop_server
[ "$customers" = 1 ] || ok=no
report "run again after SIGKILL: same request id, exactly one customer (CUSTOMERS=$customers)" "$ok"

echo "1..$n"
exit $((failed > 0))

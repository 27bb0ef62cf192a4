#!/usr/bin/env bash
# Secrets hygiene on the command-line path (issue #8, item 3): a customer
# submitted with `onramp-cli submit` against `onramp-cli demo-server`, with
# every debug message on, leaves neither the access token nor the one-time
# admin password anywhere but where they belong: the token in the submit
# process's own environment (ONRAMP_ACCESS_TOKEN is how it is handed over),
# the password on submit's standard output (the one place it is shown).
# Searched: every file under a throwaway $HOME and XDG directories, both
# programs' logs, and the command line of every process on the machine while
# the submission is in flight and after, and the environment of every
# process but submit. TAP output.
set -u
cli=$(realpath "$1")
# tests/common/find-secrets.c: the search test-secrets and test-gui-secrets use
finder=$(realpath "$2")
data=${G_TEST_SRCDIR:-$(dirname "$0")/..}/data
n=0
failed=0

scratch=$(mktemp -d)
server_pid=
cleanup () {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

# What is searched lives under $scratch/home and $scratch/logs; what holds
# the secrets legitimately (stdout, and the files find-secrets reads, so the
# secrets are never on a command line) lives in $scratch/private.
mkdir -p "$scratch"/home "$scratch"/logs "$scratch"/private "$scratch"/runtime
chmod 700 "$scratch"/runtime
export HOME=$scratch/home
export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config
export XDG_CACHE_HOME=$HOME/.cache XDG_STATE_HOME=$HOME/.local/state
export XDG_RUNTIME_DIR=$scratch/runtime
export G_MESSAGES_DEBUG=all
private=$scratch/private

report () {
  local description=$1 ok=$2
  n=$((n + 1))
  if [ "$ok" = yes ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description"
    failed=$((failed + 1))
  fi
}

# found_in_files SECRETS-FILE DIR…: the files (not their contents) that hold
# a secret
found_in_files () {
  local secrets=$1
  shift
  "$finder" "$secrets" "$@"
}

# The /proc files of processes whose command line, or (except $2's)
# environment, holds a secret. Other helpers' processes are searched too:
# none can hold a random token made a moment ago unless it leaked.
found_in_processes () {
  local secrets=$1
  if [ -n "${2:-}" ]; then
    "$finder" "$secrets" --processes --exempt-environ "$2"
  else
    "$finder" "$secrets" --processes
  fi
}

# 1. The demo server, with a slow customer creation so that submit is
#    still running while the processes are searched
"$cli" demo-server --faults='POST /v1/customers=latency:3000' \
  >"$private/server.out" 2>"$scratch/logs/demo-server.log" &
server_pid=$!
for _ in $(seq 100); do
  grep -q '^TOKEN=' "$private/server.out" && break
  sleep 0.1
done
url=$(sed -n 's/^URL=//p' "$private/server.out")
token=$(sed -n 's/^TOKEN=//p' "$private/server.out")
[ -n "$url" ] && [ ${#token} -ge 16 ] && started=yes || started=no
report "onramp-cli demo-server prints its URL and an access token" "$started"
if [ "$started" = no ]; then
  echo "1..$n"
  exit 1
fi
printf '%s\n' "$token" >"$private/token"

# 2. The submission, the token in submit's environment only, of a customer
#    whose domain no other run took
python3 - "$data/customer-us.json" >"$private/customer.json" <<'PY'
import json, sys, uuid
customer = json.load(open(sys.argv[1]))
customer["companyProfile"]["domain"] = "secrets" + uuid.uuid4().hex[:12] + ".onmicrosoft.com"
json.dump(customer, sys.stdout)
PY
ONRAMP_ACCESS_TOKEN=$token "$cli" submit --api-url="$url" "$private/customer.json" \
  >"$private/submit.out" 2>"$scratch/logs/submit.log" &
submit_pid=$!
searches=0
: >"$private/seen-in-flight"
while kill -0 "$submit_pid" 2>/dev/null; do
  found_in_processes "$private/token" "$submit_pid" >>"$private/seen-in-flight"
  searches=$((searches + 1))
  sleep 0.1
done
wait "$submit_pid"
submit_rc=$?

# stdout: the record's warnings as text, then the created customer as JSON
password=$(python3 -c '
import json, sys
text = sys.stdin.read()
customer = json.loads(text[text.index("\n{") + 1:] if not text.startswith("{") else text)
print(customer["userCredentials"]["password"])
' <"$private/submit.out" 2>/dev/null)
[ "$submit_rc" = 0 ] && [ ${#password} -ge 8 ] && created=yes || created=no
report "onramp-cli submit creates the customer and prints its one-time password (exit $submit_rc)" "$created"
if [ "$created" = no ]; then
  # Only its messages: the log is searched for the token below, not shown
  grep -av 'DEBUG' "$scratch/logs/submit.log" | tail -n 20 | sed 's/^/# submit: /'
fi
printf '%s\n' "$token" "$password" | sed '/^$/d' >"$private/secrets"
! grep -q -e '-DEBUG' -e '-INFO' "$private/submit.out" && quiet=yes || quiet=no
report "submit's stdout, which scripts parse, has no log messages in it" "$quiet"

[ "$searches" -ge 3 ] && searched=yes || searched=no
report "the processes were searched $searches times while submit ran" "$searched"
[ ! -s "$private/seen-in-flight" ] && clean=yes || clean=no
report "no process had the token on its command line or (but submit) in its environment while submit ran" "$clean"
sed 's/^/# /' "$private/seen-in-flight"

found_in_processes "$private/secrets" >"$private/seen-after"
[ ! -s "$private/seen-after" ] && clean=yes || clean=no
report "no process has the token or the password on its command line or in its environment afterwards" "$clean"
sed 's/^/# /' "$private/seen-after"

# 3. Files: whatever submit saved (the submission under XDG_DATA_HOME, any
#    cache or setting) holds neither secret
find "$HOME" -type f | sed "s|^$HOME|# saved: ~|"
[ -n "$(find "$HOME" -type f)" ] && saved=yes || saved=no
report "submit saved its submission under the throwaway XDG_DATA_HOME" "$saved"
leaks=$(found_in_files "$private/secrets" "$HOME" "$XDG_RUNTIME_DIR")
[ -z "$leaks" ] && clean=yes || clean=no
report "no file under \$HOME, the XDG directories or XDG_RUNTIME_DIR holds the token or the password" "$clean"
# shellcheck disable=SC2001
echo "$leaks" | sed '/^$/d; s/^/# holds a secret: /'

# 4. Logs, with every debug message on
kill -TERM "$server_pid"
wait "$server_pid"
server_pid=
grep -q '^CUSTOMERS=1$' "$private/server.out" && one=yes || one=no
report "the demo server holds exactly one customer" "$one"
grep -q 'DEBUG' "$scratch/logs/submit.log" && grep -q 'DEBUG' "$scratch/logs/demo-server.log" && debug=yes || debug=no
report "both logs have debug messages (G_MESSAGES_DEBUG=all took effect)" "$debug"
leaks=$(found_in_files "$private/secrets" "$scratch/logs")
[ -z "$leaks" ] && clean=yes || clean=no
report "neither log holds the token or the password" "$clean"
echo "$leaks" | sed '/^$/d; s/^/# holds a secret: /'

echo "1..$n"
[ "$failed" -eq 0 ]

# Sourced by the CLI tests: start_server [FAULTS] runs onramp-cli demo-server
# in the background and reads its URL= and TOKEN= lines into $url and
# $token; stop_server stops it and reads its CUSTOMERS= line into $customers.
# Needs $cli, $scratch and $server_pid from the test.

start_server () {
  : >"$scratch/server.out"
  if [ $# -gt 0 ]; then
    "$cli" demo-server --faults="$1" >"$scratch/server.out" 2>"$scratch/server.err" &
  else
    "$cli" demo-server >"$scratch/server.out" 2>"$scratch/server.err" &
  fi
  server_pid=$!
  for _ in $(seq 400); do
    grep -q '^TOKEN=' "$scratch/server.out" && break
    sleep 0.05
  done
  url=$(sed -n 's/^URL=//p' "$scratch/server.out")
  token=$(sed -n 's/^TOKEN=//p' "$scratch/server.out")
}

stop_server () {
  kill -TERM "$server_pid"
  wait "$server_pid"
  server_pid=
  customers=$(sed -n 's/^CUSTOMERS=//p' "$scratch/server.out")
}

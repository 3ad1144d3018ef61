# Shared by the fault drills (sourced, not run): finding the JDK 25, building the jar once,
# starting the server from the jar on a data directory, waiting for it, stopping or killing it,
# and reading the audit. Every drill talks to loopback only and stops by itself.
# shellcheck shell=bash

drill_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# A drill stopped by a signal still runs its EXIT trap (which stops what it started).
trap 'exit 130' INT
trap 'exit 143' TERM

find_java() {
  if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
    JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)
  fi
  [[ -x "$JAVA_HOME/bin/java" ]] || { echo "no JDK 25 found in /usr/lib/jvm" >&2; exit 2; }
  export JAVA_HOME
  java="$JAVA_HOME/bin/java"
}

# Builds the server jar and the load-test classes unless --skip-build was given (build=false).
build_once() {
  if [[ "${build:-true}" == true ]]; then
    echo "== building the server jar and the load tests"
    (cd "$drill_root" && ./mvnw -q -B -pl server,loadtest -am package -DskipTests -Dspotless.check.skip=true)
  fi
  jar=$(ls "$drill_root"/server/target/boxoffice-server-*.jar | grep -v original | head -1)
}

server_pid=""
server_dir=""
server_port=${server_port:-8280}
base_url="http://127.0.0.1:$server_port"

# Every drill drives the server from one address (127.0.0.1), as thousands of buyers at once:
# the per-address limits (API.md: 200 requests a second, 30 logins a minute, 10 registrations an
# hour) would turn most of them away, so the drills raise those. The per-user limits stay as
# they are (each buyer is a user of its own). A drill that tests the limits sets this to ().
drill_rate_limits=(
  --boxoffice.rate-limit.per-address-rate=1000000 --boxoffice.rate-limit.per-address-burst=1000000
  --boxoffice.rate-limit.login-attempts-per-address=1000000
  --boxoffice.rate-limit.registrations-per-address=1000000
)

# start_server DIR [extra server arguments...]: starts the jar with its data in DIR/data, logs to
# DIR/server.log (appended, so a restart keeps the earlier lines), and waits until it is ready.
# The server gets the drill_rate_limits above before the extra arguments.
# DRILL_JVM_ARGS, when set, are more JVM options (e.g. -XX:StartFlightRecording=...).
start_server() {
  local dir=$1; shift
  mkdir -p "$dir"
  server_dir=$dir
  if curl -s -o /dev/null "$base_url/actuator/health"; then
    echo "something already answers on port $server_port; stop it or set server_port" >&2
    exit 2
  fi
  # shellcheck disable=SC2086 # DRILL_JVM_ARGS is split on spaces
  "$java" -Xms512m -Xmx1g -XX:+UseParallelGC ${DRILL_JVM_ARGS:-} -jar "$jar" \
    --server.port="$server_port" --boxoffice.data-dir="$dir/data" "${drill_rate_limits[@]}" "$@" \
    >> "$dir/server.log" 2>&1 &
  server_pid=$!
  wait_ready "$dir"
}

# wait_ready DIR: seconds until readiness, printed; exits the drill when the server dies or
# takes longer than 180 s.
wait_ready() {
  local started=$SECONDS
  for _ in $(seq 1 360); do
    if curl -sf "$base_url/actuator/health/readiness" > /dev/null; then
      ready_after=$((SECONDS - started))
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "the server died; see $1/server.log" >&2; exit 2; }
    sleep 0.5
  done
  echo "the server did not get ready within 180 s; see $1/server.log" >&2
  exit 2
}

# stop_server: a graceful stop, given 60 s (Spring's own shutdown phases take at most 30 s). A
# server that does not end by then (one thrashing in GC after running out of heap did not, and
# the benchmark waited for it for ever) is killed with -9, and the embedded PostgreSQL it leaves
# behind on its data directory with it.
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 120); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "the server did not stop within 60 s; killing it (-9)" >&2
      kill -9 "$server_pid" 2>/dev/null || true
      [[ -n "${server_dir:-}" ]] && pkill -9 -f "postgres -D $server_dir/data/postgres" 2>/dev/null || true
    fi
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

kill9_server() {
  if [[ -n "$server_pid" ]]; then
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}

admin_token() { # DIR
  curl -sf "$base_url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@boxoffice.local\",\"password\":\"$(cat "$1/data/admin-password")\"}" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}

# audit DIR: prints the invariant report; true when it says ok.
audit() {
  local report
  report=$(curl -sf "$base_url/api/v1/admin/invariants" -H "Authorization: Bearer $(admin_token "$1")") || return 1
  echo "$report"
  [[ "$report" == *'"ok":true'* ]]
}

# The flight scenario runner from loadtest/ against the drill's server; arguments are passed on.
flight_scenario() { # DIR args...
  local dir=$1; shift
  "$java" -cp "$drill_root/loadtest/target/classes:$(loadtest_classpath)" \
    org.boxoffice.loadtest.scenario.FlightScenarioCommand \
    --base-url="$base_url" --admin-password="$(cat "$dir/data/admin-password")" "$@"
}

loadtest_classpath() {
  local file="$drill_root/loadtest/target/classpath.txt"
  if [[ ! -s "$file" ]]; then
    (cd "$drill_root" && ./mvnw -q -B -pl loadtest dependency:build-classpath -Dmdep.outputFile=target/classpath.txt > /dev/null)
  fi
  cat "$file"
}

# need COMMAND [DEBIAN_PACKAGE]: installs the package with apt-get when the command is missing.
need() {
  command -v "$1" > /dev/null && return 0
  echo "== installing ${2:-$1} (Debian package) for the drill"
  apt-get update -qq > /dev/null && apt-get install -y -qq "${2:-$1}" > /dev/null
  command -v "$1" > /dev/null || { echo "cannot install ${2:-$1}" >&2; exit 2; }
}

# embedded_sql DIR STATEMENTS: runs them in the embedded PostgreSQL of the server whose data and
# log are in DIR (its server.log names the port, data/postgres-password holds the password), as
# the superuser; prints the rows unaligned. Needs psql (Debian's postgresql-client).
embedded_sql() {
  local pg_port
  pg_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$1/server.log" | tail -1 | awk '{print $NF}')
  PGPASSWORD=$(cat "$1/data/postgres-password") psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qAt -c "$2"
}

# api METHOD PATH TOKEN [BODY]: one JSON request to the drill's server; prints the body.
api() {
  local method=$1 path=$2 token=$3 body=${4:-}
  local args=(-s -X "$method" "$base_url$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json')
  [[ "$method" == POST ]] && args+=(-H "Idempotency-Key: drill-$RANDOM-$RANDOM-$SECONDS-$$")
  [[ -n "$body" ]] && args+=(-d "$body")
  curl "${args[@]}"
}

# traveler_tokens DIR FROM COUNT: access tokens of demo travelers FROM … FROM+COUNT-1, one a line.
traveler_tokens() {
  local admin emails
  admin=$(admin_token "$1")
  emails=$(seq "$2" $(($2 + $3 - 1)) | awk '{printf "%s\"traveler%05d@demo.boxoffice.org\"", (NR>1?",":""), $1}')
  api POST /api/v1/admin/tokens "$admin" "{\"emails\":[$emails]}" | jq -r '.tokens[].accessToken'
}

# --- small generic helpers (added for the provider drills) ---------------------------------------

# need_tools TOOL...: every tool on the PATH, each installed from Debian's package of the same
# name when missing (see need).
need_tools() {
  local tool
  for tool in "$@"; do need "$tool"; done
}

# scrape_token [DIR]: the bearer token for Actuator's metrics and prometheus endpoints (closed to
# anonymous callers): the server's data/metrics-scrape-token, of DIR or of the last start_server.
scrape_token() {
  local file="${1:-$server_dir}/data/metrics-scrape-token"
  [[ -s "$file" ]] || { echo "no scrape token in $file (has the server started there?)" >&2; return 1; }
  tr -d '[:space:]' < "$file"
}

# metric NAME [TAG:VALUE...]: prints "COUNT TOTAL_TIME MAX" of an actuator metric (a gauge or
# counter prints its value as COUNT); "0 0 0" when the server has not recorded it yet.
metric() {
  local name=$1 query="" tag answer; shift
  for tag in "$@"; do query+="${query:+&}tag=$tag"; done
  answer=$(curl -sg "$base_url/actuator/metrics/$name${query:+?$query}" -H "Authorization: Bearer $(scrape_token)" \
    | jq -r '([.measurements[]? | {(.statistic): .value}] | add // {}) as $m
             | "\($m.COUNT // $m.VALUE // 0) \($m.TOTAL_TIME // 0) \($m.MAX // 0)"' 2>/dev/null)
  echo "${answer:-0 0 0}"
}

# traveler_token DIR EMAIL: an access token for one existing user, minted by the administrator.
traveler_token() {
  curl -sf "$base_url/api/v1/admin/tokens" -H "Authorization: Bearer $(admin_token "$1")" \
    -H 'Content-Type: application/json' -d "{\"emails\":[\"$2\"]}" | jq -r '.tokens[0].accessToken'
}

# simulator_control PATH METHOD [JSON]: the in-process simulators' control API (started with
# --boxoffice.simulator.port=$simulator_port), e.g. simulator_control /_control/airline POST '{"mode":"ALWAYS_FAIL"}'.
simulator_port=${simulator_port:-$((server_port + 1000))}
simulator_control() {
  curl -sf -X "$2" "http://127.0.0.1:$simulator_port$1" ${3:+-H 'Content-Type: application/json' -d "$3"}
}

# The drill buyers from loadtest/ (org.boxoffice.loadtest.drills.FaultDrillBuyers): buy, check,
# watch-stream; arguments are passed on.
drill_buyers() {
  "$java" -cp "$drill_root/loadtest/target/classes:$(loadtest_classpath)" \
    org.boxoffice.loadtest.drills.FaultDrillBuyers "$@"
}

# start_simulators DIR PORT [simulator options...]: the airline, payment and partner simulators as a
# process of their own (org.boxoffice.simulator.Simulators from the server jar), so that they
# outlive a server that is killed. Logs to DIR/simulators.log; sets simulators_pid and
# simulator_server_args (the server arguments that point the server at them; add
# --boxoffice.payment.webhook-secret yourself when the simulators send webhooks).
simulators_pid=""
start_simulators() {
  local dir=$1 port=$2; shift 2
  mkdir -p "$dir"
  "$java" -Xmx256m -cp "$jar" -Dloader.main=org.boxoffice.simulator.Simulators \
    org.springframework.boot.loader.launch.PropertiesLauncher --port="$port" "$@" >> "$dir/simulators.log" 2>&1 &
  simulators_pid=$!
  simulator_url="http://127.0.0.1:$port"
  simulator_server_args=(--boxoffice.simulator.enabled=false
    --boxoffice.payment.base-url="$simulator_url"
    --boxoffice.airline.base-url="$simulator_url/airline"
    --boxoffice.partner.simulator-url="$simulator_url/partner")
  for _ in $(seq 1 60); do
    curl -sf "$simulator_url/_control/payments" > /dev/null && return 0
    kill -0 "$simulators_pid" 2>/dev/null || { echo "the simulators died; see $dir/simulators.log" >&2; exit 2; }
    sleep 0.5
  done
  echo "the simulators did not answer within 30 s; see $dir/simulators.log" >&2
  exit 2
}

stop_simulators() {
  if [[ -n "$simulators_pid" ]] && kill -0 "$simulators_pid" 2>/dev/null; then
    kill "$simulators_pid"; wait "$simulators_pid" 2>/dev/null || true
  fi
  simulators_pid=""
}

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

#!/usr/bin/env bash
# The OpenSMA benchmark. It builds the server and fills a fresh database with a generated
# organization. Then it measures start-up, the list routes, a limit ALL stream, login,
# inventory ingestion with 1 and 32 senders and memory. It also times the SQL behind the list
# routes (pgbench on PostgreSQL, the jar's admin sql-timing on H2), and with OCS=1 it sends the
# same inventories to OCS Inventory NG.
# It starts its own server on 127.0.0.1, sends traffic only there, stops it at the end, and
# writes a Markdown table.
#
# Usage: bench/run.sh [h2|postgres] [MACHINES]        (defaults: postgres 1000)
# Settings (environment):
#   DURATION=10      seconds of wrk per route
#   WARMUP=2         seconds of wrk before each route's measurement
#   CONNECTIONS=8    wrk connections
#   HEAP=512m        the server's maximum heap (-Xmx)
#   INGEST_COUNT=200 inventories per ingestion phase (each phase also stops after 60 s)
#   OCS=0            1: also install (when missing) and measure OCS Inventory NG from Debian
#   AOT=1            0: skip the start-up with a JDK AOT cache
#   PG_DB=opensma_bench  PostgreSQL database to drop and recreate (127.0.0.1:5432, user postgres)
#   OUT=bench/results/<db>-<machines>.md
#   SKIP_BUILD=0     1: use the jar in server/target as it is
#   CHECK=0          1: exit 1 when a route returns an error or an inventory is not stored
# Needs: JDK 21+ (JAVA_HOME), python3, curl, wrk (installed with apt when missing), and for
# PostgreSQL psql and pgbench.
set -euo pipefail
cd "$(dirname "$0")/.."

database=${1:-postgres}
machines=${2:-1000}
duration=${DURATION:-10}
connections=${CONNECTIONS:-8}
ingest_count=${INGEST_COUNT:-200}
pg_db=${PG_DB:-opensma_bench}
out=${OUT:-bench/results/$database-$machines.md}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java_cmd=$JAVA_HOME/bin/java
port=18477
base=http://127.0.0.1:$port
jar=server/target/opensma-server.jar
work=$(mktemp -d /tmp/opensma-bench.XXXXXX)
errors=0


log() { printf '==> %s\n' "$*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

mkdir -p "$(dirname "$out")"
: > "$out.tmp"
row() {  # row LABEL VALUE: one line of the result table, with the 1-minute load average
  printf '| %s | %s | %s |\n' "$1" "$2" "$(load)" | tee -a "$out.tmp" >&2
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "Building the server jar"
  ./mvnw -q -pl server -am -DskipTests package
fi
if ! command -v wrk > /dev/null; then
  log "Installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk > /dev/null
fi

args=(--server.port=$port --server.address=127.0.0.1 --opensma.data-dir="$work/data"
      --logging.level.org.opensma=WARN --spring.datasource.hikari.maximum-pool-size=40)
if [ "$database" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db"
  args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$pg_db --spring.datasource.username=postgres)
elif [ "$database" != h2 ]; then
  echo "Usage: bench/run.sh [h2|postgres] [MACHINES]" >&2
  exit 2
fi

# start_server [JVM options...]: starts the server in the background. Its pid goes to
# $work/pid, since callers read the printed start-up time through a subshell.
start_server() {
  local started ready
  started=$(date +%s%N)
  OPENSMA_ADMIN_PASSWORD=bench-password OPENSMA_AGENT_TOKEN=bench-token \
    "$java_cmd" -Xmx"${HEAP:-512m}" -Xlog:gc:file="$work/gc.log"::filecount=0 "$@" "${args[@]}" >> "$work/server.log" 2>&1 &
  echo $! > "$work/pid"
  for _ in $(seq 1 1200); do
    if curl -sf "$base/actuator/health" > /dev/null; then
      ready=$(date +%s%N)
      echo $(( (ready - started) / 1000000 ))
      return
    fi
    if ! kill -0 "$(cat "$work/pid")" 2> /dev/null; then break; fi
    sleep 0.05
  done
  echo "The server did not start; its log:" >&2
  tail -50 "$work/server.log" >&2
  return 1
}

# stop_server: stops the server started last and waits until it has exited.
stop_server() {
  local pid
  pid=$(cat "$work/pid" 2> /dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2> /dev/null || true
    for _ in $(seq 1 300); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2> /dev/null || true
    rm -f "$work/pid"
  fi
}

cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

login_body='{"userName":"admin","password":"bench-password"}'
# login: prints a fresh session token for x-kace-authorization.
login() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d "$login_body" \
       "$base/ams/shared/api/security/login" | awk -F': ' 'tolower($1)=="x-kace-authorization"{print $2}' | tr -d '\r'
}

{
  echo "# OpenSMA benchmark: $database, $machines generated machines"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "$("$java_cmd" -version 2>&1 | head -1), wrk $connections connections for ${duration} s per route."
  echo
  echo "| measurement | value | load (1 min) |"
  echo "| --- | --- | --- |"
} > "$out"

log "First start: creates the organization, its administrator and agent token"
start_server -jar "$jar" > /dev/null
stop_server

log "Generating $machines machines"
t0=$(date +%s%N)
"$java_cmd" -jar "$jar" admin generate --machines "$machines" "${args[@]}" 2>&1 | grep -v ' WARN ' >&2
row "generate $machines machines (bulk load)" "$(( ($(date +%s%N) - t0) / 1000000 )) ms"

ms=$(start_server -jar "$jar")
row "start-up to first answered request (jar)" "$ms ms"
if [ "${AOT:-1}" = 1 ]; then
  # JDK 25 writes the AOT cache when a training run exits. The cache needs the classes on a
  # plain class path, so the jar is extracted first with Spring Boot's "tools" jar mode.
  stop_server
  log "Training a JDK AOT cache on an extracted jar"
  "$java_cmd" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
  start_server -XX:AOTCacheOutput="$work/app.aot" -jar "$work/app/opensma-server.jar" > /dev/null
  curl -s -o /dev/null -H "x-kace-authorization: $(login)" "$base/api/inventory/machines?filtering=software.name%20eq%20bash"
  stop_server
  ms=$(start_server -XX:AOTCache="$work/app.aot" -jar "$work/app/opensma-server.jar")
  row "start-up to first answered request (extracted jar, AOT cache)" "$ms ms"
fi
pid=$(cat "$work/pid")
token=$(login)
if [ -z "$token" ]; then
  echo "Login failed" >&2
  exit 1
fi

# wrk_row LABEL PATH [wrk options]: warms the route, then prints p50, p99 and rate.
wrk_row() {
  local label=$1 path=$2 result
  shift 2
  wrk -t2 -c"$connections" -d"${WARMUP:-2}s" -H "x-kace-authorization: $token" "$@" "$base$path" > /dev/null
  result=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "x-kace-authorization: $token" "$@" "$base$path")
  if grep -q 'Non-2xx' <<< "$result"; then
    echo "$label: $(grep 'Non-2xx' <<< "$result")" >&2
    errors=$((errors + 1))
  fi
  row "$label" "$(python3 bench/wrk_summary.py <<< "$result")"
}


m=/api/inventory/machines
declare -A routes=(
  [floor]="/ams/shared/api/security/supportedAuthTypes"
  [page]="$m?paging=limit%2050"
  [page_nocount]="$m?paging=limit%2050&use_count=false"
  [field]="$m?filtering=name%20eq%20host-000042&paging=limit%2050"
  [field_nocount]="$m?filtering=name%20eq%20host-000042&paging=limit%2050&use_count=false"
  [software]="$m?filtering=software.name%20eq%20bash&paging=limit%2050"
  [software_nocount]="$m?filtering=software.name%20eq%20bash&paging=limit%2050&use_count=false"
  [sorted]="$m?sorting=name%20desc&paging=limit%2050"
  [sorted_nocount]="$m?sorting=name%20desc&paging=limit%2050&use_count=false"
  [count_only]="$m?use_count_only=true"
)
labels=(floor "floor: authenticated route without a query"
        page "page of 50 machines, with count" page_nocount "page of 50 machines, no count"
        field "filter on a machine field (name eq), with count" field_nocount "filter on a machine field, no count"
        software "filter on related software (software.name eq bash), with count"
        software_nocount "filter on related software, no count"
        sorted "sorted by name desc, with count" sorted_nocount "sorted by name desc, no count"
        count_only "use_count_only")
for ((i = 0; i < ${#labels[@]}; i += 2)); do
  wrk_row "${labels[i+1]}: p50 / p99 / rate" "${routes[${labels[i]}]}"
done

log "Streaming every machine with limit ALL"
total=$(curl -s -H "x-kace-authorization: $token" "$base$m?use_count_only=true" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("Count", "error"))')
gc_before=$(wc -l < "$work/gc.log")
stream=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' -H "x-kace-authorization: $token" \
         "$base$m?paging=limit%20ALL&use_count=false")
read -r code bytes seconds <<< "$stream"
[ "$code" = 200 ] || { echo "limit ALL returned HTTP $code" >&2; errors=$((errors + 1)); }
peak=$(tail -n +"$((gc_before + 1))" "$work/gc.log" | grep -o '[0-9]*M->' | grep -o '[0-9]*' | sort -n | tail -1 || true)
live=$(tail -n +"$((gc_before + 1))" "$work/gc.log" | grep -o -- '->[0-9]*M' | grep -o '[0-9]*' | sort -n | tail -1 || true)
row "limit ALL stream of $total machines (JSON, $((bytes / 1048576)) MB)" \
    "$(python3 -c "print(f'{$seconds:.2f} s, {$total / $seconds:,.0f} machines/s')")"
row "heap during the stream (-Xmx${HEAP:-512m}): largest before a GC / largest after a GC" \
    "$(if [ -n "$peak" ]; then echo "$peak MB / $live MB"; else echo "no GC ran"; fi)"

if [ "$database" = postgres ]; then
  log "The same SQL straight on PostgreSQL with pgbench"
  bash bench/sql_ratio.sh "$pg_db" "$connections" "$duration" >> "$out.tmp"
fi

# Last of the API measurements: logins with many connections trip the login throttle.
printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' \
  "'$login_body'" > "$work/login.lua"
connections=2 wrk_row "login, 2 connections (password check, new session): p50 / p99 / rate" \
  /ams/shared/api/security/login -s "$work/login.lua"
token=$(login)

log "Ingestion of the real OCS agent inventory"
# cpu_ms PID...: the CPU time the processes have used so far, user and system, in ms.
cpu_ms() {
  local total=0 pid ticks
  for pid in "$@"; do
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null || echo 0)
    total=$((total + ticks))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}
database_pids() {  # the PostgreSQL backends of the benchmark database (the server's pool)
  if [ "$database" = postgres ]; then pgrep -f "postgres: .* $pg_db " || true; fi
}

ingest_row() {  # ingest_row LABEL new|known PREFIX PHASE SENDERS URL [user password]
  local label=$1 tag=$2 prefix=$3 phase=$4 senders=$5 url=$6 user=${7:-} password=${8:-} result
  local backends server_before database_before server_cpu database_cpu stored
  mapfile -t backends < <(database_pids)
  server_before=$(cpu_ms "$pid")
  database_before=$(cpu_ms "${backends[@]}")
  result=$(python3 bench/ingest.py --url "$url" --user "$user" --password "$password" --prefix "$prefix" \
           --phase "$phase" --count "$ingest_count" --senders "$senders" --max-seconds 60)
  server_cpu=$(( $(cpu_ms "$pid") - server_before ))
  database_cpu=$(( $(cpu_ms "${backends[@]}") - database_before ))
  stored=$(python3 -c 'import json,sys; print(max(1, json.loads(sys.argv[1])["ok"]))' "$result")
  row "$label: CPU per inventory, server / PostgreSQL" \
      "$((server_cpu / stored)) ms / $((database_cpu / stored)) ms"
  echo "$result" > "$work/$tag-$prefix-$senders.json"
  if [ "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["failed"])' "$result")" != 0 ]; then
    echo "$label: $result" >&2
    errors=$((errors + 1))
  fi
  row "$label" "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["summary"])' "$result")"
}
agent=(bench-agent bench-token)
ingest_row "ingest, new machines, 1 sender" new one 1 1 "$base/ocsinventory" "${agent[@]}"
ingest_row "ingest, new machines, 32 senders" new many 2 32 "$base/ocsinventory" "${agent[@]}"
# Checked before the updates, which would add the copies this phase had no time to send.
sent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ok"])' "$work/new-many-32.json")
stored=$(curl -s -H "x-kace-authorization: $token" "$base$m?use_count_only=true&filtering=name%20st%20many-" \
         | python3 -c 'import json,sys; print(json.load(sys.stdin).get("Count", "error"))')
row "machines stored from the 32-sender run (answered 200 / stored)" "$sent / $stored"
[ "$sent" = "$stored" ] || errors=$((errors + 1))
ingest_row "ingest, known machines, 1 sender" known one 1 1 "$base/ocsinventory" "${agent[@]}"
ingest_row "ingest, known machines, 32 senders" known many 2 32 "$base/ocsinventory" "${agent[@]}"

rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/{print int($2/1024)}' "/proc/$pid/status")
heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2> /dev/null | grep -m1 -o 'used [0-9]*K' | tr -dc '0-9' || true)
row "server memory at the end: RSS / peak RSS / heap used" "$rss MB / $hwm MB / $(( ${heap:-0} / 1024 )) MB"
stop_server

if [ "$database" = h2 ]; then
  # H2 runs inside the server and opens its file for one process, so its SQL is timed after
  # the server has stopped, through the same JDBC driver, by an admin command of the jar. One
  # connection: with 8 and H2's result reuse off, the first statements had not finished after
  # minutes, their threads waiting on each other inside H2.
  log "Timing the SQL of the list routes straight on H2"
  timings=$("$java_cmd" -Xmx"${HEAP:-512m}" -jar "$jar" admin sql-timing --clients 1 \
            --seconds "$duration" --warmup "${WARMUP:-2}" bench/sql/h2/{page,page_nocount,field,software}.sql \
            bench/sql/h2/{software_nocount,sorted,count_only}.sql "${args[@]}") || errors=$((errors + 1))
  while read -r name latency rate; do
    [ -n "$name" ] && row "SQL of \"$name\" straight on H2 (admin sql-timing): latency average / rate" \
                          "$latency ms / $rate per s"
  done < <(grep -E '^[a-z_]+ [0-9.]+ [0-9]+$' <<< "$timings")
fi

if [ "${OCS:-0}" = 1 ]; then
  bash bench/ocs.sh "$ingest_count" >> "$out.tmp" || errors=$((errors + 1))
fi

cat "$out.tmp" >> "$out"
rm -f "$out.tmp"
log "Results in $out"
if [ "${CHECK:-0}" = 1 ] && [ "$errors" -gt 0 ]; then
  echo "The benchmark saw $errors failed measurements" >&2
  exit 1
fi

#!/usr/bin/env bash
# A quick measurement of one OpenSMA server on this machine: start-up time, inventory
# ingestion with the real OCS agent sample, and list latency under wrk. It starts its own
# server on 127.0.0.1, sends traffic only there, and stops it at the end.
#
# Usage: bench/quick.sh [h2|postgres]   (postgres uses the database "bench" on 127.0.0.1:5432)
# Needs: a built server jar (./mvnw -DskipTests package), wrk, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

database=${1:-h2}
port=18477
inventories=${INVENTORIES:-200}
jar=server/target/opensma-server.jar
work=$(mktemp -d /tmp/opensma-bench.XXXXXX)
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java

args=(--server.port=$port --opensma.data-dir="$work/data" --logging.level.org.opensma=WARN)
if [ "$database" = postgres ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
  args+=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/bench --spring.datasource.username=postgres)
fi

started=$(date +%s%N)
OPENSMA_ADMIN_PASSWORD=bench-password OPENSMA_AGENT_TOKEN=bench-token \
  "$java_cmd" -Xmx512m -jar "$jar" "${args[@]}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; then break; fi
  sleep 0.05
done
ready=$(date +%s%N)
echo "database: $database"
echo "start-up to first answered request: $(( (ready - started) / 1000000 )) ms"

# Distinct machines from the real OCS sample: the host name, device id and MAC addresses
# change per copy, since the server recognizes a machine by any of them.
python3 - "$work" "$inventories" <<'PY'
import sys, zlib, pathlib
work, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
xml = zlib.decompress(pathlib.Path("testdata/agent-samples/wire/ocsinventory-agent/02-inventory-request.xml.zlib").read_bytes())
for i in range(count):
    body = xml.replace(b"testhost-01", b"bench-%05d" % i)
    body = body.replace(b"00:00:5e:00:53:", b"02:%02x:%02x:00:53:" % (i // 256, i % 256))
    (work / f"inv-{i}.zlib").write_bytes(zlib.compress(body))
PY

ingest() {
  local from=$1 to=$2
  for i in $(seq "$from" "$to"); do
    curl -sf -o /dev/null -u agent:bench-token -H 'Content-Type: application/x-compress' \
         --data-binary @"$work/inv-$i.zlib" "http://127.0.0.1:$port/ocsinventory"
  done
}

measure_ingest() {
  local label=$1
  local t0 t1
  t0=$(date +%s%N)
  ingest 0 $((inventories - 1))
  t1=$(date +%s%N)
  echo "$label: $inventories inventories in $(( (t1 - t0) / 1000000 )) ms," \
       "$(python3 -c "print(round($inventories / (($t1 - $t0) / 1e9), 1))") per second (1 sender)"
}
measure_ingest "ingest, new machines"
measure_ingest "ingest, known machines"

token=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
        -d '{"userName":"admin","password":"bench-password"}' \
        "http://127.0.0.1:$port/ams/shared/api/security/login" | awk -F': ' 'tolower($1)=="x-kace-authorization"{print $2}' | tr -d '\r')

run_wrk() {
  local label=$1 path=$2
  echo "--- $label: GET $path"
  wrk -t2 -c8 -d8s --latency -H "x-kace-authorization: $token" "http://127.0.0.1:$port$path" \
    | grep -E 'Requests/sec|^ +50%|^ +99%'
}
# Warm the JIT on every route first, so the order of the measurements does not matter.
for path in /ams/shared/api/security/supportedAuthTypes /api/inventory/machines \
            "/api/inventory/machines?filtering=software.name%20eq%20bash"; do
  wrk -t2 -c8 -d3s -H "x-kace-authorization: $token" "http://127.0.0.1:$port$path" > /dev/null
done
run_wrk "floor (session lookup, no query)" "/ams/shared/api/security/supportedAuthTypes"
run_wrk "page of 50 with count" "/api/inventory/machines"
run_wrk "filter on a machine field" "/api/inventory/machines?filtering=name%20eq%20bench-00042"
run_wrk "filter on related software" "/api/inventory/machines?filtering=software.name%20eq%20bash&paging=limit%2050"
run_wrk "sorted, no count" "/api/inventory/machines?sorting=name%20desc&use_count=false"
run_wrk "count only" "/api/inventory/machines?use_count_only=true"

heap=$(jcmd "$server" GC.heap_info 2>/dev/null | grep -m1 -o 'used [0-9]*K' || true)
rss=$(ps -o rss= -p "$server" | tr -d ' ')
echo "server RSS: $((rss / 1024)) MB; heap: ${heap:-unknown}"

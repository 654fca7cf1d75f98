#!/usr/bin/env bash
# Reproduces the wrk figures of docs/BENCHMARKS.md: starts vigil-server against a PostgreSQL, warms it up, then
# measures POST /api/v1/assess at several connection counts and durable batch ingest (POST /api/v1/events).
#
#   VIGIL_DB_URL='jdbc:postgresql://127.0.0.1:5432/vigil_bench?user=postgres' vigil-bench/wrk/run.sh
#
# Needs wrk (apt-get install -y wrk), a JDK 21+ (JAVA_HOME or /usr/lib/jvm) and a database the server may write
# to (it migrates it; use one of its own, e.g. psql -c 'CREATE DATABASE vigil_bench'). Each run writes new events
# under tenant "bench" (unique eventIds per run), so runs can follow each other on the same database.
# Settings: PORT (18080), WARMUP (60s: on 2 cores the JIT is still compiling Spring's request path after 20 s),
# DURATION (20s per measurement), CONNECTIONS ("4 16 64"; empty skips /assess), EVENT_CONNECTIONS ("4", for batch
# ingest), BATCH (1000 events per batch), JAR (the server jar;
# default vigil-server/target/vigil-server.jar, e.g. an older build for a back-to-back comparison).
# After each run it prints the CPU time per stored login of the server JVM and of the PostgreSQL backends serving
# the benchmark's database (from /proc, so Linux only; the PostgreSQL figure needs psql and a VIGIL_DB_URL of the
# form jdbc:postgresql://host:port/db?user=u): less sensitive to a shared machine than throughput. It includes the
# server's background work (outbox polling and the like), which dominates at low request rates.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${JAR:-$ROOT/vigil-server/target/vigil-server.jar}"
PORT="${PORT:-18080}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS-4 16 64}"
BATCH="${BATCH:-1000}"
EVENT_CONNECTIONS="${EVENT_CONNECTIONS:-4}"
: "${VIGIL_DB_URL:?set VIGIL_DB_URL to the JDBC URL of a PostgreSQL database for the benchmark}"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

JAVA_HOME="${JAVA_HOME:-$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -n 1)}"
export JAVA_HOME
if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl vigil-server -am)
fi

LOG="$(mktemp -t vigil-bench-server.XXXXXX.log)"
# A key for tenant "bench", provisioned at start (hashed); the per-key rate limit is lifted for the measurement.
export VIGIL_API_KEY="vgl_$(openssl rand -hex 8)_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')"
VIGIL_DB_URL="$VIGIL_DB_URL" "$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$PORT" \
  --vigil.access.bootstrap-keys="bench:$VIGIL_API_KEY" --vigil.access.rate-limit.enabled=false >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server did not start; see $LOG" >&2; exit 1; }
  sleep 1
done
# Every wrk run gets its own RUN, so that no measured request repeats an eventId of an earlier run (a repeat is
# answered from the store, a different and cheaper path than assessing and storing a new login).
run_id() { RUN="$(date +%s%N)"; export RUN; }
PGURL="$(sed -nE 's#^jdbc:postgresql://([^/?]+)/([^?]+)\?user=([^&]+).*#postgresql://\3@\1/\2#p' <<<"$VIGIL_DB_URL")"
ticks() { awk '{ s += $14 + $15 } END { print s + 0 }' "$@" 2>/dev/null || echo 0; }
pg_ticks() {
  [[ -n "$PGURL" ]] && command -v psql >/dev/null || { echo 0; return; }
  local pids; pids="$(psql "$PGURL" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()" 2>/dev/null)"
  # shellcheck disable=SC2046
  [[ -n "$pids" ]] && ticks $(printf '/proc/%s/stat ' $pids) || echo 0
}
# measure PER_REQUEST wrk-args...: runs wrk and prints the CPU milliseconds per stored login.
measure() {
  local per="$1" out hz; shift
  hz="$(getconf CLK_TCK)"
  local j0 p0 j1 p1; j0="$(ticks /proc/$SERVER/stat)"; p0="$(pg_ticks)"
  out="$(wrk "$@")"; echo "$out"
  j1="$(ticks /proc/$SERVER/stat)"; p1="$(pg_ticks)"
  local logins; logins="$(awk '/requests in/ { print $1 * '"$per"' }' <<<"$out")"
  awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v n="$logins" -v hz="$hz" 'BEGIN { if (n > 0) printf \
    "cpu per stored login: server JVM %.3f ms, PostgreSQL backends %.3f ms (%d logins)\n", j * 1000 / hz / n, p * 1000 / hz / n, n }'
}
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

echo "== warm-up (not reported)"
run_id
wrk -t2 -c32 -d"${WARMUP:-60s}" -s "$ROOT/vigil-bench/wrk/assess.lua" "http://127.0.0.1:$PORT/api/v1/assess" >/dev/null
run_id
BATCH="$BATCH" wrk -t2 -c4 -d10s -s "$ROOT/vigil-bench/wrk/events.lua" "http://127.0.0.1:$PORT/api/v1/events" >/dev/null

for c in $CONNECTIONS; do
  run_id
  echo "== POST /api/v1/assess, $c connections, $DURATION ($(uptime | sed 's/.*load average/load average/'))"
  measure 1 -t2 -c"$c" -d"$DURATION" --latency -s "$ROOT/vigil-bench/wrk/assess.lua" "http://127.0.0.1:$PORT/api/v1/assess"
done

for c in $EVENT_CONNECTIONS; do
  run_id
  echo "== POST /api/v1/events, batches of $BATCH, $c connections, $DURATION ($(uptime | sed 's/.*load average/load average/'))"
  BATCH="$BATCH" measure "$BATCH" -t2 -c"$c" -d"$DURATION" --latency -s "$ROOT/vigil-bench/wrk/events.lua" \
    "http://127.0.0.1:$PORT/api/v1/events"
done
echo "server log: $LOG"

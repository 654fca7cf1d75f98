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
# DURATION (20s per measurement), CONNECTIONS ("4 16 64"), BATCH (1000 events per batch).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/vigil-server/target/vigil-server.jar"
PORT="${PORT:-18080}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-4 16 64}"
BATCH="${BATCH:-1000}"
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
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

echo "== warm-up (not reported)"
run_id
wrk -t2 -c32 -d"${WARMUP:-60s}" -s "$ROOT/vigil-bench/wrk/assess.lua" "http://127.0.0.1:$PORT/api/v1/assess" >/dev/null
run_id
BATCH="$BATCH" wrk -t2 -c4 -d10s -s "$ROOT/vigil-bench/wrk/events.lua" "http://127.0.0.1:$PORT/api/v1/events" >/dev/null

for c in $CONNECTIONS; do
  run_id
  echo "== POST /api/v1/assess, $c connections, $DURATION ($(uptime | sed 's/.*load average/load average/'))"
  wrk -t2 -c"$c" -d"$DURATION" --latency -s "$ROOT/vigil-bench/wrk/assess.lua" "http://127.0.0.1:$PORT/api/v1/assess"
done

run_id
echo "== POST /api/v1/events, batches of $BATCH, 4 connections, $DURATION ($(uptime | sed 's/.*load average/load average/'))"
BATCH="$BATCH" wrk -t2 -c4 -d"$DURATION" --latency -s "$ROOT/vigil-bench/wrk/events.lua" \
  "http://127.0.0.1:$PORT/api/v1/events"
echo "server log: $LOG"

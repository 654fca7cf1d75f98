#!/usr/bin/env bash
# The soak run of docs/RELIABILITY.md: starts vigil-server with GC logging, then replays simulated traffic against
# POST /api/v1/assess at a FIXED rate (open loop, coordinated-omission corrected: dev.vigil.bench.SoakLoad) and
# samples the server's RSS and heap (jstat) every 10 s.
#
#   vigil-bench/soak/run.sh                      # 1,500 req/s for 10 minutes, embedded PostgreSQL in a temp dir
#   RATE=1000 DURATION=120 vigil-bench/soak/run.sh
#   VIGIL_DB_URL='jdbc:postgresql://127.0.0.1:5432/vigil_soak?user=postgres' vigil-bench/soak/run.sh
#
# Settings: RATE (1500 req/s), DURATION (600 s), WARMUP (60 s, not in the totals), USERS (2000), PORT (18090),
# HEAP (1g, -Xmx of the server), JAR (the server jar, default vigil-server/target/vigil-server.jar: compare an old
# build against a new one), OUT (a new temp dir: server.log, gc.log, jstat.txt, series.csv, latency.hgrm).
# Localhost only. Needs a JDK 21+ (JAVA_HOME or /usr/lib/jvm); builds the server and benchmark jars if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${JAR:-$ROOT/vigil-server/target/vigil-server.jar}"
BENCH="$ROOT/vigil-bench/target/benchmarks.jar"
PORT="${PORT:-18090}"
RATE="${RATE:-1500}"
DURATION="${DURATION:-600}"
WARMUP="${WARMUP:-60}"
USERS="${USERS:-2000}"
HEAP="${HEAP:-1g}"
OUT="${OUT:-$(mktemp -d -t vigil-soak.XXXXXX)}"
mkdir -p "$OUT"

JAVA_HOME="${JAVA_HOME:-$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -n 1)}"
export JAVA_HOME
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl vigil-server)
[[ -f "$BENCH" ]] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl vigil-bench)

KEY="vgl_$(openssl rand -hex 8)_$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')"
# Without VIGIL_DB_URL the server runs its embedded PostgreSQL with its data under $OUT (a fresh database).
(cd "$OUT" && exec "$JAVA_HOME/bin/java" "-Xmx$HEAP" "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" \
  --server.port="$PORT" --vigil.access.bootstrap-keys="bench:$KEY" --vigil.access.rate-limit.enabled=false \
  >"$OUT/server.log" 2>&1) &
SERVER=$!
trap 'kill "${JSTAT:-}" 2>/dev/null; kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server did not start; see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
PID="$(pgrep -P "$SERVER" java || echo "$SERVER")"
"$JAVA_HOME/bin/jstat" -gc -t "$PID" 10s >"$OUT/jstat.txt" &
JSTAT=$!
echo "date: $(date -u +%FT%TZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(uptime | sed 's/.*load average/load average/'); server -Xmx$HEAP, pid $PID; output in $OUT"
"$JAVA_HOME/bin/java" -cp "$BENCH" dev.vigil.bench.SoakLoad --url "http://127.0.0.1:$PORT" --key "$KEY" \
  --tenant bench --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" --users "$USERS" --pid "$PID" \
  --out "$OUT" --gc-log "$OUT/gc.log" | tee "$OUT/load.txt"
echo "server RSS at the end: $(awk '/VmRSS/{print $2/1024 " MiB"}' "/proc/$PID/status")"
echo "load after: $(uptime | sed 's/.*load average/load average/')"

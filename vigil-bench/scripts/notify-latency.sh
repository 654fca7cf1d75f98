#!/bin/sh
# Detect -> notification delivered latency (docs/BENCHMARKS.md): starts the server with its dispatcher loops on an
# embedded PostgreSQL (or VIGIL_BENCH_JDBC_URL), produces alerts at a steady rate, and measures when a healthy
# webhook receiver gets each one. Usage: vigil-bench/scripts/notify-latency.sh [alerts] [alerts-per-second]
set -eu
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -q -B test-compile -pl vigil-server
CP_FILE=vigil-server/target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -pl vigil-server -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$CP_FILE"
cd vigil-server
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat "../$CP_FILE")" \
  dev.vigil.server.notify.NotificationLatencyBenchmark "${1:-1000}" "${2:-200}"

#!/usr/bin/env bash
# Runs the Kafka Streams harness (docs/BENCHMARKS.md, "Kafka Streams"):
#   ./vigil-streams/bench.sh [EVENTS] [USERS] [RATE] [COMMIT_MS] [ALL|FAILURES|NONE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -q -B test-compile dependency:build-classpath -pl vigil-streams -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
CP="vigil-streams/target/test-classes:vigil-streams/target/classes:$(cat vigil-streams/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" dev.vigil.streams.StreamsThroughputHarness "$@"

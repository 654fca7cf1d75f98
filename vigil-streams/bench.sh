#!/usr/bin/env bash
# Runs the Kafka Streams harness (docs/BENCHMARKS.md, "Kafka Streams"):
#   ./vigil-streams/bench.sh [EVENTS] [USERS] [RATE] [COMMIT_MS] [ALL|FAILURES|NONE] [USER|OTHER] [RECENT|AGED]
# BENCH_JAVA_OPTS='-Dbench.streams.<property>=<value> ...' sets further Kafka Streams properties;
# BENCH_NO_BUILD=1 re-uses the last build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
if [[ -z "${BENCH_NO_BUILD:-}" ]]; then
  # -am: this checkout's vigil-core, not whatever snapshot the local repository holds.
  ./mvnw -q -B -o test-compile dependency:build-classpath -pl vigil-streams -am -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
fi
CP="vigil-streams/target/test-classes:vigil-streams/target/classes:$(cat vigil-streams/target/bench.classpath)"
uptime
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" dev.vigil.streams.StreamsThroughputHarness "$@"

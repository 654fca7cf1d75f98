#!/usr/bin/env bash
# Compares Vigil's Isolation Forest with scikit-learn's (Debian python3-sklearn) on the same feature matrix.
# Usage: vigil-bench/scripts/compare-isolation-forest.sh   (builds vigil-bench first if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=vigil-bench/target/benchmarks.jar
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -f "$jar" ] || JAVA_HOME="$(dirname "$(dirname "$java_bin")")" ./mvnw -B -q -DskipTests package -pl vigil-bench -am
if ! /usr/bin/python3 -c 'import sklearn, scipy' 2>/dev/null; then
  echo "needs scikit-learn: apt-get install -y python3-sklearn python3-scipy" >&2
  exit 1
fi
out=vigil-bench/target/forest-comparison
"$java_bin" -cp "$jar" dev.vigil.bench.ForestComparison "$out"
/usr/bin/python3 vigil-bench/scripts/compare_isolation_forest.py "$out"

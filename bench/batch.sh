#!/usr/bin/env bash
# A large batch through the simulator at zero delay: lines per second and peak heap.
# Usage: bench/batch.sh [lines] [concurrency]     (defaults: 100000 32)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED -Xmx512m \
  -cp "bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" \
  dev.lazurite.bench.BatchRun "$@"

#!/usr/bin/env bash
# Whole-server load run on loopback: full-stack chat throughput and latency at each concurrency,
# and what the openai-compatible backend adds over calling the same upstream directly.
# Usage: bench/load.sh [requests-per-level] [concurrency,...]     (defaults: 20000 1,64)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" \
  dev.lazurite.bench.LoadRun "$@"

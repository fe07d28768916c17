#!/usr/bin/env bash
# Failover time: two upstreams behind a pooled deployment, the first stopped mid-run.
# Usage: bench/failover.sh [concurrency] [seconds-before] [seconds-after]     (defaults: 4 5 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED -Xmx1g \
  -cp "bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" \
  dev.lazurite.bench.FailoverRun "$@"

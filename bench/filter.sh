#!/usr/bin/env bash
# Time to the first streamed text in the content filter's default (held-back) and asynchronous modes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED \
  -cp "bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" \
  dev.lazurite.bench.StreamFilterRun "$@"

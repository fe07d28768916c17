#!/usr/bin/env bash
# The search service on a synthetic corpus: indexing throughput versus embedding, size on disk,
# heap, and query latency for BM25, vector, hybrid and semantic queries.
# Usage: bench/search.sh [chunks] [queries]     (defaults: 100000 200)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx2g \
  -cp "bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)" \
  dev.lazurite.bench.SearchRun "$@"

#!/usr/bin/env bash
# Cold start: from launching `lazurite serve` (already built) on a fresh data directory, and on
# one that has run before, to the first answered chat request; then the idle RSS. Needs curl and
# the sqlite3 command (to read the key the server created).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port=${PORT:-18090}
dir=$(mktemp -d)
"$root/lazurite" --help >/dev/null   # builds if needed, outside the measurement

measure() {
  local label=$1
  local start=$(date +%s%N)
  "$root/lazurite" serve --data-dir "$dir" --port "$port" --https-port -1 >/dev/null 2>&1 &
  local pid=$!
  local key=""
  until [ -n "$key" ]; do
    if [ -f "$dir/server.json" ]; then
      key=$(sqlite3 "$dir/lazurite.db" "select value from account_keys where key_name='key1'" 2>/dev/null || true)
    fi
    [ -n "$key" ] || sleep 0.02
  done
  until curl -sf -o /dev/null "http://127.0.0.1:$port/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21" \
      -H "Content-Type: application/json" -H "api-key: $key" -d '{"messages":[{"role":"user","content":"Hi"}]}'; do
    sleep 0.01
  done
  local end=$(date +%s%N)
  echo "$label: first answered chat after $(( (end - start) / 1000000 )) ms"
  sleep 3
  local jpid=$(pgrep -f "dev.lazurite.cli.Main serve --data-dir $dir" | head -1)
  echo "$label: idle RSS $(( $(awk '/VmRSS/ {print $2}' /proc/$jpid/status) / 1024 )) MiB"
  kill "$jpid"; wait "$pid" 2>/dev/null || true
}

measure "fresh data directory"
measure "existing data directory"
rm -rf "$dir"

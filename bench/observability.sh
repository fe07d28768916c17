#!/usr/bin/env bash
# What the data-plane audit log and the Prometheus metrics cost a whole server at 64 connections.
# Two Lazurite servers run side by side in their own JVMs on one stub upstream (nginx answering a
# fixed chat completion): "on" as configured by default (audit + metrics), "off" with metrics off
# and the data-plane audit not registered (bench ObservabilityServer). wrk drives them in short
# turns, alternating ABBA… so that a drift in the machine's load falls on both alike; each round
# gives one ratio on/off. For each turn the server's CPU time (utime + stime of its threads from
# /proc/<pid>/task/*/stat, JIT compiler threads left out) is divided by the requests served: CPU per
# request hardly depends on what else the shared cores are doing, where req/s does.
# Prints every round, then the median ratio of req/s and of CPU per request with their quartiles,
# and the load average at the start and at the end.
#
# Usage: bench/observability.sh [rounds] [seconds-per-turn] [connections]   (default 12 5 64)
# Environment: BENCH_PORT_BASE (default 19580; three ports from it),
#              BENCH_SERVER_OPTS (JVM options of both servers),
#              BENCH_ON_OPTS (extra JVM options of the "on" server only, e.g. a JFR recording),
#              BENCH_OFF_OPTS (extra JVM options of the "off" server only),
#              BENCH_WARMUP (default 4: turns of 5 s each server takes before the rounds),
#              BENCH_ON_MODE, BENCH_OFF_MODE (default on, off: what each server runs; "audit" or
#              "metrics" runs one of the two alone, so that e.g. BENCH_OFF_MODE=metrics prices
#              the audit log alone),
#              BENCH_PRETOUCH_GB (default 0: how many GB of files to write and delete before the run;
#              see "append speed" below),
#              BENCH_OFF_RENICE (a nice value for the second server's audit and usage writer threads,
#              e.g. 0 with BENCH_OFF_MODE=on to price the writers' lowered priority; needs root
#              to go below the 10 they start at).
# The audit log appends to files (its JSON-lines file and the database), so what appending costs
# on the machine is part of what it costs. On a virtual machine whose memory the host backs only
# when the guest first touches it, writing into new page-cache pages runs at a few hundred MB/s
# until the guest has used its memory once, and at GB/s after: the script prints the append speed
# at the start and at the end, and BENCH_PRETOUCH_GB puts the machine in the second state.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds=${1:-12}
seconds=${2:-5}
conns=${3:-64}
base=${BENCH_PORT_BASE:-19580}
stub_port=$base on_port=$((base + 1)) off_port=$((base + 2))

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
bench_cp="bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

work=$(mktemp -d /tmp/lazurite-obs.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
append_speed() { # dd's speed writing 200 MB in 200 KB blocks to a new file (page cache only)
  dd if=/dev/zero of="$work/append-speed" bs=200K count=1000 2>&1 | awk '/copied/ { print $(NF-1), $NF }'
  rm -f "$work/append-speed"
}
for ((g = 0; g < ${BENCH_PRETOUCH_GB:-0}; g++)); do
  dd if=/dev/zero of="$work/pretouch.$g" bs=1M count=1024 status=none
done
rm -f "$work"/pretouch.*
append_start=$(append_speed)

# --- the stub upstream ---------------------------------------------------------------------------
chat='{"id":"chatcmpl-stub","object":"chat.completion","created":1733000000,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":9,"total_tokens":20},"system_fingerprint":"fp_stub"}'
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:$stub_port;
    location /v1/ { default_type application/json; return 200 '$chat'; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)

# --- the two servers -----------------------------------------------------------------------------
declare -A pid port
start() { # on|off port extra-options mode
  local data="$work/$1"
  JAVA_TOOL_OPTIONS="${BENCH_SERVER_OPTS:-} $3" "$java" -cp "$bench_cp" \
    dev.lazurite.bench.ObservabilityServer "$4" "$data" "$2" >"$work/$1.log" 2>&1 &
  pids+=($!)
  pid[$1]=$!
  port[$1]=$2
}
start on "$on_port" "${BENCH_ON_OPTS:-}" "${BENCH_ON_MODE:-on}"
start off "$off_port" "${BENCH_OFF_OPTS:-}" "${BENCH_OFF_MODE:-off}"
for which in on off; do
  for _ in $(seq 1 240); do
    [ -f "$work/$which/server.json" ] && curl -s -o /dev/null "http://127.0.0.1:${port[$which]}/" && break
    sleep 0.5
  done
  [ -f "$work/$which/server.json" ] || { cat "$work/$which.log"; echo "server $which did not start" >&2; exit 1; }
done
declare -A key
for which in on off; do
  cli() { ./lazurite "$@" --data-dir "$work/$which" >/dev/null; }
  cli backend create --name stub --kind openai-compatible --url "http://127.0.0.1:$stub_port/v1" --upstream-model gpt-4o
  # ProvisionedManaged: its quota stage admits without per-minute counters, which would throttle.
  cli deployment create --deployment-name stub --model-name gpt-4o --sku-name ProvisionedManaged \
    --sku-capacity 100 --backends stub
  key[$which]=$(./lazurite keys list --data-dir "$work/$which" --query key1 -o tsv)
done
for which in on off; do # the embedded classifier trains after start-up; wait for it
  for _ in $(seq 1 1200); do
    curl -s "http://127.0.0.1:${port[$which]}/readyz" | grep -q '"classifier":"training"' || break
    sleep 0.5
  done
done

if [ -n "${BENCH_OFF_RENICE:-}" ]; then # thread names are cut to 15 characters
  for task in /proc/"${pid[off]}"/task/*; do
    case "$(cat "$task/comm")" in
      lazurite-audit* | lazurite-usage*) renice -n "$BENCH_OFF_RENICE" -p "${task##*/}" >/dev/null ;;
    esac
  done
fi

# --- interleaved turns ---------------------------------------------------------------------------
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"messages":[{"role":"user","content":"Say hello."}],"max_tokens":16,"seed":1}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["api-key"] = os.getenv("BENCH_KEY")
LUA
tick=$(getconf CLK_TCK)
# CPU ticks (utime + stime) of a process's threads, leaving out the JIT compiler threads: their
# work is warm-up, not what a request costs. The thread name sits in parentheses and may hold spaces.
cpu_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, match(name, /\) [A-Z] /) - 1)
      rest = substr($0, match($0, /\) [A-Z] /) + 2); split(rest, f, " ")
      if (name !~ /CompilerThre/) sum += f[12] + f[13]
    } END { printf "%d\n", sum }'
}
turn() { # on|off seconds -> prints "req/s cpu-µs-per-request requests errors"
  local url="http://127.0.0.1:${port[$1]}/openai/deployments/stub/chat/completions?api-version=2024-10-21"
  local before after
  before=$(cpu_ticks "${pid[$1]}")
  BENCH_KEY=${key[$1]} timeout $(($2 + 30)) wrk -t1 -c"$conns" -d"$2"s -s "$work/post.lua" "$url" >"$work/wrk.out"
  after=$(cpu_ticks "${pid[$1]}")
  awk -v ticks=$((after - before)) -v hz="$tick" '
    /requests in/ { n = $1 }
    /^Requests\/sec/ { rps = $2 }
    /Non-2xx|Socket errors/ { e = e $0 " " }
    END { printf "%.0f %.1f %d %s\n", rps, (n > 0 ? ticks / hz * 1e6 / n : 0), n, e }' "$work/wrk.out"
}
thread_ticks() { # pid -> one "thread-group ticks" line per group of same-named threads
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk '{
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, match(name, /\) [A-Z] /) - 1)
      rest = substr($0, match($0, /\) [A-Z] /) + 2); split(rest, f, " ")
      sub(/[-#0-9]+$/, "", name); gsub(/ /, "_", name)
      t[name] += f[12] + f[13]
    } END { for (k in t) print k, t[k] }' | sort
}
for ((w = 0; w < ${BENCH_WARMUP:-4}; w++)); do # warm-up: JIT, pools, connection reuse
  turn on 5 >/dev/null
  turn off 5 >/dev/null
done
results="$work/results"
: >"$results"
declare -A served=([on]=0 [off]=0)
for which in on off; do thread_ticks "${pid[$which]}" >"$work/threads.$which.before"; done
printf '%-6s %10s %10s %12s %12s %8s %8s  %s\n' round 'on req/s' 'off req/s' 'on µs/req' 'off µs/req' 'rps ÷' 'cpu ÷' 'load'
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then order=(on off); else order=(off on); fi
  declare -A rps cpu n err
  for which in "${order[@]}"; do
    read -r rps[$which] cpu[$which] n[$which] err[$which] < <(turn "$which" "$seconds")
    served[$which]=$((served[$which] + n[$which]))
  done
  rr=$(awk -v a="${rps[on]}" -v b="${rps[off]}" 'BEGIN { printf "%.3f", a / b }')
  cr=$(awk -v a="${cpu[on]}" -v b="${cpu[off]}" 'BEGIN { printf "%.3f", a / b }')
  echo "$rr $cr" >>"$results"
  printf '%-6d %10d %10d %12.1f %12.1f %8s %8s  %s %s\n' "$r" "${rps[on]}" "${rps[off]}" "${cpu[on]}" \
    "${cpu[off]}" "$rr" "$cr" "$(cut -d' ' -f1 /proc/loadavg)" "${err[on]}${err[off]}"
done

# Median and quartiles (nearest rank) of one column.
quartiles() { # column
  sort -g -k"$1","$1" "$results" | awk -v c="$1" '{ v[NR] = $c }
    END { printf "%.3f (quartiles %.3f–%.3f, range %.3f–%.3f)", v[int((NR + 1) / 2)],
      v[int((NR + 3) / 4)], v[int((3 * NR + 3) / 4)], v[1], v[NR] }'
}
echo
echo "throughput on ÷ off, median of $rounds rounds: $(quartiles 1)"
echo "CPU per request on ÷ off, median:            $(quartiles 2)"
echo "load average at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "append speed at the start: $append_start; at the end: $(append_speed)"

# Where each server's CPU went over all rounds, per group of same-named threads (carriers are
# ForkJoinPool workers; the writers are lazurite-usage-writer and lazurite-audit-writer).
for which in on off; do thread_ticks "${pid[$which]}" >"$work/threads.$which.after"; done
echo
echo "CPU per request by thread group over all rounds (µs; on, off):"
for which in on off; do
  join -a1 -e0 -o 0,1.2,2.2 "$work/threads.$which.after" "$work/threads.$which.before" |
    awk -v w="$which" -v n="${served[$which]}" -v hz="$tick" \
      '{ d = $2 - $3; if (d > 0 && n > 0) printf "%s %s %.2f\n", $1, w, d / hz * 1e6 / n }'
done | awk '{ v[$1, $2] = $3; g[$1] = 1; s[$1] += $3 }
  END { for (k in g) printf "  %-24s %8.2f %8.2f\n", k, v[k, "on"] + 0, v[k, "off"] + 0 }' |
  sort -k2 -gr | head -15

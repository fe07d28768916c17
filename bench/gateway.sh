#!/usr/bin/env bash
# Whole-server gateway benchmark beside nginx, on loopback. One stub upstream (nginx answering a
# fixed chat completion and fixed SSE streams) serves every path:
#   stub direct · nginx proxy_pass (keep-alive pool) · Lazurite → stub (a pool of one
#   openai-compatible backend) · Lazurite → simulator (full stack, no upstream hop) · on request,
#   bare forwarding proxies with no processing (dev.lazurite.bench.BareProxy): bare-helidon
#   (Helidon's WebServer as Lazurite's listeners set it up, Lazurite's upstream client) and
#   bare-netty (Netty on epoll, one event loop per core, upstream pool on the same loop).
# Lazurite runs its default pipeline: key auth, RBAC, quota stage, default content filter,
# metering. Deployments are ProvisionedManaged, whose quota stage admits without per-minute
# counters: a Standard deployment's limit (1,000 units at most, 100 req/s) would throttle the run.
# Prints req/s and p50/p99 at 1 and 64 connections (wrk, 1 thread), the ratios to nginx, CPU per
# request of the proxy's JVM and of nginx (utime + stime of their threads over the run, JIT compiler
# threads left out; nginx serves the stub, and for the nginx path the proxy too), and streaming time
# to first byte (JDK client, and on a plain socket) and cost per chunk.
#
# Usage: bench/gateway.sh [seconds-per-run]        (default 10)
# Environment: BENCH_PORT_BASE (default 19480; five ports from it),
#              BENCH_SERVER_OPTS (JVM options for the Lazurite server, e.g. a JFR recording),
#              BENCH_PATHS (default "stub nginx lazurite simulator"; nginx is always measured;
#                also bare-helidon and bare-netty),
#              BENCH_STREAM (default 1; 0 skips the streaming timings),
#              BENCH_WARMUP (default 30: seconds of warm-up at 64 connections per JVM path).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds=${1:-10}
base=${BENCH_PORT_BASE:-19480}
stub_port=$base nginx_port=$((base + 1)) lazurite_port=$((base + 2))
declare -A bare_ports=([bare-helidon]=$((base + 3)) [bare-netty]=$((base + 4)))

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi
./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
bench_cp="bench/target/lazurite-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/bench-classpath.txt)"

work=$(mktemp -d /tmp/lazurite-gateway.XXXXXX)
chmod 755 "$work" # nginx's workers read the stub's files
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# --- the stub's answers -------------------------------------------------------------------------
chat='{"id":"chatcmpl-stub","object":"chat.completion","created":1733000000,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I help you today?","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":9,"total_tokens":20},"system_fingerprint":"fp_stub"}'
sse() { # $1 = content chunks
  local head='data: {"id":"chatcmpl-stub","object":"chat.completion.chunk","created":1733000000,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_stub","choices":'
  printf '%s[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n' "$head"
  for ((i = 0; i < $1; i++)); do
    printf '%s[{"index":0,"delta":{"content":" word%d"},"logprobs":null,"finish_reason":null}]}\n\n' "$head" "$i"
  done
  printf '%s[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}\n\n' "$head"
  printf '%s[],"usage":{"prompt_tokens":11,"completion_tokens":%d,"total_tokens":%d}}\n\n' "$head" "$1" $(($1 + 11))
  printf 'data: [DONE]\n\n'
}
short_chunks=10 long_chunks=210
mkdir -p "$work/nginx/files"
sse $short_chunks >"$work/nginx/files/short.sse"
sse $long_chunks >"$work/nginx/files/long.sse"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
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
  upstream stub { server 127.0.0.1:$stub_port; keepalive 64; }
  server {
    listen 127.0.0.1:$stub_port;
    location /v1/ { default_type application/json; return 200 '$chat'; }
    # A POST to a static file is refused (405); error_page serves it as a GET.
    location /sse/v1/ { error_page 405 =200 /files/short.sse; return 405; }
    location /sse-long/v1/ { error_page 405 =200 /files/long.sse; return 405; }
    location /files/ { internal; alias $work/nginx/files/; default_type text/event-stream; }
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
nginx_pid=$!
sleep 1
curl -sf -o /dev/null -X POST "http://127.0.0.1:$nginx_port/sse/v1/chat/completions" \
  || { cat "$work/nginx/error.log"; echo "nginx did not start" >&2; exit 1; }

# --- Lazurite -------------------------------------------------------------------------------------
data="$work/lazurite"
JAVA_TOOL_OPTIONS="${BENCH_SERVER_OPTS:-}" ./lazurite serve --data-dir "$data" --port "$lazurite_port" \
  --https-port -1 >"$work/lazurite.log" 2>&1 &
pids+=($!)
declare -A server_pids=([lazurite]=$! [simulator]=$!)
for _ in $(seq 1 240); do
  [ -f "$data/server.json" ] && curl -s -o /dev/null "http://127.0.0.1:$lazurite_port/" && break
  sleep 0.5
done
[ -f "$data/server.json" ] || { cat "$work/lazurite.log"; echo "Lazurite did not start" >&2; exit 1; }
cli() { ./lazurite "$@" --data-dir "$data" >/dev/null; }
stub_url="http://127.0.0.1:$stub_port"
cli backend create --name stub --kind openai-compatible --url "$stub_url/v1" --upstream-model gpt-4o
cli backend create --name stub-sse --kind openai-compatible --url "$stub_url/sse/v1" --upstream-model gpt-4o
cli backend create --name stub-sse-long --kind openai-compatible --url "$stub_url/sse-long/v1" --upstream-model gpt-4o
deployment() { # name, then --backends pool or --backend simulator
  cli deployment create --deployment-name "$1" --model-name gpt-4o --sku-name ProvisionedManaged --sku-capacity 100 "${@:2}"
}
deployment stub --backends stub
deployment stub-sse --backends stub-sse
deployment stub-sse-long --backends stub-sse-long
deployment sim --backend simulator
key=$(./lazurite keys list --data-dir "$data" --query key1 -o tsv)
# The embedded content classifier trains in the background after start-up; /readyz says when it
# has finished, so that no measurement shares the cores with the training.
wait_trained() { # port
  local state=""
  for _ in $(seq 1 1200); do
    state=$(curl -s "http://127.0.0.1:$1/readyz" | sed -n 's/.*"classifier":"\([^"]*\)".*/\1/p')
    [ "$state" = training ] || break
    sleep 0.5
  done
  echo "content classifier: ${state:-unknown}" >&2
}
wait_trained "$lazurite_port"

# --- bare forwarding proxies (on request) -------------------------------------------------------
for path in ${BENCH_PATHS:-}; do
  [ -n "${bare_ports[$path]:-}" ] || continue
  JAVA_TOOL_OPTIONS="${BENCH_SERVER_OPTS:-}" "$java" --enable-native-access=ALL-UNNAMED -cp "$bench_cp" \
    dev.lazurite.bench.BareProxy "${path#bare-}" "${bare_ports[$path]}" "$stub_port" >"$work/$path.log" 2>&1 &
  pids+=($!)
  server_pids[$path]=$!
  for _ in $(seq 1 120); do
    grep -qs '^bare-proxy .* listening on' "$work/$path.log" && break
    sleep 0.5
  done
  # The same answer as the stub's, or no measurement.
  [ "$(curl -s -X POST -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:${bare_ports[$path]}/v1/chat/completions")" = "$chat" ] \
    || { cat "$work/$path.log"; echo "$path does not forward the stub's answer" >&2; exit 1; }
done

# --- throughput and latency (wrk) ---------------------------------------------------------------
cat >"$work/post.lua" <<'EOF'
wrk.method = "POST"
wrk.body = '{"messages":[{"role":"user","content":"Say hello."}],"max_tokens":16,"seed":1}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["api-key"] = os.getenv("BENCH_KEY")
EOF
lazurite_chat() { echo "http://127.0.0.1:$lazurite_port/openai/deployments/$1/chat/completions?api-version=2024-10-21"; }
declare -A urls=(
  [stub]="$stub_url/v1/chat/completions"
  [nginx]="http://127.0.0.1:$nginx_port/v1/chat/completions"
  [lazurite]="$(lazurite_chat stub)"
  [simulator]="$(lazurite_chat sim)"
  [bare-helidon]="http://127.0.0.1:${bare_ports[bare-helidon]}/v1/chat/completions"
  [bare-netty]="http://127.0.0.1:${bare_ports[bare-netty]}/v1/chat/completions"
)
# Latency as wrk prints it (12.3us, 1.2ms, 1.1s) in microseconds.
micros() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) print int(n); else if (v ~ /ms$/) print int(n * 1000); else print int(n * 1000000) }'; }
declare -A rps p50 p99 errors cpu nginx_cpu
tick=$(getconf CLK_TCK)
# CPU ticks (utime + stime) of processes' threads, leaving out the JIT compiler threads: their work
# is warm-up, not what a request costs. The thread name sits in parentheses and may hold spaces.
cpu_ticks() { # pid...
  for pid in "$@"; do cat /proc/"$pid"/task/*/stat 2>/dev/null; done | awk '{
      name = substr($0, index($0, "(") + 1); name = substr(name, 1, match(name, /\) [A-Z] /) - 1)
      rest = substr($0, match($0, /\) [A-Z] /) + 2); split(rest, f, " ")
      if (name !~ /CompilerThre/) sum += f[12] + f[13]
    } END { printf "%d\n", sum }'
}
nginx_pids() { echo "$nginx_pid" $(cat /proc/"$nginx_pid"/task/*/children 2>/dev/null); }
per_request() { # ticks requests -> µs
  awk -v t="$1" -v n="$2" -v hz="$tick" 'BEGIN { printf "%.1f", (n > 0 ? t / hz * 1e6 / n : 0) }'
}
measure() { # path connections seconds
  local server=${server_pids[$1]:-} s0=0 s1=0 n0 n1 requests
  [ -z "$server" ] || s0=$(cpu_ticks "$server")
  n0=$(cpu_ticks $(nginx_pids))
  BENCH_KEY=$key timeout $(($3 + 30)) wrk -t1 -c"$2" -d"$3"s --latency -s "$work/post.lua" "${urls[$1]}" >"$work/wrk.out"
  [ -z "$server" ] || s1=$(cpu_ticks "$server")
  n1=$(cpu_ticks $(nginx_pids))
  requests=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
  if [ -n "$server" ]; then cpu[$1,$2]=$(per_request $((s1 - s0)) "$requests"); else cpu[$1,$2]=-; fi
  nginx_cpu[$1,$2]=$(per_request $((n1 - n0)) "$requests")
}
paths=(nginx ${BENCH_PATHS:-stub lazurite simulator})
paths=($(printf '%s\n' "${paths[@]}" | awk '!seen[$0]++'))
for path in "${paths[@]}"; do
  # Warm-up at 64 connections: pools for every path, and for Lazurite's the JIT's compiled code,
  # which takes tens of seconds under load to settle (3 s left p50 at one connection ~1.5x steady).
  case $path in
    stub | nginx) measure "$path" 64 3 ;;
    *) measure "$path" 64 "${BENCH_WARMUP:-30}" ;;
  esac
  for c in 1 64; do
    measure "$path" "$c" "$seconds"
    rps[$path,$c]=$(awk '/^Requests\/sec/ { printf "%d", $2 }' "$work/wrk.out")
    p50[$path,$c]=$(micros "$(awk '$1 == "50%" { print $2 }' "$work/wrk.out")")
    p99[$path,$c]=$(micros "$(awk '$1 == "99%" { print $2 }' "$work/wrk.out")")
    errors[$path,$c]=$(awk '/Non-2xx|Socket errors/ { s = s $0 " " } END { print s }' "$work/wrk.out")
  done
done

printf '\n%-34s %6s %9s %9s %9s %9s %9s %9s  %s\n' path conns 'req/s' 'p50 µs' 'p99 µs' '÷ nginx' \
  'JVM µs' 'nginx µs' errors
for path in "${paths[@]}"; do
  for c in 1 64; do
    printf '%-34s %6d %9d %9d %9d %9s %9s %9s  %s\n' "$path" "$c" "${rps[$path,$c]}" "${p50[$path,$c]}" \
      "${p99[$path,$c]}" "$(awk -v a="${rps[$path,$c]}" -v b="${rps[nginx,$c]}" 'BEGIN { printf "%.2f", a / b }')" \
      "${cpu[$path,$c]}" "${nginx_cpu[$path,$c]}" "${errors[$path,$c]}"
  done
done
echo "(JVM µs, nginx µs: CPU per request of the proxy's JVM and of nginx, the stub and for the nginx path the proxy)"

added() { # path
  [ -n "${rps[$1,1]:-}" ] && [ -n "${rps[stub,1]:-}" ] || return 0
  printf '%-34s %6d %9s %9d %9d\n' "added by $1 over stub" 1 '' \
    $((p50[$1,1] - p50[stub,1])) $((p99[$1,1] - p99[stub,1]))
}
added nginx
added lazurite
for path in bare-helidon bare-netty; do added "$path"; done
[ "${BENCH_STREAM:-1}" = 1 ] || exit 0

# --- streaming (one connection, kept alive) -----------------------------------------------------
timing() { timeout 120 "$java" -cp "$bench_cp" dev.lazurite.bench.StreamTiming "$1" "$key" 2000; }
read -r d_ttfb d_ttfb99 d_short < <(timing "$stub_url/sse/v1/chat/completions")
read -r _ _ d_long < <(timing "$stub_url/sse-long/v1/chat/completions")
read -r l_ttfb l_ttfb99 l_short < <(timing "$(lazurite_chat stub-sse)")
read -r _ _ l_long < <(timing "$(lazurite_chat stub-sse-long)")
echo
echo "streaming, 1 connection (µs):            stub    Lazurite   added"
printf 'time to first byte p50              %9d %9d %9d\n' "$d_ttfb" "$l_ttfb" $((l_ttfb - d_ttfb))
printf 'time to first byte p99              %9d %9d %9d\n' "$d_ttfb99" "$l_ttfb99" $((l_ttfb99 - d_ttfb99))
printf 'whole stream p50, %3d chunks        %9d %9d %9d\n' $short_chunks "$d_short" "$l_short" $((l_short - d_short))
printf 'whole stream p50, %3d chunks        %9d %9d %9d\n' $long_chunks "$d_long" "$l_long" $((l_long - d_long))
awk -v a=$((l_long - d_long)) -v b=$((l_short - d_short)) -v n=$((long_chunks - short_chunks)) \
  'BEGIN { printf "added per chunk                                         %9.1f\n", (a - b) / n }'
# The same first bytes on a plain socket (no HTTP client's own thread hand-offs in the figure), the
# stub and Lazurite taking turns request by request: the answer's first byte and its body's.
raw=$(timeout 120 "$java" -cp "$bench_cp" dev.lazurite.bench.RawStreamTiming 2000 "$key" \
  "$stub_url/sse/v1/chat/completions" "$(lazurite_chat stub-sse)")
read -r s_head s_body s_body99 _ _ < <(sed -n 1p <<<"$raw")
read -r z_head z_body z_body99 _ _ < <(sed -n 2p <<<"$raw")
printf 'plain socket: first byte p50        %9d %9d %9d\n' "$s_head" "$z_head" $((z_head - s_head))
printf 'plain socket: first body byte p50   %9d %9d %9d\n' "$s_body" "$z_body" $((z_body - s_body))
printf 'plain socket: first body byte p99   %9d %9d %9d\n' "$s_body99" "$z_body99" $((z_body99 - s_body99))

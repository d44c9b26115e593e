#!/bin/bash
# Measures the function host as a client sees it: cold start (the host's own X-Startup-Micros,
# request received until _start, over sequential calls) and HTTP throughput of a small function
# under load. Build first (mvn -B -q package -DskipTests). wrk is used when installed
# (apt-get install -y wrk); FaasBench.java (JDK only) always runs.
#
#   bash bench/faas/bench.sh [CALLS] [SECONDS] [CLIENTS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
calls="${1:-5000}"
seconds="${2:-10}"
clients="${3:-32}"
port="${NEBULA_BENCH_PORT:-18090}"
data="$(mktemp -d)"
"$root/nebula" serve --port "$port" --data "$data" > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
token="$(cat "$data/token")"
deploy() {
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $token" -H "Content-Type: application/wasm" \
    --data-binary "@$2" "http://127.0.0.1:$port/system/functions/$1?max_concurrency=256"
}
deploy echo "$root/faas-host/src/test/resources/fixtures/echo.wasm"
deploy fibonacci "$root/examples/fibonacci.wasm"
bench="java $root/bench/faas/FaasBench.java"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== cold start: echo ('hello'), $calls sequential calls"
$bench coldstart "http://127.0.0.1:$port" echo hello "$calls"
echo "== cold start: fibonacci (20), $calls sequential calls"
$bench coldstart "http://127.0.0.1:$port" fibonacci 20 "$calls"
echo "== throughput: echo, $clients keep-alive clients for $seconds s (FaasBench)"
$bench load "http://127.0.0.1:$port" echo hello "$clients" "$seconds"
if command -v wrk > /dev/null; then
  echo "== throughput: echo, wrk -t2 -c$clients -d${seconds}s"
  wrk -t2 -c"$clients" -d"${seconds}s" -s "$root/bench/faas/post.lua" --latency "http://127.0.0.1:$port/function/echo"
fi
echo "== machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"

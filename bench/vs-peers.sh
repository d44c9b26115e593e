#!/usr/bin/env bash
# Nebula against its peers in one run (issue 7, item 5): Nebula's interpreter, Nebula's AOT
# engine, Chicory's interpreter, Chicory's compiler (com.dylibso.chicory:compiler 1.7.5) and
# wasmtime 7 (wasmtime-java 0.19.0), on
#   - the C workloads (InterpreterVsChicoryBenchmark: every runtime),
#   - sightglass programs without SIMD (SightglassVsPeersBenchmark: AOT, Chicory's compiler,
#     wasmtime; SightglassOnInterpretersBenchmark: Nebula's interpreter on a subset),
#   - CoreMark (CoreMarkPeers, if bench/coremark/build/coremark.wasm was built: see
#     bench/coremark/build.sh), which reports the Iterations/Sec CoreMark prints, natively too.
# Prints the machine, the ratio table (each runtime's ms/op divided by the AOT engine's, geometric
# means, the issue-7 goals), what was left out and why, the JMH failures, and CoreMark's table.
# The whole set runs ROUNDS times (default 3), one fork per trial each time, and each ms/op is the
# median of a trial's iterations pooled over the rounds, not JMH's mean: this machine has stretches
# of seconds to minutes in which JIT-compiled code runs up to twice as slowly (RESULTS.md, "fib's
# slow windows"); rounds minutes apart keep such a stretch to a minority of a trial's iterations.
# PeersTable lists the measurements a stretch reached.
#
#   bash bench/vs-peers.sh [OUT_DIR] [more JMH options, e.g. -p workload=sha256]
#
# JMH_RUN replaces each round's JMH configuration (default "-f 1 -wi 3 -w 2s -i 3 -r 1s"; three
# rounds of the BENCHMARKS of RESULTS' peers runs take about 30 minutes, plus CoreMark's 3);
# JMH_JAVA_OPTS="-Djmh.ignoreLock=true" runs beside another JMH run (numbers then less reliable);
# COREMARK=0 skips CoreMark, COREMARK_JAVA_OPTS="-Dcoremark.warmup=2 -Dcoremark.seconds=1
# -Dcoremark.runs=1" shortens it (see CoreMarkPeers). The long version (every non-SIMD program that
# can be checked, on every runtime, the interpreters included; many hours):
#   ROUNDS=1 BENCHMARKS='InterpreterVsChicory|SightglassVsPeers' JMH_RUN="-f 1 -wi 3 -w 5s -i 5 -r 5s" \
#     bash bench/vs-peers.sh /tmp/peers-long -p runtime=nebula,nebula-aot,chicory,chicory-compiler,wasmtime \
#     -p program=$(java -cp bench/target/benchmarks.jar dev.nebula.bench.PeerSkips --long)
# Run from the repo root after `mvn -B -q package -DskipTests`. OUT_DIR (default a new temporary
# folder) keeps header.txt, jmh-round*.json and .log, load.txt, ratios.md, skips.txt and coremark.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
out="${1:-$(mktemp -d)}"
shift || true
mkdir -p "$out"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q package -DskipTests" >&2; exit 1; }
read -r -a jmh_options <<< "${JMH_RUN:--f 1 -wi 3 -w 2s -i 3 -r 1s}"
rounds="${ROUNDS:-3}"
benchmarks="${BENCHMARKS:-InterpreterVsChicory|SightglassVsPeers|SightglassOnInterpreters}"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); repo HEAD: $(git -C "$repo" log -1 --format='%h %s' | cut -c1-100)"
  git -C "$repo" diff --quiet HEAD 2> /dev/null || echo "(the work tree has uncommitted changes)"
  echo "JDK: $(java -version 2>&1 | tr '\n' ' ')"
  echo "machine: $(nproc) cores, $(lscpu 2> /dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ { print $2 " GB RAM" }')"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command, $rounds rounds: java ${JMH_JAVA_OPTS:-} -jar bench/target/benchmarks.jar '$benchmarks' ${jmh_options[*]} $* -rf json -rff $out/jmh-roundN.json"
} | tee "$out/header.txt"

# The load average every 5 s while the benchmarks run.
( while :; do echo "$(date +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done ) > "$out/load.txt" &
sampler=$!
trap 'kill "$sampler" 2> /dev/null || true' EXIT

# JMH's exit code is not trusted to flag a failed trial: failures are listed from its log below.
round_files=()
for round in $(seq 1 "$rounds"); do
  echo "round $round of $rounds: $(date -u +%T)"
  java ${JMH_JAVA_OPTS:-} -jar "$jar" "$benchmarks" "${jmh_options[@]}" "$@" -rf json -rff "$out/jmh-round$round.json" \
    > "$out/jmh-round$round.log" 2>&1 || true
  [ -s "$out/jmh-round$round.json" ] || { echo "JMH wrote no results; see $out/jmh-round$round.log:" >&2; tail -20 "$out/jmh-round$round.log" >&2; exit 1; }
  round_files+=("$out/jmh-round$round.json")
done
echo
java -cp "$jar" dev.nebula.bench.PeersTable "${round_files[@]}" | tee "$out/ratios.md"
echo
java -cp "$jar" dev.nebula.bench.PeerSkips | tee "$out/skips.txt"
# A trial that failed (a runtime that cannot run a program, or printed a wrong result) has no row.
awk '/^# Benchmark: / { bench = $3 } /^# Parameters: / { params = $0; sub(/^# Parameters: /, "", params) }
     /<failure>/ { failed = 1; next }
     failed && NF { sub(/^[ \t]+/, ""); print "- " bench " " params ": " $0; failed = 0 }' "$out"/jmh-round*.log > "$out/failures.txt"
echo "JMH trials that failed ($(wc -l < "$out/failures.txt")):"
cat "$out/failures.txt"

echo
if [ "${COREMARK:-1}" = 0 ]; then
  echo "CoreMark: skipped (COREMARK=0)" | tee "$out/coremark.md"
elif [ ! -f "$repo/bench/coremark/build/coremark.wasm" ]; then
  echo "CoreMark: skipped: no bench/coremark/build/coremark.wasm. CoreMark's sources are not in this repo;" \
    "build it with: git clone https://github.com/eembc/coremark /tmp/coremark &&" \
    "COREMARK_SRC=/tmp/coremark bash bench/coremark/build.sh" | tee "$out/coremark.md"
else
  echo "CoreMark (Iterations/Sec as CoreMark prints it; median of 3 runs of about 3 s after 10 s of warm-up):"
  java ${COREMARK_JAVA_OPTS:-} -cp "$jar" dev.nebula.bench.CoreMarkPeers 2> "$out/coremark.log" | tee "$out/coremark.md"
fi

kill "$sampler" 2> /dev/null || true
echo
awk '{ if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2; sum += $2; n++ }
     END { printf "load average (1 min) during the run: min %.2f, mean %.2f, max %.2f over %d samples\n", min, sum / n, max, n }' \
  "$out/load.txt" | tee -a "$out/header.txt"
echo "kept in $out"

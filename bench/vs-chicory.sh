#!/usr/bin/env bash
# Runs InterpreterVsChicoryBenchmark with the configuration bench/RESULTS.md reports, and prints
# what a results section needs: the machine, the interpreter commit, the load average sampled
# every 5 s during the run, JMH's table, and the Chicory/Nebula ratios with their geometric mean.
#
#   bash bench/vs-chicory.sh [OUT_DIR] [more JMH options, e.g. -p workload=sha256]
#
# JMH_RUN="-f 1 -wi 1 -w 1s -i 2 -r 1s" in the environment replaces the reported configuration
# (for a quick try; JMH refuses an option given twice).
# Run from the repo root after `mvn -B -q package -DskipTests -pl bench -am`. OUT_DIR (default
# a new temporary folder) keeps jmh.csv, jmh.log, load.txt and ratios.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
out="${1:-$(mktemp -d)}"
shift || true
mkdir -p "$out"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q package -DskipTests -pl bench -am" >&2; exit 1; }

read -r -a jmh_options <<< "${JMH_RUN:--f 1 -wi 3 -w 2s -i 5 -r 2s}"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "interpreter commit: $(git -C "$repo" log -1 --format='%h %s' -- interpreter)"
  echo "repo HEAD: $(git -C "$repo" log -1 --format=%h)$(git -C "$repo" diff --quiet HEAD -- interpreter runtime || echo ' (interpreter/runtime have uncommitted edits!)')"
  echo "JDK: $(java -version 2>&1 | tr '\n' ' ')"
  echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "command: java -jar bench/target/benchmarks.jar InterpreterVsChicory ${jmh_options[*]} $* -rf csv -rff $out/jmh.csv"
} | tee "$out/header.txt"

# The load average every 5 s while JMH runs (the 1-minute figure is what the table reports).
( while :; do echo "$(date +%T) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done ) > "$out/load.txt" &
sampler=$!
trap 'kill "$sampler" 2> /dev/null || true' EXIT

java -jar "$jar" InterpreterVsChicory "${jmh_options[@]}" "$@" -rf csv -rff "$out/jmh.csv" | tee "$out/jmh.log" \
  | grep -E '^(Benchmark|InterpreterVsChicoryBenchmark)|Run complete'
kill "$sampler" 2> /dev/null || true

awk '{ if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2; sum += $2; n++ }
     END { printf "load average (1 min) during the run: min %.2f, mean %.2f, max %.2f over %d samples\n", min, sum / n, max, n }' \
  "$out/load.txt" | tee -a "$out/header.txt"
java -cp "$jar" dev.nebula.bench.ChicoryRatios "$out/jmh.csv" | tee "$out/ratios.md"
echo "kept in $out"

#!/usr/bin/env bash
# Runs the C-workload benchmark on every runtime in one JMH run (Nebula's interpreter, Nebula's
# AOT engine, Chicory's interpreter, Chicory's compiler) and prints the ratio table: each
# runtime's time per call divided by the AOT engine's (above 1: slower than Nebula AOT), with the
# geometric mean per runtime. wasmtime is not in this run yet (see bench/RESULTS.md).
#
#   bash bench/vs-peers.sh [OUT_DIR] [more JMH options, e.g. -p workload=sha256]
#
# JMH_RUN="-f 1 -wi 1 -w 1s -i 2 -r 1s" replaces the default configuration for a quick try;
# JMH_JAVA_OPTS="-Djmh.ignoreLock=true" runs beside another JMH run (numbers then less reliable).
# Run from the repo root after `mvn -B -q package -DskipTests -pl bench -am`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$repo/bench/target/benchmarks.jar"
out="${1:-$(mktemp -d)}"
shift || true
mkdir -p "$out"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -q package -DskipTests -pl bench -am" >&2; exit 1; }
read -r -a jmh_options <<< "${JMH_RUN:--f 1 -wi 3 -w 2s -i 5 -r 2s}"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); HEAD: $(git -C "$repo" log -1 --format=%h)"
java ${JMH_JAVA_OPTS:-} -jar "$jar" InterpreterVsChicory "${jmh_options[@]}" "$@" -rf csv -rff "$out/jmh.csv" > "$out/jmh.log"

# The table: one row per workload, ms/op per runtime, then each runtime / nebula-aot.
tr -d '\r' < "$out/jmh.csv" | awk -F, '
  NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i }; next }
  {
    for (i = 1; i <= NF; i++) gsub(/"/, "", $i)
    rt = $col["Param: runtime"]; wl = $col["Param: workload"]; score[wl, rt] = $col["Score"]
    if (!(wl in seenW)) { seenW[wl] = 1; wls[++nw] = wl }
    if (!(rt in seenR)) { seenR[rt] = 1; rts[++nr] = rt }
  }
  END {
    printf "| workload |"; for (r = 1; r <= nr; r++) printf " %s (ms/op) |", rts[r]; for (r = 1; r <= nr; r++) printf " %s / nebula-aot |", rts[r]; print ""
    printf "|---|"; for (r = 1; r <= 2 * nr; r++) printf "---:|"; print ""
    for (w = 1; w <= nw; w++) {
      wl = wls[w]; base = score[wl, "nebula-aot"]
      printf "| %s |", wl
      for (r = 1; r <= nr; r++) printf " %.3f |", score[wl, rts[r]]
      for (r = 1; r <= nr; r++) { q = score[wl, rts[r]] / base; logsum[r] += log(q); printf " %.2f |", q }
      print ""
    }
    printf "| geometric mean |"; for (r = 1; r <= nr; r++) printf " |"
    for (r = 1; r <= nr; r++) printf " %.2f |", exp(logsum[r] / nw); print ""
  }' | tee "$out/ratios.md"

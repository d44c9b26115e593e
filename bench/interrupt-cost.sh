#!/usr/bin/env bash
# The cost of interruption polling on the interpreter: the benchmark jar built at a commit before
# the polling (BEFORE, e.g. 3a0997b) against one built after (AFTER), run alternately round by
# round so that drift in the machine's load hits both alike. Build each jar with
#   git worktree add /tmp/before 3a0997b && (cd /tmp/before && mvn -B -q package -DskipTests -pl bench -am)
# then: bash bench/interrupt-cost.sh /tmp/before/bench/target/benchmarks.jar bench/target/benchmarks.jar OUT_DIR
set -euo pipefail
before="$1"; after="$2"; out="${3:-$(mktemp -d)}"; rounds="${ROUNDS:-3}"
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  for v in before after; do
    jar="$before"; [[ $v == after ]] && jar="$after"
    java -jar "$jar" InterpreterVsChicory -p runtime=nebula -f 1 -wi 3 -w 1s -i 4 -r 1s -rf csv -rff "$out/$v-$round.csv" > "$out/$v-$round.log" 2>&1
    echo "$v round $round done, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "results in $out/{before,after}-N.csv (ms/op per workload); compare after/before within each round"

#!/usr/bin/env bash
# Rebuilds the benchmark workloads (src/main/c) into src/main/resources/wasm, and writes the
# answers a correct engine must give, computed from the same C sources built natively with gcc.
#
# Needs Debian's clang, lld, wasi-libc and libclang-rt-dev-wasm32 (for the Wasm builds), gcc,
# and optionally node (to run the built modules against the native answers).
# The .wasm files are committed, so the Maven build and CI never run this.
#
#   bash bench/build-wasm.sh        (from anywhere)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src/main/c"
out="$here/src/main/resources/wasm"
workloads=(fib sieve matmul sha256 quicksort)

# Reactor modules: no _start, no imports; exports are plain functions (and _initialize, a
# no-op here, which a WASI reactor's host calls first). --strip-debug drops the DWARF that
# Debian's libc.a objects (memset, memcpy) carry.
wasm_cc=(clang --target=wasm32-wasi --sysroot=/usr -O2)
for w in "${workloads[@]}"; do
  "${wasm_cc[@]}" -mexec-model=reactor -Wl,--strip-debug -o "$out/$w.wasm" "$src/$w.c"
done
# The SIMD kernel, one source built with and without SIMD (clang's auto-vectoriser does the rest).
for v in simd scalar; do
  "${wasm_cc[@]}" -m$([ "$v" = simd ] || echo no-)simd128 -DSIMD_KERNEL_EXPORT="dot_$v" \
    -mexec-model=reactor -Wl,--strip-debug -o "$out/dot_$v.wasm" "$src/simd_kernel.c"
done

# The bigger "real program": every workload plus libc-using code, as a WASI command (_start).
program_sources=("$src/c_program.c")
for w in "${workloads[@]}"; do program_sources+=("$src/$w.c"); done
"${wasm_cc[@]}" -DNEBULA_NO_EXPORTS -Wl,--strip-debug -o "$out/c-program.wasm" "${program_sources[@]}"

# Native builds give the expected answers. No FMA contraction, so that floating point is the
# same as in Wasm (matmul is exact anyway, by construction).
native="$(mktemp -d)"
trap 'rm -rf "$native"' EXIT
workload_sources=()
for w in "${workloads[@]}"; do workload_sources+=("$src/$w.c"); done
gcc -O2 -ffp-contract=off -o "$native/harness" "$src/native_harness.c" "${workload_sources[@]}" "$src/simd_kernel.c"
gcc -O2 -ffp-contract=off -o "$native/c-program" "${program_sources[@]}"
"$native/c-program" > "$out/c-program.stdout.expected"

# Each case: workload, name of the case, arguments. "default" is a long run (a fast engine);
# "small" is quick enough for unit tests of a slow engine; "interp" is what
# InterpreterVsChicoryBenchmark runs, sized so that one call takes 5-50 ms on Nebula's interpreter.
cases=(
  "fib default 30" "fib small 10" "fib interp 28"
  "sieve default 1000000 5" "sieve small 1000 1" "sieve interp 250000 1"
  "matmul default 128 2" "matmul small 8 1" "matmul interp 64 2"
  "sha256 default 65536 16" "sha256 small 1000 2" "sha256 interp 16384 4"
  "quicksort default 100000 4" "quicksort small 100 1" "quicksort interp 20000 1"
  "dot_simd default 65536 64" "dot_simd small 100 2" "dot_simd interp 65536 8"
  "dot_scalar default 65536 64" "dot_scalar small 100 2" "dot_scalar interp 65536 8"
)
declare -A result_type=([fib]=i32 [sieve]=i32 [matmul]=i64 [sha256]=i64 [quicksort]=i32 [dot_simd]=i64 [dot_scalar]=i64)
{
  echo "# Expected results of the workload exports, computed natively (gcc) by bench/build-wasm.sh."
  echo "# <module>.<case>.args = the export's i32 arguments; .expected = its result (type in .result)."
  echo "# Each module is a WASI reactor: call _initialize (a no-op), then the export of the same name."
  for w in "${workloads[@]}" dot_simd dot_scalar; do echo "$w.result=${result_type[$w]}"; done
  for c in "${cases[@]}"; do
    read -r w name args <<< "$c"
    # The harness prints "name(args) = value"; keep the value.
    value="$("$native/harness" "$w" $args | sed 's/.* = //')"
    echo "$w.$name.args=$args"
    echo "$w.$name.expected=$value"
  done
} > "$out/expected.properties"

# A second, independent engine must agree with the native answers (skipped without node).
if command -v node > /dev/null; then
  node --no-warnings "$here/check-wasm.mjs" "$out"
else
  echo "node not found: skipped running the .wasm files against the expected answers" >&2
fi
ls -l "$out"

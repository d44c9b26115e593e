#!/usr/bin/env bash
# Builds CoreMark for WASI (bench/coremark/build/coremark.wasm) and, where the host compiler can,
# natively (build/coremark-native), from a CoreMark source folder that is NOT part of this
# repository (EEMBC's code stays out of our commits):
#
#   git clone https://github.com/eembc/coremark /tmp/coremark      # or any copy of its sources
#   COREMARK_SRC=/tmp/coremark bash bench/coremark/build.sh
#
# Only CoreMark's portable core is used (core_list_join.c, core_main.c, core_matrix.c,
# core_state.c, core_util.c, coremark.h); the port layer is this project's (bench/coremark/port),
# the same for both builds: monotonic-clock timing, seeds of the 2K performance run, and the
# iteration count from argv[1] (default ITERATIONS=2000 here; the benchmark passes its own).
# Needs Debian's clang, lld and wasi-libc (clang --target=wasm32-wasi --sysroot=/usr).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${COREMARK_SRC:-}"
out="${COREMARK_OUT:-$here/build}"
iterations="${ITERATIONS:-2000}"
files=(core_list_join.c core_main.c core_matrix.c core_state.c core_util.c coremark.h)

if [ -z "$src" ]; then
  echo "COREMARK_SRC is not set: point it at a copy of CoreMark's sources, e.g." >&2
  echo "  git clone https://github.com/eembc/coremark /tmp/coremark && COREMARK_SRC=/tmp/coremark bash $0" >&2
  exit 2
fi
for f in "${files[@]}"; do
  [ -f "$src/$f" ] || { echo "COREMARK_SRC=$src has no $f: is it a CoreMark source folder (github.com/eembc/coremark)?" >&2; exit 2; }
done
mkdir -p "$out"

flags="-O3 -DITERATIONS=$iterations"
sources=("$src/core_list_join.c" "$src/core_main.c" "$src/core_matrix.c" "$src/core_state.c" "$src/core_util.c" "$here/port/core_portme.c")
# The port's header comes first on the include path, so CoreMark's own ports are never picked up.
includes=(-I"$here/port" -I"$src")

clang --target=wasm32-wasi --sysroot=/usr $flags -Wl,--strip-debug "${includes[@]}" -DFLAGS_STR="\"$flags (wasm32-wasi)\"" \
  "${sources[@]}" -o "$out/coremark.wasm"
echo "built $out/coremark.wasm"

if clang $flags "${includes[@]}" -DFLAGS_STR="\"$flags (native)\"" "${sources[@]}" -o "$out/coremark-native" 2> "$out/native.log"; then
  echo "built $out/coremark-native"
else
  echo "no native build (see $out/native.log); the WASI build is enough for the benchmark" >&2
fi

#!/usr/bin/env bash
# Rebuilds the test programs of the wasi module from their sources:
#   sandbox/*.c   -> src/test/resources/sandbox/*.wasm  (Debian's clang + wasi-libc)
#   sandbox/*.wat -> src/test/resources/sandbox/*.wasm  (wabt's wat2wasm)
# Needs: clang, lld, wasi-libc, libclang-rt-dev-wasm32, wabt (all Debian packages).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/sandbox"
mkdir -p "$out"
for c in "$here"/sandbox/*.c; do
  name="$(basename "$c" .c)"
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror -Wl,--strip-all -o "$out/$name.wasm" "$c"
  echo "built $out/$name.wasm"
done
for w in "$here"/sandbox/*.wat; do
  [[ -e "$w" ]] || continue
  name="$(basename "$w" .wat)"
  wat2wasm "$w" -o "$out/$name.wasm"
  echo "built $out/$name.wasm"
done

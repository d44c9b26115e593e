#!/usr/bin/env bash
# Rebuilds every example: <name>.c -> <name>.wasm, a WASI preview1 command module.
# Needs Debian's clang, lld, wasi-libc and libclang-rt-dev-wasm32.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for c in "$here"/*.c; do
  name="$(basename "$c" .c)"
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror -Wl,--strip-all -o "$here/$name.wasm" "$c"
  echo "built examples/$name.wasm"
done

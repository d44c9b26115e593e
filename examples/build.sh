#!/usr/bin/env bash
# Builds every example twice, as the thesis compared them:
#   1. <name>.wasm beside <name>.c: a WASI preview1 command module (checked in), with Debian's
#      clang, lld, wasi-libc and libclang-rt-dev-wasm32;
#   2. native/<name>: a static native binary (gcc -O2 -static, needs gcc and libc6-dev), packed as
#      the only file /fn of an OCI image localhost/nebula-fn-<name>:latest with ENTRYPOINT ["/fn"].
#      No base image and no registry: the rootfs tarball is imported with `<engine> import`.
#
#   examples/build.sh                 Wasm + native + images (images only if the engine answers)
#   examples/build.sh --wasm          only the Wasm modules
#   examples/build.sh --images        only native + images (no clang needed), failing if the engine
#                                     does not answer; scripts/containers-setup.sh runs this
#
# The engine is $NEBULA_CONTAINER_ENGINE (default podman). An image is re-imported only when its
# binary changed (the binary's SHA-256 is kept in the image label nebula.fn.sha256), so running
# this again is cheap.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
engine="${NEBULA_CONTAINER_ENGINE:-podman}"
mode="${1:-auto}"
case "$mode" in
  auto|--wasm|--images) ;;
  *) echo "usage: examples/build.sh [--wasm | --images]" >&2; exit 64 ;;
esac

# Every example except the library headers; save_stdin writes into a granted directory, which a
# container without volumes does not have, so it is built for Wasm only.
wasm_only=(save_stdin)

for c in "$here"/*.c; do
  [[ "$mode" == --images ]] && break
  name="$(basename "$c" .c)"
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Werror -Wl,--strip-all -o "$here/$name.wasm" "$c"
  echo "built examples/$name.wasm"
done
[[ "$mode" == --wasm ]] && exit 0

mkdir -p "$here/native"
for c in "$here"/*.c; do
  name="$(basename "$c" .c)"
  [[ " ${wasm_only[*]} " == *" $name "* ]] && continue
  gcc -O2 -static -Wall -Werror -s -o "$here/native/$name" "$c"
  echo "built examples/native/$name"
done

if ! "$engine" info >/dev/null 2>&1; then
  if [[ "$mode" == --images ]]; then
    echo "build.sh: the container engine '$engine' is not installed or does not answer ('$engine info' failed); run scripts/containers-setup.sh" >&2
    exit 1
  fi
  echo "build.sh: no images built: '$engine info' failed (run scripts/containers-setup.sh for a working engine)"
  exit 0
fi

for binary in "$here"/native/*; do
  name="$(basename "$binary")"
  image="localhost/nebula-fn-$name:latest"
  sha="$(sha256sum "$binary" | cut -c1-64)"
  have="$("$engine" image inspect -f '{{index .Config.Labels "nebula.fn.sha256"}}' "$image" 2>/dev/null || true)"
  if [[ "$have" == "$sha" ]]; then
    echo "image $image up to date"
    continue
  fi
  rootfs="$(mktemp -d)"
  install -m 0755 "$binary" "$rootfs/fn"
  # A deterministic one-file tarball: same binary, same layer.
  tar --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$rootfs" -cf "$rootfs.tar" fn
  "$engine" import -q --change 'ENTRYPOINT ["/fn"]' --change "LABEL nebula.fn.sha256=$sha" \
      "$rootfs.tar" "$image" >/dev/null
  rm -rf "$rootfs" "$rootfs.tar"
  echo "imported $image"
done

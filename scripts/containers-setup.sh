#!/usr/bin/env bash
# Sets up a container engine for Nebula's container functions and its experiment, on Debian 12 as
# root (the sandboxes and CI machines Nebula is built on), and builds the example images.
#
#   scripts/containers-setup.sh             install, configure, build images, smoke-test
#   scripts/containers-setup.sh --check     only say whether the engine works (exit 0 if it does)
#   scripts/containers-setup.sh --teardown  remove Nebula's containers and images and the config
#                                           files this script wrote (packages stay installed)
#
# What it does, and why (see ../shared/containers/NOTES.md for the measurements behind it):
# - installs podman, runc, netavark, gcc and libc6-dev when missing (apt, no recommends);
# - writes /etc/containers/containers.conf and /etc/containers/storage.conf, marked as ours:
#     runc as the OCI runtime (crun 1.8 refuses a hybrid cgroup v1/v2 host), overlay storage,
#     cgroupfs (no systemd), events to a file (no journald), modest default ulimits (podman's
#     default nofile=1048576 needs CAP_SYS_RESOURCE, which a sandbox may lack), and no network
#     namespace setup by default (bridge networking needs iptables);
#   a file of the same name that this script did not write is never overwritten: it stops instead;
# - builds examples/ (examples/build.sh --images): static binaries imported as
#   localhost/nebula-fn-NAME:latest;
# - runs localhost/nebula-fn-fibonacci once and checks the answer.
# Running it again changes nothing that is already right.
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
marker="# written by Nebula's scripts/containers-setup.sh"
conf=/etc/containers/containers.conf
storage=/etc/containers/storage.conf
image_prefix=localhost/nebula-fn-

log() { printf 'containers-setup: %s\n' "$*" >&2; }
die() { printf 'containers-setup: error: %s\n' "$*" >&2; exit 1; }

ours() { [[ -f $1 ]] && head -1 "$1" | grep -qF "$marker"; }

engine_works() { command -v podman >/dev/null && podman info >/dev/null 2>&1; }

teardown() {
  if command -v podman >/dev/null; then
    # Only Nebula's: containers started from its images, then the images.
    local ids
    ids="$(podman ps -a --format '{{.ID}} {{.Image}}' 2>/dev/null | awk -v p="$image_prefix" 'index($2, p) == 1 {print $1}')"
    [[ -n $ids ]] && podman rm -f -t 0 $ids >/dev/null
    ids="$(podman images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep "^$image_prefix" || true)"
    [[ -n $ids ]] && podman rmi -f $ids >/dev/null
  fi
  # The container driver's per-call cgroups live below nebula/; it removes them, this removes the parent.
  for group in /sys/fs/cgroup/nebula /sys/fs/cgroup/*/nebula; do
    [[ -d $group ]] && find "$group" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
  for f in "$conf" "$storage"; do
    if ours "$f"; then rm -f "$f"; log "removed $f"; fi
  done
  log "teardown done (packages left installed)"
}

case "${1:-}" in
  --teardown) teardown; exit 0 ;;
  --check)
    if engine_works; then log "podman works: $(podman info --format '{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}} {{.Host.CgroupManager}}')"; exit 0; fi
    log "podman is missing or does not work"; exit 1 ;;
  "") ;;
  *) die "unknown argument '$1' (use --check or --teardown)" ;;
esac

[[ $(id -u) -eq 0 ]] || die "run as root: Nebula drives rootful podman"
[[ -r /etc/debian_version ]] || die "this script knows Debian's packages only; install podman and runc yourself, then run examples/build.sh --images"

# ---- packages
missing=()
for p in podman runc netavark conmon gcc libc6-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-cache policy podman | grep -q 'Candidate: [0-9]' || apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/tmp/nebula-containers-apt.log 2>&1 \
    || { tail -20 /tmp/nebula-containers-apt.log >&2; die "apt-get install failed (log: /tmp/nebula-containers-apt.log)"; }
else
  log "packages present"
fi

# ---- configuration
write_config() { # file, body
  local file=$1 body="$marker"$'\n'"$2"
  if [[ -f $file ]] && ! ours "$file"; then
    die "$file exists and was not written by this script; merge these settings into it yourself:"$'\n'"$2"
  fi
  if [[ ! -f $file || "$(cat "$file")" != "$body" ]]; then
    mkdir -p "$(dirname "$file")"
    printf '%s\n' "$body" >"$file.tmp" && mv "$file.tmp" "$file"
    log "wrote $file"
  fi
}

if grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null; then driver=overlay; else driver=vfs; fi
# Limits no higher than this shell's hard limits, which conmon inherits.
hard_files=$(ulimit -Hn); hard_procs=$(ulimit -Hu)
files=1024; [[ $hard_files != unlimited && $hard_files -lt $files ]] && files=$hard_files
procs=4096; [[ $hard_procs != unlimited && $hard_procs -lt $procs ]] && procs=$hard_procs

write_config "$storage" "[storage]
driver = \"$driver\"
graphroot = \"/var/lib/containers/storage\"
runroot = \"/run/containers/storage\""

write_config "$conf" "[containers]
default_ulimits = [\"nofile=$files:$files\", \"nproc=$procs:$procs\"]
netns = \"none\"

[engine]
cgroup_manager = \"cgroupfs\"
events_logger = \"file\"
runtime = \"runc\""

engine_works || die "podman info fails after setup: $(podman info 2>&1 | tail -3)"
log "podman: $(podman info --format '{{.Host.OCIRuntime.Name}}, {{.Store.GraphDriverName}} storage, {{.Host.CgroupManager}}, cgroups {{.Host.CgroupsVersion}}')"

# ---- images
"$root/examples/build.sh" --images | sed 's/^/containers-setup: /' >&2

# ---- smoke test
answer="$(echo 30 | podman run --rm -i --network none "${image_prefix}fibonacci:latest" 2>&1)" || die "podman run failed: $answer"
[[ $answer == 832040 ]] || die "the fibonacci container answered '$answer', expected 832040"
log "ready: echo 30 | podman run --rm -i ${image_prefix}fibonacci  ->  $answer"

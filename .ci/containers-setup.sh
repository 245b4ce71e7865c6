#!/usr/bin/env bash
# Prepares this machine for kubelift's container work: podman (with runc, netavark, aardvark-dns),
# skopeo, debootstrap, and a local image registry on 127.0.0.1:5000.
# Idempotent: each step checks first and says whether it did something or found it done.
# Needs root (apt-get, /etc/containers). Tested on Debian 12 (bookworm).
set -euo pipefail

REGISTRY_ADDR="${KUBELIFT_REGISTRY_ADDR:-127.0.0.1:5000}"
REGISTRY_DIR="${KUBELIFT_REGISTRY_DIR:-/var/lib/kubelift-registry}"
PACKAGES=(podman catatonit runc netavark aardvark-dns iptables slirp4netns docker-registry skopeo debootstrap curl jq)

say() { printf 'containers-setup: %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  say "must run as root (installs packages and writes /etc/containers/containers.conf)" >&2
  exit 2
fi

# 1. packages
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep 'install ok installed' >/dev/null || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
else
  say "packages already installed: ${PACKAGES[*]}"
fi

# 2. containers.conf: runc + cgroupfs + ulimits (crun fails with setrlimit / cgroups hybrid mode here)
CONF=/etc/containers/containers.conf
WANT='[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"'
mkdir -p /etc/containers
if [ -f "$CONF" ] && [ "$(cat "$CONF")" = "$WANT" ]; then
  say "$CONF already configured (runc, cgroupfs, ulimits)"
else
  if [ -f "$CONF" ]; then cp "$CONF" "$CONF.kubelift-backup"; say "saved the old $CONF as $CONF.kubelift-backup"; fi
  printf '%s\n' "$WANT" > "$CONF"
  say "wrote $CONF (runc, cgroupfs, ulimits)"
fi

# 3. local registry
if curl -fsS -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null; then
  say "registry already answering on $REGISTRY_ADDR"
else
  mkdir -p "$REGISTRY_DIR/data"
  cat > "$REGISTRY_DIR/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $REGISTRY_DIR/data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
YML
  nohup docker-registry serve "$REGISTRY_DIR/registry.yml" > "$REGISTRY_DIR/registry.log" 2>&1 &
  echo $! > "$REGISTRY_DIR/registry.pid"
  for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null && break
    sleep 0.2
  done
  if curl -fsS -o /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null; then
    say "started registry on $REGISTRY_ADDR (pid $(cat "$REGISTRY_DIR/registry.pid"), storage $REGISTRY_DIR/data, log $REGISTRY_DIR/registry.log)"
  else
    say "registry did not answer on $REGISTRY_ADDR; see $REGISTRY_DIR/registry.log" >&2
    exit 1
  fi
fi

say "podman $(podman version --format '{{.Client.Version}}' 2>/dev/null || echo '?'), ready"

#!/usr/bin/env bash
# Helpers shared by the per-service scripts. Sourced, never run.
#
# Every service keeps its state under CLIP_SERVICES_DIR (default /var/tmp/clip-services), outside the
# repository: the database and broker run as their own system users, which cannot enter a clone under
# /root, and several clones on one machine can then share one set of services on fixed loopback ports.

CLIP_SERVICES_DIR="${CLIP_SERVICES_DIR:-/var/tmp/clip-services}"
INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

export DEBIAN_FRONTEND=noninteractive

log() { printf '[%s] %s\n' "${SERVICE_NAME:-services}" "$*" >&2; }

die() {
    printf '[%s] ERROR: %s\n' "${SERVICE_NAME:-services}" "$*" >&2
    exit 1
}

require_root() {
    [[ $(id -u) -eq 0 ]] || die "run as root: installing packages and switching to service users need it"
}

# Refreshes the package lists unless this script did so in the last hour.
apt_update() {
    local stamp="$CLIP_SERVICES_DIR/apt-updated"
    [[ "${1:-}" != force && -n "$(find "$stamp" -mmin -60 2>/dev/null)" ]] && return 0

    require_root
    log "apt-get update"
    apt-get update -qq || die "apt-get update failed"
    mkdir -p "$CLIP_SERVICES_DIR"
    touch "$stamp"
}

# Installs the Debian packages that are missing.
apt_install() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0

    mkdir -p "$CLIP_SERVICES_DIR"
    apt_update
    log "installing ${missing[*]}"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$CLIP_SERVICES_DIR/apt.log" 2>&1 \
        || die "apt-get install ${missing[*]} failed; see $CLIP_SERVICES_DIR/apt.log"
}

# Runs the probe command until it succeeds or the timeout (seconds) passes.
wait_until() {
    local timeout="$1"
    shift
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 1
    done
}

# True when something listens on the TCP port of 127.0.0.1.
port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

#!/usr/bin/env bash
# Azurite, Microsoft's Azure Storage emulator, for the tests: the blob service only, on 127.0.0.1.
# Usage: azurite.sh install|up|down|status|env
#
# The npm package is pinned by infra/azurite/package-lock.json and installed beside it.
set -euo pipefail
SERVICE_NAME=azurite
source "$(dirname "$0")/common.sh"

AZURITE_PORT="${CLIP_AZURITE_PORT:-10000}"
AZURITE_DIR="$CLIP_SERVICES_DIR/azurite"
AZURITE_PID_FILE="$AZURITE_DIR/azurite.pid"
AZURITE_LOG="$AZURITE_DIR/azurite.log"
PACKAGE_DIR="$INFRA_DIR/azurite"
AZURITE_BIN="$PACKAGE_DIR/node_modules/.bin/azurite-blob"
# The emulator's single account and its key are fixed, published values, not a secret.
ACCOUNT_NAME=devstoreaccount1
ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

pinned_version() {
    sed -n 's/.*"azurite": *"\([^"]*\)".*/\1/p' "$PACKAGE_DIR/package.json"
}

installed_version() {
    sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PACKAGE_DIR/node_modules/azurite/package.json" 2>/dev/null \
        | head -n 1
}

cmd_install() {
    command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
    [[ "$(installed_version)" == "$(pinned_version)" && -x "$AZURITE_BIN" ]] && return 0

    log "installing azurite $(pinned_version) into $PACKAGE_DIR"
    (cd "$PACKAGE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
        || die "npm ci in $PACKAGE_DIR failed"
}

# The pid file may outlive the process (a machine restart), and the number may then belong to another program.
pid_alive() {
    [[ -f "$AZURITE_PID_FILE" ]] && grep -qs azurite "/proc/$(cat "$AZURITE_PID_FILE")/cmdline"
}

# Any HTTP answer from the blob endpoint means the emulator is serving.
answers() {
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$AZURITE_PORT/$ACCOUNT_NAME?comp=list"
}

cmd_up() {
    cmd_install
    command -v curl >/dev/null || apt_install curl
    mkdir -p "$AZURITE_DIR/data"
    if ! pid_alive; then
        port_open "$AZURITE_PORT" && die "port $AZURITE_PORT is taken by another process; set CLIP_AZURITE_PORT"
        log "starting on 127.0.0.1:$AZURITE_PORT"
        # The SDK's default service version is newer than the emulator's: skip the version check.
        setsid nohup "$AZURITE_BIN" --blobHost 127.0.0.1 --blobPort "$AZURITE_PORT" \
            --location "$AZURITE_DIR/data" --skipApiVersionCheck --disableTelemetry --silent \
            >>"$AZURITE_LOG" 2>&1 </dev/null &
        echo $! >"$AZURITE_PID_FILE"
    fi
    wait_until 60 answers || die "Azurite does not answer on 127.0.0.1:$AZURITE_PORT; see $AZURITE_LOG"
    log "ready: http://127.0.0.1:$AZURITE_PORT/$ACCOUNT_NAME"
}

cmd_down() {
    if pid_alive; then
        kill "$(cat "$AZURITE_PID_FILE")"
        wait_until 15 bash -c "! kill -0 $(cat "$AZURITE_PID_FILE") 2>/dev/null" || die "Azurite did not stop"
        rm -f "$AZURITE_PID_FILE"
        log "stopped"
    else
        log "not running"
    fi
}

cmd_status() {
    if pid_alive && answers; then
        log "running on 127.0.0.1:$AZURITE_PORT"
    else
        log "not running"
        return 1
    fi
}

cmd_env() {
    local connection="DefaultEndpointsProtocol=http;AccountName=$ACCOUNT_NAME;AccountKey=$ACCOUNT_KEY;"
    connection+="BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/$ACCOUNT_NAME;"
    printf 'export CLIP_TEST_AZURITE=%q\n' "$connection"
}

case "${1:-}" in
    install | up | down | status | env) "cmd_$1" ;;
    *) die "usage: $0 install|up|down|status|env" ;;
esac

#!/usr/bin/env bash
# Headless Chromium for the browser test of the review page: Debian's chromium package, driven by the npm package
# playwright-core pinned in tests/browser/package-lock.json (no browser download: the test points Playwright at
# /usr/bin/chromium). Nothing runs in the background, so up only installs.
# Usage: browser.sh install|up|down|status|env
set -euo pipefail
SERVICE_NAME=browser
source "$(dirname "$0")/common.sh"

CHROMIUM=/usr/bin/chromium
PACKAGE_DIR="$(cd "$INFRA_DIR/.." && pwd)/tests/browser"

pinned_version() {
    sed -n 's/.*"playwright-core": *"\([^"]*\)".*/\1/p' "$PACKAGE_DIR/package.json"
}

installed_version() {
    sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PACKAGE_DIR/node_modules/playwright-core/package.json" \
        2>/dev/null | head -n 1
}

cmd_install() {
    [[ -x "$CHROMIUM" ]] || apt_install chromium
    command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
    [[ "$(installed_version)" == "$(pinned_version)" ]] && return 0

    log "installing playwright-core $(pinned_version) into $PACKAGE_DIR"
    (cd "$PACKAGE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
        || die "npm ci in $PACKAGE_DIR failed"
}

cmd_status() {
    if [[ -x "$CHROMIUM" && "$(installed_version)" == "$(pinned_version)" ]]; then
        log "$("$CHROMIUM" --version 2>/dev/null || echo chromium), playwright-core $(installed_version)"
    else
        log "not installed"
        return 1
    fi
}

cmd_env() {
    printf 'export CLIP_TEST_CHROMIUM=%q\n' "$CHROMIUM"
}

case "${1:-}" in
    install | up) cmd_install ;;
    down) log "nothing to stop" ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *) die "usage: $0 install|up|down|status|env" ;;
esac

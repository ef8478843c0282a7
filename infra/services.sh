#!/usr/bin/env bash
# Installs and runs the services that the tests need, on loopback only, with no container engine.
# Usage: infra/services.sh up|down|status|env [postgres|rabbitmq|azurite|browser ...]
#   up      install what is missing, start, wait until each service answers (idempotent)
#   down    stop the services
#   status  say which services answer; exit 1 if any does not
#   env     print `export` lines with the connection settings, for `eval "$(infra/services.sh env)"`
# State lives in CLIP_SERVICES_DIR (default /var/tmp/clip-services).
set -euo pipefail
cd "$(dirname "$0")"

ALL_SERVICES=(postgres rabbitmq azurite browser)
command="${1:-}"
shift || true
services=("$@")
((${#services[@]} > 0)) || services=("${ALL_SERVICES[@]}")

case "$command" in
    up | down | status | env) ;;
    *)
        sed -n '3,8p' "$0" >&2
        exit 2
        ;;
esac

failed=0
for service in "${services[@]}"; do
    script="services/$service.sh"
    [[ -f "$script" ]] || { echo "unknown service: $service" >&2; exit 2; }
    if [[ "$command" == up ]]; then
        start=$SECONDS
        bash "$script" up
        echo "[$service] up in $((SECONDS - start)) s" >&2
    else
        bash "$script" "$command" || failed=1
    fi
done
exit "$failed"

#!/usr/bin/env bash
# RabbitMQ for the tests: one node whose listeners, Erlang distribution and port mapper stay on 127.0.0.1.
# Usage: rabbitmq.sh install|up|down|status|env|vhost NAME|drop-vhost NAME|queues VHOST|purge VHOST QUEUE
set -euo pipefail
SERVICE_NAME=rabbitmq
source "$(dirname "$0")/common.sh"

RMQ_PORT="${CLIP_RABBITMQ_PORT:-55672}"
RMQ_DIST_PORT="${CLIP_RABBITMQ_DIST_PORT:-55673}"
RMQ_DIR="$CLIP_SERVICES_DIR/rabbitmq"
RMQ_USER=clip
RMQ_PASSWORD=clip
RMQ_VHOST=clip
RMQ_BIN=/usr/lib/rabbitmq/bin

# The variables that the server and its command-line tools read; both must agree on node name and addresses.
export RABBITMQ_NODENAME=clip@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$RMQ_PORT"
export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RMQ_DIR/log"
export RABBITMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_ADDRESS=127.0.0.1
export HOME=/var/lib/rabbitmq

# From / so that the service user is not left in a folder it cannot read; HOME holds the Erlang cookie.
as_rabbitmq() { (cd / && runuser -u rabbitmq -- "$@"); }

ctl() { as_rabbitmq "$RMQ_BIN/rabbitmqctl" -q "$@"; }

cmd_install() {
    apt_install rabbitmq-server
}

prepare() {
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
    [[ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ]] || echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
    cat >"$RABBITMQ_CONFIG_FILE" <<CONF
# Test broker written by infra/services/rabbitmq.sh
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
loopback_users.guest = true
# Tests fill small disks with build output; do not block publishers at the default 50 MB.
disk_free_limit.absolute = 10MB
CONF
    chown -R rabbitmq:rabbitmq "$RMQ_DIR"
}

running() {
    ctl ping >/dev/null 2>&1
}

# The node answers its tools only after it has booted: a call straight after the start can fail.
await_startup() {
    local attempt
    sleep 3
    for attempt in $(seq 1 20); do
        ctl await_startup --timeout 10 >/dev/null 2>&1 && return 0
        sleep 2
    done
    return 1
}

provision() {
    ctl list_vhosts | grep -qx "$RMQ_VHOST" || ctl add_vhost "$RMQ_VHOST"
    ctl list_users | grep -q "^$RMQ_USER[[:space:]]" || ctl add_user "$RMQ_USER" "$RMQ_PASSWORD"
    ctl change_password "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null
    ctl set_permissions -p "$RMQ_VHOST" "$RMQ_USER" '.*' '.*' '.*' >/dev/null
}

cmd_up() {
    cmd_install
    prepare
    if ! running; then
        port_open "$RMQ_PORT" && die "port $RMQ_PORT is taken by another process; set CLIP_RABBITMQ_PORT"
        log "starting on 127.0.0.1:$RMQ_PORT"
        as_rabbitmq "$RMQ_BIN/rabbitmq-server" -detached >>"$RMQ_DIR/log/startup.log" 2>&1 \
            || die "rabbitmq-server did not start; see $RMQ_DIR/log"
        await_startup || die "RabbitMQ did not finish booting; see $RMQ_DIR/log"
    fi
    wait_until 30 port_open "$RMQ_PORT" || die "RabbitMQ does not listen on 127.0.0.1:$RMQ_PORT"
    provision || die "creating the vhost or user failed"
    log "ready: amqp://127.0.0.1:$RMQ_PORT/$RMQ_VHOST"
}

cmd_down() {
    if running; then
        ctl stop "$RABBITMQ_PID_FILE" >/dev/null || die "stopping RabbitMQ failed"
        log "stopped"
    else
        log "not running"
    fi
}

cmd_status() {
    if running && port_open "$RMQ_PORT"; then
        log "running on 127.0.0.1:$RMQ_PORT"
    else
        log "not running"
        return 1
    fi
}

cmd_env() {
    printf 'export CLIP_TEST_RABBITMQ=%q\n' "amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_PORT/$RMQ_VHOST"
}

# A vhost of its own isolates one test run's exchanges and queues from any other on the same broker.
cmd_vhost() {
    [[ -n "${1:-}" ]] || die "usage: $0 vhost NAME"
    ctl add_vhost "$1" >/dev/null 2>&1 || true
    ctl set_permissions -p "$1" "$RMQ_USER" '.*' '.*' '.*'
    echo "amqp://$RMQ_USER:$RMQ_PASSWORD@127.0.0.1:$RMQ_PORT/$1"
}

cmd_drop_vhost() {
    [[ -n "${1:-}" ]] || die "usage: $0 drop-vhost NAME"
    ctl delete_vhost "$1" >/dev/null 2>&1 || true
}

cmd_queues() { ctl list_queues -p "${1:?vhost}" name messages; }

cmd_purge() { ctl purge_queue -p "${1:?vhost}" "${2:?queue}"; }

case "${1:-}" in
    install | up | down | status | env) "cmd_$1" ;;
    vhost) cmd_vhost "${2:-}" ;;
    drop-vhost) cmd_drop_vhost "${2:-}" ;;
    queues) cmd_queues "${2:-}" ;;
    purge) cmd_purge "${2:-}" "${3:-}" ;;
    *) die "usage: $0 install|up|down|status|env|vhost NAME|drop-vhost NAME|queues VHOST|purge VHOST QUEUE" ;;
esac

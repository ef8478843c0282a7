#!/usr/bin/env bash
# PostgreSQL 15 with pgvector for the tests: a private cluster on 127.0.0.1 only.
# Usage: postgres.sh install|up|down|status|env
#
# pgvector is not packaged for Debian 12, so it is built from the source package of a newer Debian
# release. That release appears only as a deb-src line, pinned to -1, so no binary comes from it.
set -euo pipefail
SERVICE_NAME=postgres
source "$(dirname "$0")/common.sh"

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
PG_PORT="${CLIP_POSTGRES_PORT:-55432}"
PG_DIR="$CLIP_SERVICES_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PG_ROLE=clip
PG_PASSWORD=clip
PG_DATABASE=clip
PGVECTOR_RELEASE="${CLIP_PGVECTOR_RELEASE:-trixie}"
SOURCES_FILE=/etc/apt/sources.list.d/clip-pgvector-src.sources
PIN_FILE=/etc/apt/preferences.d/clip-pgvector-src

# From / so that the service user is not left in a folder it cannot read.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

psql_admin() {
    PGOPTIONS="-c client_min_messages=warning" as_postgres "$PG_BIN/psql" \
        -h "$PG_DIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

pgvector_installed() {
    [[ -f "$("$PG_BIN/pg_config" --pkglibdir)/vector.so" ]] \
        && [[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/vector.control" ]]
}

build_pgvector() {
    log "building pgvector from the $PGVECTOR_RELEASE source package"
    cat >"$SOURCES_FILE" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $PGVECTOR_RELEASE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    cat >"$PIN_FILE" <<PIN
# Only pgvector's source is wanted from $PGVECTOR_RELEASE: never install a binary package from it.
Package: *
Pin: release n=$PGVECTOR_RELEASE
Pin-Priority: -1
PIN
    apt_update force

    local build_dir="$CLIP_SERVICES_DIR/build/pgvector"
    rm -rf "$build_dir"
    mkdir -p "$build_dir"
    (cd "$build_dir" && apt-get source -qq pgvector >/dev/null 2>&1) \
        || die "apt-get source pgvector failed (is the $PGVECTOR_RELEASE deb-src line reachable?)"
    local source_dir
    source_dir="$(find "$build_dir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
    [[ -n "$source_dir" ]] || die "apt-get source pgvector left no source folder in $build_dir"

    make -s -C "$source_dir" PG_CONFIG="$PG_BIN/pg_config" -j"$(nproc)" >/dev/null \
        || die "building pgvector in $source_dir failed"
    make -s -C "$source_dir" PG_CONFIG="$PG_BIN/pg_config" install >/dev/null \
        || die "installing pgvector from $source_dir failed"
    pgvector_installed || die "pgvector was built but vector.so is not in place"
}

cmd_install() {
    apt_install "postgresql-$PG_VERSION" "postgresql-server-dev-$PG_VERSION" dpkg-dev make gcc
    pgvector_installed || build_pgvector
}

running() {
    [[ -f "$PG_DATA/PG_VERSION" ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

init_cluster() {
    log "creating the cluster in $PG_DATA"
    mkdir -p "$PG_DIR"
    chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null || die "initdb into $PG_DATA failed"

    # A throwaway test cluster: durability is traded for speed; index builds get memory.
    cat >>"$PG_DATA/postgresql.conf" <<CONF

# Test cluster written by infra/services/postgres.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 200
shared_buffers = 256MB
maintenance_work_mem = 1GB
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = scram-sha-256
CONF
    cat >"$PG_DATA/pg_hba.conf" <<HBA
local all postgres peer
host  all all 127.0.0.1/32 scram-sha-256
HBA
}

provision() {
    psql_admin -d postgres <<SQL
SELECT 'CREATE ROLE $PG_ROLE LOGIN CREATEDB'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') \gexec
ALTER ROLE $PG_ROLE WITH LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
SELECT 'CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DATABASE') \gexec
SQL
    # The extension in template1 lets the tests' fresh databases use vectors without a superuser.
    psql_admin -d template1 -c 'CREATE EXTENSION IF NOT EXISTS vector'
    psql_admin -d "$PG_DATABASE" -c 'CREATE EXTENSION IF NOT EXISTS vector'
}

cmd_up() {
    cmd_install
    [[ -f "$PG_DATA/PG_VERSION" ]] || init_cluster
    if ! running; then
        port_open "$PG_PORT" && die "port $PG_PORT is taken by another process; set CLIP_POSTGRES_PORT"
        log "starting on 127.0.0.1:$PG_PORT"
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
            || die "PostgreSQL did not start; see $PG_LOG"
    fi
    wait_until 60 as_postgres "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" \
        || die "PostgreSQL does not answer on 127.0.0.1:$PG_PORT; see $PG_LOG"
    provision || die "creating role, database or extension failed; see $PG_LOG"
    log "ready: 127.0.0.1:$PG_PORT database $PG_DATABASE, pgvector $(psql_admin -d "$PG_DATABASE" \
        -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
}

cmd_down() {
    if running; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || die "stopping PostgreSQL failed"
        log "stopped"
    else
        log "not running"
    fi
}

cmd_status() {
    if running && as_postgres "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
        log "running on 127.0.0.1:$PG_PORT"
    else
        log "not running"
        return 1
    fi
}

cmd_env() {
    local connection="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_ROLE;Password=$PG_PASSWORD;Database=$PG_DATABASE"
    printf 'export CLIP_TEST_POSTGRES=%q\n' "$connection"
}

case "${1:-}" in
    install | up | down | status | env) "cmd_$1" ;;
    *) die "usage: $0 install|up|down|status|env" ;;
esac

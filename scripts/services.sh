#!/usr/bin/env bash
# Starts Canary's own PostgreSQL and Redis from folders under .data (git ignores them), on their own
# ports so a system server does not clash. Harmless when they already run.
set -euo pipefail
source "$(dirname "$0")/env.sh"

as_pg_owner() {
  # initdb refuses root: run the server as the postgres user when we are root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the cluster lives: under the data folder, unless the postgres user cannot reach it, as when the clone
# sits under a private parent such as /root (mode 700). Then it lives in postgres's home, one folder per data
# folder; scripts/stop.sh asks the server for its data_directory, so it finds either.
pg_state_dir() {
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$CANARY_DATA_DIR"; then
    local home; home="$(getent passwd postgres | cut -d: -f6)"
    echo "${home:-/var/lib/postgresql}/canary-$(printf '%s' "$CANARY_DATA_DIR" | sha256sum | cut -c1-12)"
  else
    echo "$CANARY_DATA_DIR"
  fi
}

start_postgres() {
  mkdir -p "$CANARY_DATA_DIR"
  local state; state="$(pg_state_dir)"
  local dir="$state/pg"
  if [ "$state" != "$CANARY_DATA_DIR" ]; then
    mkdir -p "$state" && chown postgres:postgres "$state"
    echo "$dir" > "$CANARY_DATA_DIR/pg-location"
  fi
  if [ ! -s "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_pg_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$CANARY_DATA_DIR/initdb.log" 2>&1 \
      || { cat "$CANARY_DATA_DIR/initdb.log"; exit 1; }
  fi
  if ! "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT_CANARY" -q; then
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$state"
    as_pg_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$state/postgres.log" -w -t 60 \
      -o "-p $PGPORT_CANARY -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c full_page_writes=off" start >/dev/null
  fi
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT_CANARY" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='canary'")" != 1 ]; then
    "${psql[@]}" -c "create role canary login password 'canary' createdb"
  fi
  # The role the app may run as: DML only, granted by migration 20261208070000_app_role_grants; it owns
  # nothing, so it cannot disable the audit log's append-only trigger. Migrations run as canary, the owner.
  if [ "$("${psql[@]}" -c "select 1 from pg_roles where rolname='canary_app'")" != 1 ]; then
    "${psql[@]}" -c "create role canary_app login password 'canary_app'"
  fi
  for db in canary canary_test; do
    if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
      "${psql[@]}" -c "create database $db owner canary"
    fi
  done
}

start_redis() {
  local dir="$CANARY_DATA_DIR/redis"
  mkdir -p "$dir"
  if ! redis-cli -p "$REDIS_PORT_CANARY" ping >/dev/null 2>&1; then
    # noeviction: BullMQ must never lose a job to memory pressure.
    redis-server --port "$REDIS_PORT_CANARY" --bind 127.0.0.1 --dir "$dir" --daemonize yes \
      --logfile "$dir/redis.log" --pidfile "$dir/redis.pid" --maxmemory-policy noeviction --save "" --appendonly yes >/dev/null
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT_CANARY" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
}

start_postgres
start_redis
echo "PostgreSQL on 127.0.0.1:$PGPORT_CANARY, Redis on 127.0.0.1:$REDIS_PORT_CANARY (data in $CANARY_DATA_DIR)"

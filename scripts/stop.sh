#!/usr/bin/env bash
# `npm run stop`: stops what `npm run demo` / `npm test` started: the web server and worker (pid files in
# .data/run), then Redis and PostgreSQL. `--apps` stops only web and worker; `--services` only Redis and
# PostgreSQL. Harmless when nothing runs.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/lib/processes.sh"

what="${1:-all}"
case "$what" in all | --apps | --services) ;; *) echo "usage: npm run stop [-- --apps|--services]" >&2; exit 2 ;; esac

if [ "$what" != --services ]; then
  for pidfile in "$CANARY_DATA_DIR"/run/*.pid; do
    [ -e "$pidfile" ] || continue
    name="$(basename "$pidfile" .pid)"
    if stop_process "$pidfile"; then echo "stopped $name"; fi
  done
fi

if [ "$what" != --apps ]; then
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT_CANARY" ping >/dev/null 2>&1; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT_CANARY" shutdown nosave >/dev/null 2>&1 || true
    echo "stopped Redis on 127.0.0.1:$REDIS_PORT_CANARY"
  fi
  if "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT_CANARY" -q; then
    # Ask the server where its cluster is: under .data, or in postgres's home (see services.sh).
    pgdata="$("$PG_BIN/psql" -h 127.0.0.1 -p "$PGPORT_CANARY" -U postgres -d postgres -qtAX -c "SHOW data_directory")"
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
    else
      "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
    fi
    echo "stopped PostgreSQL on 127.0.0.1:$PGPORT_CANARY"
  fi
fi

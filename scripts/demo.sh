#!/usr/bin/env bash
# `npm run demo`: everything needed to try Canary on this machine, from a fresh clone. Installs what is
# missing, starts PostgreSQL and Redis, migrates and seeds the `canary` database, builds the app when the
# sources changed, then starts the web server and the worker in the background (logs in .data/logs, pid
# files in .data/run). Running it again while the demo runs only prints how to reach it. `npm run stop` ends it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/lib/processes.sh

run="$CANARY_DATA_DIR/run"
logs="$CANARY_DATA_DIR/logs"
web_pid="$run/web.pid"
worker_pid="$run/worker.pid"
url="http://localhost:$PORT"

print_access() {
  cat <<EOF

Canary is running at $url
  web log:    $logs/web.log
  worker log: $logs/worker.log

Demo sign-ins (password: canary-demo)
  admin               admin@canary.local
  ml_engineer         engineer@canary.local
  compliance_officer  compliance@canary.local
  auditor             auditor@canary.local

Stop everything with: npm run stop
EOF
}

bash scripts/bootstrap.sh

if [ -f scripts/seed.ts ]; then
  node_modules/.bin/tsx scripts/seed.ts
else
  echo "demo: warning: scripts/seed.ts does not exist yet; the database has no demo users or data" >&2
fi

if is_running "$web_pid"; then
  # Rebuilding now would swap .next under the running server.
  echo "demo: already running (to pick up source changes: npm run stop -- --apps && npm run demo)"
  if ! is_running "$worker_pid" && [ -f workers/index.ts ]; then
    start_process "$worker_pid" "$logs/worker.log" env DATABASE_URL="$(app_database_url)" node_modules/.bin/tsx workers/index.ts
    echo "demo: the worker was not running; started it again"
  fi
  print_access
  exit 0
fi

# Build when there is no build yet or a source file is newer than it.
build_stamp=.next/BUILD_ID
if [ ! -f "$build_stamp" ] || [ -n "$(find app lib components public proxy.ts middleware.ts next.config.* package-lock.json \
    -newer "$build_stamp" -type f ! -name '*.test.ts' -print -quit 2>/dev/null)" ]; then
  echo "demo: building the web app (next build)"
  node_modules/.bin/next build
fi

start_process "$web_pid" "$logs/web.log" env DATABASE_URL="$(app_database_url)" node_modules/.bin/next start -p "$PORT" -H 127.0.0.1
if [ -f workers/index.ts ]; then
  is_running "$worker_pid" || start_process "$worker_pid" "$logs/worker.log" env DATABASE_URL="$(app_database_url)" node_modules/.bin/tsx workers/index.ts
else
  echo "demo: warning: workers/index.ts does not exist yet; uploads will wait in the queue" >&2
fi

echo "demo: waiting for the web server on port $PORT"
wait_for_http "http://127.0.0.1:$PORT/" "$web_pid" "$logs/web.log" 120
print_access

# Sourced by every script: one place for ports, folders and defaults. docker-compose.yml mirrors these names.
CANARY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CANARY_ROOT
export CANARY_DATA_DIR="${CANARY_DATA_DIR:-$CANARY_ROOT/.data}"
export PGPORT_CANARY="${PGPORT_CANARY:-55432}"
export REDIS_PORT_CANARY="${REDIS_PORT_CANARY:-56379}"
export PORT="${PORT:-3000}"
export DATABASE_URL="${DATABASE_URL:-postgresql://canary:canary@127.0.0.1:$PGPORT_CANARY/canary}"
# The web app and the worker connect as canary_app, which owns no table (scripts/services.sh), so their
# credentials cannot disable the audit log's append-only trigger; migrations, seeding and test resets use
# DATABASE_URL, the owner. app_database_url prints the app's URL for the database DATABASE_URL names.
app_database_url() { printf '%s' "${CANARY_APP_DATABASE_URL:-${DATABASE_URL/canary:canary@/canary_app:canary_app@}}"; }
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT_CANARY/0}"
export CANARY_STORAGE_DIR="${CANARY_STORAGE_DIR:-$CANARY_DATA_DIR/blobs}"
export CANARY_MAX_UPLOAD_BYTES="${CANARY_MAX_UPLOAD_BYTES:-1073741824}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export NEXT_TELEMETRY_DISABLED=1
# A session secret made once per data folder, never printed.
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  mkdir -p "$CANARY_DATA_DIR"
  [ -s "$CANARY_DATA_DIR/nextauth-secret" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$CANARY_DATA_DIR/nextauth-secret")
  NEXTAUTH_SECRET="$(cat "$CANARY_DATA_DIR/nextauth-secret")"
  export NEXTAUTH_SECRET
fi
# The key that signs the audit log's anchor (lib/audit-log/anchor.ts), made once per data folder like the
# session secret; never stored in the database.
if [ -z "${CANARY_AUDIT_ANCHOR_KEY:-}" ]; then
  mkdir -p "$CANARY_DATA_DIR"
  [ -s "$CANARY_DATA_DIR/audit-anchor-key" ] || (umask 077; head -c 32 /dev/urandom | base64 > "$CANARY_DATA_DIR/audit-anchor-key")
  CANARY_AUDIT_ANCHOR_KEY="$(cat "$CANARY_DATA_DIR/audit-anchor-key")"
  export CANARY_AUDIT_ANCHOR_KEY
fi
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

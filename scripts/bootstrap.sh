#!/usr/bin/env bash
# Makes a fresh clone on Debian ready to run: system packages, node_modules, the generated Prisma client,
# PostgreSQL and Redis (scripts/services.sh), then migrations on DATABASE_URL. Installs only what is
# missing, so running it again costs a few seconds. `--no-migrate` skips the last step (scripts/test.sh
# migrates its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

migrate=1
case "${1:-}" in
  "") ;;
  --no-migrate) migrate=0 ;;
  *) echo "usage: bash scripts/bootstrap.sh [--no-migrate]" >&2; exit 2 ;;
esac

say() { echo "bootstrap: $*"; }
die() { echo "bootstrap: error: $*" >&2; exit 1; }

# ---- system packages ----
# postgresql: its 15 server binaries ($PG_BIN, Debian 12's version); chromium: Playwright's browser;
# dataset-fashion-mnist: the demo's image data.
apt_packages=(postgresql redis-server chromium dataset-fashion-mnist)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get: install them by hand (this script expects Debian)"
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    # -n: fail at once rather than wait for a password nobody can type (CI has no stdin).
    if [ -t 0 ]; then as_root=(sudo); else as_root=(sudo -n); fi
  else
    die "missing ${missing[*]}; run this script as root, or install sudo, or run: apt-get install -y ${missing[*]}"
  fi
  say "installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    || die "apt-get update failed"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed"
fi
[ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in $PG_BIN (Debian 12's postgresql is 15); on another release install postgresql-15 or set PG_BIN to its bin folder"

# ---- Node ----
command -v node >/dev/null || die "Node.js 20.19 or later is required (https://nodejs.org, or Debian's nodesource packages)"
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js 20.19 or later is required, found $(node --version)"

# ---- npm packages ----
# npm writes node_modules/.package-lock.json after a complete install; an older one means the lock changed.
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  mkdir -p "$CANARY_DATA_DIR/logs"
  npm_log="$CANARY_DATA_DIR/logs/npm-ci.log"
  if ! npm ci --no-audit --no-fund 2>&1 | tee "$npm_log"; then
    # npm 11 refuses a lock that lacks other platforms' optional binaries (darwin, win32 builds of
    # next/rollup/msgpackr; npm/cli#4828), and a registry that serves only Linux packages cannot
    # produce a lock with them. `npm install --no-save` installs the locked versions and keeps the lock.
    grep -q "package.json and package-lock.json or npm-shrinkwrap.json are in sync" "$npm_log" \
      || die "npm ci failed (log: $npm_log)"
    say "npm ci refused the lock file for missing other-platform packages; installing the locked versions with npm install"
    npm install --no-save --no-audit --no-fund || die "npm install failed"
  fi
fi
# npm ci's postinstall generates the client; regenerate when it is missing or older than the schema.
if [ ! -f lib/db/generated/client.ts ] || [ prisma/schema.prisma -nt lib/db/generated/client.ts ]; then
  say "generating the Prisma client"
  bash scripts/prisma-generate.sh
fi

# ---- services and schema ----
bash scripts/services.sh
if [ "$migrate" = 1 ]; then
  node_modules/.bin/tsx scripts/migrate.ts
fi

#!/usr/bin/env bash
# `npm test`, and CI (.ci/run): every test, from a fresh clone.
#   1. bootstrap (packages, services), reset and migrate the canary_test database, empty Redis db 1 and
#      the test blob folder;
#   2. boundaries: dependency-cruiser holds imports to the folder rules of .dependency-cruiser.cjs (lib/ folders
#      meet through their index.ts, no cycles, no Next.js in lib/); copies: jscpd holds repeated code to the
#      threshold in .jscpd.json;
#   3. vitest: unit and integration tests;
#   4. next build, then web (port 3100) and worker against the test environment, demo users seeded, and
#      Playwright's end-to-end journeys in e2e/.
# Stages run even when an earlier one failed, whatever can still run; what this script started is stopped
# on exit. The last line is `tests: N passed, N failed` (a stage that broke without reporting tests, such as
# a failed build, counts as one failure, and so does every skipped or todo test, each listed by name: a test
# that does not run guards nothing); the exit status is non-zero when anything failed.
#
# For working on one part (several people can run slices side by side on one machine):
#   bash scripts/test.sh --vitest-only [vitest filters...]
#   bash scripts/test.sh --e2e-only [spec files...]
# and, to keep concurrent runs apart, CANARY_TEST_DB (default canary_test), CANARY_TEST_REDIS_DB (default 1),
# CANARY_TEST_PORT (default 3100) and CANARY_NEXT_DIST_DIR (default .next-test).
set -uo pipefail
cd "$(dirname "$0")/.."
export PORT="${CANARY_TEST_PORT:-3100}"
source scripts/env.sh
source scripts/lib/processes.sh

# One test environment, whatever the caller's shell holds.
mode=all
case "${1:-}" in
  --vitest-only) mode=vitest; shift ;;
  --e2e-only) mode=e2e; shift ;;
esac
test_db="${CANARY_TEST_DB:-canary_test}"
redis_db="${CANARY_TEST_REDIS_DB:-1}"
[[ "$test_db" =~ ^[a-z0-9_]+_test$ ]] || { echo "test: CANARY_TEST_DB must be a *_test database name" >&2; exit 2; }
# Everything a run writes is named after its database, so slices on other databases never collide.
suffix=""; [ "$test_db" = canary_test ] || suffix="-${test_db%_test}"
export DATABASE_URL="postgresql://canary:canary@127.0.0.1:$PGPORT_CANARY/$test_db"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT_CANARY/$redis_db"
# The web server and worker of the journeys run as the app role, as deployments do (scripts/env.sh).
app_url="${DATABASE_URL/canary:canary@/canary_app:canary_app@}"
export CANARY_STORAGE_DIR="$CANARY_DATA_DIR/test-blobs$suffix"
export NEXTAUTH_URL="http://localhost:$PORT"
export E2E_BASE_URL="$NEXTAUTH_URL"  # read by playwright.config.ts
export CANARY_NEXT_DIST_DIR="${CANARY_NEXT_DIST_DIR:-.next-test}"  # read by next.config.js: the demo's .next is left alone

results="$CANARY_DATA_DIR/test-results$suffix"
logs="$CANARY_DATA_DIR/logs"
web_pid="$CANARY_DATA_DIR/run/test-web$suffix.pid"
worker_pid="$CANARY_DATA_DIR/run/test-worker$suffix.pid"
broken=()  # stages that failed without test counts to show for it

say() { echo "test: $*"; }

services_were_up=0
"$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT_CANARY" -q 2>/dev/null \
  && redis-cli -h 127.0.0.1 -p "$REDIS_PORT_CANARY" ping >/dev/null 2>&1 && services_were_up=1

cleanup() {
  stop_process "$web_pid" || true
  stop_process "$worker_pid" || true
  # Leave PostgreSQL and Redis alone if they ran before (others may use them); stop them if we started them.
  if [ "$services_were_up" = 0 ]; then bash scripts/stop.sh --services >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

summary() {
  node - "$results" "${broken[@]}" <<'EOF'
const fs = require("node:fs");
const [dir, ...broken] = process.argv.slice(2);
const read = (file) => { try { return JSON.parse(fs.readFileSync(`${dir}/${file}`, "utf8")); } catch { return null; } };
let passed = 0, failed = broken.length;
const skipped = [];
const vitest = read("vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  // A file that fails to load has no tests to count: count the file.
  failed += (vitest.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  for (const file of vitest.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "passed" && test.status !== "failed") skipped.push(`${file.name.replace(`${process.cwd()}/`, "")} > ${test.fullName} (${test.status})`);
    }
  }
}
const playwright = read("playwright.json");
if (playwright) {
  passed += (playwright.stats?.expected ?? 0) + (playwright.stats?.flaky ?? 0);
  failed += (playwright.stats?.unexpected ?? 0) + (playwright.errors ?? []).length;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) if (test.status === "skipped") skipped.push(`${spec.file} > ${spec.title} (skipped)`);
    }
    (suite.suites ?? []).forEach(walk);
  };
  (playwright.suites ?? []).forEach(walk);
}
failed += skipped.length;
for (const stage of broken) console.log(`test: FAILED: ${stage}`);
for (const test of skipped) console.log(`test: FAILED: did not run: ${test}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
EOF
}

finish() {
  summary
  exit $?
}

rm -rf "$results" && mkdir -p "$results" "$logs"

# ---- 1. environment ----
if ! bash scripts/bootstrap.sh --no-migrate; then broken+=("bootstrap"); finish; fi
if ! psql "postgresql://canary:canary@127.0.0.1:$PGPORT_CANARY/postgres" -tAc "select 1 from pg_database where datname = '$test_db'" | grep -q 1; then
  psql "postgresql://canary:canary@127.0.0.1:$PGPORT_CANARY/postgres" -qc "create database $test_db" || { broken+=("creating $test_db"); finish; }
fi
if ! node_modules/.bin/tsx scripts/migrate.ts --reset; then broken+=("migrating $test_db"); finish; fi
redis-cli -h 127.0.0.1 -p "$REDIS_PORT_CANARY" -n "$redis_db" flushdb >/dev/null || { broken+=("flushing Redis db 1"); finish; }
rm -rf "$CANARY_STORAGE_DIR" && mkdir -p "$CANARY_STORAGE_DIR"

# ---- 2. folder boundaries ----
if [ "$mode" != e2e ]; then
  say "boundaries"
  node_modules/.bin/depcruise --config .dependency-cruiser.cjs --output-type err . \
    || broken+=("boundaries: imports that break the folder rules of .dependency-cruiser.cjs (listed above)")
  # Copy-paste check: .jscpd.json's threshold is the duplication the tree has now, so a new copy fails.
  say "copies"
  node_modules/.bin/jscpd --config .jscpd.json >"$results/jscpd.txt" 2>&1 \
    || { grep -E "^(Clone found|ERROR)|^ - " "$results/jscpd.txt" | head -40; broken+=("copies: more repeated code than .jscpd.json's threshold (listed above; all in $results/jscpd.txt)"); }
fi

# ---- 3. unit and integration tests ----
vitest_status=0
if [ "$mode" != e2e ]; then
  say "vitest"
  # Integration test files share one database and reset it side by side, so no ambient anchor key: a
  # worker a test starts would otherwise sign heads that the next reset cuts. The anchor tests pass their own.
  env -u CANARY_AUDIT_ANCHOR_KEY node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json" "$@"
  vitest_status=$?
fi
if [ "$vitest_status" != 0 ] && node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  process.exit(r.numFailedTests > 0 || r.testResults.some((f) => f.status === "failed") ? 0 : 1)' "$results/vitest.json" 2>/dev/null; then
  : # the failures are counted from the report
elif [ "$vitest_status" != 0 ]; then
  broken+=("vitest exited with status $vitest_status (errors outside tests; see above)")
fi

# ---- 4. build and end-to-end tests ----
has_specs() { [ -n "$(find e2e -name '*.spec.ts' -print -quit 2>/dev/null)" ] && ls playwright.config.* >/dev/null 2>&1; }
if [ "$mode" = vitest ]; then
  :
elif [ -z "$(find app -name 'page.tsx' -print -quit 2>/dev/null)" ]; then
  say "no pages in app/ yet: skipping next build and end-to-end tests"
else
  say "next build"
  if ! node_modules/.bin/next build; then
    broken+=("next build (end-to-end tests did not run)")
  elif ! has_specs; then
    say "no e2e/*.spec.ts or playwright.config yet: skipping end-to-end tests"
  else
    if node -e 'fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))' "http://127.0.0.1:$PORT/" 2>/dev/null; then
      broken+=("port $PORT is already taken (a previous test run? npm run stop -- --apps)")
    else
      : >"$logs/test-web$suffix.log"
      start_process "$web_pid" "$logs/test-web$suffix.log" env DATABASE_URL="$app_url" node_modules/.bin/next start -p "$PORT" -H 127.0.0.1
      if [ -f workers/index.ts ]; then
        : >"$logs/test-worker$suffix.log"
        start_process "$worker_pid" "$logs/test-worker$suffix.log" env DATABASE_URL="$app_url" node_modules/.bin/tsx workers/index.ts
      fi
      seeded=1
      if [ -f scripts/seed.ts ]; then
        node_modules/.bin/tsx scripts/seed.ts --users-only || { seeded=0; broken+=("seeding users (end-to-end tests did not run)"); }
      fi
      if [ "$seeded" = 1 ]; then
        if ! wait_for_http "http://127.0.0.1:$PORT/" "$web_pid" "$logs/test-web$suffix.log" 120; then
          broken+=("starting the web server on port $PORT (end-to-end tests did not run)")
        else
          say "playwright"
          CANARY_E2E_OUTPUT_DIR="$results/playwright-artifacts" PLAYWRIGHT_JSON_OUTPUT_FILE="$results/playwright.json" node_modules/.bin/playwright test --reporter=list,json "$@"
          playwright_status=$?
          if [ "$playwright_status" != 0 ] && ! node -e '
            const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
            process.exit(r.stats.unexpected > 0 || r.errors.length > 0 ? 0 : 1)' "$results/playwright.json" 2>/dev/null; then
            broken+=("playwright exited with status $playwright_status without reporting failures")
          fi
        fi
      fi
    fi
  fi
fi

finish

import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ADVISORY_LOCK_KEYS } from "./advisory-locks.ts";
import { applyMigrations, readLocalMigrations } from "./migrate.ts";

// Vitest global setup: before any test file runs, bring the test database (DATABASE_URL, a *_test database)
// up to date, and keep beside it a migrated template, `<name>_template`, that nobody connects to, so tests
// can clone a private database in milliseconds:
//   createScratchDatabase("mine", { template: process.env.CANARY_TEST_TEMPLATE_DB })
// (Cloning the shared test database itself fails while other test files hold connections to it.)
// Without DATABASE_URL or a reachable server it does nothing: unit tests need neither.

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = databaseName(url);
  if (!name.endsWith("_test")) {
    console.warn(`[test setup] DATABASE_URL names "${name}", not a *_test database: leaving it alone; integration tests will write into it`);
    return;
  }
  const admin = new pg.Client({ connectionString: url, application_name: "canary-test-setup" });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`[test setup] cannot reach ${name} (${(error as Error).message}); integration tests will fail. Start services: bash scripts/services.sh`);
    return;
  }
  try {
    await migrateTestDatabase(url, name);
    process.env.CANARY_TEST_TEMPLATE_DB = await refreshTemplate(admin, url, `${name}_template`);
  } finally {
    await admin.end();
  }
}

async function migrateTestDatabase(url: string, name: string) {
  try {
    await applyMigrations(url, migrationsDir, { engine: "offline" });
  } catch (error) {
    // Tables made by hand (psql -f migration.sql) carry no history; a test database may simply be rebuilt.
    if (!/no _prisma_migrations|changed after it was applied/.test((error as Error).message)) throw error;
    console.warn(`[test setup] ${name}: ${(error as Error).message.split(". ")[0]}; resetting it`);
    await applyMigrations(url, migrationsDir, { engine: "offline", reset: true });
  }
}

/** Rebuilds the template only when its migration history differs from prisma/migrations. */
async function refreshTemplate(admin: pg.Client, url: string, template: string): Promise<string> {
  const wanted = readLocalMigrations(migrationsDir).map((m) => `${m.name}:${m.checksum}`).join("\n");
  await admin.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEYS.testTemplate]);
  try {
    const templateUrl = withDatabase(url, template);
    if ((await historyOf(templateUrl)) === wanted) return template;
    const quoted = `"${template.replace(/"/g, '""')}"`;
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount) {
      await admin.query(`ALTER DATABASE ${quoted} IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${quoted}`);
    await applyMigrations(templateUrl, migrationsDir, { engine: "offline" });
    await admin.query(`ALTER DATABASE ${quoted} IS_TEMPLATE true`);
    return template;
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEYS.testTemplate]);
  }
}

async function historyOf(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const rows = await client.query<{ line: string }>(
      `SELECT migration_name || ':' || checksum AS line FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return rows.rows.map((r) => r.line).join("\n");
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

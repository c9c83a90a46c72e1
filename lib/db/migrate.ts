import { createHash, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ADVISORY_LOCK_KEYS } from "./advisory-locks.ts";

// Applies prisma/migrations without Prisma's native schema engine, which cannot be downloaded on every
// machine. It keeps `_prisma_migrations` exactly as `prisma migrate deploy` does, so the real engine can take
// over at any time. Mirrors prisma-engines schema-engine/connectors/sql-schema-connector:
// flavour/postgres.rs (table DDL, advisory lock 72707369) and sql_migration_persistence.rs (row lifecycle).

const MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface ApplyMigrationsOptions {
  /** Drop and recreate the schema first (test databases). Everything in it is lost. */
  reset?: boolean;
  /** "auto" uses `prisma migrate deploy` when a real schema engine is configured, else the offline runner. */
  engine?: "auto" | "offline" | "prisma";
  /** How long to wait for another runner's lock. Prisma waits 10 s; we are patient because tests start together. */
  lockTimeoutMs?: number;
}

export interface ApplyMigrationsResult {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Local migrations that were already applied before this call. */
  alreadyApplied: string[];
  /** Applied in the database but absent from the folder (another branch, or a deleted folder); left alone. */
  unknownInDatabase: string[];
  via: "offline" | "prisma";
}

export interface LocalMigration {
  name: string;
  script: string;
  /** sha256 hex of the migration.sql bytes, as Prisma stores it. */
  checksum: string;
}

/**
 * Applies every unapplied migration under `migrationsDir` (one folder per migration, name order) to the
 * database at `databaseUrl`, each in its own transaction, and returns what it did.
 * @throws when an applied migration's migration.sql changed, when a failed migration is recorded, when the
 *   schema holds tables but no `_prisma_migrations`, or when a migration fails (it is rolled back, not recorded).
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const local = readLocalMigrations(migrationsDir);
  const { connectionString, schema } = splitSchemaParam(databaseUrl);
  const engine = options.engine ?? "auto";
  const usePrisma = engine === "prisma" || (engine === "auto" && findSchemaEngine() !== null);

  const client = new pg.Client({ connectionString, application_name: "canary-migrate" });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    await lock(client, options.lockTimeoutMs ?? 120_000);
    try {
      if (options.reset) {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
      }
      if (usePrisma) {
        // Prisma takes the same lock itself: release ours first or it would wait on us.
        await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEYS.prismaMigrate]);
        const before = await appliedNames(client, schema);
        runPrismaMigrateDeploy(databaseUrl, migrationsDir);
        const after = await appliedNames(client, schema);
        const missing = local.filter((m) => !after.has(m.name)).map((m) => m.name);
        // A stand-in engine (e.g. /bin/true) makes `prisma migrate deploy` exit 0 having done nothing.
        if (missing.length > 0) throw new Error(`prisma migrate deploy reported success but did not apply: ${missing.join(", ")}`);
        return summarise(local, before, after, "prisma");
      }
      return await applyOffline(client, schema, local);
    } finally {
      await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/** Reads `<dir>/<name>/migration.sql` for every folder, sorted by name as Prisma does. */
export function readLocalMigrations(migrationsDir: string): LocalMigration[] {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (existsSync(lockfile)) {
    const provider = /provider\s*=\s*"([^"]+)"/.exec(readFileSync(lockfile, "utf8"))?.[1];
    if (provider && provider !== "postgresql") {
      throw new Error(`applyMigrations: ${lockfile} is for provider "${provider}", this runner only applies "postgresql"`);
    }
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`applyMigrations: ${file} is missing (every migration folder needs one)`);
      const bytes = readFileSync(file);
      return { name, script: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
    });
}

/**
 * The schema engine to hand over to, or null. Only a real binary counts: scripts/env.sh points
 * PRISMA_SCHEMA_ENGINE_BINARY at /bin/true so that `prisma generate` runs where the engine can't be fetched.
 */
export function findSchemaEngine(env: Record<string, string | undefined> = process.env): string | null {
  const candidate = env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (!candidate) return null;
  try {
    const resolved = realpathSync(candidate);
    accessSync(resolved, constants.X_OK);
    if (["true", "false"].includes(path.basename(resolved))) return null;
    const version = spawnSync(resolved, ["--version"], { encoding: "utf8", timeout: 10_000 });
    return version.status === 0 && /schema-engine/i.test(version.stdout) ? resolved : null;
  } catch {
    return null;
  }
}

/** Prisma's comparison (prisma-engines checksum.rs): line-ending variants of the same script still match. */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    // Old engines stored checksums without zero-padding each byte (prisma-engines issue 1887).
    const stored = checksum.length === 64 ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return stored === checksum;
  });
}

async function applyOffline(client: pg.Client, schema: string, local: LocalMigration[]): Promise<ApplyMigrationsResult> {
  await ensureMigrationsTable(client, schema);
  const rows = (
    await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
    )
  ).rows;

  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  if (failed.length > 0) {
    throw new Error(
      `applyMigrations: migration ${failed.join(", ")} failed earlier and is recorded as unfinished in _prisma_migrations ` +
        `(Prisma error P3009). Fix the database by hand, then delete that row or set its rolled_back_at.`,
    );
  }
  const applied = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  const byName = new Map(local.map((m) => [m.name, m]));
  const edited = applied.filter((r) => byName.has(r.migration_name) && !scriptMatchesChecksum(byName.get(r.migration_name)!.script, r.checksum));
  if (edited.length > 0) {
    throw new Error(
      `applyMigrations: prisma/migrations/${edited[0]!.migration_name}/migration.sql changed after it was applied ` +
        `(checksum ${edited[0]!.checksum.slice(0, 12)}… in the database). Never edit an applied migration: restore it ` +
        `and add a new migration instead${edited.length > 1 ? ` (also changed: ${edited.slice(1).map((r) => r.migration_name).join(", ")})` : ""}.`,
    );
  }

  const before = new Set(applied.map((r) => r.migration_name));
  for (const migration of local) {
    if (before.has(migration.name)) continue;
    await applyOne(client, migration);
  }
  const after = new Set([...before, ...local.map((m) => m.name)]);
  return summarise(local, before, after, "offline");
}

async function applyOne(client: pg.Client, migration: LocalMigration) {
  // A script that opens its own transaction runs as-is, exactly as under Prisma; others get ours.
  const ownsTransaction = /^\s*(BEGIN\s*(;|TRANSACTION\b|WORK\b|ISOLATION\b)|START\s+TRANSACTION\b|COMMIT\s*;)/im.test(
    stripCommentsAndLiterals(migration.script),
  );
  const id = randomUUID();
  if (!ownsTransaction) await client.query("BEGIN");
  try {
    // The row's lifecycle matches sql_migration_persistence.rs: started, one step, finished.
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, clock_timestamp(), $3)",
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.script);
    await client.query("UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1", [id]);
    await client.query("UPDATE _prisma_migrations SET finished_at = clock_timestamp() WHERE id = $1", [id]);
    if (!ownsTransaction) await client.query("COMMIT");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await client.query("ROLLBACK").catch(() => undefined);
    if (ownsTransaction) {
      // As Prisma does (record_failed_step): the unfinished row stays, with the error in logs.
      await client.query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, reason]).catch(() => undefined);
    }
    const position = (error as { position?: string }).position;
    const where = position ? ` (near character ${position} of migration.sql)` : "";
    throw new Error(
      `applyMigrations: migration ${migration.name} failed${where}: ${reason}. ` +
        (ownsTransaction ? "It manages its own transaction; check what it left behind." : "It was rolled back and not recorded."),
      { cause: error },
    );
  }
}

async function ensureMigrationsTable(client: pg.Client, schema: string) {
  const tables = (
    await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
      [schema],
    )
  ).rows.map((r) => r.relname);
  if (tables.includes("_prisma_migrations")) return;
  if (tables.length > 0) {
    throw new Error(
      `applyMigrations: schema "${schema}" already holds ${tables.length} table(s) (${tables.slice(0, 3).join(", ")}…) but no ` +
        `_prisma_migrations, so nobody knows which migrations made them (Prisma error P3005). For a test or scratch ` +
        `database run \`npx tsx scripts/migrate.ts --reset\`; otherwise baseline it.`,
    );
  }
  await client.query(MIGRATIONS_TABLE_DDL);
}

async function appliedNames(client: pg.Client, schema: string): Promise<Set<string>> {
  const exists = (await client.query("SELECT to_regclass($1) AS t", [`${quoteIdent(schema)}._prisma_migrations`])).rows[0].t;
  if (!exists) return new Set();
  const rows = await client.query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  return new Set(rows.rows.map((r) => r.migration_name));
}

function summarise(local: LocalMigration[], before: Set<string>, after: Set<string>, via: "offline" | "prisma"): ApplyMigrationsResult {
  const localNames = new Set(local.map((m) => m.name));
  return {
    applied: local.filter((m) => after.has(m.name) && !before.has(m.name)).map((m) => m.name),
    alreadyApplied: local.filter((m) => before.has(m.name)).map((m) => m.name),
    unknownInDatabase: [...after].filter((name) => !localNames.has(name)).sort(),
    via,
  };
}

async function lock(client: pg.Client, timeoutMs: number) {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEYS.prismaMigrate]);
  } catch (error) {
    throw new Error(`applyMigrations: another migration runner held the lock for ${timeoutMs} ms; is one stuck?`, { cause: error });
  } finally {
    await client.query("SET lock_timeout = 0");
  }
}

function runPrismaMigrateDeploy(databaseUrl: string, migrationsDir: string) {
  // prisma.config.ts sits two levels above prisma/migrations and reads DATABASE_URL.
  const projectRoot = path.resolve(migrationsDir, "..", "..");
  const result = spawnSync("npx", ["--no-install", "prisma", "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${result.status ?? result.signal})`);
}

/** Prisma reads the schema from `?schema=`; pg does not know that parameter, so take it out. */
function splitSchemaParam(databaseUrl: string): { connectionString: string; schema: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  return { connectionString: url.toString(), schema };
}

/** Leaves only statement text: a plpgsql body's BEGIN, inside $$ … $$, is not a transaction. */
function stripCommentsAndLiterals(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, "''")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, "")
    .replace(/\/\*[\s\S]*?\*\//g, "");
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, findSchemaEngine, readLocalMigrations } from "./migrate.ts";
import { createPrismaWasmEngine } from "./prisma-wasm-engine.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaText = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
const localNames = readLocalMigrations(migrationsDir).map((m) => m.name);
const scratch: ScratchDatabase[] = [];
const tmpDirs: string[] = [];

async function freshDatabase() {
  const db = await createScratchDatabase("migrate");
  scratch.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations that a test may edit, plus extra migration folders. */
function migrationsCopy(extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "canary-migrations-"));
  tmpDirs.push(dir);
  cpSync(migrationsDir, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

afterAll(async () => {
  await Promise.all(scratch.map((db) => db.drop()));
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations (offline runner)", () => {
  it("applies every migration once, then nothing", async () => {
    const db = await freshDatabase();
    const first = await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    expect(first).toEqual({ applied: localNames, alreadyApplied: [], unknownInDatabase: [], via: "offline" });
    const tables = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables[0]!.n).toBeGreaterThan(20);

    const second = await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    expect(second).toEqual({ applied: [], alreadyApplied: localNames, unknownInDatabase: [], via: "offline" });
  });

  it("creates _prisma_migrations with Prisma's DDL and writes rows as `prisma migrate deploy` does", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    // prisma-engines flavour/postgres.rs create_migrations_table.
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
    const pk = await query<{ def: string }>(
      db.url,
      "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'",
    );
    expect(pk.map((r) => r.def)).toEqual(["PRIMARY KEY (id)"]);

    const rows = await query<Record<string, unknown>>(db.url, "SELECT * FROM _prisma_migrations ORDER BY started_at");
    expect(rows).toHaveLength(localNames.length);
    rows.forEach((row, i) => {
      const sql = readFileSync(path.join(migrationsDir, localNames[i]!, "migration.sql"));
      expect(row.migration_name).toBe(localNames[i]);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect((row.finished_at as Date).getTime()).toBeGreaterThanOrEqual((row.started_at as Date).getTime());
    });
  });

  it("is accepted by Prisma's own schema engine, and accepts what Prisma's engine applied", async () => {
    const ours = await freshDatabase();
    await applyMigrations(ours.url, migrationsDir, { engine: "offline" });
    const referee = await createPrismaWasmEngine(ours.url, schemaText);
    try {
      expect(await referee.diagnoseMigrationHistory(migrationsDir)).toEqual({
        editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null,
      });
      expect(await referee.applyMigrations(migrationsDir)).toEqual([]);
    } finally {
      await referee.close();
    }

    const theirs = await freshDatabase();
    const prisma = await createPrismaWasmEngine(theirs.url, schemaText);
    try {
      expect(await prisma.applyMigrations(migrationsDir)).toEqual(localNames);
    } finally {
      await prisma.close();
    }
    expect(await applyMigrations(theirs.url, migrationsDir, { engine: "offline" })).toMatchObject({ applied: [], alreadyApplied: localNames });
    const shape = (url: string) =>
      query(url, "SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY started_at");
    expect(await shape(ours.url)).toEqual(await shape(theirs.url));
  });

  it("refuses to run when an applied migration's file changed, and applies nothing", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    const dir = migrationsCopy({ "99990101000000_later": 'CREATE TABLE "Later" (id int);' });
    const first = path.join(dir, localNames[0]!, "migration.sql");
    writeFileSync(first, readFileSync(first, "utf8") + "\n-- edited after the fact\n");

    await expect(applyMigrations(db.url, dir, { engine: "offline" })).rejects.toThrow(
      new RegExp(`${localNames[0]}/migration.sql changed after it was applied`),
    );
    expect(await query(db.url, "SELECT to_regclass('\"Later\"') AS t")).toEqual([{ t: null }]);
  });

  it("accepts a migration whose line endings changed (as Prisma does)", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    const dir = migrationsCopy();
    const first = path.join(dir, localNames[0]!, "migration.sql");
    writeFileSync(first, readFileSync(first, "utf8").replace(/\n/g, "\r\n"));
    expect((await applyMigrations(db.url, dir, { engine: "offline" })).applied).toEqual([]);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const db = await freshDatabase();
    const dir = migrationsCopy({ "99990101000000_broken": 'CREATE TABLE "HalfDone" (id int);\nSELECT no_such_function();' });
    await expect(applyMigrations(db.url, dir, { engine: "offline" })).rejects.toThrow(/99990101000000_broken failed.*no_such_function.*rolled back/s);
    expect(await query(db.url, "SELECT to_regclass('\"HalfDone\"') AS t")).toEqual([{ t: null }]);
    const names = await query<{ migration_name: string }>(db.url, "SELECT migration_name FROM _prisma_migrations ORDER BY started_at");
    expect(names.map((r) => r.migration_name)).toEqual(localNames);
  });

  it("lets exactly one of two concurrent runners apply (advisory lock 72707369)", async () => {
    const db = await freshDatabase();
    const results = await Promise.all([
      applyMigrations(db.url, migrationsDir, { engine: "offline" }),
      applyMigrations(db.url, migrationsDir, { engine: "offline" }),
    ]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, localNames.length]);
    const rows = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(rows[0]!.n).toBe(localNames.length);
  });

  it("waits for the lock another session holds", async () => {
    const db = await freshDatabase();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(72707369)");
      await expect(applyMigrations(db.url, migrationsDir, { engine: "offline", lockTimeoutMs: 300 })).rejects.toThrow(/held the lock/);
    } finally {
      await holder.end();
    }
  });

  it("refuses a schema that has tables but no migration history, and --reset clears it", async () => {
    const db = await freshDatabase();
    await query(db.url, 'CREATE TABLE "Stray" (id int)');
    await expect(applyMigrations(db.url, migrationsDir, { engine: "offline" })).rejects.toThrow(/already holds 1 table\(s\) \(Stray/);
    const reset = await applyMigrations(db.url, migrationsDir, { engine: "offline", reset: true });
    expect(reset.applied).toEqual(localNames);
    expect(await query(db.url, "SELECT to_regclass('\"Stray\"') AS t")).toEqual([{ t: null }]);
  });

  it("refuses while a failed migration is recorded (Prisma P3009)", async () => {
    const db = await freshDatabase();
    await applyMigrations(db.url, migrationsDir, { engine: "offline" });
    await query(db.url, "INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES (gen_random_uuid()::text, 'x', '99990101000000_failed')");
    await expect(applyMigrations(db.url, migrationsDir, { engine: "offline" })).rejects.toThrow(/99990101000000_failed failed earlier/);
  });
});

describe("findSchemaEngine", () => {
  it("ignores the /bin/true stand-in and missing paths", () => {
    expect(findSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" })).toBeNull();
    expect(findSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: "/nonexistent/schema-engine" })).toBeNull();
    expect(findSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: "/bin/echo" })).toBeNull();
    expect(findSchemaEngine({})).toBeNull();
  });

  it("accepts an executable that answers --version as a schema engine", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canary-engine-"));
    tmpDirs.push(dir);
    const engine = path.join(dir, "schema-engine");
    writeFileSync(engine, '#!/bin/sh\n[ "$1" = --version ] && echo "schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3"\n', { mode: 0o755 });
    expect(findSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: engine })).toBe(engine);
  });
});

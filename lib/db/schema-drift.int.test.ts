import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introspectDatabase, type DatabaseSchema } from "./introspect-database.ts";
import { applyMigrations } from "./migrate.ts";
import { createPrismaWasmEngine } from "./prisma-wasm-engine.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { findSchemaDrift, type DmmfDatamodel } from "./schema-drift.ts";

// prisma/migrations (hand-written SQL, no schema engine here) must build exactly what prisma/schema.prisma
// describes. Two referees: our introspection-based comparison, and Prisma's own differ (wasm build).

const { getDMMF } = createRequire(import.meta.url)("@prisma/internals") as {
  getDMMF(options: { datamodel: string }): Promise<{ datamodel: DmmfDatamodel }>;
};
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schemaText = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");

let db: ScratchDatabase;
let introspected: DatabaseSchema;

beforeAll(async () => {
  db = await createScratchDatabase("drift");
  await applyMigrations(db.url, path.join(root, "prisma", "migrations"), { engine: "offline" });
  introspected = await introspectDatabase(db.url);
});

afterAll(async () => {
  await db?.drop();
});

async function driftFor(schema: string, database = introspected) {
  return findSchemaDrift((await getDMMF({ datamodel: schema })).datamodel, database);
}

/** Edits schema.prisma text and fails loudly if the edit no longer applies (the schema moved on). */
function edit(schema: string, from: string | RegExp, to: string): string {
  const edited = schema.replace(from, to);
  if (edited === schema) throw new Error(`schema edit did not apply: ${from}`);
  return edited;
}

describe("migrations match schema.prisma", () => {
  it("has no drift between the migrated database and schema.prisma", async () => {
    expect(await driftFor(schemaText)).toEqual([]);
  });

  it("Prisma's own differ finds nothing to change either", async () => {
    const prisma = await createPrismaWasmEngine(db.url, schemaText);
    try {
      expect(await prisma.diffDatabaseToSchema(schemaText)).toBe("");
    } finally {
      await prisma.close();
    }
  });

  it("covers every model and enum (the comparison is not vacuous)", async () => {
    const { datamodel } = await getDMMF({ datamodel: schemaText });
    const tables = new Set(introspected.tables.map((t) => t.name));
    for (const model of datamodel.models) expect(tables).toContain(model.dbName ?? model.name);
    expect(introspected.enums.map((e) => e.name).sort()).toEqual(datamodel.enums.map((e) => e.dbName ?? e.name).sort());
    expect(introspected.tables.flatMap((t) => t.foreignKeys).length).toBeGreaterThan(30);
  });
});

describe("the drift check fails on a real disagreement", () => {
  it("reports a field added to schema.prisma without a migration", async () => {
    const altered = edit(schemaText, /(model User \{\n)/, "$1  nickname String?\n");
    expect(await driftFor(altered)).toEqual(['User.nickname: in schema.prisma but table "User" has no column "nickname"']);
    const prisma = await createPrismaWasmEngine(db.url, schemaText);
    try {
      expect(await prisma.diffDatabaseToSchema(altered)).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
    } finally {
      await prisma.close();
    }
  });

  it("reports a changed type, relation action, enum value and index", async () => {
    let altered = edit(schemaText, /(model Job \{[\s\S]*?\n  progress\s+)Int(\s)/, "$1BigInt$2");
    altered = edit(altered, /(model ApiToken \{[\s\S]*?user +User +@relation\("tokenOwner", fields: \[userId\], references: \[id\]), onDelete: Cascade\)/, "$1)");
    altered = edit(altered, /(enum Role \{\n)/, "$1  robot\n");
    altered = edit(altered, /(model Dataset \{[\s\S]*?)@@index\(\[createdAt\]\)/, "$1@@index([createdAt, name])");
    const problems = await driftFor(altered);
    expect(problems).toContain('Job.progress: schema.prisma means bigint, the column "Job"."progress" is integer');
    expect(problems).toContain("ApiToken.user: ON DELETE is Cascade in the database, schema.prisma means Restrict");
    expect(problems).toContain('enum Role: values robot are in schema.prisma but not in the database type "Role"');
    expect(problems).toContain('table "Dataset": schema.prisma wants an index on (createdAt, name), the database has none');
    expect(problems).toContain('table "Dataset": index "Dataset_createdAt_idx" on (createdAt) is in the database but not in schema.prisma');
    expect(problems).toHaveLength(5);
  });

  it("reports a column and a table that only the database has", async () => {
    const extra = await createScratchDatabase("drift_extra");
    try {
      await applyMigrations(extra.url, path.join(root, "prisma", "migrations"), { engine: "offline" });
      const client = new pg.Client({ connectionString: extra.url });
      await client.connect();
      await client.query('ALTER TABLE "Dataset" ADD COLUMN "legacy" text; CREATE TABLE "Scratchpad" (id int)');
      await client.end();
      expect(await driftFor(schemaText, await introspectDatabase(extra.url))).toEqual([
        'table "Dataset": column "legacy" is in the database but no field of model Dataset maps to it',
        'table "Scratchpad": in the database but no model in schema.prisma maps to it',
      ]);
    } finally {
      await extra.drop();
    }
  });
});

// The guarantee_source migration backfills who vouches for each existing version's (ε, δ): versions a
// Canary training run produced → "accountant", every other version with an (ε, δ) → "declared", none
// without one; and it drops config.guaranteeStatus, which the column replaces.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, createScratchDatabase, readLocalMigrations, type ScratchDatabase } from "../db/index.ts";

const MIGRATION = "20261208050000_guarantee_source";
const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
let scratch: ScratchDatabase | undefined;
let before: string | undefined;

afterAll(async () => {
  await scratch?.drop();
  if (before) rmSync(before, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe(`migration ${MIGRATION}`, () => {
  it("backfills trained versions as accountant, uploaded ones with an (ε, δ) as declared, and none without one", async () => {
    scratch = await createScratchDatabase("guarantee_source");
    before = mkdtempSync(path.join(tmpdir(), "canary-migrations-before-"));
    for (const { name } of readLocalMigrations(migrationsDir).filter((m) => m.name < MIGRATION)) {
      cpSync(path.join(migrationsDir, name), path.join(before, name), { recursive: true });
    }
    await applyMigrations(scratch.url, before, { engine: "offline" });
    await sql(
      scratch.url,
      `INSERT INTO "User"(id, email, name, "updatedAt") VALUES ('u1', 'u1@canary.test', 'u1', now());
       INSERT INTO "Model"(id, name, "ownerId", "updatedAt") VALUES ('m1', 'm1', 'u1', now());
       INSERT INTO "ModelVersion"(id, "modelId", version, source, "artifactKey", "artifactSha256", config, epsilon, delta, accountant, "createdById") VALUES
         ('trained-dp', 'm1', 1, 'trained', 'k', 's', '{"guaranteeStatus": "formal", "target": "y"}', 2.9, 1e-5, 'rdp', 'u1'),
         ('trained-non-private', 'm1', 2, 'trained', 'k', 's', '{"guaranteeStatus": "none"}', NULL, NULL, NULL, 'u1'),
         ('uploaded-declared', 'm1', 3, 'uploaded', 'k', 's', '{"guaranteeStatus": "declared"}', 3, 1e-5, 'rdp', 'u1'),
         ('uploaded-none', 'm1', 4, 'uploaded', 'k', 's', '{}', NULL, NULL, NULL, 'u1');`,
    );

    const result = await applyMigrations(scratch.url, migrationsDir, { engine: "offline" });
    expect(result.applied).toContain(MIGRATION);
    const rows = await sql<{ id: string; guaranteeSource: string | null; config: unknown }>(
      scratch.url,
      `SELECT id, "guaranteeSource", config FROM "ModelVersion" ORDER BY version`,
    );
    expect(rows).toEqual([
      { id: "trained-dp", guaranteeSource: "accountant", config: { target: "y" } },
      { id: "trained-non-private", guaranteeSource: null, config: {} },
      { id: "uploaded-declared", guaranteeSource: "declared", config: {} },
      { id: "uploaded-none", guaranteeSource: null, config: {} },
    ]);
  });
});

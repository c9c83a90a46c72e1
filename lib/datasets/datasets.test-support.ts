// Shared by the integration tests of lib/datasets, lib/ingest, lib/queue and workers/: unique
// users and datasets, so test files can share one database at the same time.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { registerDataset } from "./register-dataset.ts";

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export async function createTestPrincipal(db: Db, role: Principal["roles"][number] = "ml_engineer"): Promise<Principal> {
  const email = `test-${uniqueSuffix()}@canary.test`;
  const user = await db.user.create({ data: { email, name: "Test Engineer", roles: { create: { role } } } });
  return { userId: user.id, email, label: email, roles: [role], via: "session" };
}

export async function createTestDataset(db: Db, principal: Principal, prefix = "ds") {
  return registerDataset(db, principal, {
    name: `${prefix}-${uniqueSuffix()}`,
    source: "unit test",
    collectionMethod: "generated",
    consentBasis: "consent",
    licenseExpression: "CC-BY-4.0",
    intendedUse: "research_only",
  });
}

export function streamOf(text: string | Buffer): Readable {
  return Readable.from([typeof text === "string" ? Buffer.from(text) : text]);
}

/** A CSV of `rows` data rows whose content is unique to this call. */
export function uniqueCsv(rows: number, header = "id,name,score"): string {
  const tag = uniqueSuffix();
  const lines = [header];
  for (let i = 0; i < rows; i += 1) lines.push(`${i},person-${tag}-${i},${(i % 7) + 0.5}`);
  return `${lines.join("\n")}\n`;
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, createScratchDatabase, type Db, type ScratchDatabase } from "../db/index.ts";
import { LocalBlobStore } from "../storage/index.ts";
import { ANCHOR_OBJECT_NAME, type AuditLogAnchorOptions } from "./anchor.ts";
import { appendAuditLog } from "./append-audit-log.ts";
import { canonicalSha256, entryHash } from "./hash.ts";
import { keepAuditLogAnchored } from "./keep-audit-log-anchored.ts";
import { verifyAuditLog } from "./verify-audit-log.ts";
import { writeAuditLogAnchor } from "./write-audit-log-anchor.ts";

// Tampering needs the chain to itself: private databases, so concurrent test files can't interfere. The
// tampering below runs as the table's owner, who can switch the append-only trigger off: what an attacker
// holding the owner's credentials would do. The anchor lives in a private blob folder.
const scratches: ScratchDatabase[] = [];
const dbs: Db[] = [];
const blobDirs: string[] = [];

afterAll(async () => {
  for (const db of dbs) await db.$disconnect();
  for (const scratch of scratches) await scratch.drop();
  for (const dir of blobDirs) rmSync(dir, { recursive: true, force: true });
});

interface Chain {
  db: Db;
  url: string;
  anchorOptions: AuditLogAnchorOptions & { store: LocalBlobStore };
}

async function freshChain(): Promise<Chain> {
  const scratch = await createScratchDatabase("auditlog", { template: process.env.CANARY_TEST_TEMPLATE_DB });
  scratches.push(scratch);
  const db = createDb(scratch.url);
  dbs.push(db);
  const dir = mkdtempSync(join(tmpdir(), "canary-anchor-"));
  blobDirs.push(dir);
  return { db, url: scratch.url, anchorOptions: { store: new LocalBlobStore(dir), key: "test-anchor-key" } };
}

async function append(db: Db, action: string, details: Record<string, unknown> = { action, n: 1 }) {
  return db.$transaction((tx) => appendAuditLog(tx, { actor: { id: null, label: "test" }, action, targetType: "Dataset", targetId: "d1", details }));
}

async function appendThree(db: Db) {
  for (const action of ["dataset.register", "dataset_version.upload", "dataset_version.ingested"]) await append(db, action);
}

/** Five anchored entries: the usual starting point of a tamper case. */
async function anchoredChain(): Promise<Chain & { seqs: bigint[] }> {
  const chain = await freshChain();
  for (let i = 0; i < 5; i++) await append(chain.db, `step.${i}`);
  await writeAuditLogAnchor(chain.db, chain.anchorOptions);
  const seqs = (await chain.db.auditLogEntry.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
  return { ...chain, seqs };
}

/** Runs SQL with the append-only trigger switched off, as the table's owner can. */
async function behindTheTrigger(db: Db, sql: string) {
  await db.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER "AuditLogEntry_append_only"`);
  try {
    await db.$executeRawUnsafe(sql);
  } finally {
    await db.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" ENABLE TRIGGER "AuditLogEntry_append_only"`);
  }
}

describe("audit log", () => {
  it("chains entries and verifies the whole chain", async () => {
    const { db } = await freshChain();
    await appendThree(db);
    const entries = await db.auditLogEntry.findMany({ orderBy: { seq: "asc" } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    const verification = await verifyAuditLog(db, { key: "" });
    expect(verification).toEqual({ ok: true, entriesChecked: entries.length, anchor: null, missingEntries: null });
  });

  it("keeps the chain linear under concurrent writers", async () => {
    const { db } = await freshChain();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.$transaction((tx) => appendAuditLog(tx, { actor: { id: null, label: "w" }, action: "x", targetType: "T", targetId: String(i) })),
      ),
    );
    expect((await verifyAuditLog(db, { key: "" })).ok).toBe(true);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the table", async () => {
    const { db } = await freshChain();
    await appendThree(db);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLogEntry"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLogEntry"`)).rejects.toThrow(/append-only/);
    expect(await db.auditLogEntry.count()).toBe(3);
  });
});

describe("audit log tampering behind the trigger", () => {
  it("names the entry whose details were changed", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    await behindTheTrigger(db, `UPDATE "AuditLogEntry" SET "details" = '{"forged": true}' WHERE "seq" = ${seqs[2]}`);
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification.ok).toBe(false);
    expect(verification.firstBroken).toEqual({ seq: seqs[2]!.toString(), reason: "details do not match their digest" });
  });

  it("names the entry whose details were changed with their digest recomputed", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    const forged = { forged: true };
    await behindTheTrigger(
      db,
      `UPDATE "AuditLogEntry" SET "details" = '${JSON.stringify(forged)}', "digest" = '${canonicalSha256(forged)}' WHERE "seq" = ${seqs[2]}`,
    );
    expect((await verifyAuditLog(db, anchorOptions)).firstBroken).toEqual({ seq: seqs[2]!.toString(), reason: "hash does not match the entry's contents" });
  });

  it("names the entry whose action or actor label was changed", async () => {
    for (const column of ["action", "actorLabel"]) {
      const { db, anchorOptions, seqs } = await anchoredChain();
      await behindTheTrigger(db, `UPDATE "AuditLogEntry" SET "${column}" = 'forged' WHERE "seq" = ${seqs[1]}`);
      expect((await verifyAuditLog(db, anchorOptions)).firstBroken, column).toEqual({
        seq: seqs[1]!.toString(),
        reason: "hash does not match the entry's contents",
      });
    }
  });

  it("names the entry after a deleted middle row", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    await behindTheTrigger(db, `DELETE FROM "AuditLogEntry" WHERE "seq" = ${seqs[2]}`);
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification.firstBroken).toEqual({ seq: seqs[3]!.toString(), reason: "prevHash does not match the previous entry's hash" });
    expect(verification.entriesChecked).toBe(2);
  });

  it("detects a cut tail through the anchor, and names the missing sequence numbers", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    expect((await verifyAuditLog(db, anchorOptions)).ok).toBe(true);
    await behindTheTrigger(db, `DELETE FROM "AuditLogEntry" WHERE "seq" >= ${seqs[3]}`);
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification).toMatchObject({
      ok: false,
      entriesChecked: 3,
      firstBroken: { seq: seqs[4]!.toString(), reason: `the chain ends at entry ${seqs[2]}, before the anchored entry ${seqs[4]}: its tail was removed` },
      anchor: { seq: seqs[4]!.toString(), signatureValid: true },
      missingEntries: { afterSeq: seqs[2]!.toString(), throughSeq: seqs[4]!.toString() },
    });
    // Appending again does not hide the cut: the anchor stays where it was.
    await append(db, "after.cut");
    await writeAuditLogAnchor(db, anchorOptions);
    expect(await verifyAuditLog(db, anchorOptions)).toMatchObject({ ok: false, anchor: { seq: seqs[4]!.toString() } });
  });

  it("detects a chain rewritten whole, with the same sequence numbers and consistent hashes", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    const original = await db.auditLogEntry.findMany({ orderBy: { seq: "asc" } });
    await behindTheTrigger(db, `DELETE FROM "AuditLogEntry"`);
    let prevHash = "0".repeat(64);
    for (const entry of original) {
      const details = { forged: true };
      const fields = { ...entry, actorLabel: "someone-else", digest: canonicalSha256(details), prevHash };
      const hash = entryHash(fields);
      await db.auditLogEntry.create({ data: { ...fields, details, hash } });
      prevHash = hash;
    }
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification.firstBroken).toEqual({ seq: seqs[4]!.toString(), reason: "hash differs from the signed anchor's: the chain was rewritten" });
    // Without the anchor the forged chain would pass: the hash chain alone cannot see this.
    expect((await verifyAuditLog(db, { key: "" })).ok).toBe(true);
  });

  it("detects a chain rewritten whole under new sequence numbers", async () => {
    const { db, anchorOptions, seqs } = await anchoredChain();
    await behindTheTrigger(db, `DELETE FROM "AuditLogEntry"`);
    for (let i = 0; i < 7; i++) await append(db, `forged.${i}`);
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification.ok).toBe(false);
    expect(verification.firstBroken!.reason).toBe(`the anchored entry ${seqs[4]} is missing: the chain was rewritten`);
  });

  it("refuses an anchor not signed with the key, and never writes over it", async () => {
    const { db, anchorOptions } = await anchoredChain();
    const forged = JSON.parse((await anchorOptions.store.getNamedObject(ANCHOR_OBJECT_NAME))!) as { seq: string };
    forged.seq = "1";
    writeFileSync(join(anchorOptions.store.rootDir, "named", ANCHOR_OBJECT_NAME), JSON.stringify(forged));
    const verification = await verifyAuditLog(db, anchorOptions);
    expect(verification).toMatchObject({ ok: false, firstBroken: { seq: "1", reason: "the anchor's signature does not hold: it was not written with this key" } });
    await writeAuditLogAnchor(db, anchorOptions);
    expect((await verifyAuditLog(db, anchorOptions)).ok).toBe(false);
    expect((await verifyAuditLog(db, { ...anchorOptions, key: "another-key" })).anchor?.signatureValid).toBe(false);
  });
});

describe("the application's database role", () => {
  // scripts/services.sh creates canary_app; migration 20261208070000_app_role_grants gives it data access only.
  it("may read and append to the audit log, but cannot change it, empty it or disable its trigger", async () => {
    const { db, url } = await freshChain();
    await appendThree(db);
    const asApp = new URL(url);
    asApp.username = "canary_app";
    asApp.password = "canary_app";
    const appDb = createDb(asApp.toString());
    dbs.push(appDb);
    await append(appDb, "as.app");
    expect(await appDb.auditLogEntry.count()).toBe(4);
    await expect(appDb.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER "AuditLogEntry_append_only"`)).rejects.toThrow(/must be owner/);
    await expect(appDb.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(appDb.$executeRawUnsafe(`TRUNCATE "AuditLogEntry"`)).rejects.toThrow(/permission denied/);
    await expect(appDb.$executeRawUnsafe(`DELETE FROM "AuditLogEntry"`)).rejects.toThrow(/permission denied/);
    await expect(appDb.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "action" = 'forged'`)).rejects.toThrow(/permission denied/);
    expect((await verifyAuditLog(db, { key: "" })).ok).toBe(true);
  });
});

describe("keepAuditLogAnchored", () => {
  it("re-signs the head after each committed append, not after a rolled-back one", async () => {
    const { db, url, anchorOptions } = await freshChain();
    await appendThree(db);
    const stop = await keepAuditLogAnchored(db, { ...anchorOptions, databaseUrl: url, intervalMs: 3_600_000 });
    try {
      const anchoredSeq = async () => (await verifyAuditLog(db, anchorOptions)).anchor?.seq;
      const head = async () => (await db.auditLogEntry.findFirst({ orderBy: { seq: "desc" } }))!.seq.toString();
      await expect.poll(anchoredSeq, { timeout: 10_000 }).toBe(await head());
      await append(db, "after.start");
      await expect.poll(anchoredSeq, { timeout: 10_000 }).toBe(await head());
      const committedHead = await head();
      await expect(
        db.$transaction(async (tx) => {
          await appendAuditLog(tx, { actor: { id: null, label: "test" }, action: "rolled.back", targetType: "T", targetId: "t" });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await anchoredSeq()).toBe(committedHead);
      expect((await verifyAuditLog(db, anchorOptions)).ok).toBe(true);
    } finally {
      await stop();
    }
  });
});

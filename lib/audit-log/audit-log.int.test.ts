import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/index.ts";
import { createScratchDatabase } from "../db/scratch-database.ts";
import { appendAuditLog } from "./append-audit-log.ts";
import { verifyAuditLog } from "./verify-audit-log.ts";

// Tampering needs the chain to itself: a private database, so concurrent test files can't interfere.
const scratch = await createScratchDatabase("auditlog", { template: process.env.CANARY_TEST_TEMPLATE_DB });
const db = createDb(scratch.url);

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

async function appendThree() {
  for (const action of ["dataset.register", "dataset_version.upload", "dataset_version.ingested"]) {
    await db.$transaction((tx) =>
      appendAuditLog(tx, { actor: { id: null, label: "test" }, action, targetType: "Dataset", targetId: "d1", details: { action, n: 1 } }),
    );
  }
}

describe("audit log", () => {
  it("chains entries and verifies the whole chain", async () => {
    await appendThree();
    const entries = await db.auditLogEntry.findMany({ orderBy: { seq: "asc" } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    const verification = await verifyAuditLog(db);
    expect(verification).toEqual({ ok: true, entriesChecked: entries.length });
  });

  it("keeps the chain linear under concurrent writers", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.$transaction((tx) => appendAuditLog(tx, { actor: { id: null, label: "w" }, action: "x", targetType: "T", targetId: String(i) })),
      ),
    );
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });

  it("refuses UPDATE and DELETE on the table", async () => {
    await expect(db.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "action" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLogEntry"`)).rejects.toThrow(/append-only/);
  });

  it("names the first tampered entry when a row is changed behind the trigger's back", async () => {
    await appendThree();
    const entries = await db.auditLogEntry.findMany({ orderBy: { seq: "asc" } });
    const victim = entries[Math.floor(entries.length / 2)]!;
    // The table owner can switch the trigger off: exactly what an attacker with DB access would do.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" DISABLE TRIGGER "AuditLogEntry_append_only"`);
    await db.$executeRawUnsafe(`UPDATE "AuditLogEntry" SET "details" = '{"forged": true}' WHERE "seq" = ${victim.seq}`);
    await db.$executeRawUnsafe(`ALTER TABLE "AuditLogEntry" ENABLE TRIGGER "AuditLogEntry_append_only"`);

    const verification = await verifyAuditLog(db);
    expect(verification.ok).toBe(false);
    expect(verification.firstBroken).toEqual({ seq: victim.seq.toString(), reason: "details do not match their digest" });
  });
});

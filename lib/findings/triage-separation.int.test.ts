// Separation of duties in triage (issue 13, item 10): whoever owns a dataset may not dismiss its
// findings themselves; a compliance officer or an admin who does not own it must.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createTestPrincipal } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { closeQueues } from "../queue/index.ts";
import { runScan, startScan } from "../scan/index.ts";
import { piiCsv, readyVersion } from "../scan/run/ready-version.test-support.ts";
import { listFindings } from "./list-findings.ts";
import { triageFinding } from "./triage-finding.ts";

process.env.CANARY_QUEUE_PREFIX = "t_triage_separation";
const db = createDb();
let engineerOwner: Principal;
let adminOwner: Principal;
let officer: Principal;
let admin: Principal;

async function findingsOf(owner: Principal) {
  const version = await readyVersion(db, owner, piiCsv(3));
  await runScan(db, (await startScan(db, owner, version.id, { kind: "pii" })).scan.id);
  return (await listFindings(db, { datasetVersionId: version.id })).items;
}

beforeAll(async () => {
  [engineerOwner, adminOwner, officer, admin] = await Promise.all([
    createTestPrincipal(db, "ml_engineer"),
    createTestPrincipal(db, "admin"),
    createTestPrincipal(db, "compliance_officer"),
    createTestPrincipal(db, "admin"),
  ]);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("triageFinding, separation of duties", () => {
  it("refuses the owner a false positive or an accepted risk on their own dataset, even as an admin", async () => {
    for (const owner of [engineerOwner, adminOwner]) {
      const [first, second] = await findingsOf(owner);
      for (const status of ["false_positive", "accepted_risk"] as const) {
        await expect(triageFinding(db, owner, first!.id, { status, reason: "looks fine to me" }), `${owner.roles[0]} ${status}`).rejects.toMatchObject({
          code: "forbidden",
          message: expect.stringContaining("separation of duties"),
        });
      }
      // Confirming or remediating is the owner's work and stays theirs.
      await expect(triageFinding(db, owner, second!.id, { status: "confirmed", reason: "real customer email" })).resolves.toMatchObject({ status: "confirmed" });
      await expect(triageFinding(db, owner, second!.id, { status: "remediated", reason: "column dropped" })).resolves.toMatchObject({ status: "remediated" });
    }
  });

  it("lets a compliance officer or an admin who does not own the dataset dismiss its findings", async () => {
    const [first, second] = await findingsOf(engineerOwner);
    await expect(triageFinding(db, officer, first!.id, { status: "false_positive", reason: "synthetic test value" })).resolves.toMatchObject({ status: "false_positive" });
    await expect(triageFinding(db, admin, second!.id, { status: "accepted_risk", reason: "consented contact column" })).resolves.toMatchObject({ status: "accepted_risk" });
  });

  it("counts a service token's minter as the owner", async () => {
    const [first] = await findingsOf(adminOwner);
    const serviceToken: Principal = { ...officer, via: "token", tokenCreatedById: adminOwner.userId };
    await expect(triageFinding(db, serviceToken, first!.id, { status: "accepted_risk", reason: "via a pipeline" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

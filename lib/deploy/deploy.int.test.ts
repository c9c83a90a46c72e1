// Promotion, rollback and resolve against a real PostgreSQL, in a database of this file's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import { verifyAuditLog } from "../audit-log/index.ts";
import { decideScorecard, recomputeScorecard } from "../scorecard/index.ts";
import { audit, person, policyDatabase, privateVersion } from "../scorecard/evidence-rows.test-support.ts";
import { ensureEnvironments, listDeployments, promote, resolveDeployment, rollback, suggestRollbackTarget } from "./index.ts";

let db: Db;
let engineer: Principal;
let officer: Principal;
let close: () => Promise<void>;

beforeAll(async () => {
  let admin: Principal;
  ({ db, admin, close } = await policyDatabase("deploy"));
  void admin;
  engineer = await person(db, "ml_engineer");
  officer = await person(db, "compliance_officer");
  await ensureEnvironments(db);
  await ensureEnvironments(db);
});
afterAll(() => close());

async function approvedVersion(model?: string) {
  const mv = await privateVersion(db, engineer, model);
  const { scorecard } = await recomputeScorecard(db, mv.id, "test");
  await decideScorecard(db, officer, { scorecardId: scorecard.id, decision: "approved", comment: "ok" });
  return mv;
}

describe("promote", () => {
  it("refuses a version without a scorecard, awaiting sign-off, or whose approval new evidence invalidated", async () => {
    const mv = await privateVersion(db, engineer);
    const input = { model: mv.model.name, version: mv.version, environment: "production", reason: "ship it" };
    await expect(promote(db, engineer, input)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("has no scorecard yet") });
    const { scorecard } = await recomputeScorecard(db, mv.id, "test");
    await expect(promote(db, engineer, input)).rejects.toMatchObject({ message: expect.stringContaining("awaits sign-off") });
    await decideScorecard(db, officer, { scorecardId: scorecard.id, decision: "approved", comment: "ok" });
    await audit(db, mv.id, engineer, { auc: 0.52, tpr: 0.001, epsilonLowerBound: 0.2 });
    await recomputeScorecard(db, mv.id, "audit completed");
    await expect(promote(db, engineer, input)).rejects.toMatchObject({ message: expect.stringContaining("invalidated by new evidence") });
    await expect(promote(db, officer, input)).rejects.toMatchObject({ code: "forbidden" });
    await expect(promote(db, engineer, { ...input, environment: "moon" })).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("production, staging") });
  });

  it("points the environment at an approved version, records who, why and from which version, and resolves it", async () => {
    const v1 = await approvedVersion();
    const v2 = await approvedVersion(v1.model.name);
    const name = v1.model.name;
    await promote(db, engineer, { model: name, version: 1, environment: "production", reason: "first release" });
    await expect(promote(db, engineer, { model: name, version: 1, environment: "production", reason: "again" })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already deployed") });
    const second = await promote(db, engineer, { model: name, version: 2, environment: "production", reason: "better utility" });
    expect(second).toMatchObject({ action: "promote", fromVersion: 1, previousModelVersionId: v1.id });

    const resolved = await resolveDeployment(db, name, "production");
    expect(resolved).toMatchObject({
      model: name,
      version: 2,
      environment: "production",
      artifact: { url: `/api/v1/models/${name}/versions/2/artifact/model.json`, sha256: v2.artifactSha256 },
      scorecard: { approved: true },
      deployedBy: engineer.email,
    });
    await expect(resolveDeployment(db, name, "staging")).rejects.toMatchObject({ code: "not_found", message: expect.stringContaining("staging") });

    const history = await listDeployments(db, { model: name });
    expect(history.items.map((d) => [d.version, d.fromVersion, d.action, d.reason])).toEqual([
      [2, 1, "promote", "better utility"],
      [1, null, "promote", "first release"],
    ]);
  });
});

describe("rollback", () => {
  it("goes back to an earlier approved version even after a policy change invalidated its approval", async () => {
    const v1 = await approvedVersion();
    const name = v1.model.name;
    await approvedVersion(name);
    const v3 = await privateVersion(db, engineer, name); // never approved
    await recomputeScorecard(db, v3.id, "test");
    await promote(db, engineer, { model: name, version: 2, environment: "staging", reason: "try" });

    await expect(rollback(db, engineer, { model: name, version: 3, environment: "staging", reason: "x" })).rejects.toMatchObject({ message: expect.stringContaining("never approved") });
    await expect(rollback(db, engineer, { model: name, version: 1, environment: "production", reason: "x" })).rejects.toMatchObject({ message: expect.stringContaining("nothing of") });
    await expect(rollback(db, engineer, { model: name, version: 1, environment: "staging", reason: " " })).rejects.toThrow(/reason/);

    // New evidence on v1: its approval no longer counts for promotion, but it is still a known-good target.
    await audit(db, v1.id, engineer, { auc: 0.5, tpr: 0.001, epsilonLowerBound: 0.1 });
    await recomputeScorecard(db, v1.id, "audit completed");
    expect(await suggestRollbackTarget(db, v1.modelId, 2)).toMatchObject({ version: 1, modelVersionId: v1.id });
    const back = await rollback(db, engineer, { model: name, version: 1, environment: "staging", reason: "drift on v2" });
    expect(back).toMatchObject({ action: "rollback", fromVersion: 2, reason: "drift on v2" });
    expect((await resolveDeployment(db, name, "staging")).version).toBe(1);
    await expect(rollback(db, engineer, { model: name, version: 2, environment: "staging", reason: "x" })).rejects.toMatchObject({ message: expect.stringContaining("earlier version") });
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { action: "deployment.rollback", targetId: back.id } });
    expect(entry.details).toMatchObject({ model: name, version: 1, fromVersion: 2, environment: "staging" });
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});

// Budgets against the real database: lineage both ways (issue 12 item 10), non-private use refused
// unless allowed and then recorded (item 5), runs composed by their RDP curves (item 6). No training:
// queued runs reserve their planned mechanism, which is what the checks compose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { uploadDatasetVersion } from "../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../datasets/datasets.test-support.ts";
import { createDb, Prisma } from "../db/index.ts";
import { RdpAccountant } from "../dp/index.ts";
import { ingestDatasetVersion } from "../ingest/index.ts";
import { closeQueues } from "../queue/index.ts";
import { getDatasetBudget, setDatasetBudget, setNonPrivateUse, startTrainingRun } from "./index.ts";

process.env.CANARY_QUEUE_PREFIX = "t_training_budget";
const db = createDb();
let owner: Principal;
let officer: Principal;

function csv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["ref,x,y,approved"];
  for (let i = 0; i < rows; i++) lines.push(`${tag}-${i},${((i % 2 ? 1.5 : -1.5) + ((i * 13) % 7) / 7).toFixed(3)},${(((i * 29) % 5) / 5).toFixed(2)},${i % 2}`);
  return `${lines.join("\n")}\n`;
}

async function version(parents?: string[]) {
  const dataset = await createTestDataset(db, owner, "ledger");
  const { version: v } = await uploadDatasetVersion(db, owner, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(csv(100)), parents, transformation: parents ? "filtered" : undefined });
  await ingestDatasetVersion(db, v.id);
  return { name: dataset.name, version: v.version, id: v.id };
}

/** A private run declares its preprocessing: csv() above defines these ranges and classes. */
const SCHEMA = { classes: ["0", "1"], columns: [{ name: "x", kind: "numeric" as const, min: -2, max: 3 }, { name: "y", kind: "numeric" as const, min: 0, max: 1 }] };
// 100 rows at q = 0.1 for 2 epochs: 20 steps.
const dp = (targetEpsilon: number, delta = 1e-4) => ({ model: { kind: "logistic" }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, targetEpsilon, delta });
const nonPrivate = { model: { kind: "logistic" }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, private: false };
type Ref = Awaited<ReturnType<typeof version>>;
const start = (dataset: Ref, config: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset, target: "approved", schema: SCHEMA, config, ...extra }, { enqueueJob: false });
const plan = async (dataset: Ref, config: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  (await startTrainingRun(db, owner, { model: "plan-only", dataset, target: "approved", schema: SCHEMA, config, dryRun: true, ...extra })).plan;

/** ε of these (σ, q, steps) runs composed by lib/dp/accountant's RDP accountant at δ. */
function rdpEpsilon(runs: { noiseMultiplier: number; sampleRate: number; steps: number }[], delta: number): number {
  const accountant = new RdpAccountant();
  accountant.loadStateDict({ mechanism: "rdp", history: runs });
  return accountant.getEpsilon(delta);
}

beforeAll(async () => {
  owner = await createTestPrincipal(db);
  officer = await createTestPrincipal(db, "compliance_officer");
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("a budget on a derived version", () => {
  // root → middle → leaf, and root → sibling; the budget sits on the middle.
  it("counts runs on its ancestors and its descendants alike, not on a sibling branch", async () => {
    const root = await version();
    const middle = await version([root.id]);
    const leaf = await version([middle.id]);
    const sibling = await version([root.id]);
    await setDatasetBudget(db, owner, middle.name, middle.version, { epsilon: 2.5, delta: 1e-4 });
    const onRoot = await start(root, dp(1));
    const onLeaf = await start(leaf, dp(1));
    await start(sibling, dp(1));

    const budget = await getDatasetBudget(db, middle.name, middle.version);
    expect(budget.ledger.map((row) => row.trainingRunId).sort()).toEqual([onRoot.run!.id, onLeaf.run!.id].sort());
    expect(budget.ledger.map((row) => row.trainedOn).sort()).toEqual([`${root.name} v1`, `${leaf.name} v1`].sort());
    const planned = (run: typeof onRoot) => ({ noiseMultiplier: run.plan.noiseMultiplier!, sampleRate: 0.1, steps: run.plan.steps });
    expect(budget.uses[0]!.reserved.epsilon).toBeCloseTo(rdpEpsilon([planned(onRoot), planned(onLeaf)], 1e-4), 9);

    // A run on the root is bound by the budget on its descendant: 2.5 more does not fit in 2.5.
    const overRoot = await plan(root, dp(2.5));
    expect(overRoot.budgets.map((use) => use.label)).toEqual([`${root.name} v1`, `${middle.name} v1`]);
    expect(overRoot.refusal).toMatch(new RegExp(`^over budget: the run would spend ε = 2\\.\\d\\d, but ${middle.name} v1 has ε = \\d\\.\\d\\d left of its budget ε = 2\\.50 \\(RDP composition at δ = 1\\.00e-4`));
    await expect(start(root, dp(2.5))).rejects.toMatchObject({ code: "conflict" });
    // The sibling's runs are not the middle's records: its budget leaves a sibling run alone.
    expect((await plan(sibling, dp(2.5))).refusal).toBeNull();
  });
});

describe("training without DP on budgeted data", () => {
  it("is refused until a compliance officer (never the owner) allows it, then recorded with no ε and said on the budget", async () => {
    const parent = await version();
    const child = await version([parent.id]);
    await setDatasetBudget(db, owner, parent.name, parent.version, { epsilon: 2, delta: 1e-4 });

    // Through lineage: the budget is on the parent, the runs on the child.
    const refusal = new RegExp(`^refused: ${parent.name} v1 has a privacy budget and (a non-private run|the run's non-private baseline) would use its data without DP; a compliance officer or admin \\(not the dataset's owner\\) must first allow`);
    expect((await plan(child, nonPrivate)).refusal).toMatch(refusal);
    await expect(start(child, nonPrivate)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(refusal) });
    await expect(start(child, dp(1), { baseline: true })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/the run's non-private baseline would use its data without DP/) });
    expect(await db.trainingRun.count({ where: { datasetVersionId: child.id } })).toBe(0);

    // The owner may not allow it, even as an admin; an engineer may not; a compliance officer may.
    const ownerAdmin = { ...owner, roles: [...owner.roles, "admin" as const] };
    await expect(setNonPrivateUse(db, ownerAdmin, parent.name, parent.version, { allowed: true })).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/the owner of dataset .* may not allow non-private use of its own data/) });
    await expect(setNonPrivateUse(db, await createTestPrincipal(db, "ml_engineer"), parent.name, parent.version, { allowed: true })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setNonPrivateUse(db, officer, child.name, child.version, { allowed: true })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/has no privacy budget/) });
    const allowed = await setNonPrivateUse(db, officer, parent.name, parent.version, { allowed: true, reason: "baseline for the DP comparison" });
    expect(allowed.uses[0]).toMatchObject({ allowNonPrivate: true, nonPrivateRuns: 0 });
    const logged = await db.auditLogEntry.findMany({ where: { action: "privacy_budget.non_private_use", targetId: parent.id } });
    expect(logged.map((entry) => [entry.actorId, entry.details])).toEqual([[officer.userId, expect.objectContaining({ allowed: true, previous: false, reason: "baseline for the DP comparison" })]]);

    const plain = await start(child, nonPrivate);
    const withBaseline = await start(child, dp(1), { baseline: true });
    const entries = await db.budgetLedgerEntry.findMany({ where: { trainingRunId: { in: [plain.run!.id, withBaseline.run!.id] } }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => ({ on: e.datasetVersionId, epsilon: e.epsilon, usedWithoutDp: e.usedWithoutDp, sgmRuns: e.sgmRuns }))).toEqual([
      { on: child.id, epsilon: 0, usedWithoutDp: true, sgmRuns: null },
      { on: child.id, epsilon: 0, usedWithoutDp: true, sgmRuns: [] },
    ]);
    const budget = await getDatasetBudget(db, parent.name, parent.version);
    expect(budget.uses[0]!.nonPrivateRuns).toBe(2);
    expect(budget.ledger.filter((row) => row.usedWithoutDp).map((row) => row.trainingRunId).sort()).toEqual([plain.run!.id, withBaseline.run!.id].sort());
    // The non-private run reserves no ε; the DP run reserves its own mechanism only.
    expect(budget.uses[0]!.reserved.epsilon).toBeCloseTo(rdpEpsilon([{ noiseMultiplier: withBaseline.plan.noiseMultiplier!, sampleRate: 0.1, steps: withBaseline.plan.steps }], 1e-4), 9);
  });
});

describe("runs on one budget", () => {
  it("compose by their RDP curves, converted once at the budget's δ, beside the summed figures", async () => {
    const data = await version();
    await setDatasetBudget(db, owner, data.name, data.version, { epsilon: 2.7, delta: 1e-4 });
    const first = await start(data, dp(2));
    // Basic composition would refuse it (2 + 2 > 2.7); composed, the two spend about 2.66.
    const second = await plan(data, dp(2));
    expect(second.refusal).toBeNull();
    const use = second.budgets[0]!;
    const planned = { noiseMultiplier: first.plan.noiseMultiplier!, sampleRate: 0.1, steps: first.plan.steps };
    expect(use.composition).toBe("rdp");
    expect(use.reserved.epsilon).toBeCloseTo(rdpEpsilon([planned], 1e-4), 9);
    expect(use.summed.reserved.epsilon).toBeCloseTo(first.plan.plannedEpsilon!, 9);

    const started = await start(data, dp(2));
    const both = (await getDatasetBudget(db, data.name, data.version)).uses[0]!;
    const composed = rdpEpsilon([planned, { ...planned, noiseMultiplier: started.plan.noiseMultiplier! }], 1e-4);
    expect(composed).toBeLessThan(2.7);
    expect(both.reserved.epsilon).toBeCloseTo(composed, 9);
    expect(both.remaining!.epsilon).toBeCloseTo(2.7 - composed, 9);
    expect(both.summed.reserved.epsilon).toBeCloseTo(first.plan.plannedEpsilon! + started.plan.plannedEpsilon!, 9);
    expect(both.saving).toBeCloseTo(both.summed.reserved.epsilon - composed, 9);
    expect(both.saving!).toBeGreaterThan(1);

    // What the worker records at a checkpoint (ε and the mechanism) is what is spent; the rest stays reserved.
    await db.budgetLedgerEntry.updateMany({ where: { trainingRunId: first.run!.id }, data: { epsilon: 1.5, delta: 1e-4, sgmRuns: [{ ...planned, steps: 10 }] } });
    const halfway = (await getDatasetBudget(db, data.name, data.version)).uses[0]!;
    expect(halfway.spent.epsilon).toBeCloseTo(rdpEpsilon([{ ...planned, steps: 10 }], 1e-4), 9);
    expect(halfway.spent.epsilon + halfway.reserved.epsilon).toBeCloseTo(composed, 9);
    expect(halfway.summed.spent).toEqual({ epsilon: 1.5, delta: 1e-4 });

    // A third run no longer fits: refused on the composed figure.
    expect((await plan(data, dp(1))).refusal).toMatch(/^over budget: .* \(RDP composition at δ = 1\.00e-4: with this run, the runs on its lineage would spend ε = 2\.8\d; spent \d\.\d\d, reserved by running jobs \d\.\d\d\)$/);
  });

  it("sums entries without a curve and converts the curves at the δ they leave", async () => {
    const data = await version();
    await setDatasetBudget(db, owner, data.name, data.version, { epsilon: 5, delta: 1e-4 });
    const legacy = await start(data, dp(1));
    const withCurve = await start(data, dp(1));
    const mechanism = { noiseMultiplier: withCurve.plan.noiseMultiplier!, sampleRate: 0.1, steps: 20 };
    // As the migration leaves an entry of a run that never registered a version: no curve, ε and δ as recorded.
    await db.trainingRun.updateMany({ where: { id: { in: [legacy.run!.id, withCurve.run!.id] } }, data: { status: "cancelled" } });
    await db.budgetLedgerEntry.updateMany({ where: { trainingRunId: legacy.run!.id }, data: { epsilon: 0.7, delta: 4e-5, sgmRuns: Prisma.DbNull } });
    await db.budgetLedgerEntry.updateMany({ where: { trainingRunId: withCurve.run!.id }, data: { epsilon: 1, delta: 1e-4, sgmRuns: [mechanism] } });
    const use = (await getDatasetBudget(db, data.name, data.version)).uses[0]!;
    expect(use.spent.epsilon).toBeCloseTo(0.7 + rdpEpsilon([mechanism], 6e-5), 9);
    expect(use.reserved.epsilon).toBe(0);
    expect(use.summed.spent.epsilon).toBeCloseTo(1.7, 12);
  });
});

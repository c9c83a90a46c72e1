// Budgets through lineage and reservations, the demo seed, and the registry's upload path, against
// the real database (the kill -9 resume is workers/train.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { uploadDatasetVersion } from "../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { createNetwork, disposeNetwork, epsilonAfter, mlpSpec, type PreprocessingSchema } from "../dp/index.ts";
import { ingestDatasetVersion } from "../ingest/index.ts";
import { gatherEvidence } from "../scorecard/index.ts";
import { bundleNetwork, getModel, getModelVersion, loadModelVersionArtifact, uploadModelVersion, type TrainingProgress } from "../models/index.ts";
import { closeQueues } from "../queue/index.ts";
import { getDatasetBudget, getTrainingRun, setDatasetBudget, startTrainingRun } from "./index.ts";
import { runTrainingJob } from "./run-training-job.ts";
import { seedDemoModels } from "./seed-demo-models.ts";

process.env.CANARY_QUEUE_PREFIX = "t_training_lib";
const db = createDb();
let owner: Principal;
let other: Principal;

function csv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["ref,x,y,approved"];
  for (let i = 0; i < rows; i++) lines.push(`${tag}-${i},${((i % 2 ? 1.5 : -1.5) + ((i * 13) % 7) / 7).toFixed(3)},${(((i * 29) % 5) / 5).toFixed(2)},${i % 2}`);
  return `${lines.join("\n")}\n`;
}

async function version(rows: number, parents?: string[]) {
  const dataset = await createTestDataset(db, owner, "budget");
  const { version: v } = await uploadDatasetVersion(db, owner, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(csv(rows)), parents, transformation: parents ? "filtered" : undefined });
  await ingestDatasetVersion(db, v.id);
  return { name: dataset.name, version: v.version, id: v.id };
}

const config = (targetEpsilon: number) => ({ model: { kind: "logistic" }, epochs: 2, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, targetEpsilon, delta: 1e-4 });
/** A private run declares its preprocessing: csv() above defines these ranges and classes. */
const SCHEMA: PreprocessingSchema = { classes: ["0", "1"], columns: [{ name: "x", kind: "numeric", min: -2, max: 3 }, { name: "y", kind: "numeric", min: 0, max: 1 }] };

beforeAll(async () => {
  owner = await createTestPrincipal(db);
  other = await createTestPrincipal(db);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("privacy budgets", () => {
  it("lets only the owner (or an admin) set a budget", async () => {
    const data = await version(50);
    await expect(setDatasetBudget(db, other, data.name, data.version, { epsilon: 1, delta: 1e-5 })).rejects.toThrow(/only the owner of dataset .* or an admin/);
    const set = await setDatasetBudget(db, owner, data.name, data.version, { epsilon: 1, delta: 1e-5 });
    expect(set.uses[0]).toMatchObject({ budget: { epsilon: 1, delta: 1e-5 }, spent: { epsilon: 0, delta: 0 }, remaining: { epsilon: 1, delta: 1e-5 } });
    expect(await db.auditLogEntry.count({ where: { action: "privacy_budget.set", targetId: data.id } })).toBe(1);
  });

  it("charges a run on a derived version to its ancestors' budgets, reserving the plan while it is queued", async () => {
    const parent = await version(100);
    const child = await version(100, [parent.id]);
    await setDatasetBudget(db, owner, parent.name, parent.version, { epsilon: 1.8, delta: 1e-3 });
    const first = await startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: child, target: "approved", schema: SCHEMA, config: config(2) });
    expect(first.plan.refusal).toBeNull();
    expect(first.plan.plannedEpsilon).toBeGreaterThan(1.99);
    // One entry, on the version trained on: the parent's budget finds it through lineage.
    expect((await db.budgetLedgerEntry.findMany({ where: { trainingRunId: first.run!.id } })).map((e) => e.datasetVersionId)).toEqual([child.id]);

    // The queued run has spent nothing yet but holds its plan, its mechanism's ε at the budget's δ (1e-3,
    // not the run's 1e-4): 1.8 − 1.54 leaves about 0.26.
    const parentBudget = await getDatasetBudget(db, parent.name, parent.version);
    const plannedAtBudgetDelta = epsilonAfter({ accountant: "rdp", sampleRate: 0.1, noiseMultiplier: first.plan.noiseMultiplier!, delta: 1e-3 }, first.plan.steps);
    expect(parentBudget.uses[0]!.reserved.epsilon).toBeCloseTo(plannedAtBudgetDelta, 9);
    expect(parentBudget.ledger.map((e) => e.trainedOn)).toEqual([`${child.name} v${child.version}`]);
    const plan = await startTrainingRun(db, owner, { model: "plan-only", dataset: child, target: "approved", schema: SCHEMA, config: config(1.5), dryRun: true });
    expect(plan.run).toBeNull();
    expect(plan.plan.refusal, String(plan.plan.refusal)).toMatch(
      new RegExp(`over budget: the run would spend ε = 1\\.\\d\\d, but ${parent.name} v1 has ε = 0\\.2\\d left of its budget ε = 1\\.80 \\(RDP composition at δ = 1\\.00e-3: with this run, the runs on its lineage would spend ε = 1\\.8\\d; spent 0\\.00, reserved by running jobs 1\\.54\\)$`),
    );
    await expect(startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: child, target: "approved", schema: SCHEMA, config: config(1.5) })).rejects.toMatchObject({ code: "conflict" });
    // The parent itself is bound by the same budget; a small run still fits.
    expect((await startTrainingRun(db, owner, { model: "plan-only", dataset: parent, target: "approved", schema: SCHEMA, config: config(0.9), dryRun: true })).plan.refusal).toBeNull();
  });

  it("stops a run cleanly at a budget lowered after it started, and registers what it trained", async () => {
    process.env.CANARY_TF_BACKEND = "cpu";
    const data = await version(100);
    await setDatasetBudget(db, owner, data.name, data.version, { epsilon: 5, delta: 1e-3 });
    const { run, plan } = await startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: data, target: "approved", schema: SCHEMA, config: config(2) }, { enqueueJob: false });
    await setDatasetBudget(db, owner, data.name, data.version, { epsilon: 1, delta: 1e-3 });
    const result = await runTrainingJob(db, run!.id, { progressIntervalMs: 0 });
    expect(result).toMatchObject({ status: "completed", stoppedEarly: "budget", modelVersion: 1 });
    expect(result.steps).toBeGreaterThan(0);
    expect(result.steps).toBeLessThan(plan.steps);
    const budget = await getDatasetBudget(db, data.name, data.version);
    expect(budget.ledger.map((e) => e.epsilon)).toEqual([result.epsilon]);
    expect(budget.uses[0]!.remaining!.epsilon).toBeGreaterThanOrEqual(0);
    // The budget holds on the composed figure at its δ; the ledger keeps the run's mechanism.
    expect(budget.uses[0]!.spent.epsilon).toBeLessThanOrEqual(1);
    expect(budget.ledger[0]!.sgmRuns).toEqual([{ noiseMultiplier: plan.noiseMultiplier, sampleRate: 0.1, steps: result.steps }]);
    const row = await db.trainingRun.findUniqueOrThrow({ where: { id: run!.id }, include: { modelVersion: true } });
    expect(row.modelVersion).toMatchObject({ steps: result.steps, epsilon: result.epsilon });
    expect((row.modelVersion!.config as { stoppedEarly?: string }).stoppedEarly).toBe("budget");
    // Trained with DP only: its scorecard does not say the data was used without DP.
    expect((await gatherEvidence(db, row.modelVersion!.id)).bundle.datasets!.find((d) => d.role === "train")).not.toHaveProperty("usedWithoutDp");
  });

  it("refuses a target that is not a column and a version that is not ready", async () => {
    const data = await version(50);
    await expect(startTrainingRun(db, owner, { model: "x1", dataset: data, target: "income", config: config(1) })).rejects.toThrow(/target column "income" is not a column of .* \(columns: ref, x, y, approved\)/);
    await expect(startTrainingRun(db, owner, { model: "x1", dataset: { name: data.name, version: 9 }, target: "x", config: config(1) })).rejects.toThrow(/has no version 9/);
  });
});

describe("a private run's preprocessing", () => {
  it("is refused without public data or a declared schema, with a message naming the three options", async () => {
    const data = await version(50);
    const request = { model: "plan-only", dataset: data, target: "approved", config: config(1), dryRun: true };
    await expect(startTrainingRun(db, owner, request)).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringMatching(/^refused: a private run cannot take feature ranges, means or categories from its private training rows .* \(a\) public data to fit them on \(public\); \(b\) a declared schema \(schema: .*\(c\) statistics estimated with a DP mechanism charged to the privacy budget, which Canary does not offer yet\.$/),
    });
    // Neither is needed without DP; a declared column the version lacks is refused by name.
    expect((await startTrainingRun(db, owner, { ...request, config: { ...config(1), private: false } })).plan.refusal).toBeNull();
    await expect(startTrainingRun(db, owner, { ...request, schema: { ...SCHEMA, columns: [{ name: "income", kind: "numeric", min: 0, max: 1 }] } })).rejects.toThrow(/declared column "income" is not a column of .* \(columns: ref, x, y, approved\)/);
  });

  it("stores exactly the declared schema with the model: a category seen once in the private rows is not in it", async () => {
    process.env.CANARY_TF_BACKEND = "cpu";
    const dataset = await createTestDataset(db, owner, "once");
    const rows = csv(100).trim().split("\n");
    const withCity = [`${rows[0]},city`, ...rows.slice(1).map((line, i) => `${line},${i === 41 ? "Zanzibar" : ["Lyon", "Paris"][i % 2]}`)];
    const { version: v } = await uploadDatasetVersion(db, owner, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(`${withCity.join("\n")}\n`) });
    await ingestDatasetVersion(db, v.id);
    const schema: PreprocessingSchema = { ...SCHEMA, columns: [...SCHEMA.columns, { name: "city", kind: "categorical", categories: ["Lyon", "Paris"] }] };
    const { run } = await startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: { name: dataset.name, version: 1 }, target: "approved", schema, config: config(2) }, { enqueueJob: false });
    await runTrainingJob(db, run!.id, { progressIntervalMs: 0 });
    const stored = await db.modelVersion.findFirstOrThrow({ where: { trainingRun: { id: run!.id } } });
    const { input } = stored.config as { input: { kind: string; encoding: unknown } };
    expect(input).toEqual({ kind: "tabular", encoding: { version: 1, source: "declared", target: "approved", classes: schema.classes, columns: schema.columns, dropped: [], width: 4 } });
    expect(JSON.stringify(stored.config)).not.toContain("Zanzibar");
  });
});

describe("a private run's curves", () => {
  /** A DP run with no eval set and no public set, trained to the end. */
  async function trainedWithoutHeldOutData() {
    process.env.CANARY_TF_BACKEND = "cpu";
    const data = await version(100);
    const { run } = await startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: data, target: "approved", schema: SCHEMA, config: config(2) }, { enqueueJob: false });
    await runTrainingJob(db, run!.id, { progressIntervalMs: 0 });
    return run!;
  }
  const TRAINING_ROW_FIGURES = /"(loss|batchLoss|accuracy|contamination)"/;

  it("store and publish no figure computed on private training rows unless flagged outside the guarantee", async () => {
    const run = await trainedWithoutHeldOutData();
    const stored = (await db.trainingRun.findUniqueOrThrow({ where: { id: run.id } })).progress as unknown as TrainingProgress;
    // Nothing is measured on held-out rows here, so the curves carry ε alone.
    expect(stored.curve.length).toBeGreaterThan(0);
    for (const point of stored.curve) expect(Object.keys(point).sort()).toEqual(["epsilon", "step"]);
    const { outsideGuarantee, ...published } = stored;
    expect(JSON.stringify(published)).not.toMatch(TRAINING_ROW_FIGURES);
    expect(stored.evaluatedOn).toBeNull();
    expect(outsideGuarantee).toMatchObject({ label: "outside the guarantee" });
    expect(outsideGuarantee!.batchLoss.length).toBeGreaterThan(0);
    // Nor does the registered version carry metrics measured on the training rows.
    expect((await db.modelVersion.findFirstOrThrow({ where: { trainingRun: { id: run.id } } })).metrics).toEqual({});
  });

  it("give an ml_engineer who does not own the dataset no training-row figure; the owner and a compliance officer see them, labelled", async () => {
    const run = await trainedWithoutHeldOutData();
    const engineer = await createTestPrincipal(db, "ml_engineer");
    const seen = await getTrainingRun(db, run.id, engineer);
    expect(JSON.stringify(seen.progress)).not.toMatch(TRAINING_ROW_FIGURES);
    expect(seen.progress).not.toHaveProperty("outsideGuarantee");
    expect(JSON.stringify((await getModel(db, seen.model, engineer)).runs[0]!.progress)).not.toMatch(TRAINING_ROW_FIGURES);
    const officer = await createTestPrincipal(db, "compliance_officer");
    for (const viewer of [owner, officer]) {
      expect((await getTrainingRun(db, run.id, viewer)).progress.outsideGuarantee).toMatchObject({ label: "outside the guarantee", batchLoss: expect.arrayContaining([expect.objectContaining({ step: 1 })]) });
    }
  });

  it("give a version's eval/train overlap, measured on the private rows, only to the data's owner and pii.unmasked roles", async () => {
    process.env.CANARY_TF_BACKEND = "cpu";
    const model = `m-${uniqueSuffix()}`;
    const { run } = await startTrainingRun(db, owner, { model, dataset: await version(100), eval: await version(60), target: "approved", schema: SCHEMA, config: config(1) }, { enqueueJob: false });
    const result = await runTrainingJob(db, run!.id, { progressIntervalMs: 0 });
    const engineer = await createTestPrincipal(db, "ml_engineer");
    expect((await getModelVersion(db, model, result.modelVersion!, engineer)).config).not.toHaveProperty("contaminationRate");
    const officer = await createTestPrincipal(db, "compliance_officer");
    for (const viewer of [owner, officer]) {
      expect((await getModelVersion(db, model, result.modelVersion!, viewer)).config.contaminationRate).toEqual(expect.any(Number));
    }
  });

  it("measure loss and accuracy on the evaluation set at each epoch's end", async () => {
    process.env.CANARY_TF_BACKEND = "cpu";
    const data = await version(100);
    const holdout = await version(60);
    const { run } = await startTrainingRun(db, owner, { model: `m-${uniqueSuffix()}`, dataset: data, eval: holdout, target: "approved", schema: SCHEMA, config: config(2) }, { enqueueJob: false });
    const result = await runTrainingJob(db, run!.id, { progressIntervalMs: 0 });
    const stored = (await db.trainingRun.findUniqueOrThrow({ where: { id: run!.id } })).progress as unknown as TrainingProgress;
    expect(stored.evaluatedOn).toBe("eval");
    // 100 rows at q = 0.1: 10 steps an epoch, 2 epochs.
    expect(stored.curve.filter((p) => p.accuracy !== undefined).map((p) => p.step)).toEqual([10, 20]);
    // The last point is the registered version's metrics, which are measured on the whole holdout.
    const registered = await db.modelVersion.findFirstOrThrow({ where: { trainingRun: { id: run!.id } } });
    expect(result.modelVersion).toBe(registered.version);
    expect(stored.curve.at(-1)).toMatchObject(registered.metrics as object);
  });
});

describe("seedDemoModels", () => {
  it("trains the DP model with baseline metrics and the non-private model, once", async () => {
    const train = await version(200);
    const holdout = await version(100);
    const lines: string[] = [];
    const options = { principal: owner, dataset: train, eval: holdout, schema: SCHEMA, log: (line: string) => lines.push(line) };
    // Names are fixed: run where no other test made them.
    await db.modelVersion.deleteMany({ where: { model: { name: { in: ["credit-dp", "credit-baseline"] } } } });
    const officer = await createTestPrincipal(db, "compliance_officer");
    expect(await seedDemoModels(db, { ...options, complianceOfficer: officer })).toEqual(["credit-dp", "credit-baseline"]);
    expect(await seedDemoModels(db, { ...options, complianceOfficer: officer })).toEqual([]);
    const dp = await getModel(db, "credit-dp", owner);
    const [v] = dp.versions;
    expect(v!.guarantee).toMatchObject({ status: "formal", source: "accountant", accountant: "rdp" });
    expect(v!.guarantee.scope).toMatch(/^\(ε = \d\.\d\d, δ = 1e-5\), computed by Canary's RDP accountant over the training run it executed, covers the trained weights/);
    expect(v!.guarantee.epsilon).toBeGreaterThan(2.98);
    expect(v!.guarantee.epsilon).toBeLessThanOrEqual(3);
    expect(v!.baselineMetrics?.accuracy).toBeGreaterThan(0.8);
    expect(v!.datasets.eval).toEqual({ name: holdout.name, version: 1 });
    expect((await getModel(db, "credit-baseline", owner)).versions[0]!.guarantee.status).toBe("none");
    // credit-dp's mechanism at the budget's δ (1e-4): the baseline and the non-private model spend no ε.
    const budget = await getDatasetBudget(db, train.name, 1);
    const { noiseMultiplier, sampleRate, steps } = v!.guarantee;
    expect(budget.uses[0]!.remaining!.epsilon).toBeCloseTo(8 - epsilonAfter({ accountant: "rdp", noiseMultiplier: noiseMultiplier!, sampleRate: sampleRate!, delta: 1e-4 }, steps!), 9);
    // The switch was set once, by the compliance officer; both runs used the data without DP, and both scorecards say so.
    expect(budget.uses[0]).toMatchObject({ allowNonPrivate: true, nonPrivateRuns: 2 });
    expect(await db.auditLogEntry.count({ where: { action: "privacy_budget.non_private_use", targetId: train.id, actorId: officer.userId } })).toBe(1);
    for (const name of ["credit-dp", "credit-baseline"]) {
      const { id } = await db.modelVersion.findFirstOrThrow({ where: { model: { name } }, select: { id: true } });
      expect((await gatherEvidence(db, id)).bundle.datasets!.find((d) => d.role === "train")).toMatchObject({ usedWithoutDp: true });
    }
    expect(lines.join("\n")).toContain("seed: trained credit-dp v1");
  });
});

describe("uploadModelVersion", () => {
  it("registers an external model with a declared, unverified guarantee and numbers versions", async () => {
    const network = createNetwork(mlpSpec(3, [2], 2), 3);
    const bundle = await bundleNetwork(network);
    disposeNetwork(network);
    const name = `ext-${uniqueSuffix()}`;
    const first = await uploadModelVersion(db, owner, name, bundle, { declaredGuarantee: { epsilon: 4, delta: 1e-5, accountant: "opacus-rdp" } });
    expect(first).toMatchObject({ version: 1, source: "uploaded", guarantee: { status: "declared", source: "declared", epsilon: 4, delta: 1e-5, accountant: "opacus-rdp", steps: null } });
    expect(first.guarantee.scope).toBe("(ε = 4.00, δ = 1e-5) is declared by the uploader and not verified by Canary, so no policy counts it as a guarantee.");
    const second = await uploadModelVersion(db, owner, name, bundle);
    expect(second).toMatchObject({ version: 2, guarantee: { status: "none", source: null, epsilon: null } });
    // Identical content, one blob.
    expect(second.artifact.sha256).toBe(first.artifact.sha256);
    const loaded = await loadModelVersionArtifact(db, second.id);
    expect(loaded).toMatchObject({ input: null, networkSpec: null, trainConfig: null, target: null });
    loaded.model.dispose();
    await expect(uploadModelVersion(db, owner, name, { ...bundle, weightData: "" })).rejects.toThrow(/the weights are missing/);
  });
});

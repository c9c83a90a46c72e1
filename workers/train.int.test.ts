// The train worker as it runs in production: a separate process on the real queue. A worker killed
// (SIGKILL) after at least one checkpoint leaves the run to a second worker, which resumes from the
// checkpoint: the run ends with every planned step, the ε of a run never interrupted, exactly one
// ledger entry with that ε, and the budget's remainder right. Also: the budget refuses a run that
// would overspend it, and cancelling a running job cancels the run.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../lib/auth/index.ts";
import { uploadDatasetVersion } from "../lib/datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../lib/datasets/datasets.test-support.ts";
import { createDb } from "../lib/db/index.ts";
import { epsilonAfter } from "../lib/dp/index.ts";
import { ingestDatasetVersion } from "../lib/ingest/index.ts";
import { loadModelVersionArtifact } from "../lib/models/index.ts";
import { cancelJob, closeQueues } from "../lib/queue/index.ts";
import { cancelTrainingRunSubject, getDatasetBudget, setDatasetBudget, setNonPrivateUse, startTrainingRun } from "../lib/training/index.ts";
import { readCheckpoint } from "../lib/training/worker.ts";
import { startWorkerProcess, waitFor, workerProcesses } from "./worker-process.test-support.ts";

const QUEUE_PREFIX = "t_train_worker";
process.env.CANARY_QUEUE_PREFIX = QUEUE_PREFIX;
const db = createDb();
let principal: Principal;
const env = (extra: Record<string, string> = {}) => ({ CANARY_QUEUE_PREFIX: QUEUE_PREFIX, CANARY_WORKERS: "train", CANARY_TF_BACKEND: "cpu", ...extra });

/** Two separable classes: a tiny tabular set the MLP learns in a few steps. */
function csv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["ref,x,y,label"];
  for (let i = 0; i < rows; i++) {
    const positive = i % 2 === 1;
    lines.push(`${tag}-${i},${((positive ? 1.5 : -1.5) + ((i * 13) % 7) / 7).toFixed(3)},${(((i * 29) % 5) / 5).toFixed(2)},${positive ? "p" : "n"}`);
  }
  return `${lines.join("\n")}\n`;
}

async function readyVersion(rows: number) {
  const dataset = await createTestDataset(db, principal, "train");
  const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(csv(rows)) });
  await ingestDatasetVersion(db, version.id);
  return { name: dataset.name, version: version.version, id: version.id };
}

// 200 rows at q = 0.1: 10 steps an epoch, 40 steps in all.
const CONFIG = { model: { kind: "mlp", hidden: [4] }, epochs: 4, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, noiseMultiplier: 1.1, delta: 1e-4 };
/** A private run declares its preprocessing (csv() above defines these ranges and classes). */
const SCHEMA = { classes: ["n", "p"], columns: [{ name: "x", kind: "numeric", min: -2, max: 3 }, { name: "y", kind: "numeric", min: 0, max: 1 }] };

const runRow = (id: string) => db.trainingRun.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  principal = await createTestPrincipal(db);
});

afterEach(() => {
  for (const child of workerProcesses) child.kill("SIGKILL");
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("train worker process", () => {
  it("resumes a run after kill -9 with no ε counted twice and none lost", async () => {
    const data = await readyVersion(200);
    await setDatasetBudget(db, principal, data.name, data.version, { epsilon: 10, delta: 1e-3 });
    // The run also trains its non-private baseline on the budgeted data: a compliance officer allows it.
    await setNonPrivateUse(db, await createTestPrincipal(db, "compliance_officer"), data.name, data.version, { allowed: true });
    const first = await startWorkerProcess(env({ CANARY_STALLED_INTERVAL_MS: "1000", CANARY_TRAIN_STEP_DELAY_MS: "60" }));
    const model = `m-${uniqueSuffix()}`;
    // Metrics are measured on held-out rows only: an evaluation set.
    const holdout = await readyVersion(60);
    const { run, job, plan } = await startTrainingRun(db, principal, { model, dataset: data, eval: holdout, target: "label", schema: SCHEMA, config: CONFIG, baseline: true });
    expect(plan.steps).toBe(40);

    // Killed mid-epoch after at least one checkpoint.
    const atKill = await waitFor("a checkpoint and a few more steps", () => runRow(run!.id), (r) => r.checkpointKey !== null && (r.progress as { step: number }).step >= 13);
    process.kill(first.pid, "SIGKILL");
    await first.exited;
    const checkpointed = await runRow(run!.id);
    const samplingKey = (await readCheckpoint(checkpointed.checkpointKey!)).checkpoint.samplingKey!;
    const ledgerAtKill = await db.budgetLedgerEntry.findMany({ where: { trainingRunId: run!.id } });
    expect(ledgerAtKill).toHaveLength(1);
    // The ledger holds the ε of the checkpoint, not of the steps done after it.
    expect(ledgerAtKill[0]!.epsilon).toBe(checkpointed.epsilonSpent);
    expect(checkpointed.epsilonSpent).toBeCloseTo(epsilonAfter({ ...CONFIG, accountant: "rdp" }, 10 * Math.floor((atKill.progress as { step: number }).step / 10)), 12);

    const second = await startWorkerProcess(env({ CANARY_STALLED_INTERVAL_MS: "1000" }));
    const done = await waitFor("the run to finish", () => runRow(run!.id), (r) => r.status === "completed" || r.status === "failed", 60_000);
    expect(done.error).toBeNull();
    expect(done.status).toBe("completed");
    const uninterrupted = epsilonAfter({ ...CONFIG, accountant: "rdp" }, 40);
    expect(done.epsilonSpent).toBeCloseTo(uninterrupted, 12);
    expect((done.progress as { step: number }).step).toBe(40);
    expect(second.lines.join("\n")).toContain('"job stalled; returned to the queue"');
    expect((await db.job.findUniqueOrThrow({ where: { id: job!.id } })).attempts).toBe(2);
    // The resumed run kept its secret sampling key (so it replayed its batches), and the key reached
    // neither worker's log nor the job.
    expect((await readCheckpoint(done.checkpointKey!)).checkpoint.samplingKey).toBe(samplingKey);
    for (const place of [first.lines.join("\n"), second.lines.join("\n"), JSON.stringify(await db.job.findUniqueOrThrow({ where: { id: job!.id } }))]) {
      expect(place.includes(samplingKey) || place.includes(Buffer.from(samplingKey, "base64").toString("hex"))).toBe(false);
    }

    const ledger = await db.budgetLedgerEntry.findMany({ where: { trainingRunId: run!.id } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.epsilon).toBeCloseTo(uninterrupted, 12);
    expect(ledger[0]!.delta).toBe(1e-4);
    expect(ledger[0]!.sgmRuns).toEqual([{ noiseMultiplier: 1.1, sampleRate: 0.1, steps: 40 }]);
    expect(ledger[0]!.usedWithoutDp).toBe(true);
    // The budget charges the run's mechanism at its own δ (1e-3), composed once: less than the run's ε at 1e-4.
    const budget = await getDatasetBudget(db, data.name, data.version);
    const atBudgetDelta = epsilonAfter({ ...CONFIG, delta: 1e-3, accountant: "rdp" }, 40);
    expect(atBudgetDelta).toBeLessThan(uninterrupted);
    expect(budget.uses[0]!.remaining!.epsilon).toBeCloseTo(10 - atBudgetDelta, 12);
    expect(budget.uses[0]!.reserved.epsilon).toBe(0);

    const version = await db.modelVersion.findUniqueOrThrow({ where: { id: done.modelVersionId! } });
    expect(version).toMatchObject({ source: "trained", steps: 40, noiseMultiplier: 1.1, sampleRate: 0.1, delta: 1e-4, accountant: "rdp", backend: "cpu" });
    expect(version.epsilon).toBeCloseTo(uninterrupted, 12);
    expect((version.metrics as { accuracy: number }).accuracy).toBeGreaterThan(0.6);
    expect((version.baselineMetrics as { accuracy: number }).accuracy).toBeGreaterThan(0.8);
    const artifact = await loadModelVersionArtifact(db, version.id);
    expect(artifact).toMatchObject({ target: "label", networkSpec: { inputShape: [2], numClasses: 2 } });
    expect(artifact.input?.kind).toBe("tabular");
    artifact.model.dispose();
    expect(await db.auditLogEntry.count({ where: { action: "training_run.complete", targetId: run!.id } })).toBe(1);

    // ε = 12 composed with the first run exceeds the budget's 10: refused before it starts.
    const over = { model, dataset: data, target: "label", schema: SCHEMA, config: { ...CONFIG, noiseMultiplier: undefined, targetEpsilon: 12 } };
    await expect(startTrainingRun(db, principal, over)).rejects.toThrow(/over budget: the run would spend ε = .* but .* has ε = .* left of its budget ε = 10\.00 \(RDP composition at δ = 1\.00e-3: with this run, the runs on its lineage would spend ε = 10\.3\d/);
  });

  it("cancels a running run; the ledger keeps the ε of its last checkpoint", async () => {
    const data = await readyVersion(200);
    await startWorkerProcess(env({ CANARY_TRAIN_STEP_DELAY_MS: "60" }));
    const { run, job } = await startTrainingRun(db, principal, { model: `m-${uniqueSuffix()}`, dataset: data, target: "label", schema: SCHEMA, config: { ...CONFIG, epochs: 20 } });
    await waitFor("a checkpoint", () => runRow(run!.id), (r) => r.checkpointKey !== null);
    await cancelJob(db, job!.id, { actor: { id: principal.userId, label: principal.label }, subjects: { training_run: cancelTrainingRunSubject } });
    const done = await waitFor("the run to stop", () => db.job.findUniqueOrThrow({ where: { id: job!.id } }), (j) => j.finishedAt !== null && j.status === "cancelled");
    expect(done.status).toBe("cancelled");
    await waitFor("the worker to let go", () => runRow(run!.id), (r) => (r.progress as { stoppedEarly?: string }).stoppedEarly === "cancelled");
    const stopped = await runRow(run!.id);
    expect(stopped.status).toBe("cancelled");
    expect(stopped.modelVersionId).toBeNull();
    const ledger = await db.budgetLedgerEntry.findMany({ where: { trainingRunId: run!.id } });
    expect(ledger.map((e) => e.epsilon)).toEqual([stopped.epsilonSpent]);
    expect(stopped.epsilonSpent).toBeGreaterThan(0);
  });
});

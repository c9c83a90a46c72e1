// The audit worker on the real queue (in this process, with the model loader injected: the test
// builds its own tiny tabular model): a loss-threshold audit with its ε lower bound runs and stores
// immutable results, a LiRA audit trains its shadow models with progress, a scores-only upload is
// audited, and an audit of a version with no evaluation data fails with a clear message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelAuditSubject, membershipMetrics, MembershipScores, readMembershipEvidence, startAudit, startScoresAudit } from "../lib/audit/index.ts";
import { networkClassifier, runAudit, type AuditTarget, type LoadAuditTarget } from "../lib/audit/worker.ts";
import type { Principal } from "../lib/auth/index.ts";
import { uploadDatasetVersion } from "../lib/datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../lib/datasets/datasets.test-support.ts";
import { createDb } from "../lib/db/index.ts";
import { disposeNetwork, encodeRows, epsilonAfter, fitFeatureEncoding, mlpSpec, tf, totalSteps, train, trainConfigSchema, type Network, type TabularRow } from "../lib/dp/index.ts";
import { ingestDatasetVersion } from "../lib/ingest/index.ts";
import { cancelJob, closeQueueObject, closeQueues, type AnyWorker } from "../lib/queue/index.ts";
import { bundleNetwork, registerModelVersion } from "../lib/models/index.ts";
import { loadStoredTarget, startAuditWorker } from "./audit.ts";
import { waitFor } from "./worker-process.test-support.ts";

process.env.CANARY_QUEUE_PREFIX = "t_audit_worker";
const db = createDb();
let principal: Principal;
let worker: AnyWorker;
let network: Network;
const targets = new Map<string, Omit<AuditTarget, "dispose">>();
/** Fixture targets by version id; any other version loads its stored artifact, as in production. */
const loadTarget: LoadAuditTarget = async (database, id) => {
  const fixture = targets.get(id);
  return fixture ? { ...fixture, dispose: () => {} } : loadStoredTarget(database, id);
};

/** Noisy rows (label mostly from x1, 30% flipped): a small MLP overfits them, so members leak. */
function csv(rows: number, seed: number): string {
  const lines = ["x1,x2,x3,colour,label"];
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < rows; i++) {
    const x1 = random() * 2 - 1;
    const flip = random() < 0.3;
    lines.push(`${x1.toFixed(4)},${random().toFixed(4)},${random().toFixed(4)},${["red", "green", "blue"][i % 3]},${(x1 > 0) !== flip ? "yes" : "no"}`);
  }
  return `${lines.join("\n")}\n`;
}

async function readyVersion(text: string) {
  const dataset = await createTestDataset(db, principal, "audit");
  const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(text) });
  await ingestDatasetVersion(db, version.id);
  return version;
}

function rowsOf(text: string): TabularRow[] {
  const [header, ...lines] = text.trim().split("\n");
  const names = header!.split(",");
  return lines.map((line, i) => ({ line: i + 2, fields: Object.fromEntries(line.split(",").map((v, k) => [names[k]!, v])) }));
}

async function modelVersionRow(options: { trainDatasetVersionId: string; evalDatasetVersionId: string | null; epsilon: number | null; delta?: number }) {
  const model = await db.model.create({ data: { name: `audit-model-${uniqueSuffix()}`, ownerId: principal.userId } });
  return db.modelVersion.create({
    data: {
      modelId: model.id,
      version: 1,
      source: "trained",
      artifactKey: `test-${uniqueSuffix()}`,
      artifactSha256: `test-${uniqueSuffix()}`,
      epsilon: options.epsilon,
      delta: options.epsilon === null ? null : (options.delta ?? 1e-5),
      trainDatasetVersionId: options.trainDatasetVersionId,
      evalDatasetVersionId: options.evalDatasetVersionId,
      createdById: principal.userId,
    },
  });
}

const auditRow = (id: string) => db.leakageAudit.findUniqueOrThrow({ where: { id } });
const finished = (id: string, timeoutMs = 60_000) => waitFor(`audit ${id} to finish`, () => auditRow(id), (a) => a.status !== "queued" && a.status !== "active", timeoutMs);

let trainVersionId: string;
let evalVersionId: string;
const trainText = csv(80, 7);
const evalText = csv(80, 8);
const spec = mlpSpec(6, [32], 2);
const trainConfig = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [32] }, epochs: 60, learningRate: 0.5, sampleRate: 0.25, clipNorm: 1, delta: 1e-5, private: false, seed: 1 });

beforeAll(async () => {
  await tf.setBackend("cpu");
  principal = await createTestPrincipal(db);
  trainVersionId = (await readyVersion(trainText)).id;
  evalVersionId = (await readyVersion(evalText)).id;
  const encoding = fitFeatureEncoding(rowsOf(trainText), { target: "label" });
  expect(encoding.width).toBe(6);
  network = (await train({ spec, config: trainConfig, data: encodeRows(rowsOf(trainText), encoding) })).network;
  const target = { classifier: networkClassifier(network), input: { kind: "tabular" as const, encoding }, networkSpec: spec, trainConfig };
  for (const [epsilon, evalId] of [[0.1, evalVersionId], [null, null]] as const) {
    const mv = await modelVersionRow({ trainDatasetVersionId: trainVersionId, evalDatasetVersionId: evalId, epsilon });
    targets.set(mv.id, target);
    ids.push(mv.id);
  }
  worker = startAuditWorker({ db, loadTarget });
  await worker.waitUntilReady();
}, 60_000);

const ids: string[] = [];

afterAll(async () => {
  await closeQueueObject(worker);
  disposeNetwork(network);
  await closeQueues();
  await db.$disconnect();
});

describe("audit worker", () => {
  it("runs a loss-threshold audit through the queue and stores its figures and ε lower bound once", async () => {
    const started = await startAudit(db, principal, { modelVersionId: ids[0]!, kind: "membership_inference", config: {} });
    expect(started.job.queue).toBe("audit");
    expect(started.estimate).toMatchObject({ trainings: 0, basis: "no_training" });
    expect(started.audit.config).toMatchObject({ attack: "loss_threshold", maxExamples: 1000, delta: 1e-5 });
    const row = await finished(started.id);
    expect(row.status).toBe("completed");
    const evidence = readMembershipEvidence(row.results)!;
    // The overfit MLP leaks: members' losses sit below non-members'.
    expect(evidence.auc).toBeGreaterThan(0.6);
    expect(evidence.epsilonLowerBound).toBeGreaterThanOrEqual(0);
    expect(evidence.claimedEpsilon).toBe(0.1);
    // The members are the fixed training set, not chosen at random: its bounds are evidence, never a verdict.
    const results = row.results as { members: number; nonMembers: number; roc: { fpr: number[] }; datasets: { members: string }; timing: { trainings: number }; certified: { epsilonLowerBound: number; test: { members: number } } };
    expect(evidence.verdict).toBe(results.certified.epsilonLowerBound > 0.1 ? "evidence_only" : "consistent");
    expect(evidence.certified).toBeNull();
    expect(results.certified.test.members).toBe(40);
    expect(results).toMatchObject({ members: 80, nonMembers: 80, timing: { trainings: 0 } });
    expect(results.roc.fpr[0]).toBe(0);
    expect(results.datasets.members).toMatch(/^audit-.* v1$/);
    // The Job row follows once the handler has returned.
    const job = await waitFor("the job to complete", () => db.job.findUniqueOrThrow({ where: { id: started.job.id } }), (j) => j.status === "completed");
    expect(job.progress).toBe(100);
    const log = await db.auditLogEntry.findMany({ where: { targetType: "leakage_audit", targetId: started.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((entry) => entry.action)).toEqual(["audit.start", "audit.complete"]);
  });

  // Issue 12 item 10: the audit tests the claim at the claim's δ, not a fixed 1e-5.
  it("audits at the claim's δ, and refuses a config naming another", async () => {
    const version = await modelVersionRow({ trainDatasetVersionId: trainVersionId, evalDatasetVersionId: evalVersionId, epsilon: 2, delta: 1e-7 });
    targets.set(version.id, targets.get(ids[0]!)!);
    const started = await startAudit(db, principal, { modelVersionId: version.id, kind: "membership_inference", config: {} });
    expect(started.audit.config).toMatchObject({ delta: 1e-7 });
    const row = await finished(started.id);
    expect(row.results).toMatchObject({ delta: 1e-7, certified: { delta: 1e-7 } });
    await expect(startAudit(db, principal, { modelVersionId: version.id, kind: "membership_inference", config: { delta: 1e-5 } })).rejects.toThrow(/config\.delta: this version claims its ε at δ = 1e-7/);
  });

  // Issue 12 item 8: the one-run audit retrains the recipe with canaries; its verdict tests that
  // retraining's own ε at the audit's δ after the steps it ran, not the stored version's claim.
  it("runs a one-run audit whose verdict tests the retraining's own ε at the claim's δ", async () => {
    const version = await modelVersionRow({ trainDatasetVersionId: trainVersionId, evalDatasetVersionId: evalVersionId, epsilon: 0.01, delta: 1e-6 });
    const recipe = trainConfigSchema.parse({ ...trainConfig, epochs: 5, private: true, noiseMultiplier: 0.8, delta: 1e-6 });
    targets.set(version.id, { ...targets.get(ids[0]!)!, trainConfig: recipe });
    const started = await startAudit(db, principal, { modelVersionId: version.id, kind: "one_run_epsilon", config: { canaries: 40, kPlus: 4 } });
    const row = await finished(started.id, 120_000);
    expect(row.error).toBeNull();
    const results = row.results as { epsilonLowerBound: number; runEpsilon: number; claimedEpsilon: number; delta: number; verdict: string; oneRun: { steps: number; canaries: number } };
    const steps = totalSteps(recipe);
    expect(results).toMatchObject({ delta: 1e-6, claimedEpsilon: 0.01, oneRun: { steps, canaries: 40 } });
    expect(results.runEpsilon).toBeCloseTo(epsilonAfter({ ...recipe, noiseMultiplier: 0.8 }, steps), 9);
    expect(results.verdict).toBe(results.epsilonLowerBound > results.runEpsilon ? "violated" : "consistent");
    // The canary model's figures are not the stored model's: only the certified bound reaches the scorecard.
    expect(readMembershipEvidence(row.results)).toMatchObject({ auc: null, epsilonLowerBound: null, certified: { epsilonLowerBound: results.epsilonLowerBound, runEpsilon: results.runEpsilon } });
  }, 150_000);

  it("trains LiRA's shadow models with progress and clears its checkpoint when done", async () => {
    const started = await startAudit(db, principal, { modelVersionId: ids[0]!, kind: "lira", config: { shadowModels: 4, maxExamples: 40 } });
    expect(started.estimate).toMatchObject({ trainings: 4, examplesPerTraining: 40 });
    const messages = new Set<string>();
    const row = await waitFor(
      "LiRA to finish",
      async () => {
        const job = await db.job.findUniqueOrThrow({ where: { id: started.job.id } });
        messages.add(job.progressMessage);
        return auditRow(started.id);
      },
      (a) => a.status !== "queued" && a.status !== "active",
      120_000,
    );
    expect(row.status).toBe("completed");
    expect(row.checkpoint).toBeNull();
    expect([...messages].some((m) => /^shadow model [1-4] of 4$/.test(m))).toBe(true);
    expect(row.results).toMatchObject({ kind: "lira", shadowModels: 4, members: 40, nonMembers: 40, timing: { trainings: 4 } });
  }, 150_000);

  it("resumes a LiRA audit from its checkpoint without retraining the shadow models already done", async () => {
    // As a worker killed after shadow 2 of 4 leaves it: active, with two shadows' observations saved.
    const config = { shadowModels: 4, maxExamples: 40, seed: 1, delta: 1e-5, variant: "online" };
    const saved = Array.from({ length: 2 }, (_, i) => Array.from({ length: 80 }, (_, j) => Math.sin(i + j)));
    const row = await db.leakageAudit.create({
      data: { modelVersionId: ids[0]!, kind: "lira", status: "active", config, checkpoint: { lira: { seed: 1, count: 80, shadows: 4, observations: saved } }, createdById: principal.userId },
    });
    const messages: string[] = [];
    const result = await runAudit(db, row.id, { loadTarget, onProgress: (_percent, message) => void messages.push(message) });
    expect(result.status).toBe("completed");
    expect(messages.filter((m) => m.startsWith("shadow model"))).toEqual(["shadow model 3 of 4", "shadow model 4 of 4"]);
    expect((await auditRow(row.id)).results).toMatchObject({ kind: "lira", shadowModels: 4 });
    // A completed audit is left as it is: running it again changes nothing.
    const before = await auditRow(row.id);
    await runAudit(db, row.id, { loadTarget });
    expect(await auditRow(row.id)).toEqual(before);
  });

  it("audits a version registered in the model registry from its stored artifact", async () => {
    const encoding = targets.get(ids[0]!)!.input!;
    const registered = await registerModelVersion(db, principal, {
      modelName: `audit-registered-${uniqueSuffix()}`,
      source: "trained",
      bundle: await bundleNetwork(network),
      config: { input: encoding, networkSpec: spec, target: "label", train: trainConfig },
      trainDatasetVersionId: trainVersionId,
      evalDatasetVersionId: evalVersionId,
    });
    const started = await startAudit(db, principal, { modelVersionId: registered.id, kind: "membership_inference", config: {} });
    const row = await finished(started.id);
    expect(row.error).toBeNull();
    // The stored Layers model gives the same logits as the network it was made from: the same AUC.
    const fixtureAudit = await db.leakageAudit.findFirstOrThrow({ where: { modelVersionId: ids[0]!, kind: "membership_inference", status: "completed" } });
    expect(readMembershipEvidence(row.results)!.auc).toBeCloseTo(readMembershipEvidence(fixtureAudit.results)!.auc!, 6);
    expect(readMembershipEvidence(row.results)!.verdict).toBe("no_claim");
  });

  it("stops a running LiRA audit between shadow models when it is cancelled", async () => {
    const started = await startAudit(db, principal, { modelVersionId: ids[0]!, kind: "lira", config: { shadowModels: 64, maxExamples: 80 } });
    await waitFor("the first shadow model", () => db.job.findUniqueOrThrow({ where: { id: started.job.id } }), (job) => /^shadow model ([2-9]|\d\d) of 64$/.test(job.progressMessage), 60_000);
    await cancelJob(db, started.job.id, { actor: { id: principal.userId, label: principal.label }, subjects: { leakage_audit: cancelAuditSubject } });
    const row = await finished(started.id);
    expect(row.status).toBe("cancelled");
    expect(row.results).toBeNull();
    // The worker stops: the job does not complete afterwards.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await db.job.findUniqueOrThrow({ where: { id: started.job.id } })).status).toBe("cancelled");
    expect((await auditRow(started.id)).status).toBe("cancelled");
  }, 90_000);

  it("audits an uploaded scores file exactly as the metrics library computes it", async () => {
    const members = [0.9, 0.8, 0.8, 0.4, 0.95];
    const nonMembers = [0.1, 0.8, 0.3, 0.2];
    const started = await startScoresAudit(db, principal, { subject: "external-model", claimedEpsilon: 0.5 }, JSON.stringify({ members, nonMembers }));
    expect(started.audit).toMatchObject({ model: null, subject: "external-model", kind: "scores_only" });
    expect(started.audit.config).not.toHaveProperty("scoresKey");
    const row = await finished(started.id);
    const expected = membershipMetrics(new MembershipScores({ members, nonMembers }), { bootstrap: false });
    expect(row.results).toMatchObject({ kind: "scores_only", auc: expected.auc, advantage: expected.advantage, epsilonLowerBound: expected.epsilonLowerBound, claimedEpsilon: 0.5 });
    await expect(startScoresAudit(db, principal, { subject: "x" }, '{"members": [1, "a"], "nonMembers": [0]}')).rejects.toThrow(/scores.json members.1/);
    await expect(startScoresAudit(db, principal, { subject: "x" }, "not json")).rejects.toThrow(/not valid JSON/);
  });

  it("fails an audit of a version without evaluation data with a clear message, and refuses bad config at the start", async () => {
    const started = await startAudit(db, principal, { modelVersionId: ids[1]!, kind: "membership_inference", config: {} });
    const row = await finished(started.id);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/does not name an evaluation dataset version/);
    const job = await waitFor("the job to fail", () => db.job.findUniqueOrThrow({ where: { id: started.job.id } }), (j) => j.status === "failed");
    expect(job.attempts).toBe(1);
    await expect(startAudit(db, principal, { modelVersionId: ids[0]!, kind: "lira", config: { shadowModels: 1 } })).rejects.toThrow(/config.shadowModels/);
    await expect(startAudit(db, principal, { modelVersionId: "nope", kind: "lira", config: {} })).rejects.toThrow(/no such model version/);
  });
});

// What the `train` worker does with one TrainingRun: load the stored versions, check contamination,
// resume from the last checkpoint, train with DP-SGD writing live progress, checkpoint every epoch
// (weights + accountant state + step + curves in ONE blob, then ONE transaction that points the run
// at it and upserts the run's ledger entry to the accountant's ε and mechanism), stop at the budget or on
// cancellation, then register the model version. The batch sampler is keyed by (the run's secret
// sampling key, step), and the key is kept in the checkpoint only (never in the run's config, the
// job, the model or the progress), so the checkpoint holds the sampler's whole state for a resume;
// the Gaussian noise comes fresh from the OS.
//
// Why ε is never counted twice nor lost: the ledger holds exactly one entry per run, set (not
// added) to the ε and (σ, q, steps) of the checkpoint the run would resume from. Steps after the last
// checkpoint that a kill -9 throws away released nothing (their weights were never stored) and are
// redone from the checkpoint, where the restored accountant counts them once.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db, Prisma, Tx } from "../db/index.ts";
import { createAccountant, createNetwork, disposeNetwork, evaluate, fitNetwork, loadTabularData, measureHeldOut, restoreParameters, specForModel, type AccountantHistoryEntry, type NetworkSpec, type PreparedData, type StepProgress, type TrainConfig, type TrainingCheckpoint } from "../dp/index.ts";
import { selectBackend } from "../dp/worker.ts";
import { AppError } from "../errors/index.ts";
import { appendAuditLog } from "../audit-log/index.ts";
import { appendCurvePoint, bundleNetwork, OUTSIDE_THE_GUARANTEE, registerModelVersion, type OutsideGuarantee, type TrainingProgress } from "../models/index.ts";
import { findOverlapInFiles } from "../scan/index.ts";
import { blobPath, deleteBlob } from "../storage/index.ts";
import { readCheckpoint, writeCheckpoint } from "./checkpoint-store.ts";
import { budgetCharges, epsilonWith, relatedVersionIds, type BudgetCharges } from "./privacy-budget.ts";
import { readTrainingRunConfig, type TrainingRunConfig } from "./training-run-config.ts";

/** Above this share of eval records found in the training set, a run is refused. */
export const MAX_CONTAMINATION_RATE = 0.5;
/** The curves' loss and accuracy are measured on at most this many examples at each epoch's end. */
const CURVE_EVAL_EXAMPLES = 2000;

export interface RunTrainingJobOptions {
  signal?: AbortSignal;
  /** Job progress, 0–100. */
  reportProgress?: (percent: number, message?: string) => Promise<void>;
  /** Live progress is written at most this often. @defaultValue 500 */
  progressIntervalMs?: number;
  /** Pause after every step (tests slow training down to catch it in flight). @defaultValue 0 */
  stepDelayMs?: number;
}

export interface TrainingJobResult {
  status: "completed" | "cancelled";
  steps: number;
  epsilon: number | null;
  modelVersion: number | null;
  stoppedEarly?: "budget";
}

type RunRow = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

function loadRun(db: Db, id: string) {
  return db.trainingRun.findUnique({
    where: { id },
    include: {
      model: { select: { name: true } },
      createdBy: { select: { email: true } },
      datasetVersion: { select: { id: true, storageKey: true, format: true } },
      modelVersion: { select: { version: true } },
    },
  });
}

async function storedFile(db: Db, versionId: string) {
  const version = await db.datasetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { storageKey: true, format: true } });
  if (version.format === "text") throw new AppError("unprocessable", "training needs CSV or JSON Lines data, not text");
  return { path: blobPath(version.storageKey), format: version.format };
}

/** Share of eval records that near-duplicate a training record (governance issue's overlap check). */
async function contamination(train: { path: string; format: "csv" | "jsonl" }, evalFile: { path: string; format: "csv" | "jsonl" }) {
  const overlap = await findOverlapInFiles(train.path, evalFile.path, { format: train.format, formatB: evalFile.format });
  const found = new Set<string>();
  for (const pair of overlap.pairs) found.add(pair.b);
  return { rate: overlap.recordsB === 0 ? 0 : found.size / overlap.recordsB, overlapping: found.size, evalRecords: overlap.recordsB };
}

/**
 * The most steps this run may take with every budget of its lineage holding: its mechanism after s
 * steps, composed with the other runs' on each budget (ε is monotone in steps).
 */
export function stepsWithin(config: TrainConfig, steps: number, budgets: BudgetCharges[]): number {
  const limited = budgets.filter((charges) => charges.budget !== null);
  if (!config.private || limited.length === 0) return steps;
  if (limited.some((charges) => config.delta > charges.budget!.delta * (1 + 1e-9))) return 0;
  // With its curve known, a charge's own ε is not used by the composition.
  const after = (s: number) => ({ epsilon: 0, delta: config.delta, sgmRuns: [{ noiseMultiplier: config.noiseMultiplier!, sampleRate: config.sampleRate, steps: s }] });
  const fits = (s: number) => limited.every((charges) => epsilonWith(charges, after(s))! <= charges.budget!.epsilon + 1e-9);
  if (fits(steps)) return steps;
  let low = 0;
  let high = steps;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

async function allowedSteps(db: Db, run: RunRow, config: TrainingRunConfig): Promise<number> {
  const budgets = await budgetCharges(db, await relatedVersionIds(db, run.datasetVersion.id), run.id);
  return stepsWithin(config.train, config.steps, budgets);
}

/**
 * Loss and accuracy of a checkpoint on the evaluation set, else the public set: post-processing of
 * the weights, covered by the run's (ε, δ). Never on training rows; undefined without either set.
 */
function curveEvaluation(spec: NetworkSpec, checkpoint: TrainingCheckpoint, data: PreparedData): { loss: number; accuracy: number } | undefined {
  const source = data.eval ?? data.public;
  if (!source || source.count === 0) return undefined;
  const network = createNetwork(spec);
  try {
    restoreParameters(network, checkpoint);
    const count = Math.min(source.count, CURVE_EVAL_EXAMPLES);
    const width = spec.inputShape.reduce((a, b) => a * b, 1);
    const { meanLoss, accuracy } = evaluate(network, { features: source.features.subarray(0, count * width), labels: source.labels.subarray(0, count), count });
    return { loss: meanLoss, accuracy };
  } finally {
    disposeNetwork(network);
  }
}

/** Sets the run's ledger entry to its accountant's ε and mechanism (history of (σ, q, steps) runs). */
async function upsertLedger(tx: Tx, run: RunRow, config: TrainingRunConfig, epsilon: number, sgmRuns: AccountantHistoryEntry[]): Promise<void> {
  if (!config.train.private) return;
  const charge = { epsilon, delta: epsilon > 0 ? config.train.delta : 0, sgmRuns: json(sgmRuns) };
  const datasetVersionId = run.datasetVersion.id;
  await tx.budgetLedgerEntry.upsert({
    where: { trainingRunId_datasetVersionId: { trainingRunId: run.id, datasetVersionId } },
    create: { trainingRunId: run.id, datasetVersionId, usedWithoutDp: config.baseline, ...charge },
    update: charge,
  });
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * Runs (or resumes) one training run to the end. Idempotent across retries: a completed run is
 * returned as is, a run with a checkpoint resumes from it, a version registered before a crash is
 * found again rather than registered twice.
 * @throws AppError for refused input (contamination over 0.5, bad data): the caller fails the run.
 */
export async function runTrainingJob(db: Db, trainingRunId: string, options: RunTrainingJobOptions = {}): Promise<TrainingJobResult> {
  const run = await loadRun(db, trainingRunId);
  if (!run) throw new AppError("not_found", "no such training run", { id: trainingRunId });
  const config = readTrainingRunConfig(run.config);
  const train = config.train;
  if (run.status === "completed") return { status: "completed", steps: (run.progress as { step?: number }).step ?? 0, epsilon: train.private ? run.epsilonSpent : null, modelVersion: run.modelVersion?.version ?? null };
  if (run.status === "cancelled") throw new AppError("conflict", "the training run was cancelled");

  const backend = await selectBackend();
  await db.trainingRun.update({ where: { id: run.id }, data: { status: "active", startedAt: run.startedAt ?? new Date(), backend: backend.name, error: null } });
  const trainFile = await storedFile(db, run.datasetVersion.id);
  const evalFile = config.evalDatasetVersionId ? await storedFile(db, config.evalDatasetVersionId) : undefined;
  const publicFile = config.publicDatasetVersionId ? await storedFile(db, config.publicDatasetVersionId) : undefined;

  let progress = run.progress as unknown as TrainingProgress;
  const evaluatedOn = evalFile ? ("eval" as const) : publicFile ? ("public" as const) : null;
  const outside: OutsideGuarantee = progress.outsideGuarantee ?? { label: OUTSIDE_THE_GUARANTEE, batchLoss: [] };
  progress = { ...progress, curve: progress.curve ?? [], evaluatedOn, outsideGuarantee: outside, plannedEpsilon: config.plannedEpsilon, totalSteps: config.steps };
  if (evalFile && outside.contamination === undefined) {
    progress.outsideGuarantee = { ...outside, contamination: await contamination(trainFile, evalFile) };
    await db.trainingRun.update({ where: { id: run.id }, data: { progress: json(progress) } });
  }
  const measuredContamination = progress.outsideGuarantee!.contamination;
  if (measuredContamination && measuredContamination.rate > MAX_CONTAMINATION_RATE) {
    throw new AppError(
      "unprocessable",
      `refused: ${(measuredContamination.rate * 100).toFixed(0)}% of the evaluation records also appear in the training set (more than ${MAX_CONTAMINATION_RATE * 100}%); its metrics would mean nothing`,
    );
  }

  const data = await loadTabularData(
    { train: trainFile, eval: evalFile, public: publicFile, target: config.target, maxCategories: config.maxCategories, schema: config.schema, private: train.private },
    { public: "public", schema: "schema" },
  );
  if (data.train.count === 0) throw new AppError("unprocessable", "the training set has no labelled example");
  const spec = specForModel(train.model, data.inputShape, data.numClasses);

  const stored = run.checkpointKey ? await readCheckpoint(run.checkpointKey) : undefined;
  const accountant = train.private ? createAccountant(train.accountant) : undefined;
  if (stored && accountant) accountant.loadStateDict(stored.checkpoint.accountantState);
  if (stored) progress = { ...progress, ...stored.progress, curve: stored.curve };

  let maxSteps = await allowedSteps(db, run, config);
  let step = stored?.checkpoint.step ?? 0;
  let checkpointKey = run.checkpointKey;
  let lastWrite = 0;
  const interval = options.progressIntervalMs ?? 500;
  const writeProgress = async (force: boolean) => {
    if (!force && Date.now() - lastWrite < interval) return;
    lastWrite = Date.now();
    await db.trainingRun.update({ where: { id: run.id }, data: { progress: json(progress) } });
    const share = progress.phase === "baseline" ? 0.9 + (0.09 * progress.step) / Math.max(1, progress.totalSteps) : (0.9 * progress.step) / Math.max(1, config.steps);
    await options.reportProgress?.(Math.min(99, Math.floor(share * 100)), `${progress.phase ?? "train"}: step ${progress.step} of ${progress.totalSteps}`);
  };

  const onProgress = async (phase: string, p: StepProgress) => {
    if (phase === "train") {
      step = p.step;
      progress = {
        ...progress,
        phase,
        step: p.step,
        epoch: p.epoch,
        epsilon: p.epsilon,
        curve: appendCurvePoint(progress.curve, { step: p.step, epsilon: p.epsilon }),
        outsideGuarantee: { ...progress.outsideGuarantee!, batchLoss: appendCurvePoint(progress.outsideGuarantee!.batchLoss, { step: p.step, loss: p.meanLoss }) },
      };
    } else {
      progress = { ...progress, phase, message: `${phase}: step ${p.step} of ${p.totalSteps}` };
    }
    await writeProgress(false);
    // Training is CPU-bound: give the event loop (and so the web app's requests) a turn per step.
    await yieldToEventLoop();
    if (options.stepDelayMs) await sleep(options.stepDelayMs);
  };

  const onCheckpoint = async (checkpoint: TrainingCheckpoint, p: StepProgress) => {
    const measured = curveEvaluation(spec, checkpoint, data);
    const curve = [...progress.curve];
    const last = curve.at(-1);
    if (measured && last && last.step === p.step) curve[curve.length - 1] = { ...last, ...measured };
    progress = { ...progress, ...measured, curve };
    const key = await writeCheckpoint({ trainingRunId: run.id, checkpoint, curve: progress.curve, progress: { ...progress, curve: [] } });
    const epsilon = p.epsilon ?? 0;
    await db.$transaction(async (tx) => {
      await tx.trainingRun.update({ where: { id: run.id }, data: { checkpointKey: key, epsilonSpent: epsilon, progress: json(progress) } });
      await upsertLedger(tx, run, config, epsilon, accountant?.stateDict().history ?? []);
    });
    if (checkpointKey && checkpointKey !== key) await deleteBlob(checkpointKey).catch(() => {});
    checkpointKey = key;
    lastWrite = Date.now();
    // A budget lowered during the run takes effect from the next epoch.
    maxSteps = await allowedSteps(db, run, config);
  };

  const trained = await fitNetwork(spec, train, data, {
    accountant,
    resumeFrom: stored?.checkpoint,
    onCheckpoint,
    shouldStop: () => options.signal?.aborted === true || step >= maxSteps,
    onProgress,
  });
  try {
    if (options.signal?.aborted) {
      const cancelled = (await db.job.count({ where: { subjectType: "training_run", subjectId: run.id, status: "cancelled" } })) > 0;
      if (!cancelled) throw new Error("the worker is stopping; the run resumes from its last checkpoint");
      await db.$transaction(async (tx) => {
        await tx.trainingRun.update({ where: { id: run.id }, data: { status: "cancelled", finishedAt: new Date(), progress: json({ ...progress, stoppedEarly: "cancelled" }) } });
        await appendAuditLog(tx, { actor: { id: null, label: "system:train" }, action: "training_run.cancelled", targetType: "training_run", targetId: run.id, details: { step: trained.steps, epsilon: run.epsilonSpent } });
      });
      const { epsilonSpent } = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, select: { epsilonSpent: true } });
      return { status: "cancelled", steps: trained.steps, epsilon: train.private ? epsilonSpent : null, modelVersion: null };
    }
    const stoppedEarly = trained.stoppedEarly ? ("budget" as const) : undefined;
    // Measured on the eval (else public) set only: without either, the version has no metrics.
    const metrics = measureHeldOut(trained.network, data);
    progress = { ...progress, step: trained.steps, epsilon: trained.epsilon, ...metrics, ...(stoppedEarly ? { stoppedEarly } : {}) };
    let baselineMetrics = null;
    if (config.baseline && train.private) {
      const plain = await fitNetwork(spec, { ...train, private: false }, data, { phase: "baseline", onProgress });
      baselineMetrics = measureHeldOut(plain.network, data);
      disposeNetwork(plain.network);
    }
    const registered = await registerModelVersion(
      db,
      { userId: run.createdById, label: `system:train (${run.createdBy.email})` },
      {
        modelName: run.model.name,
        source: "trained",
        bundle: await bundleNetwork(trained.network),
        config: {
          input: data.input,
          networkSpec: spec,
          target: config.target,
          train,
          contaminationRate: progress.outsideGuarantee?.contamination?.rate ?? null,
          ...(stoppedEarly ? { stoppedEarly } : {}),
        },
        metrics: { ...(metrics ?? {}) },
        baselineMetrics: baselineMetrics && { ...baselineMetrics },
        guarantee: train.private
          ? {
              epsilon: trained.epsilon!,
              delta: train.delta,
              accountant: train.accountant,
              noiseMultiplier: train.noiseMultiplier!,
              sampleRate: train.sampleRate,
              steps: trained.steps,
              clipNorm: trained.clipNorm,
            }
          : null,
        backend: backend.name,
        trainDatasetVersionId: run.datasetVersion.id,
        evalDatasetVersionId: config.evalDatasetVersionId,
        publicDatasetVersionId: config.publicDatasetVersionId,
        trainingRunId: run.id,
      },
    );
    const epsilon = trained.epsilon ?? 0;
    await db.$transaction(async (tx) => {
      await tx.trainingRun.update({
        where: { id: run.id },
        data: { status: "completed", finishedAt: new Date(), epsilonSpent: epsilon, progress: json({ ...progress, phase: "done", message: undefined }) },
      });
      await upsertLedger(tx, run, config, epsilon, accountant?.stateDict().history ?? []);
      await appendAuditLog(tx, {
        actor: { id: null, label: "system:train" },
        action: "training_run.complete",
        targetType: "training_run",
        targetId: run.id,
        details: { model: run.model.name, version: registered.version, steps: trained.steps, epsilon: trained.epsilon, stoppedEarly: stoppedEarly ?? null },
      });
    });
    await options.reportProgress?.(100, `version ${registered.version} registered`);
    return { status: "completed", steps: trained.steps, epsilon: trained.epsilon, modelVersion: registered.version, ...(stoppedEarly ? { stoppedEarly } : {}) };
  } finally {
    disposeNetwork(trained.network);
  }
}

// What the `train` worker does with one TrainingRun (each step in a file of its own, orchestrated here): load the stored versions, check contamination,
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
import type { Db } from "../db/index.ts";
import { createAccountant, fitNetwork, disposeNetwork, loadTabularData, measureHeldOut, specForModel, type StepProgress, type TrainingCheckpoint } from "../dp/index.ts";
import { selectBackend } from "../dp/worker.ts";
import { AppError } from "../errors/index.ts";
import { appendCurvePoint, OUTSIDE_THE_GUARANTEE, type OutsideGuarantee, type TrainingProgress } from "../models/index.ts";
import { readCheckpoint } from "./checkpoint-store.ts";
import { measureContamination, refuseContaminated } from "./contamination-check.ts";
import { curveEvaluation } from "./curve-evaluation.ts";
import { json } from "./json-value.ts";
import { loadTrainingRun, storedDatasetFile } from "./load-training-run.ts";
import { recordCancellation } from "./record-cancellation.ts";
import { registerTrainedVersion } from "./register-trained-version.ts";
import { saveRunCheckpoint } from "./save-run-checkpoint.ts";
import { allowedSteps } from "./steps-within-budget.ts";
import { trainBaseline } from "./train-baseline.ts";
import { readTrainingRunConfig } from "./training-run-config.ts";

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

/**
 * Runs (or resumes) one training run to the end. Idempotent across retries: a completed run is
 * returned as is, a run with a checkpoint resumes from it, a version registered before a crash is
 * found again rather than registered twice.
 * @throws AppError for refused input (contamination over 0.5, bad data): the caller fails the run.
 */
export async function runTrainingJob(db: Db, trainingRunId: string, options: RunTrainingJobOptions = {}): Promise<TrainingJobResult> {
  const run = await loadTrainingRun(db, trainingRunId);
  if (!run) throw new AppError("not_found", "no such training run", { id: trainingRunId });
  const config = readTrainingRunConfig(run.config);
  const train = config.train;
  if (run.status === "completed") return { status: "completed", steps: (run.progress as { step?: number }).step ?? 0, epsilon: train.private ? run.epsilonSpent : null, modelVersion: run.modelVersion?.version ?? null };
  if (run.status === "cancelled") throw new AppError("conflict", "the training run was cancelled");

  const backend = await selectBackend();
  await db.trainingRun.update({ where: { id: run.id }, data: { status: "active", startedAt: run.startedAt ?? new Date(), backend: backend.name, error: null } });
  const trainFile = await storedDatasetFile(db, run.datasetVersion.id);
  const evalFile = config.evalDatasetVersionId ? await storedDatasetFile(db, config.evalDatasetVersionId) : undefined;
  const publicFile = config.publicDatasetVersionId ? await storedDatasetFile(db, config.publicDatasetVersionId) : undefined;

  let progress = run.progress as unknown as TrainingProgress;
  const evaluatedOn = evalFile ? ("eval" as const) : publicFile ? ("public" as const) : null;
  const outside: OutsideGuarantee = progress.outsideGuarantee ?? { label: OUTSIDE_THE_GUARANTEE, batchLoss: [] };
  progress = { ...progress, curve: progress.curve ?? [], evaluatedOn, outsideGuarantee: outside, plannedEpsilon: config.plannedEpsilon, totalSteps: config.steps };
  if (evalFile && outside.contamination === undefined) {
    progress.outsideGuarantee = { ...outside, contamination: await measureContamination(trainFile, evalFile) };
    await db.trainingRun.update({ where: { id: run.id }, data: { progress: json(progress) } });
  }
  refuseContaminated(progress.outsideGuarantee!.contamination);

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
    const key = await saveRunCheckpoint(db, run, config, { checkpoint, progress, epsilon: p.epsilon ?? 0, sgmRuns: accountant?.stateDict().history ?? [], previousKey: checkpointKey });
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
      const epsilonSpent = await recordCancellation(db, run, progress, trained.steps);
      return { status: "cancelled", steps: trained.steps, epsilon: train.private ? epsilonSpent : null, modelVersion: null };
    }
    const stoppedEarly = trained.stoppedEarly ? ("budget" as const) : undefined;
    // Measured on the eval (else public) set only: without either, the version has no metrics.
    const metrics = measureHeldOut(trained.network, data);
    progress = { ...progress, step: trained.steps, epsilon: trained.epsilon, ...metrics, ...(stoppedEarly ? { stoppedEarly } : {}) };
    const baselineMetrics = config.baseline && train.private ? await trainBaseline(spec, train, data, onProgress) : null;
    const version = await registerTrainedVersion(db, run, config, {
      trained,
      spec,
      data,
      progress,
      metrics,
      baselineMetrics,
      stoppedEarly,
      backendName: backend.name,
      sgmRuns: accountant?.stateDict().history ?? [],
    });
    await options.reportProgress?.(100, `version ${version} registered`);
    return { status: "completed", steps: trained.steps, epsilon: trained.epsilon, modelVersion: version, ...(stoppedEarly ? { stoppedEarly } : {}) };
  } finally {
    disposeNetwork(trained.network);
  }
}

// What an audit will cost before it starts: the number of training runs it makes (shadow models,
// a retraining with canaries) × the seconds one such run takes, scaled to the data it trains on.
// Seconds per training come, in order, from the version's own TrainingRun, from earlier audits of
// the version (their stored timing), or from a quick calibration (a few steps of the real
// configuration) when the caller can load the model; otherwise the estimate says it does not know.
import type { AuditKind, Db } from "../../db/index.ts";
import { parseAuditConfig, type AuditConfig } from "./audit-config.ts";

export interface AuditCostEstimate {
  kind: AuditKind;
  /** Training runs the audit makes. */
  trainings: number;
  /** Examples each of those runs trains on (null when unknown). */
  examplesPerTraining: number | null;
  secondsPerTraining: number | null;
  estimatedSeconds: number | null;
  basis: "training_run" | "earlier_audits" | "calibration" | "no_training" | "unknown";
  note: string;
}

/** Training runs of an audit of `kind` with `config` (already parsed). */
export function trainingsOf(kind: AuditKind, config: unknown): number {
  const c = config as Record<string, unknown>;
  switch (kind) {
    case "lira":
      return c.shadowModels as number;
    case "membership_inference":
      return c.attack === "shadow_models" ? (c.shadowModels as number) : 0;
    case "one_run_epsilon":
    case "canary_exposure":
      return 1;
    default:
      return 0;
  }
}

/** Examples one training run of the audit sees: LiRA shadows train on half of both sides. */
function examplesPerTraining(kind: AuditKind, config: Record<string, unknown>, trainRows: number | null, evalRows: number | null): number | null {
  if (trainRows === null) return null;
  const max = (config.maxExamples as number | undefined) ?? trainRows;
  const members = Math.min(max, trainRows);
  const nonMembers = evalRows === null ? members : Math.min(max, evalRows);
  if (kind === "lira") return Math.round((members + nonMembers) / 2);
  if (kind === "membership_inference") return Math.max(1, Math.floor(nonMembers / 2 / (config.shadowModels as number) / 2));
  if (kind === "one_run_epsilon") return members + Math.round((config.canaries as number) / 2);
  return trainRows;
}

export interface EstimateAuditCostOptions {
  /**
   * Enables the calibration fallback: seconds of one training run of the version on `examples` rows
   * (`calibrateTrainingSeconds` of ./runner.ts, which trains in this process; the web app leaves it out).
   */
  calibrate?: (modelVersionId: string, examples: number) => Promise<number>;
}

/**
 * The cost estimate of an audit. @throws AppError unprocessable for an invalid config
 * Runs a handful of queries; the calibration fallback trains 3 steps.
 */
export async function estimateAuditCost(db: Db, input: { modelVersionId: string | null; kind: AuditKind; config: unknown }, options: EstimateAuditCostOptions = {}): Promise<AuditCostEstimate> {
  const config = parseAuditConfig(input.kind, input.config) as AuditConfig as Record<string, unknown>;
  const trainings = trainingsOf(input.kind, config);
  const base = { kind: input.kind, trainings };
  if (trainings === 0) {
    return { ...base, examplesPerTraining: null, secondsPerTraining: 0, estimatedSeconds: null, basis: "no_training", note: "no training runs: the audit queries the model (seconds to a few minutes)" };
  }
  const version = input.modelVersionId
    ? await db.modelVersion.findUnique({
        where: { id: input.modelVersionId },
        select: { trainingRun: { select: { startedAt: true, finishedAt: true } }, trainData: { select: { rowCount: true } }, evalData: { select: { rowCount: true } } },
      })
    : null;
  const trainRows = version?.trainData?.rowCount ?? null;
  const perTraining = examplesPerTraining(input.kind, config, trainRows, version?.evalData?.rowCount ?? null);
  const done = (secondsPerTraining: number, basis: AuditCostEstimate["basis"], note: string): AuditCostEstimate => ({
    ...base,
    examplesPerTraining: perTraining,
    secondsPerTraining,
    estimatedSeconds: secondsPerTraining * trainings,
    basis,
    note,
  });

  const run = version?.trainingRun;
  if (run?.startedAt && run.finishedAt && trainRows) {
    // Steps are fixed by epochs / q; each step's batch, hence its time, scales with the examples.
    const seconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
    return done((seconds * (perTraining ?? trainRows)) / trainRows, "training_run", `the version's training took ${seconds.toFixed(1)} s on ${trainRows} rows`);
  }
  if (input.modelVersionId) {
    const earlier = await db.leakageAudit.findMany({ where: { modelVersionId: input.modelVersionId, status: "completed" }, select: { results: true }, orderBy: { createdAt: "desc" }, take: 10 });
    const timings = earlier.map((a) => (a.results as { timing?: { seconds: number; trainings: number } } | null)?.timing).filter((t) => t && t.trainings > 0) as { seconds: number; trainings: number }[];
    if (timings.length > 0) {
      const perRun = timings.reduce((a, t) => a + t.seconds / t.trainings, 0) / timings.length;
      return done(perRun, "earlier_audits", `from ${timings.length} earlier audit(s) of this version`);
    }
    if (options.calibrate) return done(await options.calibrate(input.modelVersionId, perTraining ?? 1000), "calibration", "timed 3 training steps of the version's configuration");
  }
  return { ...base, examplesPerTraining: perTraining, secondsPerTraining: null, estimatedSeconds: null, basis: "unknown", note: "no training run or earlier audit to time: the first audit records its own timing" };
}

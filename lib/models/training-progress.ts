// TrainingRun.progress and what each viewer may see of it. The (ε, δ) of a DP run covers the
// released weights, so also anything computed from them and non-private data alone (Dwork & Roth
// 2014, Proposition 2.1, post-processing): the curves' loss and accuracy are measured on the
// evaluation set, else the public set, never on training rows. Figures computed on private training
// rows without noise (each batch's mean loss, the eval records found in the training set) are not
// covered: they are kept under `outsideGuarantee`, and trainingProgressView shows them only to the
// dataset's owner and to roles with `pii.unmasked`.
import { principalCan, type Principal } from "../auth/index.ts";

/** One point of a run's curves: ε at every step, loss and accuracy at each epoch's end. */
export interface CurvePoint {
  step: number;
  epsilon: number | null;
  /** Mean loss on the evaluation (else public) set. */
  loss?: number;
  /** Accuracy on the evaluation (else public) set. */
  accuracy?: number;
}

export const OUTSIDE_THE_GUARANTEE = "outside the guarantee";

/** Figures computed on private training rows without noise: not covered by the run's (ε, δ). */
export interface OutsideGuarantee {
  label: typeof OUTSIDE_THE_GUARANTEE;
  /** The mean loss of each private batch as it was trained on. */
  batchLoss: { step: number; loss: number }[];
  /** Eval records also found in the training set (lib/scan/dedup), checked when the run starts. */
  contamination?: { rate: number; overlapping: number; evalRecords: number } | null;
}

/** TrainingRun.progress: live figures and curves, written during training. */
export interface TrainingProgress {
  phase?: string;
  step: number;
  totalSteps: number;
  epoch?: number;
  /** The last loss and accuracy measured on `evaluatedOn`. */
  loss?: number;
  accuracy?: number;
  /** Which set the curves' loss and accuracy are measured on; null when the run has neither. Absent on runs stored before it was recorded. */
  evaluatedOn?: "eval" | "public" | null;
  epsilon: number | null;
  plannedEpsilon?: number | null;
  curve: CurvePoint[];
  outsideGuarantee?: OutsideGuarantee;
  stoppedEarly?: "budget" | "cancelled";
  message?: string;
}

/** Curves keep at most this many points: every other one is dropped when full (the last always kept). */
export const MAX_CURVE_POINTS = 200;

/** Appends a point, thinning the curve by half when it is full (epoch-end accuracy points are kept). */
export function appendCurvePoint<T extends { step: number; accuracy?: number }>(curve: T[], point: T): T[] {
  const next = [...curve, point];
  if (next.length <= MAX_CURVE_POINTS) return next;
  return next.filter((_, i) => i % 2 === 1 || i === next.length - 1 || next[i]!.accuracy !== undefined);
}

/** True when `viewer` may see figures computed on the training rows of a dataset owned by `datasetOwnerId`. */
export function maySeeTrainingRowFigures(viewer: Principal, datasetOwnerId: string): boolean {
  return viewer.userId === datasetOwnerId || principalCan(viewer, "pii.unmasked");
}

/**
 * What a viewer sees of a run's progress: everything for the dataset's owner and `pii.unmasked`
 * roles; for anyone else, nothing computed on training rows. Progress stored before the curves were
 * measured on held-out data (no `evaluatedOn`) kept batch losses, training-set accuracy and the
 * contamination count at the top level: for anyone else those are dropped too, leaving step and ε.
 */
export function trainingProgressView(progress: TrainingProgress, viewer: Principal, datasetOwnerId: string): TrainingProgress {
  if (maySeeTrainingRowFigures(viewer, datasetOwnerId)) return progress;
  const { outsideGuarantee: _hidden, ...covered } = progress;
  if (progress.evaluatedOn !== undefined) return covered;
  const { loss: _loss, accuracy: _accuracy, contamination: _contamination, ...rest } = covered as TrainingProgress & { contamination?: unknown };
  return { ...rest, curve: (progress.curve ?? []).map(({ step, epsilon }) => ({ step, epsilon })) };
}

/** One point of a run's curves. */
export interface CurvePoint {
  step: number;
  loss: number;
  epsilon: number | null;
  /** Evaluated at the end of each epoch only. */
  accuracy?: number;
}

/** TrainingRun.progress: live figures and curves, written during training. */
export interface TrainingProgress {
  phase?: string;
  step: number;
  totalSteps: number;
  epoch?: number;
  loss?: number;
  accuracy?: number;
  epsilon: number | null;
  plannedEpsilon?: number | null;
  curve: CurvePoint[];
  /** Eval records also found in the training set (lib/scan/dedup), checked when the run starts. */
  contamination?: { rate: number; overlapping: number; evalRecords: number } | null;
  stoppedEarly?: "budget" | "cancelled";
  message?: string;
}

/** Curves keep at most this many points: every other one is dropped when full (the last always kept). */
export const MAX_CURVE_POINTS = 200;

/** Appends a point, thinning the curve by half when it is full. */
export function appendCurvePoint(curve: CurvePoint[], point: CurvePoint): CurvePoint[] {
  const next = [...curve, point];
  if (next.length <= MAX_CURVE_POINTS) return next;
  return next.filter((_, i) => i % 2 === 1 || i === next.length - 1 || next[i]!.accuracy !== undefined);
}

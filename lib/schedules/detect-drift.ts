import type { CriterionResult } from "../policy/index.ts";

export interface DriftedCriterion {
  id: string;
  /** Status in the approved snapshot; null for a criterion the policy added since. */
  before: CriterionResult["status"] | null;
  after: CriterionResult["status"];
  value: CriterionResult["value"];
  threshold: CriterionResult["threshold"];
  reason: string;
}

/**
 * The criteria that passed in the approved snapshot (or did not exist then) and no longer pass:
 * a figure drifted past its threshold, evidence went missing, or the policy was tightened. A
 * criterion that already failed at approval (an optional one, under a B grade) is not drift.
 *
 * @param approved criteria of the approved snapshot; null when the version has none (everything not passing counts)
 * @example detectDrift([{ id: "mia-auc", status: "pass", … }], [{ id: "mia-auc", status: "fail", … }]) // [{ id: "mia-auc", before: "pass", after: "fail", … }]
 */
export function detectDrift(approved: CriterionResult[] | null, current: CriterionResult[]): DriftedCriterion[] {
  const before = new Map((approved ?? []).map((result) => [result.id, result.status]));
  return current
    .filter((result) => result.status !== "pass" && (before.get(result.id) ?? "pass") === "pass")
    .map((result) => ({ id: result.id, before: before.get(result.id) ?? null, after: result.status, value: result.value, threshold: result.threshold, reason: result.reason }));
}

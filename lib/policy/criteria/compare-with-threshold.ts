import type { CriterionOutcome } from "../criterion-result.ts";
import { formatNumber } from "../format-number.ts";

export interface CompareWithThresholdOptions {
  /** What is measured, starting the sentence, e.g. "Membership-inference AUC". */
  subject: string;
  /** The measurement; null or undefined means the evidence is missing. */
  value: number | null | undefined;
  threshold: number;
  /** "max": value ≤ threshold passes; "min": value ≥ threshold passes. Equal always passes. */
  bound: "max" | "min";
  /** Decimals shown. */
  digits: number;
  /** Says which evidence is absent, e.g. "No membership-inference audit in the evidence". */
  missing: string;
  /** Appended after the value, e.g. " (baseline 0.90 − model 0.85)". */
  detail?: string;
}

/** The one-number criteria: compare, and say so in one sentence. */
export function compareWithThreshold(options: CompareWithThresholdOptions): CriterionOutcome {
  const { subject, value, threshold, bound, digits, missing, detail = "" } = options;
  const limit = formatNumber(threshold, digits);
  const word = bound === "max" ? "at most" : "at least";
  if (value === null || value === undefined) {
    return { value: null, threshold, status: "missing", reason: `${missing}; the policy requires ${word} ${limit}` };
  }
  const shown = formatNumber(value, digits, threshold);
  const passes = bound === "max" ? value <= threshold : value >= threshold;
  const verdict = passes ? `is ${word} the policy's ${limit}` : bound === "max" ? `exceeds the policy's ${limit}` : `is below the policy's ${limit}`;
  return { value, threshold, status: passes ? "pass" : "fail", reason: `${subject} = ${shown}${detail} ${verdict}` };
}

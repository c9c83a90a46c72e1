import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import { formatNumber } from "../format-number.ts";
import type { EvidenceBundle, utilityLossMaxSchema } from "../schemas.ts";
import { compareWithThreshold } from "./compare-with-threshold.ts";

/** Baseline accuracy − model accuracy ≤ threshold; a model better than its baseline has a negative loss. */
export function evaluateUtilityLossMax(criterion: z.infer<typeof utilityLossMaxSchema>, evidence: EvidenceBundle): CriterionOutcome {
  const accuracy = evidence.utility?.accuracy;
  const baseline = evidence.utility?.baselineAccuracy;
  const known = accuracy !== null && accuracy !== undefined && baseline !== null && baseline !== undefined;
  // 0.90 − 0.85 is 0.05000000000000004 in floating point; twelve significant digits keep a loss
  // equal to the threshold equal, as the policy's author reads it.
  const loss = known ? Number((baseline - accuracy).toPrecision(12)) : null;
  return compareWithThreshold({
    subject: "Utility loss",
    value: loss,
    threshold: criterion.threshold,
    bound: "max",
    digits: 3,
    missing: known ? "" : accuracy === null || accuracy === undefined ? "No model accuracy in the evidence" : "No baseline accuracy in the evidence",
    detail: known ? ` (baseline accuracy ${formatNumber(baseline, 3)} − model accuracy ${formatNumber(accuracy, 3)})` : "",
  });
}

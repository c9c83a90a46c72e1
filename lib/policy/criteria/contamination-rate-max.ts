import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import type { contaminationRateMaxSchema, EvidenceBundle } from "../schemas.ts";
import { compareWithThreshold } from "./compare-with-threshold.ts";

/** Share of test rows also present in the training data ≤ threshold. */
export function evaluateContaminationRateMax(criterion: z.infer<typeof contaminationRateMaxSchema>, evidence: EvidenceBundle): CriterionOutcome {
  return compareWithThreshold({
    subject: "Train/test contamination rate",
    value: evidence.contaminationRate,
    threshold: criterion.threshold,
    bound: "max",
    digits: 3,
    missing: "No train/test contamination rate in the evidence",
  });
}

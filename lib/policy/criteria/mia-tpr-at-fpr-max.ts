import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import type { EvidenceBundle, miaTprAtFprMaxSchema } from "../schemas.ts";
import { compareWithThreshold } from "./compare-with-threshold.ts";

// TPR at a low FPR is the measure that matters for the few most exposed records, where AUC says
// little. Carlini et al. 2022, arXiv:2112.03570, sec. III.
/** Membership-inference TPR at FPR 0.001 ≤ threshold. */
export function evaluateMiaTprAtFprMax(criterion: z.infer<typeof miaTprAtFprMaxSchema>, evidence: EvidenceBundle): CriterionOutcome {
  return compareWithThreshold({
    subject: "Membership-inference TPR at FPR 0.001",
    value: evidence.audits?.membershipInference?.tprAtFpr?.["0.001"],
    threshold: criterion.threshold,
    bound: "max",
    digits: 3,
    missing: "No membership-inference TPR at FPR 0.001 in the evidence",
  });
}

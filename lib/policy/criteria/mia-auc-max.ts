import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import type { EvidenceBundle, miaAucMaxSchema } from "../schemas.ts";
import { compareWithThreshold } from "./compare-with-threshold.ts";

/** Membership-inference AUC ≤ threshold (0.5 is an attacker no better than chance). */
export function evaluateMiaAucMax(criterion: z.infer<typeof miaAucMaxSchema>, evidence: EvidenceBundle): CriterionOutcome {
  return compareWithThreshold({
    subject: "Membership-inference AUC",
    value: evidence.audits?.membershipInference?.auc,
    threshold: criterion.threshold,
    bound: "max",
    digits: 3,
    missing: "No membership-inference AUC in the evidence",
  });
}

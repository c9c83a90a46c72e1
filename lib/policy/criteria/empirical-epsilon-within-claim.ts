import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import { formatNumber } from "../format-number.ts";
import type { empiricalEpsilonWithinClaimSchema, EvidenceBundle } from "../schemas.ts";

// An audit's ε lower bound above the claimed ε means the DP claim (or its implementation) is wrong.
// Jagielski et al. 2020, arXiv:2006.07709, sec. 1. The bound is at the audit's own δ; we compare the
// ε values only, as the bound is already conservative (a confidence-level lower bound).
/** Empirical ε lower bound from the membership-inference audit ≤ the model's claimed ε. */
export function evaluateEmpiricalEpsilonWithinClaim(
  _criterion: z.infer<typeof empiricalEpsilonWithinClaimSchema>,
  evidence: EvidenceBundle,
): CriterionOutcome {
  const lowerBound = evidence.audits?.membershipInference?.epsilonLowerBound;
  const guarantee = evidence.guarantee;
  const claim = guarantee?.epsilon ?? null;
  if (lowerBound === null || lowerBound === undefined) {
    return { value: null, threshold: claim, status: "missing", reason: "No empirical ε lower bound from a membership-inference audit in the evidence" };
  }
  const bound = formatNumber(lowerBound, 2, claim ?? undefined);
  if (guarantee === undefined) {
    return { value: lowerBound, threshold: null, status: "missing", reason: `No claimed ε in the evidence to check the empirical lower bound ${bound} against` };
  }
  // Without a DP claim there is nothing the audit could contradict; that is not evidence of a pass.
  if (guarantee === null) {
    return { value: lowerBound, threshold: null, status: "missing", reason: `The model claims no differential-privacy guarantee, so the empirical ε lower bound ${bound} has no claim to be checked against` };
  }
  const claimed = formatNumber(guarantee.epsilon);
  return lowerBound <= guarantee.epsilon
    ? { value: lowerBound, threshold: guarantee.epsilon, status: "pass", reason: `The empirical ε lower bound ${bound} is at most the claimed ε = ${claimed}` }
    : { value: lowerBound, threshold: guarantee.epsilon, status: "fail", reason: `The empirical ε lower bound ${bound} exceeds the claimed ε = ${claimed}, so the audit contradicts the DP guarantee` };
}

import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import { formatNumber } from "../format-number.ts";
import type { empiricalEpsilonWithinClaimSchema, EvidenceBundle } from "../schemas.ts";

// An audit's ε lower bound above the ε of the run it tests means the DP claim (or its implementation)
// is wrong. Jagielski et al. 2020, arXiv:2006.07709, sec. 1. Only a certified bound from an audit whose
// members were chosen at random can show that (the one-run audit, Steinke et al. 2023,
// arXiv:2305.08846); the exploratory bound of an attack on the fixed training set is shown as
// evidence and never fails the claim. The bound is at the audit's δ, which is the claim's.
/** The certified empirical ε lower bound ≤ the ε of the run it audited (the retraining's own, else the claim). */
export function evaluateEmpiricalEpsilonWithinClaim(
  _criterion: z.infer<typeof empiricalEpsilonWithinClaimSchema>,
  evidence: EvidenceBundle,
): CriterionOutcome {
  const membership = evidence.audits?.membershipInference;
  const certified = membership?.certified ?? null;
  const exploratory = membership?.epsilonLowerBound ?? null;
  const lowerBound = certified?.epsilonLowerBound ?? exploratory;
  const guarantee = evidence.guarantee;
  const claim = guarantee?.epsilon ?? null;
  if (lowerBound === null) {
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
  if (certified === null) {
    const claimed = formatNumber(guarantee.epsilon);
    return {
      value: lowerBound,
      threshold: guarantee.epsilon,
      status: "pass",
      reason: `No audit with randomly chosen members refutes the claimed ε = ${claimed}; the exploratory ε lower bound ${bound} is evidence, not a verdict`,
    };
  }
  const tested = certified.runEpsilon ?? guarantee.epsilon;
  const against = certified.runEpsilon == null ? `the claimed ε = ${formatNumber(tested)}` : `ε = ${formatNumber(tested)} of the retrained recipe it audited`;
  return lowerBound <= tested
    ? { value: lowerBound, threshold: tested, status: "pass", reason: `The certified ε lower bound ${bound} is at most ${against}` }
    : { value: lowerBound, threshold: tested, status: "fail", reason: `The certified ε lower bound ${bound} exceeds ${against}, so the audit refutes the DP guarantee` };
}

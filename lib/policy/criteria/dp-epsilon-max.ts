import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import { formatNumber } from "../format-number.ts";
import type { dpEpsilonMaxSchema, EvidenceBundle } from "../schemas.ts";

/**
 * The model's (ε, δ) guarantee: ε ≤ threshold and δ ≤ the policy's δ, both. A guarantee of `null`
 * says the model was trained without differential privacy, which fails; no guarantee at all in the
 * evidence is missing, and so is a declared one (source "declared" or absent): only Canary's
 * accountant vouches for an (ε, δ).
 */
export function evaluateDpEpsilonMax(criterion: z.infer<typeof dpEpsilonMaxSchema>, evidence: EvidenceBundle): CriterionOutcome {
  const threshold = { epsilon: criterion.threshold, delta: criterion.delta };
  const policy = `ε ≤ ${formatNumber(criterion.threshold)} at δ ≤ ${formatNumber(criterion.delta)}`;
  const guarantee = evidence.guarantee;
  if (guarantee === undefined) {
    return { value: null, threshold, status: "missing", reason: `No differential-privacy guarantee in the evidence; the policy requires ${policy}` };
  }
  if (guarantee === null) {
    return { value: null, threshold, status: "fail", reason: `The model was trained without differential privacy; the policy requires ${policy}` };
  }
  const value = { epsilon: guarantee.epsilon, delta: guarantee.delta };
  if (guarantee.source !== "accountant") return { value, threshold, status: "missing", reason: "declared, not verified" };
  const epsilon = formatNumber(guarantee.epsilon, 2, criterion.threshold);
  const delta = formatNumber(guarantee.delta, 2, criterion.delta);
  const epsilonOk = guarantee.epsilon <= criterion.threshold;
  const deltaOk = guarantee.delta <= criterion.delta;
  const claimed = `ε = ${epsilon} at δ = ${delta}`;
  if (epsilonOk && deltaOk) return { value, threshold, status: "pass", reason: `${claimed} (${guarantee.accountant} accountant) is within the policy's ${policy}` };
  const reason = !deltaOk
    ? epsilonOk
      ? `ε = ${epsilon} holds only at δ = ${delta}, above the policy's δ ≤ ${formatNumber(criterion.delta)}`
      : `${claimed} exceeds the policy's ${policy}`
    : `${claimed} exceeds the policy's ${formatNumber(criterion.threshold)}`;
  return { value, threshold, status: "fail", reason };
}

import { evaluateCriterion } from "./criteria/registry.ts";
import type { CriterionResult } from "./criterion-result.ts";
import { gradeOf, type Grade } from "./grade.ts";
import type { EvidenceBundle, PolicyDocument } from "./schemas.ts";

/** The result of a policy evaluation; `canary policy evaluate --json` prints exactly these keys. */
export interface PolicyEvaluation {
  grade: Grade;
  criteria: CriterionResult[];
}

/**
 * Grades a model's evidence against a policy: one result per criterion, in the policy's order, and
 * a grade (see gradeOf). Pure: the same policy and evidence always give the same result. Both
 * inputs must be valid (validatePolicy, validateEvidence); evidence that is absent or null is
 * "missing", never "pass".
 *
 * @example
 * evaluatePolicy(defaultPolicy(), { schemaVersion: 1, model: { name: "m", version: "1" } }).grade // "F": nothing is known
 */
export function evaluatePolicy(policy: PolicyDocument, evidence: EvidenceBundle): PolicyEvaluation {
  const criteria = policy.criteria.map((criterion): CriterionResult => {
    const outcome = evaluateCriterion(criterion, evidence);
    return { id: criterion.id, value: outcome.value, threshold: outcome.threshold, status: outcome.status, reason: outcome.reason };
  });
  const grade = gradeOf(criteria.map((result, index) => ({ status: result.status, required: policy.criteria[index]!.required })));
  return { grade, criteria };
}

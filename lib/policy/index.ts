// The organisation's privacy policy as versioned data, and the pure function that grades a model's
// evidence against it. criteria/ (one evaluator per kind) and the parsing helpers stay internal.
export { defaultPolicy } from "./default-policy.ts";
export { diffPolicies, type CriterionChange, type CriterionFieldChange } from "./diff-policies.ts";
export { evaluatePolicy, type PolicyEvaluation } from "./evaluate-policy.ts";
export type { CriterionResult, CriterionStatus, CriterionValue } from "./criterion-result.ts";
export { GRADE_SHARE, gradeOf, verdictOf, type Grade, type Verdict } from "./grade.ts";
export { evidenceJsonSchema, policyJsonSchema } from "./json-schemas.ts";
export {
  CRITERION_KINDS,
  SEVERITIES,
  criterionSchema,
  evidenceBundleSchema,
  GUARANTEE_SOURCES,
  policyDocumentSchema,
  type Criterion,
  type CriterionKind,
  type EvidenceBundle,
  type EvidenceDataset,
  type GuaranteeSource,
  type PolicyDocument,
  type Severity,
} from "./schemas.ts";
export { validateEvidence } from "./validate-evidence.ts";
export { validatePolicy } from "./validate-policy.ts";
export { formatNumber } from "./format-number.ts";

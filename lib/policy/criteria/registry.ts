// One evaluator per criterion kind, registered by kind; a new kind is a schema in ../schemas.ts, a
// file here and one line below (the mapped type makes a missing line a type error).
import type { CriterionOutcome } from "../criterion-result.ts";
import type { Criterion, CriterionKind, EvidenceBundle } from "../schemas.ts";
import { evaluateContaminationRateMax } from "./contamination-rate-max.ts";
import { evaluateDpEpsilonMax } from "./dp-epsilon-max.ts";
import { evaluateEmpiricalEpsilonWithinClaim } from "./empirical-epsilon-within-claim.ts";
import { evaluateKAnonymityMin } from "./k-anonymity-min.ts";
import { evaluateLicenseCompatible } from "./license-compatible.ts";
import { evaluateMiaAucMax } from "./mia-auc-max.ts";
import { evaluateMiaTprAtFprMax } from "./mia-tpr-at-fpr-max.ts";
import { evaluateNoOpenPiiFindings } from "./no-open-pii-findings.ts";
import { evaluateUtilityLossMax } from "./utility-loss-max.ts";

type Evaluator<K extends CriterionKind> = (criterion: Extract<Criterion, { kind: K }>, evidence: EvidenceBundle) => CriterionOutcome;

const EVALUATORS: { [K in CriterionKind]: Evaluator<K> } = {
  dp_epsilon_max: evaluateDpEpsilonMax,
  mia_auc_max: evaluateMiaAucMax,
  mia_tpr_at_fpr_max: evaluateMiaTprAtFprMax,
  empirical_epsilon_within_claim: evaluateEmpiricalEpsilonWithinClaim,
  no_open_pii_findings: evaluateNoOpenPiiFindings,
  license_compatible: evaluateLicenseCompatible,
  k_anonymity_min: evaluateKAnonymityMin,
  contamination_rate_max: evaluateContaminationRateMax,
  utility_loss_max: evaluateUtilityLossMax,
};

/**
 * Which way a threshold is strict: for "max" kinds a lower threshold is tighter, for "min" kinds a
 * higher one; "none" for kinds without a numeric threshold. Used by diffPolicies.
 */
export const THRESHOLD_BOUND: { [K in CriterionKind]: "max" | "min" | "severity" | "none" } = {
  dp_epsilon_max: "max",
  mia_auc_max: "max",
  mia_tpr_at_fpr_max: "max",
  empirical_epsilon_within_claim: "none",
  no_open_pii_findings: "severity",
  license_compatible: "none",
  k_anonymity_min: "min",
  contamination_rate_max: "max",
  utility_loss_max: "max",
};

/** Evaluates one criterion against the evidence with its kind's evaluator. */
export function evaluateCriterion(criterion: Criterion, evidence: EvidenceBundle): CriterionOutcome {
  const evaluate = EVALUATORS[criterion.kind] as Evaluator<CriterionKind> | undefined;
  if (!evaluate) throw new Error(`evaluateCriterion: unknown criterion kind "${String(criterion.kind)}"`);
  return evaluate(criterion, evidence);
}

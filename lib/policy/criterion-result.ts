// What evaluating one criterion gives, before evaluatePolicy adds its id.

export type CriterionStatus = "pass" | "fail" | "missing";

/** A number, a severity or verdict, counts per category, or null where there is no evidence. */
export type CriterionValue = number | string | null | { [key: string]: number | null };

export interface CriterionOutcome {
  /** What the evidence shows, in the criterion's terms; null when the evidence is missing. */
  value: CriterionValue;
  /** What the policy asks for, in the same terms as `value`. */
  threshold: CriterionValue;
  status: CriterionStatus;
  /** One sentence a compliance officer can read. */
  reason: string;
}

export interface CriterionResult extends CriterionOutcome {
  id: string;
}

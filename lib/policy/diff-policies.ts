import { THRESHOLD_BOUND } from "./criteria/registry.ts";
import { SEVERITIES, type Criterion, type PolicyDocument } from "./schemas.ts";

/** One field of a criterion that differs between two policies. */
export interface CriterionFieldChange {
  field: string;
  from: unknown;
  to: unknown;
  /** Whether the change makes the policy stricter; "changed" when that has no direction (a new kind). */
  direction: "tightened" | "loosened" | "changed";
}

/** What happened to one criterion, by id. */
export type CriterionChange =
  | { id: string; type: "added"; criterion: Criterion }
  | { id: string; type: "removed"; criterion: Criterion }
  | { id: string; type: "changed"; changes: CriterionFieldChange[] };

/**
 * The differences from policy `a` to policy `b`, criterion by criterion (matched by id), for the
 * policy editor's diff view: changed and removed criteria in `a`'s order, then added ones in `b`'s.
 * Unchanged criteria are left out; the policy's name is not compared.
 *
 * @example
 * diffPolicies(a, b) // [{ id: "mia-auc", type: "changed", changes: [{ field: "threshold", from: 0.55, to: 0.5, direction: "tightened" }] }]
 */
export function diffPolicies(a: PolicyDocument, b: PolicyDocument): CriterionChange[] {
  const after = new Map(b.criteria.map((criterion) => [criterion.id, criterion]));
  const before = new Set(a.criteria.map((criterion) => criterion.id));
  const changes: CriterionChange[] = [];
  for (const criterion of a.criteria) {
    const next = after.get(criterion.id);
    if (!next) {
      changes.push({ id: criterion.id, type: "removed", criterion });
      continue;
    }
    const fields = diffCriterion(criterion, next);
    if (fields.length > 0) changes.push({ id: criterion.id, type: "changed", changes: fields });
  }
  for (const criterion of b.criteria) if (!before.has(criterion.id)) changes.push({ id: criterion.id, type: "added", criterion });
  return changes;
}

function diffCriterion(a: Criterion, b: Criterion): CriterionFieldChange[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((field) => field !== "id");
  const record = (criterion: Criterion, field: string) => (criterion as Record<string, unknown>)[field];
  return fields
    .filter((field) => JSON.stringify(record(a, field)) !== JSON.stringify(record(b, field)))
    .map((field) => {
      const from = record(a, field);
      const to = record(b, field);
      return { field, from, to, direction: a.kind === b.kind || field === "required" ? directionOf(a.kind, field, from, to) : "changed" };
    });
}

function directionOf(kind: Criterion["kind"], field: string, from: unknown, to: unknown): CriterionFieldChange["direction"] {
  if (field === "required" && typeof from === "boolean" && typeof to === "boolean") return to ? "tightened" : "loosened";
  if (typeof from === "number" && typeof to === "number") {
    // δ is always a maximum; the threshold follows its kind.
    const bound = field === "delta" ? "max" : field === "threshold" ? THRESHOLD_BOUND[kind] : "none";
    if (bound === "max") return to < from ? "tightened" : "loosened";
    if (bound === "min") return to > from ? "tightened" : "loosened";
  }
  if (field === "threshold" && THRESHOLD_BOUND[kind] === "severity") {
    // A lower severity counts more findings, so it is stricter.
    const rank = (severity: unknown) => SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
    if (rank(from) >= 0 && rank(to) >= 0) return rank(to) < rank(from) ? "tightened" : "loosened";
  }
  return "changed";
}

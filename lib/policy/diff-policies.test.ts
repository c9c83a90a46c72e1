import { describe, expect, it } from "vitest";
import { defaultPolicy } from "./default-policy.ts";
import { diffPolicies } from "./diff-policies.ts";
import type { PolicyDocument } from "./schemas.ts";

describe("diffPolicies", () => {
  it("finds nothing between equal policies", () => {
    expect(diffPolicies(defaultPolicy(), defaultPolicy())).toEqual([]);
  });

  it("lists changed and removed criteria in the old order, then added ones, with the direction of each change", () => {
    const before = defaultPolicy();
    const after: PolicyDocument = structuredClone(before);
    after.name = "stricter";
    after.criteria = after.criteria.filter((criterion) => criterion.id !== "contamination");
    after.criteria[0] = { id: "dp-epsilon", kind: "dp_epsilon_max", threshold: 1, delta: 1e-6, required: true };
    after.criteria[1] = { id: "mia-auc", kind: "mia_auc_max", threshold: 0.6, required: true };
    after.criteria[4] = { id: "pii-findings", kind: "no_open_pii_findings", threshold: "medium", required: true };
    after.criteria[6] = { id: "k-anonymity", kind: "k_anonymity_min", threshold: 10, required: true };
    after.criteria.push({ id: "contamination-strict", kind: "contamination_rate_max", threshold: 0, required: true });

    expect(diffPolicies(before, after)).toEqual([
      {
        id: "dp-epsilon",
        type: "changed",
        changes: [
          { field: "threshold", from: 3, to: 1, direction: "tightened" },
          { field: "delta", from: 1e-5, to: 1e-6, direction: "tightened" },
        ],
      },
      { id: "mia-auc", type: "changed", changes: [{ field: "threshold", from: 0.55, to: 0.6, direction: "loosened" }] },
      { id: "pii-findings", type: "changed", changes: [{ field: "threshold", from: "high", to: "medium", direction: "tightened" }] },
      {
        id: "k-anonymity",
        type: "changed",
        changes: [
          { field: "threshold", from: 5, to: 10, direction: "tightened" },
          { field: "required", from: false, to: true, direction: "tightened" },
        ],
      },
      { id: "contamination", type: "removed", criterion: { id: "contamination", kind: "contamination_rate_max", threshold: 0.01, required: false } },
      { id: "contamination-strict", type: "added", criterion: { id: "contamination-strict", kind: "contamination_rate_max", threshold: 0, required: true } },
    ]);
  });

  it("reports a criterion whose kind changed without a direction for its thresholds", () => {
    const before: PolicyDocument = { schemaVersion: 1, name: "p", criteria: [{ id: "leak", kind: "mia_auc_max", threshold: 0.55, required: true }] };
    const after: PolicyDocument = { schemaVersion: 1, name: "p", criteria: [{ id: "leak", kind: "empirical_epsilon_within_claim", required: false }] };
    expect(diffPolicies(before, after)).toEqual([
      {
        id: "leak",
        type: "changed",
        changes: [
          { field: "kind", from: "mia_auc_max", to: "empirical_epsilon_within_claim", direction: "changed" },
          { field: "threshold", from: 0.55, to: undefined, direction: "changed" },
          { field: "required", from: true, to: false, direction: "loosened" },
        ],
      },
    ]);
  });
});

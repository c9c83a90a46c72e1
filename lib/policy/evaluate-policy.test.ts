import { describe, expect, it } from "vitest";
import { defaultPolicy } from "./default-policy.ts";
import { evaluatePolicy } from "./evaluate-policy.ts";
import { evidenceBundleSchema, type EvidenceBundle, type PolicyDocument } from "./schemas.ts";
import { emptyEvidence, evidenceAtThresholds } from "./test-evidence.ts";

function statuses(policy: PolicyDocument, evidence: EvidenceBundle): Record<string, string> {
  return Object.fromEntries(evaluatePolicy(policy, evidence).criteria.map((result) => [result.id, result.status]));
}

/** Every path to a leaf of a JSON value, e.g. ["audits", "membershipInference", "auc"]. */
function leafPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  if (entries.length === 0) return [prefix];
  return entries.flatMap(([key, item]) => [[...prefix, key], ...leafPaths(item, [...prefix, key]).filter((path) => path.length > prefix.length + 1)]);
}

function without(evidence: EvidenceBundle, path: Array<string | number>): EvidenceBundle {
  const copy = structuredClone(evidence) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy as EvidenceBundle;
}

describe("evaluatePolicy", () => {
  it("passes every criterion when the evidence sits exactly on each threshold (≤ for max, ≥ for min)", () => {
    const evaluation = evaluatePolicy(defaultPolicy(), evidenceAtThresholds());
    expect(evaluation.criteria.map((result) => [result.id, result.status])).toEqual([
      ["dp-epsilon", "pass"],
      ["mia-auc", "pass"],
      ["mia-tpr-at-low-fpr", "pass"],
      ["empirical-epsilon", "pass"],
      ["pii-findings", "pass"],
      ["license", "pass"],
      ["k-anonymity", "pass"],
      ["contamination", "pass"],
      ["utility-loss", "pass"],
    ]);
    expect(evaluation.grade).toBe("A");
    expect(evaluation.criteria.find((result) => result.id === "utility-loss")).toEqual({
      id: "utility-loss",
      value: 0.05,
      threshold: 0.05,
      status: "pass",
      reason: "Utility loss = 0.050 (baseline accuracy 0.900 − model accuracy 0.850) is at most the policy's 0.050",
    });
  });

  it("fails each criterion just past its threshold, with a sentence naming value and threshold", () => {
    const evidence = evidenceAtThresholds();
    evidence.guarantee = { epsilon: 3.2, delta: 1e-5, accountant: "rdp", source: "accountant" };
    evidence.audits = { membershipInference: { auc: 0.5504, tprAtFpr: { "0.001": 0.0051 }, epsilonLowerBound: 3.3, certified: { epsilonLowerBound: 3.21 } } };
    evidence.datasets![0]!.kAnonymity = 4;
    evidence.datasets![0]!.openFindings!.high = 1;
    evidence.datasets![0]!.license = { verdict: "conflict", reasons: ["CC-BY-NC-4.0 forbids the commercial intended use"] };
    evidence.contaminationRate = 0.0101;
    evidence.utility = { accuracy: 0.849, baselineAccuracy: 0.9 };
    const reasons = Object.fromEntries(evaluatePolicy(defaultPolicy(), evidence).criteria.map((result) => [result.id, [result.status, result.reason]]));
    expect(reasons).toEqual({
      "dp-epsilon": ["fail", "ε = 3.20 at δ = 1e-5 exceeds the policy's 3.00"],
      // 0.5504 would round to the threshold's 0.550, so it is shown in full.
      "mia-auc": ["fail", "Membership-inference AUC = 0.5504 exceeds the policy's 0.550"],
      "mia-tpr-at-low-fpr": ["fail", "Membership-inference TPR at FPR 0.001 = 0.0051 exceeds the policy's 0.005"],
      "empirical-epsilon": ["fail", "The certified ε lower bound 3.21 exceeds the claimed ε = 3.20, so the audit refutes the DP guarantee"],
      "pii-findings": ["fail", "1 open PII finding of high severity or above in training dataset customers v2 (1)"],
      license: ["fail", "The license of customers v2 (CC-BY-NC-4.0 forbids the commercial intended use) conflicts with the intended use"],
      "k-anonymity": ["fail", "k = 4 in training dataset customers v2 is below the policy's 5"],
      contamination: ["fail", "Train/test contamination rate = 0.0101 exceeds the policy's 0.010"],
      "utility-loss": ["fail", "Utility loss = 0.051 (baseline accuracy 0.900 − model accuracy 0.849) exceeds the policy's 0.050"],
    });
  });

  it("reports empty evidence as missing for every criterion, and grades it F", () => {
    const evaluation = evaluatePolicy(defaultPolicy(), emptyEvidence());
    expect(evaluation.grade).toBe("F");
    expect(evaluation.criteria.every((result) => result.status === "missing" && result.value === null)).toBe(true);
    expect(evaluation.criteria[0]!.reason).toBe("No differential-privacy guarantee in the evidence; the policy requires ε ≤ 3.00 at δ ≤ 1e-5");
  });

  it("never turns a removed piece of evidence into a pass: each removal leaves statuses equal or makes them missing", () => {
    const policy = defaultPolicy();
    const full = evidenceAtThresholds();
    const before = statuses(policy, full);
    const paths = leafPaths(full).filter((path) => path[0] !== "schemaVersion" && path[0] !== "model");
    expect(paths.length).toBeGreaterThan(30);
    let becameMissing = 0;
    let valid = 0;
    for (const path of paths) {
      // Removing a field a valid bundle must have (ε of a guarantee) is refused by validateEvidence.
      const parsed = evidenceBundleSchema.safeParse(without(full, path));
      if (!parsed.success) continue;
      valid += 1;
      const after = statuses(policy, parsed.data);
      for (const [id, status] of Object.entries(after)) {
        // Removing the only training dataset's row or a non-training one may change which data is judged;
        // it must never invent a pass that was not there, and a removed measurement reads as missing.
        if (status !== before[id]) {
          expect({ path, id, status }).toEqual({ path, id, status: "missing" });
          becameMissing += 1;
        }
      }
    }
    expect(valid).toBeGreaterThan(25);
    expect(becameMissing).toBeGreaterThan(15);
  });

  it("turns null measurements into missing, not pass", () => {
    const evidence = evidenceAtThresholds();
    evidence.audits = { membershipInference: { auc: null, tprAtFpr: { "0.001": null }, epsilonLowerBound: null } };
    evidence.contaminationRate = null;
    evidence.utility = { accuracy: 0.85, baselineAccuracy: null };
    evidence.datasets![0]!.kAnonymity = null;
    evidence.datasets![0]!.license = null;
    evidence.datasets![0]!.openFindings = { info: 0, low: 0, medium: 0, critical: 0 };
    const result = statuses(defaultPolicy(), evidence);
    expect(result).toEqual({
      "dp-epsilon": "pass",
      "mia-auc": "missing",
      "mia-tpr-at-low-fpr": "missing",
      "empirical-epsilon": "missing",
      "pii-findings": "missing",
      license: "missing",
      "k-anonymity": "missing",
      contamination: "missing",
      "utility-loss": "missing",
    });
  });

  it("changes the grade when a policy is tightened after approval", () => {
    const evidence = evidenceAtThresholds();
    evidence.audits!.membershipInference!.auc = 0.53;
    const approved = defaultPolicy();
    expect(evaluatePolicy(approved, evidence).grade).toBe("A");

    const tightened = defaultPolicy();
    tightened.criteria[1] = { id: "mia-auc", kind: "mia_auc_max", threshold: 0.52, required: true };
    const after = evaluatePolicy(tightened, evidence);
    expect(after.grade).toBe("F");
    expect(after.criteria[1]).toEqual({
      id: "mia-auc",
      value: 0.53,
      threshold: 0.52,
      status: "fail",
      reason: "Membership-inference AUC = 0.530 exceeds the policy's 0.520",
    });

    // The same tightening on an optional criterion lowers the grade without failing it: 8 of 9 pass.
    const optional = structuredClone(tightened);
    optional.criteria[1]!.required = false;
    expect(evaluatePolicy(optional, evidence).grade).toBe("B");
  });

  it("keeps the policy's order and ids and the exact result keys", () => {
    const evaluation = evaluatePolicy(defaultPolicy(), evidenceAtThresholds());
    expect(Object.keys(evaluation)).toEqual(["grade", "criteria"]);
    for (const result of evaluation.criteria) expect(Object.keys(result)).toEqual(["id", "value", "threshold", "status", "reason"]);
    expect(evaluation.criteria.map((result) => result.id)).toEqual(defaultPolicy().criteria.map((criterion) => criterion.id));
  });

  it("is pure: it does not change its inputs and answers the same twice", () => {
    const policy = defaultPolicy();
    const evidence = evidenceAtThresholds();
    const [policyBefore, evidenceBefore] = [structuredClone(policy), structuredClone(evidence)];
    expect(evaluatePolicy(policy, evidence)).toEqual(evaluatePolicy(policy, evidence));
    expect(policy).toEqual(policyBefore);
    expect(evidence).toEqual(evidenceBefore);
  });
});

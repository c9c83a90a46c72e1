import { describe, expect, it } from "vitest";
import { defaultPolicy, evaluatePolicy } from "../policy/index.ts";
import type { CriterionResult } from "../policy/index.ts";
import { detectDrift } from "./detect-drift.ts";

const result = (id: string, status: CriterionResult["status"]): CriterionResult => ({ id, status, value: 1, threshold: 1, reason: `${id} is ${status}` });

describe("detectDrift", () => {
  it("flags criteria that passed at approval and no longer do, not those already failing then", () => {
    const approved = [result("mia-auc", "pass"), result("k-anonymity", "fail"), result("license", "pass")];
    const current = [result("mia-auc", "fail"), result("k-anonymity", "fail"), result("license", "missing")];
    expect(detectDrift(approved, current).map((d) => [d.id, d.before, d.after])).toEqual([
      ["mia-auc", "pass", "fail"],
      ["license", "pass", "missing"],
    ]);
  });

  it("is empty when nothing got worse", () => {
    expect(detectDrift([result("a", "pass")], [result("a", "pass")])).toEqual([]);
  });

  it("counts a criterion the policy added since approval, and everything without an approved snapshot", () => {
    expect(detectDrift([result("a", "pass")], [result("a", "pass"), result("new", "fail")])).toEqual([expect.objectContaining({ id: "new", before: null })]);
    expect(detectDrift(null, [result("a", "missing"), result("b", "pass")]).map((d) => d.id)).toEqual(["a"]);
  });

  it("catches a tightened policy: the same evidence, a lower AUC threshold", () => {
    const evidence = { schemaVersion: 1 as const, model: { name: "m", version: 1 }, audits: { membershipInference: { auc: 0.53 } } };
    const loose = evaluatePolicy(defaultPolicy(), evidence).criteria;
    const strict = defaultPolicy();
    strict.criteria = strict.criteria.map((c) => (c.kind === "mia_auc_max" ? { ...c, threshold: 0.5 } : c));
    const drift = detectDrift(loose, evaluatePolicy(strict, evidence).criteria);
    expect(drift).toEqual([expect.objectContaining({ id: "mia-auc", before: "pass", after: "fail", value: 0.53, threshold: 0.5 })]);
  });
});

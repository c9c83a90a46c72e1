import { describe, expect, it } from "vitest";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateDpEpsilonMax } from "./dp-epsilon-max.ts";

const criterion = { id: "dp", kind: "dp_epsilon_max" as const, threshold: 3, delta: 1e-5, required: true };
const withGuarantee = (epsilon: number, delta: number) => ({ ...emptyEvidence(), guarantee: { epsilon, delta, accountant: "prv", source: "accountant" as const } });

describe("evaluateDpEpsilonMax", () => {
  it("passes ε and δ equal to the policy's, and smaller ones", () => {
    expect(evaluateDpEpsilonMax(criterion, withGuarantee(3, 1e-5))).toEqual({
      value: { epsilon: 3, delta: 1e-5 },
      threshold: { epsilon: 3, delta: 1e-5 },
      status: "pass",
      reason: "ε = 3.00 at δ = 1e-5 (prv accountant) is within the policy's ε ≤ 3.00 at δ ≤ 1e-5",
    });
    expect(evaluateDpEpsilonMax(criterion, withGuarantee(0.5, 1e-7)).status).toBe("pass");
  });

  it("fails a small ε claimed at a larger δ: both must hold", () => {
    expect(evaluateDpEpsilonMax(criterion, withGuarantee(1, 1e-4))).toMatchObject({
      status: "fail",
      reason: "ε = 1.00 holds only at δ = 1e-4, above the policy's δ ≤ 1e-5",
    });
    expect(evaluateDpEpsilonMax(criterion, withGuarantee(8, 1e-4)).reason).toBe("ε = 8.00 at δ = 1e-4 exceeds the policy's ε ≤ 3.00 at δ ≤ 1e-5");
    expect(evaluateDpEpsilonMax(criterion, withGuarantee(3.2, 1e-5)).reason).toBe("ε = 3.20 at δ = 1e-5 exceeds the policy's 3.00");
  });

  it("fails a model trained without DP (guarantee null), and is missing when the evidence says nothing", () => {
    expect(evaluateDpEpsilonMax(criterion, { ...emptyEvidence(), guarantee: null })).toEqual({
      value: null,
      threshold: { epsilon: 3, delta: 1e-5 },
      status: "fail",
      reason: "The model was trained without differential privacy; the policy requires ε ≤ 3.00 at δ ≤ 1e-5",
    });
    expect(evaluateDpEpsilonMax(criterion, emptyEvidence()).status).toBe("missing");
  });

  it("never passes a declared guarantee, nor one whose source is absent: missing, declared, not verified", () => {
    const declared = { epsilon: 0.5, delta: 1e-7, accountant: "prv" };
    for (const guarantee of [{ ...declared, source: "declared" as const }, declared]) {
      expect(evaluateDpEpsilonMax(criterion, { ...emptyEvidence(), guarantee })).toEqual({
        value: { epsilon: 0.5, delta: 1e-7 },
        threshold: { epsilon: 3, delta: 1e-5 },
        status: "missing",
        reason: "declared, not verified",
      });
    }
  });
});

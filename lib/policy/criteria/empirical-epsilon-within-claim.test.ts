import { describe, expect, it } from "vitest";
import type { EvidenceBundle } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateEmpiricalEpsilonWithinClaim } from "./empirical-epsilon-within-claim.ts";

const criterion = { id: "emp", kind: "empirical_epsilon_within_claim" as const, required: true };
const evidence = (guarantee: EvidenceBundle["guarantee"], epsilonLowerBound?: number | null): EvidenceBundle => ({
  ...emptyEvidence(),
  guarantee,
  audits: { membershipInference: { epsilonLowerBound } },
});
const rdp = (epsilon: number) => ({ epsilon, delta: 1e-5, accountant: "rdp" });

describe("evaluateEmpiricalEpsilonWithinClaim", () => {
  it("passes a lower bound equal to the claim and fails one above it", () => {
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), 2))).toMatchObject({ value: 2, threshold: 2, status: "pass" });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), 2.5))).toEqual({
      value: 2.5,
      threshold: 2,
      status: "fail",
      reason: "The empirical ε lower bound 2.50 exceeds the claimed ε = 2.00, so the audit contradicts the DP guarantee",
    });
  });

  it("is missing, never passing, without a bound, without a claim, or when the model claims no DP at all", () => {
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), null)).status).toBe("missing");
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2))).status).toBe("missing");
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(undefined, 0.1))).toMatchObject({ value: 0.1, threshold: null, status: "missing" });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(null, 0.1))).toEqual({
      value: 0.1,
      threshold: null,
      status: "missing",
      reason: "The model claims no differential-privacy guarantee, so the empirical ε lower bound 0.10 has no claim to be checked against",
    });
  });
});

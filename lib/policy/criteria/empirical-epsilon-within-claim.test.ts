import { describe, expect, it } from "vitest";
import type { EvidenceBundle } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateEmpiricalEpsilonWithinClaim } from "./empirical-epsilon-within-claim.ts";

const criterion = { id: "emp", kind: "empirical_epsilon_within_claim" as const, required: true };
type Membership = NonNullable<NonNullable<EvidenceBundle["audits"]>["membershipInference"]>;
const evidence = (guarantee: EvidenceBundle["guarantee"], membership: Membership): EvidenceBundle => ({
  ...emptyEvidence(),
  guarantee,
  audits: { membershipInference: membership },
});
const rdp = (epsilon: number) => ({ epsilon, delta: 1e-5, accountant: "rdp" });

describe("evaluateEmpiricalEpsilonWithinClaim", () => {
  it("passes a certified bound equal to the claim and fails one above it", () => {
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), { certified: { epsilonLowerBound: 2 } }))).toMatchObject({ value: 2, threshold: 2, status: "pass" });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), { epsilonLowerBound: 0.1, certified: { epsilonLowerBound: 2.5 } }))).toEqual({
      value: 2.5,
      threshold: 2,
      status: "fail",
      reason: "The certified ε lower bound 2.50 exceeds the claimed ε = 2.00, so the audit refutes the DP guarantee",
    });
  });

  // Issue 12 item 7: the exploratory bound (every threshold swept, members not chosen at random) is not
  // a bound, so it can never fail a claim; before, 2.5 > 2 failed here.
  it("never fails on the exploratory bound alone: it is evidence, not a verdict", () => {
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), { epsilonLowerBound: 2.5 }))).toEqual({
      value: 2.5,
      threshold: 2,
      status: "pass",
      reason: "No audit with randomly chosen members refutes the claimed ε = 2.00; the exploratory ε lower bound 2.50 is evidence, not a verdict",
    });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), { epsilonLowerBound: 2.5, certified: null })).status).toBe("pass");
  });

  // Issue 12 item 8: a one-run audit's bound is about the retrained recipe, tested against that run's own ε.
  it("tests a one-run audit's certified bound against the retrained run's ε, not the stored claim", () => {
    const stoppedEarly = evidence(rdp(1), { certified: { epsilonLowerBound: 1.5, runEpsilon: 3 } });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, stoppedEarly)).toEqual({
      value: 1.5,
      threshold: 3,
      status: "pass",
      reason: "The certified ε lower bound 1.50 is at most ε = 3.00 of the retrained recipe it audited",
    });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(5), { certified: { epsilonLowerBound: 4, runEpsilon: 3 } }))).toMatchObject({ threshold: 3, status: "fail" });
  });

  it("is missing, never passing, without a bound, without a claim, or when the model claims no DP at all", () => {
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), { epsilonLowerBound: null })).status).toBe("missing");
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(rdp(2), {})).status).toBe("missing");
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(undefined, { epsilonLowerBound: 0.1 }))).toMatchObject({ value: 0.1, threshold: null, status: "missing" });
    expect(evaluateEmpiricalEpsilonWithinClaim(criterion, evidence(null, { certified: { epsilonLowerBound: 0.1 } }))).toEqual({
      value: 0.1,
      threshold: null,
      status: "missing",
      reason: "The model claims no differential-privacy guarantee, so the empirical ε lower bound 0.10 has no claim to be checked against",
    });
  });
});

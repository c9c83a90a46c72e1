import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { auditDpClaim } from "./epsilon-audit.ts";

describe("auditDpClaim", () => {
  const separated = { memberScores: Array(200).fill(1), nonMemberScores: Array(200).fill(0) };
  // Perfect separation, 200 a side: both Clopper–Pearson limits (α/2 = 0.025) at 0 of 200 are
  // u = 1 − 0.025^(1/200), and ε_lb = ln((1 − δ − u) / u) = 3.9837480659577524 (Python, math module).
  const bestPossible = 3.9837480659577524;

  it("marks a claim below the lower bound violated", () => {
    const audit = auditDpClaim({ ...separated, claimedEpsilon: 1, delta: 1e-5 });
    expect(audit.epsilonLowerBound).toBeCloseTo(bestPossible, 9);
    expect(audit).toMatchObject({ claimedEpsilon: 1, verdict: "violated", auc: 1, members: 200, nonMembers: 200, delta: 1e-5, alpha: 0.05 });
  });

  it("marks a claim at or above the lower bound consistent", () => {
    expect(auditDpClaim({ ...separated, claimedEpsilon: 4 }).verdict).toBe("consistent");
    const indistinguishable = auditDpClaim({ memberScores: [1, 2, 3, 4], nonMemberScores: [1, 2, 3, 4], claimedEpsilon: 0 });
    expect(indistinguishable.epsilonLowerBound).toBe(0);
    // Not "violated" at equality: the rule is strict.
    expect(indistinguishable.verdict).toBe("consistent");
  });

  it("gives no verdict without a claim", () => {
    const audit = auditDpClaim({ ...separated, claimedEpsilon: null });
    expect(audit.verdict).toBe("no_claim");
    expect(audit.claimedEpsilon).toBeNull();
    expect(audit.epsilonLowerBound).toBeCloseTo(bestPossible, 9);
  });

  it("refuses a claim that is not a finite ε ≥ 0, and invalid scores", () => {
    expect(() => auditDpClaim({ ...separated, claimedEpsilon: -1 })).toThrow(AppError);
    expect(() => auditDpClaim({ ...separated, claimedEpsilon: Number.POSITIVE_INFINITY })).toThrow(/claimedEpsilon must be a finite number ≥ 0 or null/);
    expect(() => auditDpClaim({ memberScores: [], nonMemberScores: [0], claimedEpsilon: 1 })).toThrow(/members must not be empty/);
  });
});

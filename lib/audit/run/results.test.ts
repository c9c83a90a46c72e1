import { describe, expect, it } from "vitest";
import { computeRoc, MembershipScores } from "../metrics/index.ts";
import { parseAuditConfig } from "./audit-config.ts";
import { membershipFigures, thinRoc } from "./membership-figures.ts";
import { auditResultsSchema, readMembershipEvidence } from "./results.ts";

const scores = new MembershipScores({ members: [3, 2, 2.5, 9], nonMembers: [2, 1, 0.5] });

describe("membership results", () => {
  it("readMembershipEvidence returns the scorecard's contract from stored results, null for other kinds", () => {
    const results = { kind: "scores_only", subject: "x", ...membershipFigures(scores, { claimedEpsilon: 0.1, delta: 1e-5 }) };
    expect(auditResultsSchema.parse(results).kind).toBe("scores_only");
    const evidence = readMembershipEvidence(results)!;
    expect(Object.keys(evidence).sort()).toEqual(["auc", "claimedEpsilon", "epsilonLowerBound", "tprAtFpr", "verdict"]);
    // 4 members × 3 non-members: every member pair wins except 2 vs 2 (a tie, ½): (12 − 0.5)/12.
    expect(evidence.auc).toBeCloseTo(11.5 / 12, 12);
    expect(evidence.verdict).toBe(evidence.epsilonLowerBound > 0.1 ? "violated" : "consistent");
    expect(readMembershipEvidence({ kind: "canary_exposure", canaries: [], maxExactExposure: 1, meanExposure: 1, repeats: 1, runEpsilon: null })).toBeNull();
    expect(readMembershipEvidence({ auc: "high" })).toBeNull();
    expect(readMembershipEvidence(null)).toBeNull();
  });

  it("the verdict is no_claim without a claim, and violated when the bound exceeds it", () => {
    const strong = new MembershipScores({ members: Array.from({ length: 400 }, (_, i) => 1000 + i), nonMembers: Array.from({ length: 400 }, (_, i) => i) });
    expect(membershipFigures(strong, { claimedEpsilon: null, delta: 1e-5 }).verdict).toBe("no_claim");
    const violated = membershipFigures(strong, { claimedEpsilon: 1, delta: 1e-5 });
    expect(violated.epsilonLowerBound).toBeGreaterThan(1);
    expect(violated.verdict).toBe("violated");
  });

  it("thinRoc keeps (0, 0), (1, 1) and the low-FPR steps, and bounds the points", () => {
    const big = new MembershipScores({ members: Array.from({ length: 100_000 }, (_, i) => Math.sin(i) + 0.3), nonMembers: Array.from({ length: 100_000 }, (_, i) => Math.cos(i)) });
    const roc = computeRoc(big);
    const thin = thinRoc(roc);
    expect(thin.fpr[0]).toBe(0);
    expect(thin.tpr[0]).toBe(0);
    expect(thin.fpr.at(-1)).toBe(1);
    expect(thin.tpr.at(-1)).toBe(1);
    expect(thin.fpr.length).toBeLessThan(2000);
    // Monotone, as the full curve.
    for (let i = 1; i < thin.fpr.length; i++) expect(thin.fpr[i]!).toBeGreaterThanOrEqual(thin.fpr[i - 1]!);
  });
});

describe("parseAuditConfig", () => {
  it("fills defaults and names the field at fault", () => {
    expect(parseAuditConfig("lira", {})).toMatchObject({ shadowModels: 16, variant: "online", maxExamples: 1000, delta: 1e-5 });
    expect(() => parseAuditConfig("lira", { shadowModels: 1 })).toThrow(/config\.shadowModels/);
    expect(() => parseAuditConfig("membership_inference", { surprise: true })).toThrow(/config/);
  });
});

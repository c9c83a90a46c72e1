import { describe, expect, it } from "vitest";
import { certifiedEpsilonLowerBound, computeRoc, MembershipScores } from "../metrics/index.ts";
import { parseAuditConfig } from "./audit-config.ts";
import { membershipFigures, thinRoc } from "./membership-figures.ts";
import { auditResultsSchema, readMembershipEvidence } from "./results.ts";

const scores = new MembershipScores({ members: [3, 2, 2.5, 9], nonMembers: [2, 1, 0.5] });

describe("membership results", () => {
  it("readMembershipEvidence returns the scorecard's contract from stored results, null for other kinds", () => {
    const results = { kind: "scores_only", subject: "x", ...membershipFigures(scores, { claimedEpsilon: 0.1, delta: 1e-5, seed: 1 }) };
    expect(auditResultsSchema.parse(results).kind).toBe("scores_only");
    const evidence = readMembershipEvidence(results)!;
    expect(Object.keys(evidence).sort()).toEqual(["auc", "certified", "claimedEpsilon", "epsilonLowerBound", "tprAtFpr", "verdict"]);
    // 4 members × 3 non-members: every member pair wins except 2 vs 2 (a tie, ½): (12 − 0.5)/12.
    expect(evidence.auc).toBeCloseTo(11.5 / 12, 12);
    // Uploaded scores: members not chosen at random, so no certified evidence for the criterion.
    expect(evidence.certified).toBeNull();
    expect(readMembershipEvidence({ kind: "canary_exposure", canaries: [], maxExactExposure: 1, meanExposure: 1, repeats: 1, runEpsilon: null })).toBeNull();
    expect(readMembershipEvidence({ auc: "high" })).toBeNull();
    expect(readMembershipEvidence(null)).toBeNull();
  });

  it("stores the certified bound beside the exploratory one, at the audit's δ", () => {
    const figures = membershipFigures(scores, { claimedEpsilon: 0.1, delta: 1e-6, seed: 3 });
    expect(figures.certified).toEqual(certifiedEpsilonLowerBound(scores, { delta: 1e-6, seed: 3 }));
    expect(figures).toMatchObject({ delta: 1e-6, certified: { delta: 1e-6, confidence: 0.95 } });
    // Fewer than 2 scores on a side: no split is possible.
    expect(membershipFigures(new MembershipScores({ members: [1], nonMembers: [0, 2] }), { claimedEpsilon: null, delta: 1e-5, seed: 1 }).certified).toBeNull();
  });

  // Issue 12 item 7: an attack on the fixed training set (members not chosen at random) never marks a
  // claim violated, however high its bounds; before, the exploratory bound above the claim did.
  it("the verdict is no_claim without a claim, and evidence_only, never violated, when the certified bound of a fixed-membership attack exceeds it", () => {
    const strong = new MembershipScores({ members: Array.from({ length: 400 }, (_, i) => 1000 + i), nonMembers: Array.from({ length: 400 }, (_, i) => i) });
    expect(membershipFigures(strong, { claimedEpsilon: null, delta: 1e-5, seed: 1 }).verdict).toBe("no_claim");
    const exceeded = membershipFigures(strong, { claimedEpsilon: 1, delta: 1e-5, seed: 1 });
    expect(exceeded.epsilonLowerBound).toBeGreaterThan(1);
    expect(exceeded.certified!.epsilonLowerBound).toBeGreaterThan(1);
    expect(exceeded.verdict).toBe("evidence_only");
    expect(membershipFigures(strong, { claimedEpsilon: 10, delta: 1e-5, seed: 1 }).verdict).toBe("consistent");
  });

  // Issue 12 item 10: the one-run audit attacks a retrained canary model; its AUC, TPR and exploratory
  // bound must never reach the stored model's MIA criteria (before, they did), only its certified bound.
  it("a one-run audit gives the scorecard only its certified bound and the retraining's ε, no attack figures", () => {
    const stored = {
      kind: "one_run_epsilon",
      ...membershipFigures(scores, { claimedEpsilon: 3, delta: 1e-5, seed: 1 }),
      epsilonLowerBound: 1.2,
      verdict: "consistent",
      oneRun: { canaries: 7, guesses: 2, correct: 2, beta: 0.05, steps: 40 },
      runEpsilon: 2.5,
    };
    expect(readMembershipEvidence(stored)).toEqual({
      auc: null,
      tprAtFpr: { "0.001": null, "0.01": null },
      epsilonLowerBound: null,
      certified: { epsilonLowerBound: 1.2, runEpsilon: 2.5 },
      claimedEpsilon: 3,
      verdict: "consistent",
    });
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

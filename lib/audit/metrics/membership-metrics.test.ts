import { describe, expect, it } from "vitest";
import { membershipMetrics } from "./membership-metrics.ts";
import { MembershipScores } from "./membership-scores.ts";

describe("membershipMetrics", () => {
  it("combines the hand-checked metrics of a small tied example", () => {
    // Points (FPR, TPR): (0,0) (0,¼) (⅓,¼) (⅔,¾) (⅔,1) (1,1); see compute-roc.test.ts.
    const scores = new MembershipScores({ members: [0.9, 0.7, 0.7, 0.4], nonMembers: [0.8, 0.7, 0.3] });
    const metrics = membershipMetrics(scores, { bootstrap: false });
    expect(metrics).toEqual({
      auc: 7 / 12,
      advantage: 1 / 3, // at (⅔, 1)
      tprAtFpr: { "0.001": 0.25, "0.01": 0.25 },
      epsilonLowerBound: 0, // 4 and 3 examples cannot certify anything
      balancedAccuracy: 2 / 3,
      ppv: metrics.ppv,
      memberPrior: 0.5,
      members: 4,
      nonMembers: 3,
      delta: 1e-5,
      alpha: 0.05,
      confidenceIntervals: null,
    });
    expect(metrics.ppv).toBeCloseTo(0.6, 15); // ½·1 / (½·1 + ½·⅔)
    expect(membershipMetrics(scores, { bootstrap: false, memberPrior: 0.25 }).ppv).toBeCloseTo(1 / 3, 15);
  });

  it("reports a perfect attack and a non-zero ε bound for 50 separated pairs", () => {
    const metrics = membershipMetrics(
      new MembershipScores({
        members: Array.from({ length: 50 }, (_, i) => 100 + i),
        nonMembers: Array.from({ length: 50 }, (_, i) => i),
      }),
      { bootstrap: { resamples: 20 } },
    );
    expect(metrics).toMatchObject({ auc: 1, advantage: 1, tprAtFpr: { "0.001": 1, "0.01": 1 }, balancedAccuracy: 1, ppv: 1 });
    expect(metrics.epsilonLowerBound).toBeCloseTo(2.5695739172851564, 12);
    expect(metrics.confidenceIntervals).toMatchObject({ resamples: 20, seed: 1, level: 0.95, auc: { lower: 1, upper: 1 } });
  });

  it("reports chance level for identical samples and PPV equal to the prior when nothing beats (0, 0)", () => {
    const sample = [0.2, 0.4, 0.4, 0.9];
    const metrics = membershipMetrics(new MembershipScores({ members: sample, nonMembers: sample }), {
      bootstrap: false,
      memberPrior: 0.3,
    });
    expect(metrics.auc).toBe(0.5);
    expect(metrics.advantage).toBe(0);
    expect(metrics.ppv).toBe(0.3);
    expect(metrics.epsilonLowerBound).toBe(0);
  });

  it("passes δ on to the ε bound and echoes it", () => {
    const scores = new MembershipScores({
      members: Array.from({ length: 50 }, (_, i) => 100 + i),
      nonMembers: Array.from({ length: 50 }, (_, i) => i),
    });
    const loose = membershipMetrics(scores, { bootstrap: false, delta: 0.1 });
    expect(loose.delta).toBe(0.1);
    expect(loose.epsilonLowerBound).toBeLessThan(membershipMetrics(scores, { bootstrap: false }).epsilonLowerBound);
  });

  it("validates first and names itself", () => {
    expect(() => membershipMetrics(new MembershipScores({ members: [1], nonMembers: [] }))).toThrow(
      /^membershipMetrics: nonMembers must not be empty$/,
    );
    expect(() => membershipMetrics(new MembershipScores({ members: [1], nonMembers: [0] }), { memberPrior: 0 })).toThrow(
      /positivePredictiveValue: memberPrior must be in \(0, 1\)/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { attackerAdvantage } from "./attacker-advantage.ts";
import { computeRoc } from "./compute-roc.ts";
import { MembershipScores } from "./membership-scores.ts";

const advantageOf = (members: number[], nonMembers: number[]) =>
  attackerAdvantage(computeRoc(new MembershipScores({ members, nonMembers })));

describe("attackerAdvantage", () => {
  it("is the largest TPR − FPR over the points (hand-checked, with ties)", () => {
    // Points (FPR, TPR): (0,0) 0; (0,¼) ¼; (⅓,¼) −1/12; (⅔,¾) 1/12; (⅔,1) ⅓; (1,1) 0 → ⅓ at index 4 (t = 0.4).
    const result = advantageOf([0.9, 0.7, 0.7, 0.4], [0.8, 0.7, 0.3]);
    expect(result.advantage).toBe(1 / 3);
    expect(result.pointIndex).toBe(4);
    // Balanced accuracy (TPR + TNR)/2 = (1 + ⅓)/2 = ⅔ at the same point.
    expect(result.balancedAccuracy).toBe(2 / 3);
  });

  it("is 1 under perfect separation and 0, never negative, when reversed or all tied", () => {
    expect(advantageOf([5, 6, 7], [1, 2])).toEqual({ advantage: 1, balancedAccuracy: 1, pointIndex: 3 });
    expect(advantageOf([1, 2], [5, 6, 7])).toEqual({ advantage: 0, balancedAccuracy: 0.5, pointIndex: 0 });
    expect(advantageOf([3, 3], [3, 3, 3])).toEqual({ advantage: 0, balancedAccuracy: 0.5, pointIndex: 0 });
  });

  it("takes the first (highest-threshold) point when several reach the maximum", () => {
    // members 3, 2; non-members 2, 1: (0,0) 0; (0,½) ½; (½,1) ½; (1,1) 0 → index 1.
    expect(advantageOf([3, 2], [2, 1]).pointIndex).toBe(1);
  });

  it("equals the brute-force maximum of TPR − FPR and balanced accuracy on random inputs", () => {
    let seed = 9;
    const next = () => (seed = (seed * 16807) % 2147483647) % 17;
    for (let trial = 0; trial < 15; trial++) {
      const members = Array.from({ length: 5 + trial * 3 }, () => next() + (trial % 4));
      const nonMembers = Array.from({ length: 4 + trial * 2 }, next);
      const roc = computeRoc(new MembershipScores({ members, nonMembers }));
      let best = 0;
      let bestBalanced = 0.5;
      for (let k = 0; k < roc.tpr.length; k++) {
        best = Math.max(best, roc.tpr[k]! - roc.fpr[k]!);
        bestBalanced = Math.max(bestBalanced, (roc.tpr[k]! + 1 - roc.fpr[k]!) / 2);
      }
      const result = attackerAdvantage(roc);
      expect(result.advantage).toBeCloseTo(best, 14);
      expect(result.balancedAccuracy).toBeCloseTo(bestBalanced, 14);
    }
  });
});

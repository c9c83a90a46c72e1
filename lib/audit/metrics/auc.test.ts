import { describe, expect, it } from "vitest";
import { auc } from "./auc.ts";
import { computeRoc } from "./compute-roc.ts";
import { MembershipScores } from "./membership-scores.ts";

const aucOf = (members: number[], nonMembers: number[]) => auc(computeRoc(new MembershipScores({ members, nonMembers })));

/** The definition: over all (member, non-member) pairs, 1 for a win and ½ for a tie. */
function pairwiseAuc(members: number[], nonMembers: number[]): number {
  let wins = 0;
  for (const s of members) for (const t of nonMembers) wins += s > t ? 1 : s === t ? 0.5 : 0;
  return wins / (members.length * nonMembers.length);
}

describe("auc", () => {
  it("counts ties as one half (hand-checked)", () => {
    // members 0.9, 0.7, 0.7, 0.4; non-members 0.8, 0.7, 0.3. Pairs won:
    //   0.9 beats all three: 3;  each 0.7 beats 0.3 and ties 0.7: 1.5 + 1.5;  0.4 beats 0.3: 1
    // 7 of 12 pairs. Integer trapezoids on the ROC points (FP, TP) = (0,0) (0,1) (1,1) (2,3) (2,4) (3,4):
    //   ΔFP·(TP + TP_prev) = 0 + 1·2 + 1·4 + 0 + 1·8 = 14 = 2 × 7.
    expect(aucOf([0.9, 0.7, 0.7, 0.4], [0.8, 0.7, 0.3])).toBe(7 / 12);
  });

  it("is 1 under perfect separation and 0 when reversed", () => {
    expect(aucOf([5, 6, 7], [1, 2])).toBe(1);
    expect(aucOf([1, 2], [5, 6, 7])).toBe(0);
  });

  it("is exactly ½ when every score is tied and for identical samples", () => {
    expect(aucOf([3, 3, 3], [3, 3])).toBe(0.5);
    const sample = [0.1, 0.5, 0.5, 0.2, 0.9, 0.9, 0.9, -3];
    expect(aucOf(sample, [...sample].reverse())).toBe(0.5);
    const large = Array.from({ length: 20_001 }, (_, i) => Math.sin(i) * 1000);
    expect(aucOf(large, large)).toBe(0.5);
  });

  it("equals the pairwise definition on tie-heavy random inputs", () => {
    let seed = 5;
    const next = () => (seed = (seed * 16807) % 2147483647) % 13;
    for (let trial = 0; trial < 20; trial++) {
      const members = Array.from({ length: 1 + (trial * 7) % 40 }, next);
      const nonMembers = Array.from({ length: 1 + (trial * 11) % 30 }, next);
      expect(aucOf(members, nonMembers)).toBe(pairwiseAuc(members, nonMembers));
    }
  });

  it("is exact, not a sum of float trapezoids, for large inputs", () => {
    // 3 members above 7 non-members with 10^5 copies each: AUC = 1 exactly, no drift.
    const members = new Float64Array(100_000).fill(2);
    const nonMembers = new Float64Array(100_000).fill(1);
    expect(auc(computeRoc(new MembershipScores({ members, nonMembers })))).toBe(1);
    // Half the members tie the non-members: AUC = ½ + ½·½ = ¾ exactly.
    members.fill(1, 0, 50_000);
    expect(auc(computeRoc(new MembershipScores({ members, nonMembers })))).toBe(0.75);
  });

  it("does not change when every score is shifted or scaled by a positive factor", () => {
    const members = [0.3, 0.8, 0.8, 0.1];
    const nonMembers = [0.2, 0.8, 0.05];
    expect(aucOf(members.map((s) => 10 * s + 3), nonMembers.map((s) => 10 * s + 3))).toBe(aucOf(members, nonMembers));
  });
});

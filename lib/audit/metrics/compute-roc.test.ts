import { describe, expect, it } from "vitest";
import { computeRoc } from "./compute-roc.ts";
import { MembershipScores } from "./membership-scores.ts";

describe("computeRoc", () => {
  it("has one point per distinct threshold plus (0, 0), ties entering together", () => {
    // members 0.9, 0.7, 0.7, 0.4 (m = 4); non-members 0.8, 0.7, 0.3 (n = 3). "member iff score ≥ t":
    //   t = ∞    TP 0  FP 0   (FPR, TPR) = (0, 0)
    //   t = 0.9  TP 1  FP 0   (0, 1/4)
    //   t = 0.8  TP 1  FP 1   (1/3, 1/4)
    //   t = 0.7  TP 3  FP 2   (2/3, 3/4)   two members and one non-member tie at 0.7 and enter together
    //   t = 0.4  TP 4  FP 2   (2/3, 1)
    //   t = 0.3  TP 4  FP 3   (1, 1)
    const roc = computeRoc(new MembershipScores({ members: [0.7, 0.4, 0.9, 0.7], nonMembers: [0.3, 0.8, 0.7] }));
    expect(roc.members).toBe(4);
    expect(roc.nonMembers).toBe(3);
    expect(Array.from(roc.thresholds)).toEqual([Number.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.4, 0.3]);
    expect(Array.from(roc.truePositives)).toEqual([0, 1, 1, 3, 4, 4]);
    expect(Array.from(roc.falsePositives)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(Array.from(roc.tpr)).toEqual([0, 0.25, 0.25, 0.75, 1, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 1 / 3, 2 / 3, 2 / 3, 1]);
  });

  it("has only (0, 0) and (1, 1) when every score is tied", () => {
    const roc = computeRoc(new MembershipScores({ members: [3, 3, 3], nonMembers: [3, 3] }));
    expect(Array.from(roc.thresholds)).toEqual([Number.POSITIVE_INFINITY, 3]);
    expect(Array.from(roc.tpr)).toEqual([0, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 1]);
  });

  it("reaches TPR 1 at FPR 0 under perfect separation", () => {
    // t = ∞ (0,0); 7 (0,1/3); 6 (0,2/3); 5 (0,1); 2 (1/2,1); 1 (1,1)
    const roc = computeRoc(new MembershipScores({ members: [5, 6, 7], nonMembers: [1, 2] }));
    expect(Array.from(roc.tpr)).toEqual([0, 1 / 3, 2 / 3, 1, 1, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 0, 0, 0, 0.5, 1]);
  });

  it("treats −0 and +0 as one threshold", () => {
    const roc = computeRoc(new MembershipScores({ members: [-0], nonMembers: [0] }));
    expect(roc.thresholds.length).toBe(2);
    expect(Array.from(roc.tpr)).toEqual([0, 1]);
    expect(Array.from(roc.fpr)).toEqual([0, 1]);
  });

  it("is monotone: thresholds fall, TP and FP never fall, and it ends at (1, 1)", () => {
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 50) / 5;
    const roc = computeRoc(
      new MembershipScores({ members: Array.from({ length: 300 }, next), nonMembers: Array.from({ length: 200 }, next) }),
    );
    for (let k = 1; k < roc.thresholds.length; k++) {
      expect(roc.thresholds[k]!).toBeLessThan(roc.thresholds[k - 1]!);
      expect(roc.truePositives[k]!).toBeGreaterThanOrEqual(roc.truePositives[k - 1]!);
      expect(roc.falsePositives[k]!).toBeGreaterThanOrEqual(roc.falsePositives[k - 1]!);
      expect(roc.truePositives[k]! + roc.falsePositives[k]!).toBeGreaterThan(roc.truePositives[k - 1]! + roc.falsePositives[k - 1]!);
    }
    expect(roc.tpr[roc.tpr.length - 1]).toBe(1);
    expect(roc.fpr[roc.fpr.length - 1]).toBe(1);
  });

  it("validates its input and names itself", () => {
    expect(() => computeRoc(new MembershipScores({ members: [], nonMembers: [1] }))).toThrow(/^computeRoc: members must not be empty$/);
  });
});

import { describe, expect, it } from "vitest";
import { computeRoc } from "./compute-roc.ts";
import { MembershipScores } from "./membership-scores.ts";
import { tprAtFpr } from "./tpr-at-fpr.ts";

describe("tprAtFpr", () => {
  // Points (FPR, TPR): (0,0) (0,¼) (⅓,¼) (⅔,¾) (⅔,1) (1,1), from members 0.9 0.7 0.7 0.4, non-members 0.8 0.7 0.3.
  const roc = computeRoc(new MembershipScores({ members: [0.9, 0.7, 0.7, 0.4], nonMembers: [0.8, 0.7, 0.3] }));

  it("takes the largest TPR among points with FPR strictly below the target, no interpolation", () => {
    expect(tprAtFpr(roc, 0.001)).toBe(0.25); // points with FPR 0
    expect(tprAtFpr(roc, 0.01)).toBe(0.25);
    expect(tprAtFpr(roc, 1 / 3)).toBe(0.25); // FPR ⅓ is not strictly below ⅓
    expect(tprAtFpr(roc, 0.34)).toBe(0.25); // (⅓, ¼) — no interpolation towards (⅔, ¾)
    expect(tprAtFpr(roc, 0.67)).toBe(1); // (⅔, 1)
    expect(tprAtFpr(roc, 1)).toBe(1);
  });

  it("is 0 when the top score is a non-member and 1 under perfect separation", () => {
    const reversed = computeRoc(new MembershipScores({ members: [1, 2], nonMembers: [5, 6, 7] }));
    expect(tprAtFpr(reversed, 0.01)).toBe(0);
    const separated = computeRoc(new MembershipScores({ members: [5, 6, 7], nonMembers: [1, 2] }));
    expect(tprAtFpr(separated, 0.001)).toBe(1);
  });

  it("is 0 when every score is tied: the only point below FPR 1 is (0, 0)", () => {
    expect(tprAtFpr(computeRoc(new MembershipScores({ members: [3, 3], nonMembers: [3] })), 0.5)).toBe(0);
  });

  it("matches the LiRA reference expression tpr[where(fpr < t)[-1]] on random inputs and grows with t", () => {
    let seed = 3;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const roc = computeRoc(
      new MembershipScores({
        members: Array.from({ length: 3000 }, () => next() + 0.3),
        nonMembers: Array.from({ length: 2000 }, next),
      }),
    );
    let previous = 0;
    for (const t of [0.0005, 0.001, 0.002, 0.01, 0.1, 0.5, 1]) {
      let lastBelow = 0;
      for (let k = 0; k < roc.fpr.length; k++) if (roc.fpr[k]! < t) lastBelow = k;
      expect(tprAtFpr(roc, t)).toBe(roc.tpr[lastBelow]);
      expect(tprAtFpr(roc, t)).toBeGreaterThanOrEqual(previous);
      previous = tprAtFpr(roc, t);
    }
  });

  it("throws naming itself when the target is outside (0, 1]", () => {
    expect(() => tprAtFpr(roc, 0)).toThrow(/^tprAtFpr: maxFpr must be in \(0, 1\], got 0$/);
    expect(() => tprAtFpr(roc, 1.5)).toThrow(/tprAtFpr/);
  });
});

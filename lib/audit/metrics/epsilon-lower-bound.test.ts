import { describe, expect, it } from "vitest";
import { clopperPearsonUpperLimit } from "./clopper-pearson.ts";
import { computeRoc, type RocCurve } from "./compute-roc.ts";
import { epsilonLowerBound } from "./epsilon-lower-bound.ts";
import { MembershipScores } from "./membership-scores.ts";

const rocOf = (members: number[], nonMembers: number[]) => computeRoc(new MembershipScores({ members, nonMembers }));

/**
 * The definition, sweeping every threshold with nothing skipped:
 * max(0, max_t max(ln((1 − δ − FPR_hi)/FNR_hi), ln((1 − δ − FNR_hi)/FPR_hi))), terms with a numerator ≤ 0 dropped.
 */
function sweepEveryThreshold(roc: RocCurve, delta = 1e-5, alpha = 0.05): number {
  let best = 0;
  for (let k = 0; k < roc.truePositives.length; k++) {
    const fprHi = clopperPearsonUpperLimit(roc.falsePositives[k]!, roc.nonMembers, alpha / 2);
    const fnrHi = clopperPearsonUpperLimit(roc.members - roc.truePositives[k]!, roc.members, alpha / 2);
    if (1 - delta - fprHi > 0) best = Math.max(best, Math.log((1 - delta - fprHi) / fnrHi));
    if (1 - delta - fnrHi > 0) best = Math.max(best, Math.log((1 - delta - fnrHi) / fprHi));
  }
  return best;
}

// Integer scores with many ties (generated with Python's random.Random(7): members randint(4, 20) × 40,
// non-members randint(0, 14) × 30), and ε recomputed there from the definition with scipy.stats.beta.ppf:
//   eps_lb(members, non) = 0.3319913917959582; delta=0.01 → 0.24712840807749775; alpha=0.1 → 0.664040782073741
const MEMBERS = [14, 8, 16, 5, 6, 7, 15, 5, 20, 10, 5, 6, 17, 17, 6, 11, 6, 17, 5, 7, 11, 5, 16, 5, 11, 5, 8, 13, 17, 8, 7, 13, 9, 7, 10, 15, 7, 6, 5, 10];
const NON_MEMBERS = [7, 10, 8, 6, 12, 5, 7, 9, 14, 7, 5, 4, 3, 12, 2, 11, 12, 3, 1, 9, 4, 8, 7, 14, 5, 11, 7, 4, 9, 1];

describe("epsilonLowerBound", () => {
  it("matches an independent scipy implementation of the definition on tied integer scores", () => {
    const roc = rocOf(MEMBERS, NON_MEMBERS);
    expect(epsilonLowerBound(roc)).toBeCloseTo(0.3319913917959582, 12);
    expect(epsilonLowerBound(roc, { delta: 0.01 })).toBeCloseTo(0.24712840807749775, 12);
    expect(epsilonLowerBound(roc, { alpha: 0.1 })).toBeCloseTo(0.664040782073741, 12);
  });

  it("has the closed form ln((1 − δ − u)/u), u = 1 − 0.025^(1/50), under perfect separation of 50 and 50", () => {
    // At the threshold between the groups FP = FN = 0, so FPR_hi = FNR_hi = u, the smallest limits of all;
    // every other threshold has a larger count on one side. scipy gives 2.5695739172851564.
    const u = -Math.expm1(Math.log(0.025) / 50);
    const members = Array.from({ length: 50 }, (_, i) => 100 + i);
    const nonMembers = Array.from({ length: 50 }, (_, i) => i);
    const epsilon = epsilonLowerBound(rocOf(members, nonMembers));
    expect(epsilon).toBeCloseTo(Math.log((1 - 1e-5 - u) / u), 12);
    expect(epsilon).toBeCloseTo(2.5695739172851564, 12);
  });

  it("is 0 when five and five are perfectly separated: u = 1 − 0.025^(1/5) ≈ 0.52 is no evidence", () => {
    // ln((1 − δ − 0.5217)/0.5217) < 0, and every other point is worse, so the floor applies.
    expect(epsilonLowerBound(rocOf([1, 1, 1, 1, 1], [0, 0, 0, 0, 0]))).toBe(0);
  });

  it("is 0 when every score is tied and when members score lower", () => {
    // All tied: points (0,0) and (1,1). At (0,0): FNR_hi = 1 (all 3 members missed), so the first term is
    // ln(1 − δ − FPR_hi) < 0 and the second has numerator −δ < 0 (skipped). (1,1) mirrors it.
    expect(epsilonLowerBound(rocOf([3, 3, 3], [3, 3]))).toBe(0);
    expect(epsilonLowerBound(rocOf([1, 2], [5, 6, 7]))).toBe(0);
  });

  it("gives the same value as sweeping every threshold (the pruning skips nothing that matters)", () => {
    let seed = 17;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 24; trial++) {
      const m = 5 + Math.floor(next() * (trial < 12 ? 60 : 3000));
      const n = 5 + Math.floor(next() * (trial < 12 ? 60 : 3000));
      const shift = (trial % 6) - 1.5;
      const levels = trial % 3 === 0 ? 8 : 1000; // some inputs heavy with ties
      const members = Array.from({ length: m }, () => Math.round((next() + next() + shift) * levels) / levels);
      const nonMembers = Array.from({ length: n }, () => Math.round((next() + next()) * levels) / levels);
      const roc = rocOf(members, nonMembers);
      for (const options of [{}, { delta: 0.05 }, { alpha: 0.2 }]) {
        expect(epsilonLowerBound(roc, options)).toBe(sweepEveryThreshold(roc, options.delta, options.alpha));
      }
    }
  });

  it("falls as δ grows, rises as α grows, and is never negative", () => {
    const roc = rocOf(MEMBERS, NON_MEMBERS);
    const deltas = [0, 1e-5, 1e-3, 0.05, 0.2, 0.9].map((delta) => epsilonLowerBound(roc, { delta }));
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]!).toBeLessThanOrEqual(deltas[i - 1]!);
    expect(deltas[deltas.length - 1]).toBe(0);
    const alphas = [0.001, 0.01, 0.05, 0.1, 0.2].map((alpha) => epsilonLowerBound(roc, { alpha }));
    for (let i = 1; i < alphas.length; i++) expect(alphas[i]!).toBeGreaterThanOrEqual(alphas[i - 1]!);
    expect(alphas[0]).toBe(0);
    expect(alphas[4]!).toBeGreaterThan(alphas[2]!);
  });

  it("grows with the evidence: more separated examples give a larger bound", () => {
    const separated = (size: number) =>
      epsilonLowerBound(
        rocOf(
          Array.from({ length: size }, (_, i) => size + i),
          Array.from({ length: size }, (_, i) => i),
        ),
      );
    expect(separated(100)).toBeGreaterThan(separated(50));
    expect(separated(1000)).toBeGreaterThan(separated(100));
  });

  it("throws naming itself when δ or α is out of range", () => {
    const roc = rocOf([1], [0]);
    expect(() => epsilonLowerBound(roc, { delta: 1 })).toThrow(/^epsilonLowerBound: delta must be in \[0, 1\), got 1$/);
    expect(() => epsilonLowerBound(roc, { delta: -0.1 })).toThrow(/epsilonLowerBound: delta/);
    expect(() => epsilonLowerBound(roc, { alpha: 0 })).toThrow(/^epsilonLowerBound: alpha must be in \(0, 1\), got 0$/);
  });
});

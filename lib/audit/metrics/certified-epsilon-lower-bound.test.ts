import { describe, expect, it } from "vitest";
import { certifiedEpsilonLowerBound } from "./certified-epsilon-lower-bound.ts";
import { computeRoc } from "./compute-roc.ts";
import { epsilonLowerBound, epsilonLowerBoundAt } from "./epsilon-lower-bound.ts";
import { MembershipScores } from "./membership-scores.ts";
import { mulberry32 } from "../../numerics/index.ts";

/** Standard normal draws (Box–Muller) from a seeded generator. */
function normals(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * `runs` null score sets (members and non-members drawn from one distribution, so exchangeable), from
 * seed 2026: 20–419 scores a side, every third set integer scores in 0..9 (heavy ties), the rest normal.
 */
function nullScoreSets(runs: number): MembershipScores[] {
  const random = mulberry32(2026);
  const normal = normals(random);
  return Array.from({ length: runs }, (_, r) => {
    const draw = r % 3 === 0 ? () => Math.floor(random() * 10) : normal;
    const m = 20 + Math.floor(random() * 400);
    const n = 20 + Math.floor(random() * 400);
    return new MembershipScores({ members: Array.from({ length: m }, draw), nonMembers: Array.from({ length: n }, draw) });
  });
}

describe("certifiedEpsilonLowerBound", () => {
  // The guarantee: under the null, P(bound > 0) ≤ 1 − confidence. Tolerance: none, the observed rate
  // itself must be at most 1 − confidence over 300 sets (measured: 0 of 300 at 0.95, 4 of 300 at 0.8).
  it.each([0.95, 0.8])("exceeds 0 in at most 1 − confidence of 300 null score sets (confidence %s, fixed seed)", (confidence) => {
    const sets = nullScoreSets(300);
    const positives = sets.filter((scores, r) => certifiedEpsilonLowerBound(scores, { confidence, seed: r }).epsilonLowerBound > 0).length;
    expect(positives / sets.length).toBeLessThanOrEqual(1 - confidence);
  });

  // Measured: 76 of 300 (25%) above 0, against the 20% allowed; so a version that chose the threshold on
  // the test counts themselves would fail the check above.
  it("is needed: the exploratory bound (threshold chosen on the same scores) breaks the same null check at confidence 0.8", () => {
    const sets = nullScoreSets(300);
    const positives = sets.filter((scores) => epsilonLowerBound(computeRoc(scores), { alpha: 0.2 }) > 0).length;
    expect(positives / sets.length).toBeGreaterThan(0.2);
  });

  it("finds ε ≥ 2 when members score 3 standard deviations above non-members, 5000 a side (seed 7)", () => {
    const normal = normals(mulberry32(7));
    const scores = new MembershipScores({ members: Array.from({ length: 5000 }, () => 3 + normal()), nonMembers: Array.from({ length: 5000 }, normal) });
    const result = certifiedEpsilonLowerBound(scores);
    expect(result.epsilonLowerBound).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ direction: "higher", confidence: 0.95, delta: 1e-5, selection: { members: 2500, nonMembers: 2500 }, test: { members: 2500, nonMembers: 2500 } });
  });

  it("finds a reversed attack (members lower) with direction lower", () => {
    const normal = normals(mulberry32(11));
    const members = Array.from({ length: 1001 }, () => -3 + normal());
    const nonMembers = Array.from({ length: 800 }, normal);
    const result = certifiedEpsilonLowerBound(new MembershipScores({ members, nonMembers }), { seed: 5, confidence: 0.9, delta: 1e-6 });
    expect(result).toMatchObject({ direction: "lower", confidence: 0.9, delta: 1e-6, selection: { members: 500, nonMembers: 400 }, test: { members: 501, nonMembers: 400 } });
    expect(result.epsilonLowerBound).toBeGreaterThan(2);
  });

  it("measures on the test half only: 100 members at 1 and 100 non-members at 0 give ln((1 − δ − u)/u), u = 1 − 0.025^(1/50)", () => {
    // The threshold 0.5 (halfway between the groups) separates them; the test half (50 a side) has FP = FN = 0, so both
    // Clopper–Pearson limits are u. On all 100 a side it would be 1 − 0.025^(1/100), a larger bound.
    const result = certifiedEpsilonLowerBound(new MembershipScores({ members: new Array(100).fill(1), nonMembers: new Array(100).fill(0) }));
    const u = -Math.expm1(Math.log(0.025) / 50);
    expect(result).toMatchObject({ threshold: 0.5, direction: "higher", test: { members: 50, nonMembers: 50 } });
    expect(result.epsilonLowerBound).toBeCloseTo(Math.log((1 - 1e-5 - u) / u), 12);
    expect(result.epsilonLowerBound).toBeCloseTo(epsilonLowerBoundAt({ falsePositives: 0, nonMembers: 50, falseNegatives: 0, members: 50 }), 12);
  });

  it("is reproducible from its seed and depends on it", () => {
    const normal = normals(mulberry32(3));
    const scores = new MembershipScores({ members: Array.from({ length: 300 }, () => 1 + normal()), nonMembers: Array.from({ length: 300 }, normal) });
    expect(certifiedEpsilonLowerBound(scores, { seed: 4 })).toEqual(certifiedEpsilonLowerBound(scores, { seed: 4 }));
    const bounds = new Set([1, 2, 3, 4, 5].map((seed) => certifiedEpsilonLowerBound(scores, { seed }).epsilonLowerBound));
    expect(bounds.size).toBeGreaterThan(1);
  });

  it.each([
    [{ members: [1], nonMembers: [0, 1] }, {}, "members must hold at least 2 scores"],
    [{ members: [1, 2], nonMembers: [0, 1] }, { confidence: 1 }, "confidence must be in (0, 1), got 1"],
    [{ members: [1, 2], nonMembers: [0, 1] }, { delta: 1 }, "delta must be in [0, 1), got 1"],
    [{ members: [1, 2], nonMembers: [0, 1] }, { seed: 1.5 }, "seed must be a whole number, got 1.5"],
  ])("refuses %j with %j, naming the rule", (input, options, message) => {
    expect(() => certifiedEpsilonLowerBound(new MembershipScores(input), options)).toThrow(`certifiedEpsilonLowerBound: ${message}`);
  });
});

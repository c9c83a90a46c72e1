import { describe, expect, it } from "vitest";
import { auc } from "./auc.ts";
import { bootstrapConfidenceIntervals, bootstrapReplicates, countDraws, OVERFLOW } from "./bootstrap.ts";
import { computeRoc } from "./compute-roc.ts";
import { MembershipScores } from "./membership-scores.ts";
import { mulberry32 } from "../../numerics/index.ts";
import { tprAtFpr } from "./tpr-at-fpr.ts";

function tiedScores(seed: number, members: number, nonMembers: number, levels: number) {
  const random = mulberry32(seed);
  return new MembershipScores({
    members: Array.from({ length: members }, () => Math.round((random() + 0.3) * levels) / levels),
    nonMembers: Array.from({ length: nonMembers }, () => Math.round(random() * levels) / levels),
  });
}

describe("bootstrapReplicates", () => {
  it("gives, per resample, exactly the AUC and TPR-at-FPR of the materialised resample", () => {
    const targets = [0.001, 0.01, 0.2, 0.5];
    for (const [members, nonMembers, levels] of [
      [40, 30, 6],
      [300, 1200, 50],
      [1500, 900, 1000],
    ] as const) {
      const scores = tiedScores(members + nonMembers, members, nonMembers, levels);
      const replicates = bootstrapReplicates(scores, { resamples: 12, seed: 99, fprTargets: targets });
      // The documented draw order: one mulberry32 stream; per resample n non-member then m member indices
      // floor(u · size) into the ascending-sorted sides.
      const sorted = scores.sorted();
      const random = mulberry32(99);
      for (let r = 0; r < 12; r++) {
        const resampledNon = Array.from({ length: nonMembers }, () => sorted.nonMembers[Math.floor(random() * nonMembers)]!);
        const resampledMembers = Array.from({ length: members }, () => sorted.members[Math.floor(random() * members)]!);
        const roc = computeRoc(new MembershipScores({ members: resampledMembers, nonMembers: resampledNon }));
        expect(replicates.auc[r]).toBe(auc(roc));
        for (const target of targets) expect(replicates.tprAtFpr[String(target)]![r]).toBe(tprAtFpr(roc, target));
      }
    }
  });

  it("repeats with the same seed and changes with another", () => {
    const scores = tiedScores(1, 200, 200, 20);
    const first = bootstrapReplicates(scores, { resamples: 20, seed: 5 });
    expect(Array.from(bootstrapReplicates(scores, { resamples: 20, seed: 5 }).auc)).toEqual(Array.from(first.auc));
    expect(Array.from(bootstrapReplicates(scores, { resamples: 20, seed: 6 }).auc)).not.toEqual(Array.from(first.auc));
    expect(Object.keys(first.tprAtFpr)).toEqual(["0.001", "0.01"]);
  });
});

describe("bootstrapConfidenceIntervals", () => {
  it("takes type-7 percentiles of the replicates", () => {
    const scores = tiedScores(2, 60, 50, 10);
    const replicates = bootstrapReplicates(scores, { resamples: 5, seed: 3 });
    const sorted = Array.from(replicates.auc).sort((p, q) => p - q);
    // (5 − 1)·0.025 = 0.1 and (5 − 1)·0.975 = 3.9
    const intervals = bootstrapConfidenceIntervals(scores, { resamples: 5, seed: 3 });
    expect(intervals.auc.lower).toBeCloseTo(sorted[0]! + 0.1 * (sorted[1]! - sorted[0]!), 15);
    expect(intervals.auc.upper).toBeCloseTo(sorted[3]! + 0.9 * (sorted[4]! - sorted[3]!), 15);
    expect(intervals).toMatchObject({ level: 0.95, resamples: 5, seed: 3 });
  });

  it("brackets the point estimate, narrows with a lower level, and defaults to 200 resamples, seed 1", () => {
    const scores = tiedScores(4, 2000, 2000, 1000);
    const pointAuc = auc(computeRoc(scores));
    const wide = bootstrapConfidenceIntervals(scores);
    expect(wide).toMatchObject({ level: 0.95, resamples: 200, seed: 1 });
    expect(wide.auc.lower).toBeLessThan(pointAuc);
    expect(wide.auc.upper).toBeGreaterThan(pointAuc);
    const narrow = bootstrapConfidenceIntervals(scores, { level: 0.5 });
    expect(narrow.auc.upper - narrow.auc.lower).toBeLessThan(wide.auc.upper - wide.auc.lower);
    for (const key of ["0.001", "0.01"]) expect(wide.tprAtFpr[key]!.lower).toBeLessThanOrEqual(wide.tprAtFpr[key]!.upper);
  });

  it("is a single point under perfect separation", () => {
    const scores = new MembershipScores({ members: [5, 6, 7, 8], nonMembers: [1, 2, 3] });
    const intervals = bootstrapConfidenceIntervals(scores, { resamples: 50 });
    expect(intervals.auc).toEqual({ lower: 1, upper: 1 });
    expect(intervals.tprAtFpr["0.001"]).toEqual({ lower: 1, upper: 1 });
  });

  it("throws naming itself on bad options", () => {
    const scores = tiedScores(5, 10, 10, 5);
    expect(() => bootstrapConfidenceIntervals(scores, { resamples: 0 })).toThrow(/^bootstrapConfidenceIntervals: resamples must be a positive integer, got 0$/);
    expect(() => bootstrapConfidenceIntervals(scores, { level: 1 })).toThrow(/bootstrapConfidenceIntervals: level must be in \(0, 1\)/);
    expect(() => bootstrapReplicates(scores, { fprTargets: [0] })).toThrow(/bootstrapReplicates: every FPR target must be in \(0, 1\]/);
    expect(() => bootstrapReplicates(scores, { seed: 1.5 })).toThrow(/bootstrapReplicates: seed must be an integer/);
  });
});

describe("countDraws", () => {
  it("counts the same indices as floor(mulberry32() · size) and returns the generator's next state", () => {
    const counts = new Uint8Array(7);
    const state = countDraws(42, 7, counts, 1000);
    const reference = mulberry32(42);
    const expected = new Array(7).fill(0);
    for (let k = 0; k < 1000; k++) expected[Math.floor(reference() * 7)]++;
    // 1000 draws over 7 positions overflow one byte? No: ~143 each, well under 256.
    expect(state).not.toBe(OVERFLOW);
    expect(Array.from(counts)).toEqual(expected);
    // The returned state continues the same stream.
    const again = new Uint8Array(7);
    countDraws(state, 7, again, 1);
    const oneMore = new Array(7).fill(0);
    oneMore[Math.floor(reference() * 7)]++;
    expect(Array.from(again)).toEqual(oneMore);
  });

  it("reports a one-byte overflow, and 32-bit counts from the same state hold the true counts", () => {
    expect(countDraws(9, 1, new Uint8Array(1), 300)).toBe(OVERFLOW);
    const wide = new Uint32Array(1);
    expect(countDraws(9, 1, wide, 300)).not.toBe(OVERFLOW);
    expect(wide[0]).toBe(300);
  });
});

import { describe, expect, it } from "vitest";
import { estimateJaccard, MinHash } from "./minhash.ts";

function randomHashes(next: () => number, count: number): number[] {
  return Array.from({ length: count }, () => next());
}

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

describe("MinHash", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const hashes = Uint32Array.of(1, 2, 3, 4, 5);
    expect([...new MinHash(128, 1).signature(hashes)]).toEqual([...new MinHash(128, 1).signature(hashes)]);
    expect([...new MinHash(128, 1).signature(hashes)]).not.toEqual([...new MinHash(128, 2).signature(hashes)]);
  });

  it("gives each position the smallest permuted value, ignoring repeats and order", () => {
    const minHash = new MinHash(7, 3); // 7: one unrolled block of 4 and 3 left over
    const signature = minHash.signature(Uint32Array.of(10, 20, 30));
    expect([...minHash.signature(Uint32Array.of(30, 10, 20, 10, 30))]).toEqual([...signature]);
    for (let i = 0; i < 7; i++) {
      const single = [10, 20, 30].map((x) => minHash.signature(Uint32Array.of(x))[i]!);
      expect(signature[i]).toBe(Math.min(...single));
    }
  });

  it("counts only the first `count` hashes", () => {
    const minHash = new MinHash(16, 1);
    expect([...minHash.signature(Uint32Array.of(5, 6, 99), 2)]).toEqual([...minHash.signature(Uint32Array.of(5, 6))]);
  });

  // The family (a·x + b) mod 2^32 departs from the mod-prime universal family: check the estimator
  // still behaves as MinHash theory says, unbiased with binomial spread sqrt(J(1 − J)/128).
  it.each([
    [150, 10],
    [600, 400],
    [30, 170],
  ])("estimates Jaccard without bias: %d shared, %d only in each", (shared, only) => {
    const jaccard = shared / (shared + 2 * only);
    const minHash = new MinHash(128, 1);
    const next = generator(shared * 1000 + only);
    const trials = 300;
    const estimates: number[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const common = randomHashes(next, shared);
      const a = Uint32Array.from([...common, ...randomHashes(next, only)]);
      const b = Uint32Array.from([...common, ...randomHashes(next, only)]);
      estimates.push(estimateJaccard(minHash.signature(a), minHash.signature(b)));
    }
    const mean = estimates.reduce((s, e) => s + e, 0) / trials;
    const sd = Math.sqrt(estimates.reduce((s, e) => s + (e - mean) ** 2, 0) / trials);
    const binomialSd = Math.sqrt((jaccard * (1 - jaccard)) / 128);
    expect(Math.abs(mean - jaccard)).toBeLessThan((4 * binomialSd) / Math.sqrt(trials));
    expect(sd).toBeGreaterThan(0.8 * binomialSd);
    expect(sd).toBeLessThan(1.2 * binomialSd);
  });

  it("agrees everywhere on equal sets and rarely on disjoint ones", () => {
    const minHash = new MinHash(128, 1);
    const next = generator(5);
    const a = Uint32Array.from(randomHashes(next, 200));
    expect(estimateJaccard(minHash.signature(a), minHash.signature(a.slice().reverse()))).toBe(1);
    const b = Uint32Array.from(randomHashes(next, 200));
    expect(estimateJaccard(minHash.signature(a), minHash.signature(b))).toBeLessThan(0.05);
  });
});

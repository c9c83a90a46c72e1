import { describe, expect, it } from "vitest";
import { ShingleSet } from "./shingle-set.ts";
import { shingleTexts } from "./shingles.ts";

/** The obvious exact computation over shingle strings: the reference. */
function referenceJaccard(a: string, b: string): number {
  const setA = new Set(shingleTexts(a));
  const setB = new Set(shingleTexts(b));
  let shared = 0;
  for (const shingle of setA) if (setB.has(shingle)) shared++;
  return shared / (setA.size + setB.size - shared);
}

describe("ShingleSet", () => {
  it("counts distinct shingles only", () => {
    expect(ShingleSet.of("a b c d e a b c d e").size).toBe(5); // "a b c d e" twice
    expect(ShingleSet.of("a b c").size).toBe(1);
    expect(ShingleSet.of("").size).toBe(1);
  });

  it("gives exact Jaccard similarities worked out by hand", () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const base = ShingleSet.of(words.join(" "));
    expect(base.jaccard(ShingleSet.of([...words.slice(0, 39), "x"].join(" ")))).toBe(35 / 37);
    expect(base.jaccard(ShingleSet.of(words.join(" ")))).toBe(1);
    expect(ShingleSet.of("a b c").jaccard(ShingleSet.of("a b c"))).toBe(1);
    expect(ShingleSet.of("a b c").jaccard(ShingleSet.of("a b c d e"))).toBe(0);
  });

  it("matches the string-set reference on random texts with many repeated shingles", () => {
    let state = 3;
    const word = () => ["a", "b", "é", "ab", "中"][(state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 5]!;
    for (let trial = 0; trial < 300; trial++) {
      const a = Array.from({ length: trial % 30 }, word).join(" ");
      const b = Array.from({ length: (trial * 7) % 30 }, word).join(" ");
      expect(ShingleSet.of(a).jaccard(ShingleSet.of(b)), `${a} | ${b}`).toBe(referenceJaccard(a, b));
    }
  });
});

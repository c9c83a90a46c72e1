import { describe, expect, it } from "vitest";
import { mulberry32 } from "./mulberry32.ts";

describe("mulberry32", () => {
  it("reproduces the reference sequence", () => {
    // An independent Python port of the reference C (uint32 arithmetic by masking) gives, for seed 1,
    // 0.6270739405881613, 0.002735721180215478, 0.5274470399599522, and for seed 123456789,
    // 0.2577907438389957, 0.9707721115555614, 0.7853280142880976.
    const one = mulberry32(1);
    expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const other = mulberry32(123456789);
    expect([other(), other(), other()]).toEqual([0.2577907438389957, 0.9707721115555614, 0.7853280142880976]);
  });

  it("stays in [0, 1) and looks uniform", () => {
    const random = mulberry32(42);
    const buckets = new Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random();
      if (!(u >= 0 && u < 1)) outside++;
      else buckets[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    // Each bucket expects 10 000 with sd ≈ 95; ±600 is over six standard deviations.
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });
});

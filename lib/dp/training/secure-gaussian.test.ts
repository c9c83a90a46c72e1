import { describe, expect, it } from "vitest";
import { secureGaussian } from "./secure-gaussian.ts";

describe("secureGaussian", () => {
  it("draws N(0, 1): mean, variance and fourth moment within 5 standard errors over 400,000 draws", () => {
    const n = 400_000;
    const z = secureGaussian(n);
    expect(z).toHaveLength(n);
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    for (const v of z) {
      sum += v;
      squares += v * v;
      fourth += v ** 4;
    }
    // Standard errors for N(0, 1): mean 1/√n, E[z²] √(2/n), E[z⁴] = 3 with √(96/n) (Var z⁴ = 105 − 9).
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(fourth / n - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    // Tail: P(|z| > 3) = 0.0026998 (scipy.stats.norm.sf(3) * 2), standard error √(p(1 − p)/n) = 8.2e-5.
    const tail = z.filter((v) => Math.abs(v) > 3).length / n;
    expect(Math.abs(tail - 0.0026998)).toBeLessThan(5 * 8.2e-5);
  });

  it("is fresh at every call, and gives odd counts and zero", () => {
    expect(Array.from(secureGaussian(8))).not.toEqual(Array.from(secureGaussian(8)));
    expect(secureGaussian(3)).toHaveLength(3);
    expect(secureGaussian(0)).toHaveLength(0);
    expect(() => secureGaussian(-1)).toThrow(/count must be a non-negative integer/);
  });
});

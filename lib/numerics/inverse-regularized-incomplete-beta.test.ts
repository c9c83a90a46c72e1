import { describe, expect, it } from "vitest";
import { inverseRegularizedIncompleteBeta, solveIncompleteBeta } from "./inverse-regularized-incomplete-beta.ts";
import { regularizedIncompleteBeta } from "./regularized-incomplete-beta.ts";

describe("inverseRegularizedIncompleteBeta", () => {
  // scipy 1.17.1: scipy.stats.beta.ppf(p, a, b)
  it.each([
    [0.975, 1, 10, 0.3084971078187607],
    [0.975, 6, 5, 0.8129139715526015],
    [0.975, 1, 1e6, 3.688872650206488e-6],
    [0.975, 500001, 500000, 0.5009804808046882],
    [0.975, 999999, 2, 0.9999997577906297],
    [0.025, 3, 8, 0.06673951117773447],
    [0.5, 2, 3, 0.3857275681323895],
    [1e-10, 0.5, 0.5, 2.4674011002723397e-20],
    [0.3, 30.5, 12.25, 0.6795919805027792],
    [1e-12, 3, 4, 3.684133294738866e-5],
    [0.999, 0.2, 0.3, 0.9999999983361041],
    [0.5, 1e5, 3e5, 0.24999958333299893],
  ])("matches scipy beta.ppf(%d, %d, %d)", (p, a, b, expected) => {
    expect(Math.abs(inverseRegularizedIncompleteBeta(p, a, b) / expected - 1)).toBeLessThan(1e-12);
  });

  it("has the closed forms of Beta(1, b) and Beta(a, 1)", () => {
    // I_x(1, b) = 1 − (1 − x)^b  ⇒  x = 1 − (1 − p)^(1/b);  I_x(a, 1) = x^a  ⇒  x = p^(1/a).
    for (const p of [1e-6, 0.025, 0.5, 0.975]) {
      for (const b of [1, 3, 1000, 1e6]) {
        expect(inverseRegularizedIncompleteBeta(p, 1, b) / -Math.expm1(Math.log1p(-p) / b)).toBeCloseTo(1, 12);
        expect(inverseRegularizedIncompleteBeta(p, b, 1) / Math.exp(Math.log(p) / b)).toBeCloseTo(1, 12);
      }
    }
  });

  it("inverts regularizedIncompleteBeta", () => {
    for (const [p, a, b] of [
      [0.1, 2, 2],
      [0.9, 0.3, 5],
      [0.5, 250, 750],
      [0.025, 40001, 60000],
      [0.975, 7, 993],
    ] as const) {
      const x = inverseRegularizedIncompleteBeta(p, a, b);
      expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(p, 13);
    }
  });

  it("returns x and 1 − x each to full precision near 1", () => {
    const { x, y } = solveIncompleteBeta(0.975, 0.025, 999999, 2);
    expect(x + y).toBe(1);
    // 1 − beta.ppf(0.975, 999999, 2) = beta.ppf(0.025, 2, 999999) = 2.4220937031600326e-7 (scipy 1.17.1)
    expect(y / 2.4220937031600326e-7).toBeCloseTo(1, 12);
  });

  it("gives the ends for p = 0 and p = 1 and throws naming itself on bad arguments", () => {
    expect(inverseRegularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(inverseRegularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => inverseRegularizedIncompleteBeta(-0.1, 2, 3)).toThrow(/inverseRegularizedIncompleteBeta: p must be in \[0, 1\]/);
    expect(() => inverseRegularizedIncompleteBeta(0.5, -2, 3)).toThrow(/inverseRegularizedIncompleteBeta: a must be/);
  });
});

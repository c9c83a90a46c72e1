import { describe, expect, it } from "vitest";
import { incompleteBetaPair, regularizedIncompleteBeta } from "./regularized-incomplete-beta.ts";

/** P(Bin(n, p) ≥ k) by summing the probability mass in log space: a definition independent of the beta. */
function binomialUpperTail(k: number, n: number, p: number): number {
  let logC = 0;
  let sum = 0;
  for (let j = 0; j <= n; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    if (j >= k) sum += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log1p(-p));
  }
  return sum;
}

describe("regularizedIncompleteBeta", () => {
  it("has the closed forms I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b", () => {
    for (const x of [0.001, 0.2, 0.5, 0.9, 0.999]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 15);
      expect(regularizedIncompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 14);
      expect(regularizedIncompleteBeta(x, 1, 7)).toBeCloseTo(1 - (1 - x) ** 7, 14);
    }
  });

  it("is I_½(2, 3) = 11/16 and 0 and 1 at the ends", () => {
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("is the binomial upper tail for integer parameters: I_p(k, n − k + 1) = P(Bin(n, p) ≥ k)", () => {
    for (const [k, n, p] of [
      [1, 10, 0.1],
      [5, 10, 0.5],
      [17, 40, 0.3],
      [150, 400, 0.4],
      [3, 2000, 0.001],
    ] as const) {
      const expected = binomialUpperTail(k, n, p);
      expect(Math.abs(regularizedIncompleteBeta(p, k, n - k + 1) - expected)).toBeLessThan(1e-13 * Math.max(expected, 1e-3));
    }
  });

  it("keeps the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and gives both tails", () => {
    for (const [x, a, b] of [
      [0.3, 2.5, 7],
      [0.7, 30.5, 12.25],
      [0.01, 0.5, 3],
    ] as const) {
      const pair = incompleteBetaPair(x, 1 - x, a, b);
      expect(pair.lower + pair.upper).toBeCloseTo(1, 15);
      expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, b, a), 14);
    }
  });

  // scipy 1.17.1: scipy.special.betainc(a, b, x); the 5e5 case from mpmath (35 digits) as the binomial
  // tail 1 − Σ_{j<a} C(N, j) xʲ(1−x)^(N−j), N = a + b − 1, since scipy itself is off by 5e-15 there.
  it.each([
    [0.3, 1000, 2000, 4.0738279160507626e-5],
    [0.5001, 500000, 500000, 0.57925969066905595],
    [0.7, 30.5, 12.25, 0.405229364110485],
    [1e-10, 0.5, 0.5, 6.366197723781918e-6],
  ])("matches scipy betainc at x=%d, a=%d, b=%d", (x, a, b, expected) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) / expected - 1)).toBeLessThan(5e-14);
  });

  it("is non-decreasing in x", () => {
    let previous = 0;
    for (let x = 0; x <= 1; x += 0.001) {
      const value = regularizedIncompleteBeta(Math.min(x, 1), 40, 60);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it("throws naming itself and the argument out of its domain", () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(/regularizedIncompleteBeta: x must be in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(/regularizedIncompleteBeta: a must be/);
    expect(() => regularizedIncompleteBeta(0.5, 1, Number.POSITIVE_INFINITY)).toThrow(/regularizedIncompleteBeta: b must be/);
  });
});

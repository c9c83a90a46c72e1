import { describe, expect, it } from "vitest";
import { clopperPearsonInterval, clopperPearsonUpperLimit } from "./clopper-pearson.ts";

/** P(Bin(n, p) ≤ k) by summing the probability mass: the definition the limit must satisfy. */
function binomialCdf(k: number, n: number, p: number): number {
  let logC = 0;
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    sum += Math.exp(logC + j * Math.log(p) + (n - j) * Math.log1p(-p));
  }
  return sum;
}

const relativeError = (value: number, expected: number) => Math.abs(value / expected - 1);

describe("clopperPearsonUpperLimit", () => {
  it("is 1 − (α/2)^(1/n) exactly with no successes: (1 − p)^n = α/2", () => {
    for (const n of [1, 2, 10, 97, 1000, 100_000, 1_000_000]) {
      for (const oneSided of [0.025, 0.005, 1e-6]) {
        const closedForm = -Math.expm1(Math.log(oneSided) / n);
        expect(relativeError(clopperPearsonUpperLimit(0, n, oneSided), closedForm)).toBeLessThan(1e-13);
      }
    }
  });

  it("is (1 − α/2)^(1/n) with n − 1 successes: 1 − p^n = α/2", () => {
    for (const n of [2, 10, 1000, 1_000_000]) {
      expect(relativeError(clopperPearsonUpperLimit(n - 1, n, 0.025), Math.exp(Math.log1p(-0.025) / n))).toBeLessThan(1e-14);
    }
  });

  it("is 1 when every trial was counted", () => {
    expect(clopperPearsonUpperLimit(7, 7, 0.025)).toBe(1);
    expect(clopperPearsonUpperLimit(1, 1, 0.025)).toBe(1);
  });

  it("leaves exactly α/2 below: P(Bin(n, upper) ≤ k) = α/2 (the definition, by direct summation)", () => {
    for (const [k, n] of [
      [1, 10],
      [5, 10],
      [17, 1000],
      [300, 1000],
      [3, 5000],
    ] as const) {
      expect(binomialCdf(k, n, clopperPearsonUpperLimit(k, n, 0.025))).toBeCloseTo(0.025, 13);
    }
  });

  it("grows with the count, shrinks with the trials and with α, and lies above k/n", () => {
    let previous = 0;
    for (let k = 0; k <= 200; k++) {
      const upper = clopperPearsonUpperLimit(k, 200, 0.025);
      expect(upper).toBeGreaterThan(previous);
      if (k < 200) expect(upper).toBeGreaterThan(k / 200);
      previous = upper;
    }
    expect(clopperPearsonUpperLimit(5, 100, 0.025)).toBeGreaterThan(clopperPearsonUpperLimit(5, 101, 0.025));
    expect(clopperPearsonUpperLimit(5, 100, 0.025)).toBeGreaterThan(clopperPearsonUpperLimit(5, 100, 0.05));
  });

  it("throws naming itself and the rule", () => {
    expect(() => clopperPearsonUpperLimit(3, 2, 0.025)).toThrow(/clopperPearsonUpperLimit: successes must be an integer in \[0, trials=2\]/);
    expect(() => clopperPearsonUpperLimit(1.5, 2, 0.025)).toThrow(/clopperPearsonUpperLimit: successes/);
    expect(() => clopperPearsonUpperLimit(0, 0, 0.025)).toThrow(/clopperPearsonUpperLimit: trials must be a positive integer/);
    expect(() => clopperPearsonUpperLimit(0, 5, 0)).toThrow(/clopperPearsonUpperLimit: alpha must be in \(0, 1\)/);
  });
});

describe("clopperPearsonInterval", () => {
  it("matches published exact intervals", () => {
    // R documentation, ?binom.test, Mendel's peas: binom.test(682, 925, p = 3/4) → 0.7076683 0.7654066
    const peas = clopperPearsonInterval(682, 925);
    expect(peas.lower).toBeCloseTo(0.7076683, 7);
    expect(peas.upper).toBeCloseTo(0.7654066, 7);
    // Conover 1999, Practical Nonparametric Statistics, binomial confidence limits table: 5 of 25 → 0.068, 0.407
    const seedlings = clopperPearsonInterval(5, 25);
    expect(seedlings.lower).toBeCloseTo(0.068, 3);
    expect(seedlings.upper).toBeCloseTo(0.407, 3);
  });

  // scipy 1.17.1: (beta.ppf(0.025, k, n − k + 1), beta.ppf(0.975, k + 1, n − k)), i.e. statsmodels
  // proportion_confint(k, n, 0.05, method="beta")
  it.each([
    [0, 10, 0, 0.3084971078187607],
    [1, 10, 0.0025285785444617848, 0.4450161170281954],
    [5, 10, 0.18708602844739855, 0.8129139715526015],
    [10, 10, 0.6915028921812392, 1],
    [7, 20, 0.15390920478454118, 0.5921885345328282],
    [17, 1000, 0.009933512592716534, 0.027079496864851366],
    [500, 1000, 0.46854917297179194, 0.531450827028208],
    [1, 100_000, 2.531780477933314e-7, 5.571516034774275e-5],
    [37, 100_000, 0.00026052710608173105, 0.0005099605611549961],
    [50_000, 100_000, 0.4968960624918004, 0.5031039375081996],
    [0, 1, 0, 0.975],
    [1, 1, 0.025, 1],
  ])("matches scipy for %d of %d", (k, n, lower, upper) => {
    const interval = clopperPearsonInterval(k, n);
    if (lower === 0) expect(interval.lower).toBe(0);
    else expect(relativeError(interval.lower, lower)).toBeLessThan(1e-12);
    expect(relativeError(interval.upper, upper)).toBeLessThan(1e-12);
  });

  it("is symmetric: the interval for n − k is the mirror of the one for k", () => {
    for (const [k, n] of [
      [3, 10],
      [40, 1000],
      [12, 100_000],
    ] as const) {
      const interval = clopperPearsonInterval(k, n);
      const mirror = clopperPearsonInterval(n - k, n);
      expect(mirror.lower).toBeCloseTo(1 - interval.upper, 14);
      expect(mirror.upper).toBeCloseTo(1 - interval.lower, 14);
    }
  });
});

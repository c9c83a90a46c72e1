import { describe, expect, it } from "vitest";
import { binomialPmf } from "./binomial.ts";
import { NumericsError } from "./numerics-error.ts";

describe("binomialPmf", () => {
  it("matches scipy.stats.binom.pmf", () => {
    // scipy 1.17: binom.pmf([0, 3, 7, 10], 10, 0.3) = [0.028247524900000005, 0.26682793200000016, 0.009001692000000002, 5.9049e-06]
    const pmf = binomialPmf(10, 0.3);
    expect(pmf[0]).toBeCloseTo(0.0282475249, 12);
    expect(pmf[3]).toBeCloseTo(0.266827932, 12);
    expect(pmf[7]).toBeCloseTo(0.009001692, 12);
    expect(pmf[10]).toBeCloseTo(5.9049e-6, 14);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("puts all mass on one end for p = 0 or 1, and refuses bad arguments", () => {
    expect(Array.from(binomialPmf(3, 0))).toEqual([1, 0, 0, 0]);
    expect(Array.from(binomialPmf(3, 1))).toEqual([0, 0, 0, 1]);
    expect(() => binomialPmf(2.5, 0.5)).toThrow(/integer/);
    expect(() => binomialPmf(2.5, 0.5)).toThrow(NumericsError);
    expect(() => binomialPmf(2, 1.5)).toThrow(/\[0, 1\]/);
  });
});

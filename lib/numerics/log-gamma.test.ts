import { describe, expect, it } from "vitest";
import { logGamma, stirlingRemainder } from "./log-gamma.ts";

function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

describe("logGamma", () => {
  it("is ln((x − 1)!) at the integers", () => {
    for (const x of [1, 2, 3, 5, 10, 20, 50, 170]) {
      expect(logGamma(x)).toBeCloseTo(logFactorial(x - 1), 12);
    }
  });

  it("is ln √π at ½ and follows Γ(x + 1) = xΓ(x)", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    for (const x of [0.1, 0.7, 2.3, 11.5, 999.25]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 12);
    }
  });

  // scipy 1.17.1: [scipy.special.gammaln(x) for x in (0.1, 1.5, 3.7, 15.5, 100.25, 123456.789, 1e6)]
  it.each([
    [0.1, 2.252712651734206],
    [1.5, -0.12078223763524526],
    [3.7, 1.428072326665388],
    [15.5, 26.536914491115613],
    [100.25, 360.28455963776423],
    [123456.789, 1323902.018795063],
    [1e6, 12815504.569147611],
  ])("matches scipy gammaln(%d)", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(expected)));
  });

  it("throws naming itself for x ≤ 0 or non-finite x", () => {
    expect(() => logGamma(0)).toThrow(/logGamma: x must be a positive finite number/);
    expect(() => logGamma(-1)).toThrow(/logGamma/);
    expect(() => logGamma(Number.NaN)).toThrow(/logGamma/);
  });
});

describe("stirlingRemainder", () => {
  it("agrees on both sides of the switch to the asymptotic series at 10", () => {
    const viaLogGamma = (x: number) => logGamma(x) - ((x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI));
    for (const x of [10, 10.5, 12, 30]) expect(stirlingRemainder(x)).toBeCloseTo(viaLogGamma(x), 13);
    expect(stirlingRemainder(9.999999)).toBeCloseTo(stirlingRemainder(10), 8);
  });

  it("tends to 1/(12x)", () => {
    expect(stirlingRemainder(1e6) * 12e6).toBeCloseTo(1, 10);
  });
});

import { describe, expect, it } from "vitest";
import { positivePredictiveValue } from "./positive-predictive-value.ts";

describe("positivePredictiveValue", () => {
  it("is π·TPR / (π·TPR + (1 − π)·FPR)", () => {
    expect(positivePredictiveValue(1, 2 / 3)).toBeCloseTo(0.6, 15); // ½ / (½ + ⅓)
    expect(positivePredictiveValue(1, 2 / 3, 0.25)).toBeCloseTo(1 / 3, 15); // ¼ / (¼ + ½)
    expect(positivePredictiveValue(0.5, 0)).toBe(1);
    expect(positivePredictiveValue(0, 0.5)).toBe(0);
  });

  it("is the prior when TPR = FPR = 0 (the limit along TPR = FPR, as TF Privacy argues)", () => {
    expect(positivePredictiveValue(0, 0)).toBe(0.5);
    expect(positivePredictiveValue(0, 0, 0.1)).toBe(0.1);
    expect(positivePredictiveValue(0.3, 0.3, 0.1)).toBeCloseTo(0.1, 15);
  });

  it("grows with the prior and with TPR, falls with FPR", () => {
    expect(positivePredictiveValue(0.5, 0.1, 0.2)).toBeLessThan(positivePredictiveValue(0.5, 0.1, 0.5));
    expect(positivePredictiveValue(0.4, 0.1)).toBeLessThan(positivePredictiveValue(0.5, 0.1));
    expect(positivePredictiveValue(0.5, 0.2)).toBeLessThan(positivePredictiveValue(0.5, 0.1));
  });

  it("throws naming itself and the argument", () => {
    expect(() => positivePredictiveValue(1.2, 0)).toThrow(/^positivePredictiveValue: tpr must be in \[0, 1\], got 1.2$/);
    expect(() => positivePredictiveValue(0.5, -1)).toThrow(/positivePredictiveValue: fpr/);
    expect(() => positivePredictiveValue(0.5, 0.1, 1)).toThrow(/positivePredictiveValue: memberPrior must be in \(0, 1\)/);
  });
});

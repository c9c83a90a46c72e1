import { describe, expect, it } from "vitest";
import { formatTick, makeScale, ticks } from "./scales";

describe("chart scales", () => {
  it("maps linear and log domains onto pixels", () => {
    const linear = makeScale("linear", [0, 10], [0, 100]);
    expect(linear(5)).toBe(50);
    const log = makeScale("log", [0.001, 1], [0, 300]);
    expect(log(0.001)).toBeCloseTo(0, 9);
    expect(log(0.01)).toBeCloseTo(100, 9);
    expect(log(1)).toBeCloseTo(300, 9);
    // A zero on a log axis sits on the low edge instead of at −∞.
    expect(log(0)).toBeCloseTo(0, 9);
    expect(() => makeScale("log", [0, 1], [0, 1])).toThrow(/positive domain/);
  });

  it("gives powers of ten on log axes and 1-2-5 steps on linear ones", () => {
    expect(ticks("log", [0.001, 1])).toEqual([0.001, 0.01, 0.1, 1]);
    expect(ticks("linear", [0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks("linear", [0, 400], 4)).toEqual([0, 100, 200, 300, 400]);
    expect(formatTick(0.001, "log")).toBe("1e-3");
    expect(formatTick(0.1, "log")).toBe("0.1");
  });
});

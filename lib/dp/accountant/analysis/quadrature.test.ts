import { describe, expect, it } from "vitest";
import { gaussLegendreRule, integrate } from "./quadrature.ts";

describe("gaussLegendreRule", () => {
  it("has weights summing to 2 and integrates x^38 on [-1, 1] exactly (degree 2n - 1 = 39)", () => {
    const { nodes, weights } = gaussLegendreRule(20);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
    let moment = 0;
    for (let i = 0; i < 20; i++) moment += weights[i]! * nodes[i]! ** 38;
    expect(moment).toBeCloseTo(2 / 39, 14);
    // Abramowitz & Stegun, Table 25.4, n = 20: largest node 0.993128599185094924786
    expect(nodes[19]).toBeCloseTo(0.993128599185094924786, 15);
  });
});

describe("integrate", () => {
  it("integrates the standard normal density over [-8, 1.5] to Phi(1.5) (scipy: 0.9331927987311419)", () => {
    const density = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    expect(integrate(density, -40, 1.5, 0.5)).toBeCloseTo(0.9331927987311419, 15);
  });

  it("answers 0 for an empty interval", () => {
    expect(integrate(() => 1, 2, 2, 1)).toBe(0);
  });
});

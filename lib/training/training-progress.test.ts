import { describe, expect, it } from "vitest";
import { epsilonAfter } from "../dp/run/prepare-training.ts";
import { trainConfigSchema } from "../dp/training/train-config.ts";
import { stepsWithin } from "./run-training-job.ts";
import { appendCurvePoint, MAX_CURVE_POINTS, type CurvePoint } from "./training-progress.ts";

describe("appendCurvePoint", () => {
  it("keeps at most MAX_CURVE_POINTS, the last and the epoch-end accuracy points", () => {
    let curve: CurvePoint[] = [];
    for (let step = 1; step <= 1000; step++) curve = appendCurvePoint(curve, { step, loss: 1 / step, epsilon: step / 100, ...(step % 100 === 0 ? { accuracy: 0.5 } : {}) });
    expect(curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(curve.at(-1)!.step).toBe(1000);
    expect(curve.filter((p) => p.accuracy !== undefined).map((p) => p.step)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(curve.map((p) => p.step)).toEqual([...curve.map((p) => p.step)].sort((a, b) => a - b));
  });
});

describe("stepsWithin", () => {
  const config = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 10, learningRate: 0.1, sampleRate: 0.01, clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 });

  it("gives every step when the budget allows, else the most whose ε fits", () => {
    expect(stepsWithin(config, 1000, null)).toBe(1000);
    expect(stepsWithin(config, 1000, { epsilon: 100, delta: 1 })).toBe(1000);
    const allowed = stepsWithin(config, 1000, { epsilon: 1, delta: 1 });
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(1000);
    expect(epsilonAfter({ ...config, noiseMultiplier: 1 }, allowed)).toBeLessThanOrEqual(1);
    expect(epsilonAfter({ ...config, noiseMultiplier: 1 }, allowed + 1)).toBeGreaterThan(1);
  });

  it("gives no step when δ does not fit, and all for a non-private run", () => {
    expect(stepsWithin(config, 1000, { epsilon: 100, delta: 1e-6 })).toBe(0);
    expect(stepsWithin({ ...config, private: false }, 1000, { epsilon: 0, delta: 0 })).toBe(1000);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { mlpSpec, tf, trainConfigSchema } from "../../dp/index.ts";
import { canaryExposure, measureCanaryExposure } from "./canary-exposure.ts";
import { gaussianBlobs } from "./synthetic-data.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("canaryExposure", () => {
  it("is log2 |R| − log2 rank, extrapolated from a fitted normal (scipy.stats.norm.logsf)", () => {
    // Best of 8: exposure log2 8 − log2 1 = 3; scipy: −norm.logsf((9 − 4)/std(ddof=1))/ln 2 = 6.59858390301069.
    const best = canaryExposure(9, [1, 2, 3, 4, 5, 6, 7]);
    expect(best).toMatchObject({ rank: 1, candidates: 8, exposure: 3 });
    expect(best.extrapolatedExposure).toBeCloseTo(6.59858390301069, 5);
    expect(best.reportedExposure).toBe(best.extrapolatedExposure);
    // Two candidates above: rank 3 of 5, reported exactly; scipy: 0.8759779263342979.
    const middle = canaryExposure(1.5, [0.5, 1, 2, 3]);
    expect(middle).toMatchObject({ rank: 3, candidates: 5 });
    expect(middle.exposure).toBeCloseTo(Math.log2(5 / 3), 12);
    expect(middle.extrapolatedExposure).toBeCloseTo(0.8759779263342979, 5);
    expect(middle.reportedExposure).toBe(middle.exposure);
    // A tie favours the canary: rank counts strictly higher scores only.
    expect(canaryExposure(1, [1, 1, 0]).rank).toBe(1);
  });

  it("refuses too few candidates and non-finite scores", () => {
    expect(() => canaryExposure(1, [2])).toThrow(/at least 2 candidates/);
    expect(() => canaryExposure(Number.NaN, [1, 2])).toThrow(/finite/);
    expect(() => canaryExposure(1, [1, Number.POSITIVE_INFINITY])).toThrow(/candidate score 1/);
  });
});

describe("measureCanaryExposure", () => {
  it("exposes canaries inserted into training far more than the same canaries never trained on", async () => {
    const spec = mlpSpec(32, [32], 4);
    const data = gaussianBlobs(120, 32, 4, 3, 2);
    const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [32] }, epochs: 40, learningRate: 0.5, sampleRate: 0.25, clipNorm: 1, delta: 1e-5, private: false, seed: 2 });
    const options = { spec, data, config, canaries: 6, candidates: 100, seed: 9 };
    const inserted = await measureCanaryExposure({ ...options, repeats: 4 });
    const absent = await measureCanaryExposure({ ...options, repeats: 0 });
    const mean = (r: typeof inserted) => r.canaries.reduce((a, c) => a + c.reportedExposure, 0) / r.canaries.length;
    expect(inserted.epsilon).toBeNull();
    expect(inserted.canaries.every((c) => c.candidates === 101)).toBe(true);
    // Never trained on, a canary ranks like any candidate: E[log2 |R| − log2 rank] ≈ 1/ln 2 ≈ 1.44.
    expect(mean(absent)).toBeLessThan(2.5);
    expect(mean(inserted)).toBeGreaterThan(mean(absent) + 2);
  });

  it("refuses a repeat count below 0", async () => {
    const spec = mlpSpec(4, [4], 2);
    const config = trainConfigSchema.parse({ model: { kind: "mlp", hidden: [4] }, epochs: 1, learningRate: 0.5, sampleRate: 0.5, clipNorm: 1, delta: 1e-5, private: false });
    await expect(measureCanaryExposure({ spec, config, data: gaussianBlobs(10, 4, 2, 1), repeats: -1 })).rejects.toThrow(/repeats/);
  });
});

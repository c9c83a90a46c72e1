import { beforeAll, describe, expect, it } from "vitest";
import { clippedGradientSum } from "../clipping/clipped-gradient-sum.ts";
import { createNetwork, disposeNetwork } from "../models/network.ts";
import { mlpSpec } from "../models/network-spec.ts";
import * as tf from "../tf.ts";
import { gradientNoiseMultiplier, updateClipNorm } from "./adaptive-clipping.ts";
import { dpSgdStep } from "./sgd-steps.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("gradientNoiseMultiplier", () => {
  it("raises σ so that σ and the count's σ_b together cost σ_eff (Andrew et al. 2021, Theorem 1)", () => {
    // Opacus 1.5 AdaClipDPOptimizer computes (σ⁻² − (2σ_b)⁻²)^(−1/2) the same way: 1 / sqrt(1 - 1/100).
    expect(gradientNoiseMultiplier(1, 5)).toBeCloseTo(1.0050378152592121, 14);
    // The paper's setting for batch 256 (σ_b = 256 / 20 = 12.8) at σ_eff = 1.1.
    const sigma = gradientNoiseMultiplier(1.1, 12.8);
    expect(sigma ** -2 + (2 * 12.8) ** -2).toBeCloseTo(1.1 ** -2, 14);
    // Python 3: (1.1**-2 - 25.6**-2)**-0.5
    expect(sigma).toBeCloseTo(1.1010168807394207, 14);
    expect(gradientNoiseMultiplier(0, 1)).toBe(0);
  });

  it("refuses a count noise that would spend the whole budget", () => {
    expect(() => gradientNoiseMultiplier(2, 1)).toThrow(/countNoiseMultiplier 1 must exceed σ_eff \/ 2 = 1/);
    expect(() => gradientNoiseMultiplier(1, 0)).toThrow(/σ_b must be > 0/);
  });
});

describe("updateClipNorm", () => {
  it("is the geometric update C·exp(−η(b̃ − γ))", () => {
    expect(updateClipNorm(2, 0.9, { targetQuantile: 0.5, learningRate: 0.2 })).toBeCloseTo(2 * Math.exp(-0.08), 14);
    expect(updateClipNorm(2, 0.5, { targetQuantile: 0.5, learningRate: 0.2 })).toBe(2);
  });
});

describe("adaptive clipping in dpSgdStep", () => {
  it("moves C to the target quantile of fixed per-example norms, from above and from below", () => {
    const spec = mlpSpec(4, [6], 3);
    const network = createNetwork(spec, 2);
    const batch = 200;
    const x = tf.randomNormal([batch, 4], 0, 1, "float32", 5);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 3), "int32"), 3) as tf.Tensor2D;
    const norms = Array.from(clippedGradientSum(network, x, y, 1).perExampleNorms.dataSync()).sort((a, b) => a - b);
    for (const targetQuantile of [0.3, 0.5, 0.8]) {
      for (const start of [norms.at(-1)! * 50, norms[0]! / 50]) {
        let clipNorm = start;
        // learningRate 0 keeps the network, hence the norms, fixed; a negligible count noise stands in for none.
        for (let step = 0; step < 250; step++) {
          clipNorm = dpSgdStep(network, x, y, {
            clipNorm,
            noiseMultiplier: 0,
            expectedBatchSize: batch,
            learningRate: 0,
            adaptiveClipping: { targetQuantile, learningRate: 0.2, countNoiseMultiplier: 1e-9 },
          }).nextClipNorm;
        }
        const unclipped = norms.filter((n) => n <= clipNorm).length / batch;
        expect(Math.abs(unclipped - targetQuantile)).toBeLessThanOrEqual(0.02);
        const quantile = norms[Math.round(targetQuantile * batch) - 1]!;
        expect(Math.abs(Math.log(clipNorm / quantile))).toBeLessThan(0.1);
      }
    }
    disposeNetwork(network);
  });
});

// The DP-SGD mechanism pinned by what it does, not by how: the noise a step adds, the most one example
// can move an update, and (adaptive clipping) what the clipped count releases. Halving σ, loosening
// the clip or releasing the count uncentred makes these fail; the statistical ones state tolerances
// of at least 4 standard errors (the noise is fresh from the OS, so they are not seeded).
import { beforeAll, describe, expect, it } from "vitest";
import { clippedGradientSum } from "../clipping/clipped-gradient-sum.ts";
import { headGradientSum } from "../clipping/head-gradient-sum.ts";
import { createNetwork, disposeNetwork, type Network, parameters } from "../models/network.ts";
import { logisticRegressionSpec, mlpSpec, type NetworkSpec } from "../models/network-spec.ts";
import * as tf from "../tf.ts";
import { gradientNoiseMultiplier } from "./adaptive-clipping.ts";
import { dpSgdStep, type TrainableLayers } from "./sgd-steps.ts";
import { restoreParameters, train, type TrainingData } from "./train.ts";
import { trainConfigSchema } from "./train-config.ts";
import { RecordingAccountant } from "./recording-accountant.test-support.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});


/** Rows whose features are all zero: a logistic regression's kernel gradient xᵀδ is then exactly 0. */
function zeroFeatureRows(count: number, width: number): TrainingData {
  return { features: new Float32Array(count * width), labels: Int32Array.from({ length: count }, (_, i) => i % 2), count };
}

const snapshot = (network: Network) => parameters(network).map((v) => Float64Array.from(v.dataSync()));

/**
 * Trains on zero-feature rows and returns every step's kernel change divided by lr·C_t/(qN), C_t the
 * step's clip norm: the noise DP-SGD added to a zero gradient, in units of C/(qN). Its standard
 * deviation is the σ the mechanism ran with.
 */
async function measuredGradientSigma(config: Parameters<typeof trainConfigSchema.parse>[0], count: number, width: number) {
  const parsed = trainConfigSchema.parse(config);
  const spec = logisticRegressionSpec(width, 2);
  const network = createNetwork(spec, 1);
  const accountant = new RecordingAccountant();
  const expectedBatchSize = parsed.sampleRate * count;
  let previous = snapshot(network)[0]!;
  const scaled: number[] = [];
  await train({
    spec,
    config: parsed,
    data: zeroFeatureRows(count, width),
    accountant,
    initialNetwork: network,
    onStep: (p) => {
      const kernel = snapshot(network)[0]!;
      const unit = (parsed.learningRate * p.clipNorm) / expectedBatchSize;
      kernel.forEach((value, i) => scaled.push((previous[i]! - value) / unit));
      previous = kernel;
    },
  });
  disposeNetwork(network);
  const mean = scaled.reduce((a, b) => a + b, 0) / scaled.length;
  const sigma = Math.sqrt(scaled.reduce((a, b) => a + (b - mean) ** 2, 0) / (scaled.length - 1));
  return { sigma, mean, samples: scaled.length, accountant };
}

describe("DP-SGD noise", () => {
  it("adds N(0, (σC/(qN))²) to a zero-gradient step: measured spread σ·C/(qN) within 3%", async () => {
    // N = 200, q = 0.1: qN = 20; σ = 0.8, C = 2, lr = 1, so the kernel moves by N(0, 0.08²) per entry.
    // 20 steps × 1,000 kernel entries: the spread's standard error is 1/√(2 · 20,000) = 0.5%, so 3% is 6 of them.
    const config = { model: { kind: "logistic" }, epochs: 2, learningRate: 1, sampleRate: 0.1, clipNorm: 2, noiseMultiplier: 0.8, delta: 1e-5 };
    const measured = await measuredGradientSigma(config, 200, 500);
    expect(measured.samples).toBe(20 * 1000);
    expect(Math.abs(measured.sigma / 0.8 - 1)).toBeLessThan(0.03);
    expect(Math.abs(measured.mean)).toBeLessThan(5 * (0.8 / Math.sqrt(measured.samples)));
    expect(measured.accountant.noiseMultipliers).toEqual(new Array(20).fill(0.8));
  });
});

/** The parameters' change from one noiseless step at lr = 1, expected batch size 1: Σ clip_C(g_i) over the trainable ones. */
function update(network: Network, x: tf.Tensor, y: tf.Tensor2D, clipNorm: number, trainableLayers: TrainableLayers): Float64Array {
  const before = snapshot(network);
  dpSgdStep(network, x, y, { clipNorm, noiseMultiplier: 0, expectedBatchSize: 1, learningRate: 1, trainableLayers });
  const after = snapshot(network);
  restoreParameters(network, { parameters: parameters(network).map((v, k) => ({ shape: v.shape, values: Array.from(before[k]!) })) });
  return Float64Array.from(before.flatMap((b, k) => Array.from(b, (value, i) => value - after[k]![i]!)));
}

const norm = (v: Float64Array) => Math.sqrt(v.reduce((a, b) => a + b * b, 0));

const cases: { name: string; spec: NetworkSpec; trainableLayers: TrainableLayers }[] = [
  { name: "an MLP, every layer", spec: mlpSpec(5, [7, 4], 3), trainableLayers: "all" },
  {
    name: "a CNN, every layer",
    spec: {
      inputShape: [8, 8, 2],
      layers: [
        { kind: "conv2d", filters: 3, kernelSize: 3, strides: 1, padding: "same", activation: "tanh" },
        { kind: "maxPool2d", poolSize: 2, strides: 2 },
        { kind: "flatten" },
        { kind: "dense", units: 5, activation: "tanh" },
      ],
      numClasses: 3,
    },
    trainableLayers: "all",
  },
  { name: "an MLP's head only", spec: mlpSpec(5, [7, 4], 3), trainableLayers: "head" },
];

describe("DP-SGD clipping", () => {
  for (const { name, spec, trainableLayers } of cases) {
    it(`bounds every example's contribution to a step's update by C (${name})`, () => {
      const network = createNetwork(spec, 4);
      const size = 8;
      // Inputs of very different scales, so that some examples are clipped and some not.
      const scales = tf.tensor(Array.from({ length: size }, (_, i) => 0.05 * 4 ** i), [size, ...spec.inputShape.map(() => 1)]);
      const x = tf.mul(tf.randomNormal([size, ...spec.inputShape], 0, 1, "float32", 13), scales);
      const y = tf.oneHot(tf.tensor1d(Array.from({ length: size }, (_, i) => i % spec.numClasses), "int32"), spec.numClasses) as tf.Tensor2D;
      const probe = trainableLayers === "head" ? headGradientSum(network, x, y) : clippedGradientSum(network, x, y, 1e9);
      const norms = Array.from(probe.perExampleNorms.dataSync());
      const clipNorm = [...norms].sort((a, b) => a - b)[size / 2]!;
      const whole = update(network, x, y, clipNorm, trainableLayers);
      let clipped = 0;
      for (let i = 0; i < size; i++) {
        const others = tf.tensor1d(Array.from({ length: size }, (_, j) => j).filter((j) => j !== i), "int32");
        const without = update(network, tf.gather(x, others), tf.gather(y, others) as tf.Tensor2D, clipNorm, trainableLayers);
        const contribution = norm(whole.map((value, k) => value - without[k]!));
        // float32 sums: a relative tolerance of 1e-3.
        expect(contribution).toBeLessThanOrEqual(clipNorm * (1 + 1e-3));
        if (norms[i]! > clipNorm) {
          clipped += 1;
          expect(contribution).toBeGreaterThan(clipNorm * (1 - 1e-3));
        } else {
          expect(Math.abs(contribution - norms[i]!)).toBeLessThan(1e-3 * clipNorm);
        }
      }
      expect(clipped).toBeGreaterThanOrEqual(3);
      disposeNetwork(network);
    });
  }
});

describe("adaptive clipping's released count", () => {
  /**
   * The unclipped fraction b̃ that moved C, times the expected batch size E, backed out of the
   * geometric update C' = C·exp(−η(b̃ − γ)) with η = 1, γ = ½: an affine image of what the step
   * released, whose noise has standard deviation σ_b when the count's noise is N(0, σ_b²).
   */
  function releasedCount(network: Network, x: tf.Tensor, y: tf.Tensor2D, clipNorm: number, countNoiseMultiplier: number, expectedBatchSize: number): number {
    const { nextClipNorm } = dpSgdStep(network, x, y, {
      clipNorm,
      noiseMultiplier: 0,
      expectedBatchSize,
      learningRate: 0,
      adaptiveClipping: { targetQuantile: 0.5, learningRate: 1, countNoiseMultiplier },
    });
    return expectedBatchSize * (0.5 - Math.log(nextClipNorm / clipNorm));
  }

  it("costs what the accountant is told: σ_eff = (σ⁻² + (Δ/σ_b)²)^(−1/2), with σ, Δ and σ_b measured on the mechanism run", async () => {
    const sigmaEffective = 1;
    const countNoiseMultiplier = 1;

    // Δ: how far adding one example (clipped or not) moves the released count, with negligible noise.
    const network = createNetwork(mlpSpec(4, [6], 3), 2);
    const size = 40;
    const x = tf.randomNormal([size, 4], 0, 1, "float32", 5);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: size }, (_, i) => i % 3), "int32"), 3) as tf.Tensor2D;
    const norms = Array.from(clippedGradientSum(network, x, y, 1e9).perExampleNorms.dataSync());
    const clipNorm = [...norms].sort((a, b) => a - b)[size / 2]!;
    const base = releasedCount(network, x, y, clipNorm, 1e-9, size);
    const withExample = (i: number) => releasedCount(network, tf.concat([x, tf.slice(x, i, 1)]), tf.concat([y, tf.slice(y, i, 1)]) as tf.Tensor2D, clipNorm, 1e-9, size);
    const unclippedOne = norms.findIndex((n) => n < clipNorm);
    const clippedOne = norms.findIndex((n) => n > clipNorm);
    const sensitivity = Math.max(Math.abs(withExample(unclippedOne) - base), Math.abs(withExample(clippedOne) - base));

    // σ_b: the spread of the released count over 3,000 steps on the same batch (standard error 1.3%).
    const draws = Array.from({ length: 3000 }, () => releasedCount(network, x, y, clipNorm, countNoiseMultiplier, size));
    const drawMean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const measuredCountSigma = Math.sqrt(draws.reduce((a, b) => a + (b - drawMean) ** 2, 0) / (draws.length - 1));
    disposeNetwork(network);

    // σ: the spread of the gradient noise train() adds with adaptive clipping on (standard error 0.5%).
    const gradient = await measuredGradientSigma(
      {
        model: { kind: "logistic" },
        epochs: 2,
        learningRate: 1,
        sampleRate: 0.1,
        clipNorm: 1,
        noiseMultiplier: sigmaEffective,
        delta: 1e-5,
        adaptiveClipping: { targetQuantile: 0.5, learningRate: 0.2, countNoiseMultiplier },
      },
      200,
      500,
    );
    expect(gradient.accountant.noiseMultipliers).toEqual(new Array(20).fill(sigmaEffective));
    expect(gradient.sigma).toBeCloseTo(gradientNoiseMultiplier(sigmaEffective, countNoiseMultiplier), 1);

    // The Gaussian mechanisms compose as one at (σ⁻² + (Δ/σ_b)²)^(−1/2) (Andrew et al. 2021, Theorem 1).
    // Centred (Δ = ½): 1.000; uncentred (Δ = 1): 0.756. Tolerance 2% (the measurements' errors give < 0.6%).
    const composed = (gradient.sigma ** -2 + (sensitivity / measuredCountSigma) ** 2) ** -0.5;
    expect(Math.abs(composed / sigmaEffective - 1), `Δ = ${sensitivity}, σ_b = ${measuredCountSigma}, σ = ${gradient.sigma}`).toBeLessThan(0.02);
  });
});

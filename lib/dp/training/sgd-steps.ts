import { randomInt } from "node:crypto";
import { clippedGradientSum } from "../clipping/clipped-gradient-sum.ts";
import { gradientSum } from "../clipping/gradient-sum.ts";
import { type Network, parameters } from "../models/network.ts";
import * as tf from "../tf.ts";

export interface DpSgdStepOptions {
  clipNorm: number;
  noiseMultiplier: number;
  /** q·N: the update is normalised by the expected, not the drawn, batch size (Abadi et al. 2016, Alg. 1). */
  expectedBatchSize: number;
  learningRate: number;
}

export interface StepResult {
  batchSize: number;
  meanLoss: number;
  /** Share of the batch whose gradient norm exceeded C: what adaptive clipping steers. */
  clippedFraction: number;
}

function applyUpdate(network: Network, gradients: tf.Tensor[], learningRate: number): void {
  parameters(network).forEach((variable, k) => variable.assign(tf.sub(variable, tf.mul(gradients[k]!, learningRate))));
}

/**
 * One DP-SGD step: clip each example's gradient to C, add N(0, σ²C²) to the sum, divide by the
 * expected batch size, descend. An empty Poisson batch still adds noise: skipping it would leak
 * that the batch was empty. The noise seed comes from the OS's CSPRNG at every step.
 */
export function dpSgdStep(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, options: DpSgdStepOptions): StepResult {
  const { clipNorm, noiseMultiplier, expectedBatchSize, learningRate } = options;
  if (!(expectedBatchSize > 0)) throw new Error(`dpSgdStep: expectedBatchSize must be > 0, got ${expectedBatchSize}`);
  if (!(noiseMultiplier >= 0)) throw new Error(`dpSgdStep: noiseMultiplier must be ≥ 0, got ${noiseMultiplier}`);
  const batchSize = x.shape[0]!;
  return tf.tidy(() => {
    let sums: tf.Tensor[];
    let meanLoss = 0;
    let clippedFraction = 0;
    if (batchSize === 0) {
      sums = parameters(network).map((p) => tf.zerosLike(p));
    } else {
      const clipped = clippedGradientSum(network, x, labelsOneHot, clipNorm);
      sums = clipped.gradients;
      meanLoss = clipped.lossSum.dataSync()[0]! / batchSize;
      clippedFraction = tf.mean(tf.cast(tf.greater(clipped.perExampleNorms, clipNorm), "float32")).dataSync()[0]!;
    }
    const noisy = sums.map((sum) =>
      tf.div(tf.add(sum, tf.randomNormal(sum.shape, 0, noiseMultiplier * clipNorm, "float32", randomInt(2 ** 47))), expectedBatchSize),
    );
    applyUpdate(network, noisy, learningRate);
    return { batchSize, meanLoss, clippedFraction };
  });
}

/** The non-private baseline: plain minibatch SGD on the mean loss, in the same engine. */
export function sgdStep(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, learningRate: number): StepResult {
  const batchSize = x.shape[0]!;
  if (batchSize === 0) return { batchSize, meanLoss: 0, clippedFraction: 0 };
  return tf.tidy(() => {
    const { gradients, lossSum } = gradientSum(network, x, labelsOneHot);
    applyUpdate(network, gradients.map((g) => tf.div(g, batchSize)), learningRate);
    return { batchSize, meanLoss: lossSum.dataSync()[0]! / batchSize, clippedFraction: 0 };
  });
}

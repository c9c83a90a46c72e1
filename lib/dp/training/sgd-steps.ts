import { clippedGradientSum } from "../clipping/clipped-gradient-sum.ts";
import { gradientSum } from "../clipping/gradient-sum.ts";
import { headGradientSum } from "../clipping/head-gradient-sum.ts";
import { type Network, parameters } from "../models/network.ts";
import * as tf from "../tf.ts";
import { type AdaptiveClippingOptions, updateClipNorm } from "./adaptive-clipping.ts";
import { secureGaussian } from "./secure-gaussian.ts";

export type TrainableLayers = "all" | "head";

export interface DpSgdStepOptions {
  clipNorm: number;
  /** σ of the gradient noise (with adaptive clipping: the raised σ of gradientNoiseMultiplier, not σ_eff). */
  noiseMultiplier: number;
  /** q·N: the update is normalised by the expected, not the drawn, batch size (Abadi et al. 2016, Alg. 1). */
  expectedBatchSize: number;
  learningRate: number;
  /** Follow a quantile of the gradient norms (Andrew et al. 2021); the result's nextClipNorm is then the updated C. */
  adaptiveClipping?: AdaptiveClippingOptions;
  /** "head": clip, noise and update only the classifier head's kernel and bias. @defaultValue "all" */
  trainableLayers?: TrainableLayers;
}

export interface StepResult {
  batchSize: number;
  meanLoss: number;
  /** Share of the batch whose gradient norm exceeded C: what adaptive clipping steers. */
  clippedFraction: number;
  /** C used in this step. */
  clipNorm: number;
  /** C for the next step: clipNorm, unless adaptive clipping moved it. */
  nextClipNorm: number;
}

/** The variables a step updates, in the order the gradient functions return theirs. */
export function trainableParameters(network: Network, trainableLayers: TrainableLayers = "all"): tf.Variable[] {
  if (trainableLayers === "all") return parameters(network);
  const head = network.weighted.at(-1)!;
  return [head.kernel, head.bias];
}

/** N(0, std²) noise of `shape`, drawn in float64 from the OS's CSPRNG and only then cast to float32. */
function gaussianNoise(shape: number[], std: number): tf.Tensor {
  const standard = secureGaussian(shape.reduce((a, b) => a * b, 1));
  const noise = new Float32Array(standard.length);
  for (let i = 0; i < standard.length; i++) noise[i] = standard[i]! * std;
  return tf.tensor(noise, shape);
}

function applyUpdate(variables: tf.Variable[], gradients: tf.Tensor[], learningRate: number): void {
  variables.forEach((variable, k) => variable.assign(tf.sub(variable, tf.mul(gradients[k]!, learningRate))));
}

/**
 * One DP-SGD step: clip each example's gradient to C, add N(0, σ²C²) to the sum, divide by the
 * expected batch size, descend. An empty Poisson batch still adds noise: skipping it would leak
 * that the batch was empty. The noise is drawn in float64 from the OS's CSPRNG (secureGaussian).
 *
 * With adaptive clipping, the count of unclipped examples (b_i = [‖g_i‖ ≤ C]) is released too,
 * centred as TF Privacy's QuantileEstimatorQuery does: Σ(b_i − ½) + N(0, σ_b²), whose sensitivity
 * is ½ (adding or removing one example moves it by ±½), the ½ gradientNoiseMultiplier charges.
 * Divided by the expected batch size and shifted back by ½, it moves C geometrically toward the
 * target quantile (Andrew et al. 2021, arXiv:1905.03871, Alg. 1). Only that noised count reaches C.
 */
export function dpSgdStep(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, options: DpSgdStepOptions): StepResult {
  const { clipNorm, noiseMultiplier, expectedBatchSize, learningRate, adaptiveClipping, trainableLayers = "all" } = options;
  if (!(expectedBatchSize > 0)) throw new Error(`dpSgdStep: expectedBatchSize must be > 0, got ${expectedBatchSize}`);
  if (!(noiseMultiplier >= 0)) throw new Error(`dpSgdStep: noiseMultiplier must be ≥ 0, got ${noiseMultiplier}`);
  const batchSize = x.shape[0]!;
  const variables = trainableParameters(network, trainableLayers);
  return tf.tidy(() => {
    let sums: tf.Tensor[];
    let meanLoss = 0;
    let clippedFraction = 0;
    let unclippedCount = 0;
    if (batchSize === 0) {
      sums = variables.map((p) => tf.zerosLike(p));
    } else {
      const clipped =
        trainableLayers === "head" ? headGradientSum(network, x, labelsOneHot, clipNorm) : clippedGradientSum(network, x, labelsOneHot, clipNorm);
      sums = clipped.gradients;
      meanLoss = clipped.lossSum.dataSync()[0]! / batchSize;
      const clippedCount = tf.sum(tf.cast(tf.greater(clipped.perExampleNorms, clipNorm), "float32")).dataSync()[0]!;
      clippedFraction = clippedCount / batchSize;
      unclippedCount = batchSize - clippedCount;
    }
    const noisy = sums.map((sum) => tf.div(tf.add(sum, gaussianNoise(sum.shape, noiseMultiplier * clipNorm)), expectedBatchSize));
    applyUpdate(variables, noisy, learningRate);
    let nextClipNorm = clipNorm;
    if (adaptiveClipping) {
      const noisyCentredCount = unclippedCount - batchSize / 2 + adaptiveClipping.countNoiseMultiplier * secureGaussian(1)[0]!;
      nextClipNorm = updateClipNorm(clipNorm, noisyCentredCount / expectedBatchSize + 0.5, adaptiveClipping);
    }
    return { batchSize, meanLoss, clippedFraction, clipNorm, nextClipNorm };
  });
}

/** The non-private baseline: plain minibatch SGD on the mean loss, in the same engine. */
export function sgdStep(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, learningRate: number, trainableLayers: TrainableLayers = "all"): StepResult {
  const batchSize = x.shape[0]!;
  const none = { clipNorm: Number.POSITIVE_INFINITY, nextClipNorm: Number.POSITIVE_INFINITY };
  if (batchSize === 0) return { batchSize, meanLoss: 0, clippedFraction: 0, ...none };
  return tf.tidy(() => {
    const { gradients, lossSum } = trainableLayers === "head" ? headGradientSum(network, x, labelsOneHot) : gradientSum(network, x, labelsOneHot);
    applyUpdate(trainableParameters(network, trainableLayers), gradients.map((g) => tf.div(g, batchSize)), learningRate);
    return { batchSize, meanLoss: lossSum.dataSync()[0]! / batchSize, clippedFraction: 0, ...none };
  });
}

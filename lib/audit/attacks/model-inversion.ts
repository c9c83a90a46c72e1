// Model inversion of an image classifier (Fredrikson et al. 2015, "Model Inversion Attacks that
// Exploit Confidence Information", CCS, sec. 5.2, Alg. 1 MI-FACE): gradient descent on the input
// from a blank image to minimise c(x) = 1 − p_class(x) plus a regulariser, pixels kept in [0, 1].
// Departures: we minimise −log p_class (the same optimum, better gradients near p = 1) plus a
// total-variation term and an L2 term (smooth, dark-background reconstructions, as in later work,
// e.g. Zhang et al. 2020, arXiv:1911.07135), with Adam; and we score each reconstruction against
// the class's average training image by cosine similarity and by a global SSIM (one window over the
// whole image, not the 11×11 Gaussian windows of Wang et al. 2004).
import { tf, type TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import type { Classifier } from "./classifier.ts";

export interface InversionOptions {
  target: Classifier;
  /** Classes to reconstruct. @defaultValue every class */
  classes?: number[];
  /** Training (or same-distribution) images with labels, for the class averages; values in [0, 1]. */
  reference: TrainingData;
  /** @defaultValue 200 */
  steps?: number;
  /** @defaultValue 0.05 */
  learningRate?: number;
  /** Weight of total variation. @defaultValue 0.01 */
  tvWeight?: number;
  /** Weight of the squared L2 norm (per pixel). @defaultValue 0.001 */
  l2Weight?: number;
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export interface ClassReconstruction {
  class: number;
  /** height × width pixel values in [0, 1], row-major (first channel). */
  pixels: number[];
  height: number;
  width: number;
  /** The class's average reference image, same layout. */
  average: number[];
  /** p_class of the reconstruction under the target. */
  confidence: number;
  cosine: number;
  ssim: number;
}

/** cos ∠(a, b); 0 when either is all zeros. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}

/**
 * SSIM of two images over one window covering both (Wang et al. 2004, eq. 13, with C1 = (0.01 L)²,
 * C2 = (0.03 L)², dynamic range L = 1).
 * @example globalSsim([0, 1], [0, 1]) // 1
 */
export function globalSsim(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n === 0 || b.length !== n) throw new AppError("bad_request", `globalSsim: images of ${n} and ${b.length} pixels`);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let va = 0;
  let vb = 0;
  let cov = 0;
  for (let i = 0; i < n; i++) {
    va += (a[i]! - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
    cov += (a[i]! - ma) * (b[i]! - mb);
  }
  va /= n - 1 || 1;
  vb /= n - 1 || 1;
  cov /= n - 1 || 1;
  const c1 = 0.01 ** 2;
  const c2 = 0.03 ** 2;
  return ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
}

/**
 * One reconstruction per class of an image classifier (input [h, w, c] or [h·w]), with its
 * similarity to the class average.
 * @throws {AppError} bad_request when the target's input is not an image shape, a class is out of
 * range, or the reference set has no image of a class
 * Runs in O(classes · steps) forward and backward passes of one image.
 */
export async function modelInversion(options: InversionOptions): Promise<ClassReconstruction[]> {
  const { target, reference } = options;
  const shape = target.inputShape;
  const size = shape.reduce((a, b) => a * b, 1);
  const side = Math.round(Math.sqrt(shape.length === 3 ? shape[0]! * shape[1]! : size));
  const [height, width, channels] = shape.length === 3 ? [shape[0]!, shape[1]!, shape[2]!] : [side, side, 1];
  if (height * width * channels !== size) throw new AppError("bad_request", `modelInversion: input shape [${shape}] is not an image`);
  const classes = options.classes ?? Array.from({ length: target.numClasses }, (_, k) => k);
  const steps = options.steps ?? 200;
  const tvWeight = options.tvWeight ?? 0.01;
  const l2Weight = options.l2Weight ?? 0.001;
  const out: ClassReconstruction[] = [];
  for (const cls of classes) {
    if (!Number.isInteger(cls) || cls < 0 || cls >= target.numClasses) throw new AppError("bad_request", `modelInversion: class ${cls} is not in [0, ${target.numClasses})`);
    const average = new Float64Array(height * width);
    let members = 0;
    for (let i = 0; i < reference.count; i++) {
      if (reference.labels[i] !== cls) continue;
      members++;
      for (let p = 0; p < height * width; p++) average[p]! += reference.features[i * size + p * channels]!;
    }
    if (members === 0) throw new AppError("bad_request", `modelInversion: the reference set has no image of class ${cls}`);
    for (let p = 0; p < average.length; p++) average[p]! /= members;

    const x = tf.variable(tf.zeros([1, height, width, channels]));
    const optimizer = tf.train.adam(options.learningRate ?? 0.05);
    const oneHot = tf.oneHot(tf.tensor1d([cls], "int32"), target.numClasses);
    try {
      for (let step = 0; step < steps; step++) {
        if (options.shouldStop?.()) throw new AppError("conflict", "modelInversion: stopped");
        optimizer.minimize(() => {
          const input = shape.length === 3 ? x : x.reshape([1, size]);
          const logits = target.logitsTensor(input);
          const nll = tf.losses.softmaxCrossEntropy(oneHot, logits);
          const dy = x.slice([0, 1, 0, 0], [1, height - 1, width, channels]).sub(x.slice([0, 0, 0, 0], [1, height - 1, width, channels]));
          const dx = x.slice([0, 0, 1, 0], [1, height, width - 1, channels]).sub(x.slice([0, 0, 0, 0], [1, height, width - 1, channels]));
          const tv = dy.abs().sum().add(dx.abs().sum()).div(size);
          const l2 = x.square().mean();
          return nll.add(tv.mul(tvWeight)).add(l2.mul(l2Weight)) as tf.Scalar;
        });
        // Projection onto the valid pixel range after each step (Alg. 1's "Process").
        tf.tidy(() => x.assign(x.clipByValue(0, 1)));
      }
      const values = x.dataSync();
      const pixels = Array.from({ length: height * width }, (_, p) => values[p * channels]!);
      const confidence = tf.tidy(() => tf.softmax(target.logitsTensor(shape.length === 3 ? x : x.reshape([1, size]))).dataSync()[cls]!);
      out.push({ class: cls, pixels, height, width, average: Array.from(average), confidence, cosine: cosineSimilarity(pixels, average), ssim: globalSsim(pixels, average) });
      await options.onProgress?.(out.length, classes.length);
    } finally {
      x.dispose();
      oneHot.dispose();
      optimizer.dispose();
    }
  }
  return out;
}

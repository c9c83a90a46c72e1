import { forward, type Network, perExampleLoss } from "../models/network.ts";
import * as tf from "../tf.ts";
import type { ClippedGradientSum } from "./clipped-gradient-sum.ts";

/**
 * Σ_i clip_C(g_i) over the classifier head's kernel and bias only, the base frozen: the gradients
 * released are the head's, so clipping (and the per-example norms adaptive clipping steers) must be
 * over the head's gradients alone; clipping over all layers would add noise for parameters never
 * updated and clip the head harder than needed. The head is dense on logits z_i = a_i W + b, so with
 * softmax cross-entropy δ_i = softmax(z_i) − y_i, g_i = (a_i δ_iᵀ, δ_i) and ‖g_i‖² = ‖δ_i‖²(‖a_i‖² + 1),
 * in closed form: one forward pass, no gradient tape. `clipNorm` undefined sums without clipping
 * (the non-private head-only step). Same clip factor as clippedGradientSum (Opacus's).
 */
export function headGradientSum(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, clipNorm?: number): ClippedGradientSum {
  if (clipNorm !== undefined && !(clipNorm > 0)) throw new Error(`headGradientSum: clipNorm must be > 0, got ${clipNorm}`);
  return tf.tidy(() => {
    const { logits, layerInputs } = forward(network, x);
    const input = layerInputs.at(-1) as tf.Tensor2D;
    const delta = tf.sub(tf.softmax(logits), labelsOneHot);
    const perExampleNorms = tf.sqrt(tf.mul(tf.sum(tf.square(delta), 1), tf.add(tf.sum(tf.square(input), 1), 1))) as tf.Tensor1D;
    const scaled = clipNorm === undefined ? delta : tf.mul(delta, tf.expandDims(tf.minimum(tf.div(clipNorm, tf.add(perExampleNorms, 1e-6)), 1), 1));
    return {
      gradients: [tf.matMul(tf.transpose(input), scaled), tf.sum(scaled, 0)],
      perExampleNorms,
      lossSum: tf.sum(perExampleLoss(logits, labelsOneHot)) as tf.Scalar,
    };
  });
}

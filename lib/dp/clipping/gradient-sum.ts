import type { Network } from "../models/network.ts";
import * as tf from "../tf.ts";
import { backpropToLayerOutputs, disposeBackprop } from "./backprop-to-layer-outputs.ts";
import { extractPatches } from "./extract-patches.ts";

/**
 * Σ_i g_i without clipping: the non-private baseline's gradient, through the same backward pass as
 * `clippedGradientSum`, so their time ratio measures exactly what privacy costs.
 */
export function gradientSum(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D): { gradients: tf.Tensor[]; lossSum: tf.Scalar } {
  const backprop = backpropToLayerOutputs(network, x, labelsOneHot);
  try {
    return tf.tidy(() => {
      const gradients = network.weighted.flatMap((layer, l) => {
        const delta = backprop.deltas[l]!;
        const spec = layer.spec;
        // Explicit transposes: wasm's matMul is many times slower with its transpose flags set.
        if (spec.kind === "dense") return [tf.matMul(tf.transpose(backprop.layerInputs[l] as tf.Tensor2D), delta as tf.Tensor2D), tf.sum(delta, 0)];
        const patches = extractPatches(backprop.layerInputs[l] as tf.Tensor4D, spec.kernelSize, spec.strides, spec.padding);
        const rows = patches.shape[0] * patches.shape[1];
        const kernel = tf.matMul(tf.transpose(tf.reshape(patches, [rows, -1]) as tf.Tensor2D), tf.reshape(delta, [rows, spec.filters]) as tf.Tensor2D);
        return [tf.reshape(kernel, layer.kernel.shape), tf.sum(tf.reshape(delta, [rows, spec.filters]), 0)];
      });
      return { gradients, lossSum: tf.clone(backprop.lossSum) as tf.Scalar };
    });
  } finally {
    disposeBackprop(backprop);
  }
}

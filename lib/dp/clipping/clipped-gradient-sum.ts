import type { Network } from "../models/network.ts";
import * as tf from "../tf.ts";
import { backpropToLayerOutputs, disposeBackprop } from "./backprop-to-layer-outputs.ts";
import { extractPatches } from "./extract-patches.ts";

export interface ClippedGradientSum {
  /** Σ_i clip_C(g_i), one tensor per parameter, in `parameters(network)` order (kernel, bias per layer). */
  gradients: tf.Tensor[];
  /** ‖g_i‖ before clipping, for every example: the input of adaptive clipping. */
  perExampleNorms: tf.Tensor1D;
  lossSum: tf.Scalar;
}

/**
 * Per-example gradient clipping in one backward pass (Abadi et al. 2016, arXiv:1607.00133, Alg. 1).
 *
 * The backward pass gives δ_i, example i's gradient with respect to each layer's output. A dense
 * layer's per-example weight gradient is the outer product a_i δ_iᵀ, so its norm is ‖a_i‖·‖δ_i‖
 * without forming it (the "ghost norm", Goodfellow 2015, arXiv:1510.01799); a conv layer's is
 * U_iᵀ δ_i with U_i its im2col patches, one batched matmul costing what the ordinary weight
 * gradient costs. The clipped sum re-weights δ_i by c_i = min(1, C/(‖g_i‖ + 1e-6)) (Opacus's clip
 * factor) and contracts over the batch once.
 */
export function clippedGradientSum(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D, clipNorm: number): ClippedGradientSum {
  if (!(clipNorm > 0)) throw new Error(`clippedGradientSum: clipNorm must be > 0, got ${clipNorm}`);
  const batch = x.shape[0]!;
  const backprop = backpropToLayerOutputs(network, x, labelsOneHot);
  try {
    return tf.tidy(() => {
      const squaredNorms: tf.Tensor1D[] = [];
      const perLayer = network.weighted.map((layer, l) => {
        const delta = backprop.deltas[l]!;
        const spec = layer.spec;
        if (spec.kind === "dense") {
          const input = backprop.layerInputs[l] as tf.Tensor2D;
          const deltaSq = tf.sum(tf.square(delta), 1);
          squaredNorms.push(tf.add(tf.mul(tf.sum(tf.square(input), 1), deltaSq), deltaSq) as tf.Tensor1D);
          return { kind: "dense" as const, input, delta: delta as tf.Tensor2D };
        }
        const patches = extractPatches(backprop.layerInputs[l] as tf.Tensor4D, spec.kernelSize, spec.strides, spec.padding);
        const delta3 = tf.reshape(delta, [batch, -1, spec.filters]) as tf.Tensor3D;
        // Transposed per-example gradients, [batch, filters, kh·kw·in]: wasm's matMul is many times
        // slower with a transposed operand flag than after an explicit transpose.
        const kernelGradsT = tf.matMul(tf.transpose(delta3, [0, 2, 1]), patches);
        const biasGrads = tf.sum(delta3, 1);
        squaredNorms.push(tf.add(tf.sum(tf.square(kernelGradsT), [1, 2]), tf.sum(tf.square(biasGrads), 1)) as tf.Tensor1D);
        return { kind: "conv2d" as const, kernelGradsT, biasGrads };
      });

      const perExampleNorms = tf.sqrt(tf.addN(squaredNorms)) as tf.Tensor1D;
      const clipFactors = tf.minimum(tf.div(clipNorm, tf.add(perExampleNorms, 1e-6)), 1);
      const gradients = perLayer.flatMap((layer, l) => {
        if (layer.kind === "dense") {
          const scaled = tf.mul(layer.delta, tf.expandDims(clipFactors, 1));
          return [tf.matMul(tf.transpose(layer.input), scaled), tf.sum(scaled, 0)];
        }
        return [
          tf.reshape(tf.transpose(tf.sum(tf.mul(layer.kernelGradsT, tf.reshape(clipFactors, [batch, 1, 1])), 0)), network.weighted[l]!.kernel.shape),
          tf.sum(tf.mul(layer.biasGrads, tf.reshape(clipFactors, [batch, 1])), 0),
        ];
      });
      return { gradients, perExampleNorms, lossSum: tf.clone(backprop.lossSum) as tf.Scalar };
    });
  } finally {
    disposeBackprop(backprop);
  }
}

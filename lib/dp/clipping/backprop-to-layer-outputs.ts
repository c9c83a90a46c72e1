import { forward, layerOutputShapes, type Network, perExampleLoss } from "../models/network.ts";
import * as tf from "../tf.ts";

export interface LayerBackprop {
  lossSum: tf.Scalar;
  /** What each weighted layer saw. */
  layerInputs: tf.Tensor[];
  /** ∂(Σ_i loss_i)/∂(layer output) — row i is example i's own gradient, since only it depends on row i. */
  deltas: tf.Tensor[];
}

/** Pre-activation output shape (without batch) of every weighted layer: the probes' shapes. */
function probeShapes(network: Network): number[][] {
  const shapes = layerOutputShapes(network.spec.inputShape, network.layers);
  return network.layers.flatMap((layer, i) => (layer.kind === "dense" || layer.kind === "conv2d" ? [shapes[i]!] : []));
}

/**
 * One forward and one backward pass that stop at each weighted layer's output instead of its
 * weights: zero probes added to the pre-activations carry the gradient out. Weight gradients are
 * then contracted by the caller, per example (for clipping) or summed (without). This also avoids
 * Conv2DBackpropFilter, which the wasm backend lacks. The caller disposes the result.
 */
export function backpropToLayerOutputs(network: Network, x: tf.Tensor, labelsOneHot: tf.Tensor2D): LayerBackprop {
  const batch = x.shape[0]!;
  let layerInputs: tf.Tensor[] = [];
  const { value, grads } = tf.tidy(() => {
    const probes = probeShapes(network).map((shape) => tf.zeros([batch, ...shape]));
    return tf.valueAndGrads((...p: tf.Tensor[]) => {
      const trace = forward(network, x, p);
      // The backward pass frees forward intermediates; the layer inputs are needed afterwards.
      layerInputs = trace.layerInputs.map((t) => tf.keep(tf.clone(t)));
      return tf.sum(perExampleLoss(trace.logits, labelsOneHot)) as tf.Scalar;
    })(probes);
  });
  return { lossSum: value, layerInputs, deltas: grads };
}

export function disposeBackprop(backprop: LayerBackprop): void {
  tf.dispose([backprop.lossSum, ...backprop.layerInputs, ...backprop.deltas]);
}

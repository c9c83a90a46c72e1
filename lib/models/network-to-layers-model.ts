import { parameters, tf, type Network } from "../dp/index.ts";
import { type ArtifactBundle, bundleLayersModel } from "./artifact-bundle.ts";

/**
 * The engine's Network as a tf.LayersModel (tf.sequential) with the same layers, activations and
 * weights, so it can be saved in TensorFlow.js Layers format and loaded by `tf.loadLayersModel`.
 * The head stays linear: the model outputs logits, like the engine's `forward`.
 * Weights are copied (setWeights), so the network may be disposed afterwards.
 */
export function networkToLayersModel(network: Network): tf.Sequential {
  const model = tf.sequential();
  network.layers.forEach((layer, index) => {
    const first = index === 0 ? { inputShape: network.spec.inputShape } : {};
    switch (layer.kind) {
      case "dense":
        model.add(tf.layers.dense({ ...first, units: layer.units, activation: layer.activation }));
        break;
      case "conv2d":
        model.add(
          tf.layers.conv2d({ ...first, filters: layer.filters, kernelSize: layer.kernelSize, strides: layer.strides, padding: layer.padding, activation: layer.activation }),
        );
        break;
      case "maxPool2d":
        model.add(tf.layers.maxPooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides, padding: "valid" }));
        break;
      case "flatten":
        model.add(tf.layers.flatten(first));
        break;
    }
  });
  // Kernel then bias per weighted layer: the order of both `parameters` and Layers' getWeights.
  model.setWeights(parameters(network));
  return model;
}

/** The network as an artifact bundle (Layers format), ready for registerModelVersion. */
export async function bundleNetwork(network: Network): Promise<ArtifactBundle> {
  const model = networkToLayersModel(network);
  try {
    return await bundleLayersModel(model);
  } finally {
    model.dispose();
  }
}

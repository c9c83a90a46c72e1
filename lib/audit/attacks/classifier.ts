// What the attacks need of an attacked model: logits for a batch of encoded examples. Canary's own
// networks (lib/dp) and stored tfjs LayersModels (registered or uploaded versions) both fit, so one
// attack code path serves both.
import { forward, tf, type Network, type TrainingData } from "../../dp/index.ts";
import { logitsOf } from "./loss-threshold-attack.ts";

export interface Classifier {
  /** Shape of one example, e.g. [width] or [28, 28, 1]. */
  inputShape: number[];
  numClasses: number;
  /** Logits (or log-probabilities) of every example, row-major `count × numClasses`. */
  logits(data: TrainingData): Float32Array;
  /** The same as a differentiable tensor op on a batch `[n, ...inputShape]`, for attacks on the input (inversion). */
  logitsTensor(x: tf.Tensor): tf.Tensor2D;
}

/** A lib/dp network as a Classifier. */
export function networkClassifier(network: Network): Classifier {
  return {
    inputShape: network.spec.inputShape,
    numClasses: network.spec.numClasses,
    logits: (data) => logitsOf(network, data),
    logitsTensor: (x) => forward(network, x).logits,
  };
}

/** Smallest probability kept when a softmax output is turned back into log-probabilities. */
const MIN_PROBABILITY = 1e-30;

/**
 * A tfjs LayersModel as a Classifier. When its last layer ends in a softmax, its outputs are
 * probabilities and are returned as log-probabilities (floored at 1e-30); otherwise they are taken as
 * logits. Predicts in chunks of `chunkSize` so memory stays flat.
 * @throws Error when the model's input or output shape is not a single example shape / class vector
 */
export function layersModelClassifier(model: tf.LayersModel, chunkSize = 1024): Classifier {
  const inputShape = model.inputs[0]!.shape.slice(1) as number[];
  const numClasses = model.outputs[0]!.shape[1] as number;
  if (inputShape.some((d) => typeof d !== "number") || typeof numClasses !== "number") {
    throw new Error("layersModelClassifier: the model needs a fixed input shape and a [batch, classes] output");
  }
  const last = model.layers[model.layers.length - 1]!;
  const activation = (last.getConfig() as { activation?: string }).activation;
  const softmax = activation === "softmax";
  const width = inputShape.reduce((a, b) => a * b, 1);
  const logitsTensor = (x: tf.Tensor): tf.Tensor2D => {
    const y = model.apply(x) as tf.Tensor2D;
    return softmax ? (tf.log(tf.maximum(y, MIN_PROBABILITY)) as tf.Tensor2D) : y;
  };
  return {
    inputShape,
    numClasses,
    logitsTensor,
    logits(data) {
      const out = new Float32Array(data.count * numClasses);
      for (let start = 0; start < data.count; start += chunkSize) {
        const end = Math.min(data.count, start + chunkSize);
        const chunk = tf.tidy(() => {
          const x = tf.tensor(data.features.subarray(start * width, end * width), [end - start, ...inputShape]);
          return logitsTensor(x).dataSync() as Float32Array;
        });
        out.set(chunk, start * numClasses);
      }
      return out;
    },
  };
}

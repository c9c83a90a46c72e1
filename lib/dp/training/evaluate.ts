import { forward, type Network, perExampleLoss } from "../models/network.ts";
import * as tf from "../tf.ts";
import type { TrainingData } from "./train.ts";

export interface Evaluation {
  accuracy: number;
  meanLoss: number;
  count: number;
}

/** Accuracy and mean cross-entropy over a dataset, in chunks so memory stays flat. Runs in O(n). */
export function evaluate(network: Network, data: TrainingData, chunkSize = 1024): Evaluation {
  if (data.count === 0) throw new Error("evaluate: the evaluation set is empty");
  const width = network.spec.inputShape.reduce((a, b) => a * b, 1);
  let correct = 0;
  let lossSum = 0;
  for (let start = 0; start < data.count; start += chunkSize) {
    const end = Math.min(data.count, start + chunkSize);
    tf.tidy(() => {
      const x = tf.tensor(data.features.subarray(start * width, end * width), [end - start, ...network.spec.inputShape]);
      const labels = tf.tensor1d(data.labels.subarray(start, end), "int32");
      const { logits } = forward(network, x);
      correct += tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), "int32")).dataSync()[0]!;
      lossSum += tf.sum(perExampleLoss(logits, tf.oneHot(labels, network.spec.numClasses) as tf.Tensor2D)).dataSync()[0]!;
    });
  }
  return { accuracy: correct / data.count, meanLoss: lossSum / data.count, count: data.count };
}

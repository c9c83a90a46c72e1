import { createNetwork, disposeNetwork, evaluate, restoreParameters, type NetworkSpec, type PreparedData, type TrainingCheckpoint } from "../dp/index.ts";

/** The curves' loss and accuracy are measured on at most this many examples at each epoch's end. */
const CURVE_EVAL_EXAMPLES = 2000;

/**
 * Loss and accuracy of a checkpoint on the evaluation set, else the public set: post-processing of
 * the weights, covered by the run's (ε, δ). Never on training rows; undefined without either set.
 */
export function curveEvaluation(spec: NetworkSpec, checkpoint: TrainingCheckpoint, data: PreparedData): { loss: number; accuracy: number } | undefined {
  const source = data.eval ?? data.public;
  if (!source || source.count === 0) return undefined;
  const network = createNetwork(spec);
  try {
    restoreParameters(network, checkpoint);
    const count = Math.min(source.count, CURVE_EVAL_EXAMPLES);
    const width = spec.inputShape.reduce((a, b) => a * b, 1);
    const { meanLoss, accuracy } = evaluate(network, { features: source.features.subarray(0, count * width), labels: source.labels.subarray(0, count), count });
    return { loss: meanLoss, accuracy };
  } finally {
    disposeNetwork(network);
  }
}

// Model extraction (Tramèr et al. 2016, "Stealing Machine Learning Models via Prediction APIs",
// USENIX Security, sec. 4–5): an attacker with query access trains a surrogate on the target's
// answers, either the predicted labels only or the full probability vectors (their "confidence
// values"), and we measure how fast it converges: fidelity (agreement with the target on fresh
// inputs, their 1 − R_test) and accuracy on the true labels, against the number of queries.
// Departure: the surrogate is a fixed small MLP trained by Adam on the answers (their sec. 5 retrains
// the target's own model class); the budgets are the attacker's, not adaptive (no line-search queries).
import { tf, type TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import type { Classifier } from "./classifier.ts";

export type ExtractionMode = "labels" | "probabilities";

export interface ExtractionPoint {
  mode: ExtractionMode;
  queries: number;
  /** Share of the test inputs where the surrogate predicts the target's label. */
  fidelity: number;
  /** Share of the test inputs where the surrogate predicts the true label. */
  accuracy: number;
}

export interface ModelExtractionOptions {
  target: Classifier;
  /** Inputs the attacker may query, in query order (labels unused). */
  queryPool: TrainingData;
  /** Held-out inputs with their true labels, never queried. */
  test: TrainingData;
  /** Query budgets, ascending, each ≤ the pool size. */
  budgets: number[];
  /** @defaultValue ["labels", "probabilities"] */
  modes?: ExtractionMode[];
  /** Hidden units of the surrogate MLP; [] for a linear surrogate. @defaultValue [32] */
  hidden?: number[];
  /** @defaultValue 60 */
  epochs?: number;
  seed?: number;
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Row-wise softmax of logits, or one-hot argmax rows for labels-only answers. */
function answers(logits: Float32Array, classes: number, mode: ExtractionMode): Float32Array {
  const out = new Float32Array(logits.length);
  for (let offset = 0; offset < logits.length; offset += classes) {
    let best = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) if (logits[offset + k]! > max) [max, best] = [logits[offset + k]!, k];
    if (mode === "labels") {
      out[offset + best] = 1;
      continue;
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[offset + k]! - max);
    for (let k = 0; k < classes; k++) out[offset + k] = Math.exp(logits[offset + k]! - max) / sum;
  }
  return out;
}

function argmaxRows(values: Float32Array, classes: number): Int32Array {
  const out = new Int32Array(values.length / classes);
  for (let i = 0; i < out.length; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if (values[i * classes + k]! > values[i * classes + best]!) best = k;
    out[i] = best;
  }
  return out;
}

async function trainSurrogate(features: Float32Array, targets: Float32Array, count: number, width: number, classes: number, hidden: number[], epochs: number, seed: number): Promise<tf.LayersModel> {
  const model = tf.sequential();
  // Flat inputs: the surrogate is an MLP whatever the target's architecture.
  hidden.forEach((units, i) => model.add(tf.layers.dense({ units, activation: "tanh", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }), ...(i === 0 ? { inputShape: [width] } : {}) })));
  model.add(tf.layers.dense({ units: classes, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 100 }), ...(hidden.length === 0 ? { inputShape: [width] } : {}) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy" });
  const x = tf.tensor2d(features.subarray(0, count * width), [count, width]);
  const y = tf.tensor2d(targets.subarray(0, count * classes), [count, classes]);
  try {
    await model.fit(x, y, { epochs, batchSize: Math.min(64, count), shuffle: false, verbose: 0 });
  } finally {
    tf.dispose([x, y]);
  }
  return model;
}

/**
 * Extraction curves: for each mode and budget b, a surrogate trained on the target's answers to the
 * first b pool inputs, scored on `test` for fidelity and accuracy.
 * @throws {AppError} bad_request when a budget is not an integer in [1, pool size] or the shapes disagree
 * @example modelExtraction({ target, queryPool, test, budgets: [50, 200] }) // [{ mode: "labels", queries: 50, fidelity: 0.81, accuracy: 0.78 }, …]
 * Runs in O(modes · budgets) surrogate trainings plus one pass of the target over pool and test.
 */
export async function modelExtraction(options: ModelExtractionOptions): Promise<ExtractionPoint[]> {
  const { target, queryPool, test, budgets } = options;
  const modes = options.modes ?? ["labels", "probabilities"];
  const classes = target.numClasses;
  if (budgets.length === 0) throw new AppError("bad_request", "modelExtraction: give at least one query budget");
  budgets.forEach((b, i) => {
    if (!Number.isInteger(b) || b < 1 || b > queryPool.count) throw new AppError("bad_request", `modelExtraction: budgets[${i}] = ${b} must be an integer in [1, ${queryPool.count}] (the query pool)`);
    if (i > 0 && b <= budgets[i - 1]!) throw new AppError("bad_request", "modelExtraction: budgets must be ascending");
  });
  if (test.count < 1) throw new AppError("bad_request", "modelExtraction: the test set is empty");
  const width = target.inputShape.reduce((a, b) => a * b, 1);
  const poolLogits = target.logits({ ...queryPool, count: budgets[budgets.length - 1]! });
  const targetTest = argmaxRows(target.logits(test), classes);
  const points: ExtractionPoint[] = [];
  const total = modes.length * budgets.length;
  for (const mode of modes) {
    const targets = answers(poolLogits, classes, mode);
    for (const queries of budgets) {
      if (options.shouldStop?.()) throw new AppError("conflict", "modelExtraction: stopped");
      const surrogate = await trainSurrogate(queryPool.features, targets, queries, width, classes, options.hidden ?? [32], options.epochs ?? 60, options.seed ?? 1);
      const predicted = tf.tidy(() => {
        const x = tf.tensor2d(test.features, [test.count, width]);
        return (surrogate.predict(x) as tf.Tensor).argMax(1).dataSync() as Int32Array;
      });
      surrogate.dispose();
      let agree = 0;
      let right = 0;
      for (let i = 0; i < test.count; i++) {
        if (predicted[i] === targetTest[i]) agree++;
        if (predicted[i] === test.labels[i]) right++;
      }
      points.push({ mode, queries, fidelity: agree / test.count, accuracy: right / test.count });
      await options.onProgress?.(points.length, total);
    }
  }
  return points;
}

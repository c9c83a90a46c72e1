// Attribute inference on a tabular model (Fredrikson et al. 2014, "Privacy in Pharmacogenetics",
// USENIX Security, sec. 4; Yeom et al. 2018, arXiv:1709.01604, sec. 4): the attacker knows a
// record's other attributes and its label, and tries each value of a sensitive categorical
// attribute, guessing the value under which the model is most confident in the true label. The
// baseline guesses the prior's most common value; the advantage is the attack's accuracy minus the
// baseline's. Run on training records and on held-out ones: the gap is what training leaked.
import type { TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import type { Classifier } from "./classifier.ts";
import { scoresFromLogits } from "./loss-threshold-attack.ts";

/** Where a one-hot categorical attribute sits in the encoded features. */
export interface OneHotAttribute {
  /** Index of the first one-hot feature. */
  offset: number;
  /** Number of categories (one-hot features). */
  size: number;
}

export interface AttributeInferenceResult {
  records: number;
  /** Records whose true value is known (one one-hot feature set); the rest are skipped. */
  scored: number;
  /** Share of scored records whose value the attack recovers. */
  accuracy: number;
  /** Share recovered by always guessing `priorValue`. */
  baselineAccuracy: number;
  /** accuracy − baselineAccuracy. */
  advantage: number;
  /** The category index the baseline guesses. */
  priorValue: number;
}

export interface AttributeInferenceOptions {
  target: Classifier;
  data: TrainingData;
  attribute: OneHotAttribute;
  /** The attacker's prior guess (e.g. the most common value in public data). @defaultValue the most common value in `data` */
  priorValue?: number;
}

/**
 * The attack on every record of `data` whose attribute is set: `size` forward passes per record.
 * @throws {AppError} bad_request when the attribute does not fit the features or no record has it set
 * @example attributeInference({ target, data, attribute: { offset: 3, size: 2 } }) // { accuracy: 0.74, baselineAccuracy: 0.55, advantage: 0.19, … }
 * Runs in O(records · size) model evaluations.
 */
export function attributeInference(options: AttributeInferenceOptions): AttributeInferenceResult {
  const { target, data, attribute } = options;
  const width = target.inputShape.reduce((a, b) => a * b, 1);
  const { offset, size } = attribute;
  if (!(Number.isInteger(offset) && Number.isInteger(size) && offset >= 0 && size >= 2 && offset + size <= width)) {
    throw new AppError("bad_request", `attributeInference: the attribute (offset ${offset}, ${size} categories) must be ≥ 2 one-hot features inside the ${width} features`);
  }
  const truth: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < data.count; i++) {
    let value = -1;
    for (let k = 0; k < size; k++) if (data.features[i * width + offset + k] === 1) value = value === -1 ? k : -2;
    if (value >= 0) {
      truth.push(value);
      rows.push(i);
    }
  }
  if (rows.length === 0) throw new AppError("bad_request", "attributeInference: no record has exactly one value of the attribute set");
  const counts = new Array<number>(size).fill(0);
  for (const value of truth) counts[value]!++;
  const priorValue = options.priorValue ?? counts.indexOf(Math.max(...counts));
  // Every record once per candidate value, the one-hot group overwritten.
  const variants = new Float32Array(rows.length * size * width);
  const labels = new Int32Array(rows.length * size);
  rows.forEach((row, r) => {
    for (let k = 0; k < size; k++) {
      const at = (r * size + k) * width;
      variants.set(data.features.subarray(row * width, (row + 1) * width), at);
      variants.fill(0, at + offset, at + offset + size);
      variants[at + offset + k] = 1;
      labels[r * size + k] = data.labels[row]!;
    }
  });
  const confidence = scoresFromLogits(target.logits({ features: variants, labels, count: labels.length }), labels, target.numClasses, "loss");
  let right = 0;
  rows.forEach((_, r) => {
    let best = 0;
    for (let k = 1; k < size; k++) if (confidence[r * size + k]! > confidence[r * size + best]!) best = k;
    if (best === truth[r]) right++;
  });
  const accuracy = right / rows.length;
  const baselineAccuracy = counts[priorValue]! / rows.length;
  return { records: data.count, scored: rows.length, accuracy, baselineAccuracy, advantage: accuracy - baselineAccuracy, priorValue };
}

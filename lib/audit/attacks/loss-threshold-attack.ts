// Score-based membership attacks on one trained network: the loss-threshold attack of Yeom et al.
// 2018, arXiv:1709.01604 ("member if the loss is below a threshold"), read as a score so that every
// threshold is tried by the ROC sweep of ../metrics.
import { forward, tf, type Network, type TrainingData } from "../../dp/index.ts";
import { MembershipScores } from "../metrics/index.ts";

/**
 * What a per-example score is made of; every kind reads "higher = more likely a member".
 * - `loss`: −cross-entropy of the true label (Yeom et al. 2018).
 * - `confidence`: softmax probability of the true label, exp(−loss): ranks exactly like `loss`.
 * - `maxConfidence`: the largest softmax probability, which needs no label (Salem et al. 2019,
 *   arXiv:1806.01246, the statistic of their third adversary).
 * - `logitConfidence`: φ = log(p_y / (1 − p_y)), what LiRA models as Gaussian (Carlini et al. 2022,
 *   arXiv:2112.03570, Alg. 1); monotone in `loss` too, but spread out where p_y is near 1.
 */
export type ScoreKind = "loss" | "confidence" | "maxConfidence" | "logitConfidence";

export const SCORE_KINDS: readonly ScoreKind[] = ["loss", "confidence", "maxConfidence", "logitConfidence"];

/** The network's logits on every example, row-major `count × numClasses`, in chunks so memory stays flat. */
export function logitsOf(network: Network, data: TrainingData, chunkSize = 1024): Float32Array {
  const width = network.spec.inputShape.reduce((a, b) => a * b, 1);
  if (data.features.length !== data.count * width) {
    throw new Error(`logitsOf: ${data.features.length} feature values for ${data.count} examples of width ${width}`);
  }
  const classes = network.spec.numClasses;
  const logits = new Float32Array(data.count * classes);
  for (let start = 0; start < data.count; start += chunkSize) {
    const end = Math.min(data.count, start + chunkSize);
    const chunk = tf.tidy(() => {
      const x = tf.tensor(data.features.subarray(start * width, end * width), [end - start, ...network.spec.inputShape]);
      return forward(network, x).logits.dataSync() as Float32Array;
    });
    logits.set(chunk, start * classes);
  }
  return logits;
}

/**
 * φ = log(p_y / (1 − p_y)) = z_y − logsumexp_{k≠y} z_k, computed from the logits z in float64 with
 * the maximum subtracted, so it stays finite where p_y rounds to 1 (1 − p_y would be 0).
 */
export function logitScaledConfidence(logits: ArrayLike<number>, label: number, offset = 0, classes = logits.length): number {
  let maxOther = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < classes; k++) if (k !== label) maxOther = Math.max(maxOther, logits[offset + k]!);
  let sumOther = 0;
  for (let k = 0; k < classes; k++) if (k !== label) sumOther += Math.exp(logits[offset + k]! - maxOther);
  return logits[offset + label]! - maxOther - Math.log(sumOther);
}

/**
 * One membership score per example (higher = more likely a member) of a trained network: see
 * `ScoreKind`. Losses are computed in float64 from the logits, as logsumexp(z) − z_y.
 *
 * @param network a trained network from `train()`
 * @param data the examples to score, labels included
 * @param kind the statistic; @defaultValue "loss"
 * @throws Error when a label is outside [0, numClasses) or the features do not fit the network
 * @example perExampleScores(network, data, "loss") // Float64Array [-0.01, -2.3, …]
 * Runs in O(n) forward passes, chunked.
 */
export function perExampleScores(network: Network, data: TrainingData, kind: ScoreKind = "loss"): Float64Array {
  if (!SCORE_KINDS.includes(kind)) throw new Error(`perExampleScores: kind must be one of ${SCORE_KINDS.join(", ")}, got ${String(kind)}`);
  return scoresFromLogits(logitsOf(network, data), data.labels, network.spec.numClasses, kind);
}

/**
 * The scores of `perExampleScores` from logits already computed (row-major `count × classes`), for
 * any model that yields logits or log-probabilities (softmax(log p) = p, so both give the same scores).
 * @throws Error when a label is outside [0, classes) or the kind is unknown
 * Runs in O(count · classes).
 */
export function scoresFromLogits(logits: ArrayLike<number>, labels: ArrayLike<number>, classes: number, kind: ScoreKind = "loss"): Float64Array {
  if (!SCORE_KINDS.includes(kind)) throw new Error(`scoresFromLogits: kind must be one of ${SCORE_KINDS.join(", ")}, got ${String(kind)}`);
  const count = labels.length;
  if (logits.length !== count * classes) throw new Error(`scoresFromLogits: ${logits.length} logits for ${count} examples of ${classes} classes`);
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = labels[i]!;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
      throw new Error(`perExampleScores: label ${label} of example ${i} is outside [0, ${classes})`);
    }
    const offset = i * classes;
    if (kind === "logitConfidence") {
      scores[i] = logitScaledConfidence(logits, label, offset, classes);
      continue;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[offset + k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[offset + k]! - max);
    const logSumExp = max + Math.log(sum);
    if (kind === "loss") scores[i] = logits[offset + label]! - logSumExp;
    else if (kind === "confidence") scores[i] = Math.exp(logits[offset + label]! - logSumExp);
    else scores[i] = Math.exp(max - logSumExp);
  }
  return scores;
}

export interface LossThresholdAttackOptions {
  /** Known training examples of the network. */
  members: TrainingData;
  /** Examples from the same distribution that it was not trained on. */
  nonMembers: TrainingData;
  /** @defaultValue "loss" */
  kind?: ScoreKind;
}

/**
 * The loss-threshold attack (Yeom et al. 2018, arXiv:1709.01604): the network's score on
 * known members and non-members, ready for `membershipMetrics`. Yeom et al. fix the threshold at the
 * mean training loss; the ROC sweep tries every threshold instead, which is at least as strong.
 * @example membershipMetrics(lossThresholdAttack(network, { members, nonMembers })).auc // 0.83
 */
export function lossThresholdAttack(network: Network, options: LossThresholdAttackOptions): MembershipScores {
  const kind = options.kind ?? "loss";
  return new MembershipScores({
    members: perExampleScores(network, options.members, kind),
    nonMembers: perExampleScores(network, options.nonMembers, kind),
  });
}

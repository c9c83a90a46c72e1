// The shadow-model attack of Shokri et al. 2017 ("Membership Inference Attacks against Machine
// Learning Models", IEEE S&P, sec. IV): k shadow models are trained like the target on disjoint
// data from the same distribution, half of each shadow's share in its training set (IN) and half
// held out (OUT); their prediction vectors, labelled IN or OUT, train one attack classifier per
// class; the target's prediction vectors are then scored by the attack classifier of their label.
// Departures: the attack classifier is a logistic regression (trained with lib/dp's engine, no
// noise) on the sorted top-3 log-probabilities, not a neural network on the full sorted vector
// (Salem et al. 2019, arXiv:1806.01246, sec. III, show the top 3 carry the signal).
import { createAccountant, disposeNetwork, logisticRegressionSpec, train, trainConfigSchema, type NetworkSpec, type TrainConfig, type TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import { MembershipScores } from "../metrics/index.ts";
import { networkClassifier, type Classifier } from "./classifier.ts";
import { logitsOf } from "./loss-threshold-attack.ts";
import { selectRows } from "./select-rows.ts";
import { calibratedShadowConfig, type ShadowProgress } from "./train-shadow-models.ts";

/** Top log-probabilities kept as attack features. */
const TOP = 3;
/** log p is floored here and scaled by 1/10 so the logistic regression sees values in [−3, 0]. */
const LOG_FLOOR = -30;

/** Sorted top-3 log-probabilities of each row of logits, floored and scaled (see LOG_FLOOR). */
export function attackFeatures(logits: Float32Array, classes: number): Float32Array {
  const count = logits.length / classes;
  const top = Math.min(TOP, classes);
  const out = new Float32Array(count * TOP);
  const row = new Float64Array(classes);
  for (let i = 0; i < count; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[i * classes + k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(logits[i * classes + k]! - max);
    const lse = max + Math.log(sum);
    for (let k = 0; k < classes; k++) row[k] = Math.max(LOG_FLOOR, logits[i * classes + k]! - lse) / 10;
    row.sort().reverse();
    for (let k = 0; k < top; k++) out[i * TOP + k] = row[k]!;
    // Fewer than three classes: the missing places stay at the floor.
    for (let k = top; k < TOP; k++) out[i * TOP + k] = LOG_FLOOR / 10;
  }
  return out;
}

export interface ShadowModelAttackOptions {
  target: Classifier;
  /** The target's architecture and configuration, for the shadows. */
  spec: NetworkSpec;
  config: TrainConfig & { noiseMultiplier?: number };
  /** The attacker's data from the target's distribution, disjoint from what is audited. */
  shadowData: TrainingData;
  /** Number of shadow models, ≥ 1; each gets shadowData.count / k examples, half IN. */
  k: number;
  /** Audited examples known to be members / non-members of the target. */
  members: TrainingData;
  nonMembers: TrainingData;
  seed?: number;
  onProgress?: (progress: ShadowProgress) => void | Promise<void>;
  shouldStop?: () => boolean;
}

/**
 * Shokri et al.'s attack end to end: scores (the attack classifier's logit of IN, higher = member)
 * for the audited members and non-members.
 * @throws {AppError} bad_request when k < 1 or each shadow would get fewer than 4 examples
 * Runs in O(k) training runs on shadowData.count / (2k) examples plus one attack model per class.
 */
export async function shadowModelAttack(options: ShadowModelAttackOptions): Promise<MembershipScores> {
  const { target, spec, shadowData, k } = options;
  if (!Number.isInteger(k) || k < 1) throw new AppError("bad_request", `shadowModelAttack: k must be an integer ≥ 1, got ${k}`);
  const share = Math.floor(shadowData.count / k);
  if (share < 4) throw new AppError("bad_request", `shadowModelAttack: ${shadowData.count} shadow examples leave fewer than 4 to each of ${k} shadow models`);
  const classes = spec.numClasses;
  const config = calibratedShadowConfig(options.config);
  const seed = options.seed ?? 1;
  // Attack training set, grouped by the example's true class.
  const byClass = Array.from({ length: classes }, () => ({ features: [] as number[], labels: [] as number[] }));
  for (let i = 0; i < k; i++) {
    if (options.shouldStop?.()) throw new AppError("conflict", `shadowModelAttack: stopped after ${i} of ${k} shadow models`);
    // Shadow i's disjoint share: rows [i·share, (i+1)·share), the first half IN.
    const mask = new Uint8Array(shadowData.count);
    const inMask = new Uint8Array(shadowData.count);
    for (let j = i * share; j < (i + 1) * share; j++) {
      mask[j] = 1;
      if (j < i * share + share / 2) inMask[j] = 1;
    }
    const { network } = await train({
      spec,
      config: { ...config, seed: seed + 1 + i },
      data: selectRows(shadowData, inMask),
      accountant: config.private ? createAccountant(config.accountant) : undefined,
    });
    try {
      const shareData = selectRows(shadowData, mask);
      const features = attackFeatures(logitsOf(network, shareData), classes);
      for (let j = 0; j < shareData.count; j++) {
        const group = byClass[shareData.labels[j]!]!;
        for (let f = 0; f < TOP; f++) group.features.push(features[j * TOP + f]!);
        group.labels.push(j < share / 2 ? 1 : 0);
      }
    } finally {
      disposeNetwork(network);
    }
    await options.onProgress?.({ index: i + 1, total: k, message: `shadow model ${i + 1} of ${k}` });
  }
  const attackConfig = trainConfigSchema.parse({ model: { kind: "logistic" }, epochs: 30, learningRate: 0.5, sampleRate: 0.1, clipNorm: 1, delta: 1e-5, private: false, seed });
  const attackModels = await Promise.all(
    byClass.map(async (group) => {
      // A class with only one side in the shadow data cannot be learnt: its examples score 0.
      if (group.labels.length === 0 || new Set(group.labels).size < 2) return null;
      const { network } = await train({ spec: logisticRegressionSpec(TOP, 2), config: attackConfig, data: { features: Float32Array.from(group.features), labels: Int32Array.from(group.labels), count: group.labels.length } });
      return network;
    }),
  );
  const score = (data: TrainingData): Float64Array => {
    const features = attackFeatures(target.logits(data), classes);
    const scores = new Float64Array(data.count);
    for (let c = 0; c < classes; c++) {
      const model = attackModels[c];
      if (!model) continue;
      const rows = Uint8Array.from(data.labels, (label) => (label === c ? 1 : 0));
      const subset = selectRows({ features, labels: data.labels, count: data.count }, rows);
      if (subset.count === 0) continue;
      const logits = networkClassifier(model).logits(subset);
      let at = 0;
      for (let j = 0; j < data.count; j++) if (rows[j] === 1) scores[j] = logits[at * 2 + 1]! - logits[at++ * 2]!;
    }
    return scores;
  };
  try {
    return new MembershipScores({ members: score(options.members), nonMembers: score(options.nonMembers) });
  } finally {
    for (const model of attackModels) if (model) disposeNetwork(model);
  }
}

// The Likelihood Ratio Attack (LiRA) of Carlini et al. 2022, arXiv:2112.03570, Alg. 1:
// per example, Gaussians fitted to the logit-scaled confidence φ under shadow models trained with it
// (IN) and without it (OUT); the target's φ is scored by how much likelier it is under IN than OUT.
// Departures from the paper: no test-time augmentations (one query per example); the means are
// means as in Alg. 1 (the reference code takes medians); the global variance is the pooled
// within-example variance (the reference code's `np.std(dat_in)` also pools the spread between
// examples' means, and uses the IN data for σ_out too).
import type { Network, TrainingData } from "../../dp/index.ts";
import { MembershipScores } from "../metrics/index.ts";
import { perExampleScores } from "./loss-threshold-attack.ts";
import { logNormalPdf, logNormalSurvival } from "./normal.ts";
import type { ShadowModels } from "./train-shadow-models.ts";

/**
 * - `online`: log N(φ; μ_in, σ_in²) − log N(φ; μ_out, σ_out²) (Alg. 1, online).
 * - `offline`: OUT models only, the paper's one-sided test, read as −log Pr[Z > φ] with
 *   Z ~ N(μ_out, σ_out²): monotone in the paper's Λ = 1 − Pr[Z > φ], so the same ROC, but it keeps
 *   resolving members far in the tail where Λ rounds to 1.
 */
export type LiraVariant = "online" | "offline";

/**
 * With fewer shadow models than this, a global variance is the default: the paper recommends a fixed
 * (global) variance when shadow models are few, since per-example variances need many; 64 is our cut-off.
 */
export const GLOBAL_VARIANCE_BELOW = 64;

/** Added to every standard deviation, as the reference code's `std + 1e-30`, so a constant φ cannot divide by zero. */
const MIN_STD = 1e-30;

export interface LiraScoresOptions {
  /** φ of each example under the attacked model, length n. */
  targetObservations: ArrayLike<number>;
  /** φ of each example under each shadow model: shadows × n. */
  shadowObservations: ArrayLike<number>[];
  /** inclusion[i][j] = 1 when shadow i trained on example j (same shape as shadowObservations). */
  inclusion: ArrayLike<number>[];
  /** @defaultValue "online" */
  variant?: LiraVariant;
  /** One σ_in and one σ_out for all examples. @defaultValue true below 64 shadow models */
  globalVariance?: boolean;
}

export interface LiraScores {
  /** One score per example, higher = more likely a member. */
  scores: Float64Array;
  /** The fitted Gaussians, per example (μ_in / σ_in are NaN for the offline variant). */
  meanIn: Float64Array;
  stdIn: Float64Array;
  meanOut: Float64Array;
  stdOut: Float64Array;
}

interface Fit {
  mean: Float64Array;
  std: Float64Array;
}

/** Mean and (population) standard deviation per example over the shadows whose inclusion equals `side`. */
function fitSide(observations: ArrayLike<number>[], inclusion: ArrayLike<number>[], side: 0 | 1, needed: number, globalVariance: boolean, label: string): Fit {
  const count = observations[0]!.length;
  const mean = new Float64Array(count);
  const std = new Float64Array(count);
  let pooledSquares = 0;
  let pooledCount = 0;
  for (let j = 0; j < count; j++) {
    let sum = 0;
    let k = 0;
    for (let i = 0; i < observations.length; i++) {
      if ((inclusion[i]![j] === 1 ? 1 : 0) !== side) continue;
      sum += observations[i]![j]!;
      k += 1;
    }
    if (k < needed) {
      throw new Error(`liraScores: example ${j} has ${k} ${label} shadow model(s); ${needed === 1 ? "at least 1 is" : "a per-example variance needs at least 2 (or set globalVariance)"} needed`);
    }
    const m = sum / k;
    let squares = 0;
    for (let i = 0; i < observations.length; i++) {
      if ((inclusion[i]![j] === 1 ? 1 : 0) !== side) continue;
      const d = observations[i]![j]! - m;
      squares += d * d;
    }
    mean[j] = m;
    std[j] = Math.sqrt(squares / k);
    pooledSquares += squares;
    pooledCount += k;
  }
  if (globalVariance) std.fill(Math.sqrt(pooledSquares / pooledCount));
  return { mean, std };
}

/**
 * LiRA's scores from observations already made: φ of every example under the target and under each
 * shadow model, and which shadows trained on which examples. Pure numerics: see `liraAttack` to
 * query networks. Per-example variances need ≥ 2 observations on a side; a global variance pools
 * every example's deviations from its own mean (see the file comment).
 *
 * @throws Error naming the rule when shapes disagree, a value is not finite, or an example has too
 * few IN (online) or OUT shadow models
 * @example liraScores({ targetObservations: [2], shadowObservations: [[2.1], [1.9], [0.1], [-0.1]], inclusion: [[1], [1], [0], [0]] }).scores
 * // Float64Array [200]: φ sits on the IN mean (2, σ 0.1) and 20 σ above the OUT one (0, σ 0.1)
 * Runs in O(shadows · n).
 */
export function liraScores(options: LiraScoresOptions): LiraScores {
  const { targetObservations: target, shadowObservations: shadows, inclusion } = options;
  const variant = options.variant ?? "online";
  if (variant !== "online" && variant !== "offline") throw new Error(`liraScores: variant must be "online" or "offline", got ${String(variant)}`);
  if (shadows.length === 0) throw new Error("liraScores: no shadow observations");
  if (inclusion.length !== shadows.length) throw new Error(`liraScores: ${inclusion.length} inclusion rows for ${shadows.length} shadow models`);
  const count = target.length;
  if (count === 0) throw new Error("liraScores: no target observations");
  shadows.forEach((row, i) => {
    if (row.length !== count) throw new Error(`liraScores: shadow ${i} has ${row.length} observations for ${count} examples`);
    if (inclusion[i]!.length !== count) throw new Error(`liraScores: inclusion row ${i} has ${inclusion[i]!.length} entries for ${count} examples`);
    for (let j = 0; j < count; j++) if (!Number.isFinite(row[j]!)) throw new Error(`liraScores: shadow ${i}'s observation of example ${j} is not finite`);
  });
  for (let j = 0; j < count; j++) if (!Number.isFinite(target[j]!)) throw new Error(`liraScores: the target's observation of example ${j} is not finite`);
  const globalVariance = options.globalVariance ?? shadows.length < GLOBAL_VARIANCE_BELOW;
  const needed = globalVariance ? 1 : 2;
  const out = fitSide(shadows, inclusion, 0, needed, globalVariance, "OUT");
  const scores = new Float64Array(count);
  if (variant === "offline") {
    for (let j = 0; j < count; j++) {
      const sigma = out.std[j]! + MIN_STD;
      scores[j] = -logNormalSurvival((target[j]! - out.mean[j]!) / sigma);
    }
    const nan = new Float64Array(count).fill(Number.NaN);
    return { scores, meanIn: nan, stdIn: nan.slice(), meanOut: out.mean, stdOut: out.std };
  }
  const fin = fitSide(shadows, inclusion, 1, needed, globalVariance, "IN");
  for (let j = 0; j < count; j++) {
    scores[j] = logNormalPdf(target[j]!, fin.mean[j]!, fin.std[j]! + MIN_STD) - logNormalPdf(target[j]!, out.mean[j]!, out.std[j]! + MIN_STD);
  }
  return { scores, meanIn: fin.mean, stdIn: fin.std, meanOut: out.mean, stdOut: out.std };
}

export interface LiraAttackOptions {
  /** The attacked model. */
  target: Network;
  /** Shadow models trained on the same population (`trainShadowModels`). */
  shadows: ShadowModels;
  /** The population the shadows were trained from: the examples to score, in the same order. */
  population: TrainingData;
  variant?: LiraVariant;
  globalVariance?: boolean;
}

/**
 * LiRA end to end: φ (`perExampleScores(…, "logitConfidence")`) of every population example under
 * the target and each shadow, then `liraScores`. Scores are in population order.
 * @example membershipScoresFromMask(liraAttack({ target, shadows, population }).scores, targetMask)
 * Runs in O(shadows · n) forward passes.
 */
export function liraAttack(options: LiraAttackOptions): LiraScores {
  const { target, shadows, population } = options;
  if (shadows.inclusion[0] && shadows.inclusion[0].length !== population.count) {
    throw new Error(`liraAttack: the shadows were trained on a population of ${shadows.inclusion[0].length}, not ${population.count}`);
  }
  return liraScores({
    targetObservations: perExampleScores(target, population, "logitConfidence"),
    shadowObservations: shadows.networks.map((network) => perExampleScores(network, population, "logitConfidence")),
    inclusion: shadows.inclusion,
    variant: options.variant,
    globalVariance: options.globalVariance,
  });
}

/**
 * Splits per-example scores into members (mask 1) and non-members (mask 0) for `membershipMetrics`.
 * @throws Error when the lengths differ
 */
export function membershipScoresFromMask(scores: ArrayLike<number>, membership: ArrayLike<number>): MembershipScores {
  if (scores.length !== membership.length) throw new Error(`membershipScoresFromMask: ${scores.length} scores for ${membership.length} mask entries`);
  const members: number[] = [];
  const nonMembers: number[] = [];
  for (let j = 0; j < scores.length; j++) (membership[j] === 1 ? members : nonMembers).push(scores[j]!);
  return new MembershipScores({ members, nonMembers });
}

// Canary exposure (Carlini et al. 2019, "The Secret Sharer", arXiv:1802.08232): random secrets
// ("canaries") are inserted into training; a canary's exposure is log2 |R| − log2 rank, its rank
// among the candidate secrets R by the model's loss (sec. 4.1–4.2). When R is too large to
// enumerate, or the canary ranks first among the candidates tried, exposure is extrapolated from a
// distribution fitted to the candidates' scores (sec. 4.3). Departure: the paper fits a skew-normal
// to log-perplexities; we fit a normal (closed form, no optimiser) to the logit-scaled confidence φ,
// which LiRA (arXiv:2112.03570, sec. 4) finds close to Gaussian, where raw losses are bounded and skewed.
// For a classifier, a secret is an input point with a fixed label: the candidates are fresh random
// points of the same norm carrying the canary's label, never trained on.
import { createAccountant, disposeNetwork, train, type NetworkSpec, type TrainConfig, type TrainingData } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import { perExampleScores } from "./loss-threshold-attack.ts";
import { logNormalSurvival } from "./normal.ts";
import { canaries, concatData } from "./synthetic-data.ts";

export interface CanaryExposure {
  /** 1 + candidates with a strictly higher score than the canary (ties favour the canary, as in sec. 4.1). */
  rank: number;
  /** |R|: the candidates tried plus the canary itself. */
  candidates: number;
  /** log2 |R| − log2 rank, in [0, log2 |R|]. */
  exposure: number;
  /** −log2 Pr[Z ≥ s], Z ~ N(μ, σ²) fitted to the candidates' scores: finite beyond log2 |R|. */
  extrapolatedExposure: number;
  /** What to report: the extrapolated value when the canary ranks first (the exact one is then capped at log2 |R|), else the exact one. */
  reportedExposure: number;
}

/**
 * Exposure of one canary from its score and the scores of candidate secrets, higher = the model
 * prefers it (e.g. φ, `perExampleScores(…, "logitConfidence")`).
 * @throws {AppError} bad_request when there are fewer than 2 candidates or a score is not finite
 * @example canaryExposure(9, [1, 2, 3, 4, 5, 6, 7]) // { rank: 1, candidates: 8, exposure: 3, extrapolatedExposure: 6.5986…, reportedExposure: 6.5986… }
 * Runs in O(candidates).
 */
export function canaryExposure(canaryScore: number, candidateScores: ArrayLike<number>): CanaryExposure {
  if (!Number.isFinite(canaryScore)) throw new AppError("bad_request", "canaryExposure: the canary's score must be a finite number");
  const n = candidateScores.length;
  if (n < 2) throw new AppError("bad_request", `canaryExposure: need at least 2 candidates, got ${n}`);
  let above = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const score = candidateScores[i]!;
    if (!Number.isFinite(score)) throw new AppError("bad_request", `canaryExposure: candidate score ${i} is not finite`);
    if (score > canaryScore) above++;
    sum += score;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (candidateScores[i]! - mean) ** 2;
  const std = Math.sqrt(squares / (n - 1));
  const rank = above + 1;
  const candidates = n + 1;
  const exposure = Math.log2(candidates) - Math.log2(rank);
  // A constant candidate score leaves only the exact figure.
  const extrapolatedExposure = std > 0 ? -logNormalSurvival((canaryScore - mean) / std) / Math.LN2 : exposure;
  return { rank, candidates, exposure, extrapolatedExposure, reportedExposure: rank === 1 ? Math.max(exposure, extrapolatedExposure) : exposure };
}

export interface MeasureCanaryExposureOptions {
  spec: NetworkSpec;
  config: TrainConfig & { noiseMultiplier?: number };
  /** The training set the canaries are inserted into. */
  data: TrainingData;
  /** Canaries inserted. @defaultValue 5 */
  canaries?: number;
  /** Copies of each canary in training (the paper inserts 1 to 100; 0 is the control). @defaultValue 1 */
  repeats?: number;
  /** Candidate secrets tried per canary. @defaultValue 200 */
  candidates?: number;
  /** Norm of canary and candidate features: the training data's typical norm. @defaultValue √width */
  norm?: number;
  seed?: number;
  shouldStop?: () => boolean;
}

export interface CanaryExposureResult {
  canaries: CanaryExposure[];
  /** ε the run spent (null for a non-private config). */
  epsilon: number | null;
  repeats: number;
}

/**
 * Trains once with the engine (the given spec and config, a private config needing its noise
 * multiplier) on `data` plus inserted canaries, then ranks each canary among `candidates` fresh
 * secrets carrying its label.
 * Runs in one training run plus O(canaries · candidates) forward passes.
 */
export async function measureCanaryExposure(options: MeasureCanaryExposureOptions): Promise<CanaryExposureResult> {
  const { spec, config, data } = options;
  const count = options.canaries ?? 5;
  const repeats = options.repeats ?? 1;
  const candidateCount = options.candidates ?? 200;
  const seed = options.seed ?? 1;
  for (const [name, value, min] of [["canaries", count, 1], ["repeats", repeats, 0], ["candidates", candidateCount, 2]] as const) {
    if (!Number.isInteger(value) || value < min) throw new AppError("bad_request", `measureCanaryExposure: ${name} must be an integer ≥ ${min}, got ${value}`);
  }
  const width = spec.inputShape.reduce((a, b) => a * b, 1);
  const norm = options.norm ?? Math.sqrt(width);
  const secrets = canaries(count, width, spec.numClasses, seed, norm);
  const training = concatData(data, ...Array.from({ length: repeats }, () => secrets));
  const { network, epsilon } = await train({
    spec,
    config,
    data: training,
    accountant: config.private ? createAccountant(config.accountant) : undefined,
    shouldStop: options.shouldStop,
  });
  try {
    const canaryScores = perExampleScores(network, secrets, "logitConfidence");
    const results: CanaryExposure[] = [];
    for (let c = 0; c < count; c++) {
      const pool = canaries(candidateCount, width, spec.numClasses, seed * 7919 + c + 1, norm);
      pool.labels.fill(secrets.labels[c]!);
      results.push(canaryExposure(canaryScores[c]!, perExampleScores(network, pool, "logitConfidence")));
    }
    return { canaries: results, epsilon, repeats };
  } finally {
    disposeNetwork(network);
  }
}

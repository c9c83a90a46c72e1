// Shadow models for LiRA (Carlini et al. 2022, arXiv:2112.03570, Alg. 1): N models,
// each trained like the target on a random half of a population, so that every example has models
// trained with it (IN) and without it (OUT).
import { calibrateNoiseMultiplier, createAccountant, disposeNetwork, totalSteps, train, type Network, type NetworkSpec, type TrainConfig, type TrainingData } from "../../dp/index.ts";
import { mulberry32 } from "../../numerics/index.ts";
import { selectRows } from "./select-rows.ts";

/**
 * A balanced inclusion matrix, `models` rows of `count` entries (1 = IN): every example is IN for
 * exactly ⌊models/2⌋ models, chosen at random, as in the reference code of Carlini et al. 2022
 * (`keep = order < N/2` over a random permutation per example), so no example lacks IN or OUT models.
 * Reproducible from `seed`.
 * @throws Error when models < 2 or count < 1
 * @example inclusionMatrix(4, 3, 1) // four Uint8Arrays of length 3, each column summing to 2
 * Runs in O(models · count).
 */
export function inclusionMatrix(models: number, count: number, seed: number): Uint8Array[] {
  if (!Number.isInteger(models) || models < 2) throw new Error(`inclusionMatrix: models must be an integer ≥ 2, got ${models}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`inclusionMatrix: count must be an integer ≥ 1, got ${count}`);
  const random = mulberry32(seed);
  const rows = Array.from({ length: models }, () => new Uint8Array(count));
  const order = Array.from({ length: models }, (_, i) => i);
  const inCount = Math.floor(models / 2);
  for (let j = 0; j < count; j++) {
    // Fisher–Yates: the first inCount of a uniform permutation are a uniform subset.
    for (let i = models - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    for (let i = 0; i < inCount; i++) rows[order[i]!]![j] = 1;
  }
  return rows;
}

export interface ShadowProgress {
  /** 1-based index of the shadow model just trained. */
  index: number;
  total: number;
  /** "shadow model i of N" */
  message: string;
}

export interface TrainShadowModelsOptions {
  /** The target's architecture and configuration: shadows must be trained like the target. */
  spec: NetworkSpec;
  config: TrainConfig & { noiseMultiplier?: number };
  /** The examples the attack will judge; each shadow trains on its row of the inclusion matrix. */
  population: TrainingData;
  /** Number of shadow models, at least 2 (the paper uses up to 256; 16 to 64 already work). */
  n: number;
  /** Seeds the inclusion matrix and each shadow's initialisation and batches. */
  seed: number;
  onProgress?: (progress: ShadowProgress) => void | Promise<void>;
  /** Checked before each shadow; stopping disposes the shadows trained so far and throws. */
  shouldStop?: () => boolean;
}

export interface ShadowModels {
  /** The trained networks; the caller disposes them (`disposeShadowModels`). */
  networks: Network[];
  /** inclusion[i][j] = 1 when shadow i trained on population example j. */
  inclusion: Uint8Array[];
  /** ε spent by each shadow (null for non-private runs). */
  epsilons: (number | null)[];
}

/**
 * A private config without a noise multiplier calibrated once to its targetEpsilon, as the target
 * would have been; other configs unchanged.
 * @throws Error when a private config has neither σ nor a target ε
 */
export function calibratedShadowConfig(config: TrainConfig & { noiseMultiplier?: number }): TrainConfig & { noiseMultiplier?: number } {
  if (!config.private || config.noiseMultiplier !== undefined) return config;
  if (config.targetEpsilon === undefined) throw new Error("trainShadowModels: a private config needs noiseMultiplier or targetEpsilon");
  const { noiseMultiplier } = calibrateNoiseMultiplier({
    targetEpsilon: config.targetEpsilon,
    delta: config.delta,
    sampleRate: config.sampleRate,
    steps: totalSteps(config),
    accountant: config.accountant,
  });
  return { ...config, noiseMultiplier };
}

/**
 * Shadow i alone: trained with `train()` on its row of the inclusion matrix, seed `seed + 1 + i`
 * (what `trainShadowModels` does for each i), so an audit can train, checkpoint and resume one at a time.
 * `config` must already be calibrated (`calibratedShadowConfig`).
 */
export async function trainShadowModel(options: { spec: NetworkSpec; config: TrainConfig & { noiseMultiplier?: number }; population: TrainingData; inclusionRow: Uint8Array; seed: number; index: number }): Promise<{ network: Network; epsilon: number | null }> {
  const { config } = options;
  const result = await train({
    spec: options.spec,
    config: { ...config, seed: options.seed + 1 + options.index },
    data: selectRows(options.population, options.inclusionRow),
    accountant: config.private ? createAccountant(config.accountant) : undefined,
  });
  return { network: result.network, epsilon: result.epsilon };
}

/**
 * Trains `n` shadow models with `train()`, each on a random half of the population (see
 * `inclusionMatrix`) with the target's spec and config; shadow i uses seed `seed + 1 + i` for its
 * initialisation and batches. A private config without a noise multiplier is calibrated once to its
 * targetEpsilon, as the target would have been.
 * @throws Error when n < 2, the population is empty, or a private config has neither σ nor a target ε
 * Runs in O(n) training runs on half the population each.
 */
export async function trainShadowModels(options: TrainShadowModelsOptions): Promise<ShadowModels> {
  const { spec, population, n, seed } = options;
  if (population.count < 1) throw new Error("trainShadowModels: the population is empty");
  const config = calibratedShadowConfig(options.config);
  const inclusion = inclusionMatrix(n, population.count, seed);
  const networks: Network[] = [];
  const epsilons: (number | null)[] = [];
  try {
    for (let i = 0; i < n; i++) {
      if (options.shouldStop?.()) throw new Error(`trainShadowModels: stopped after ${i} of ${n} shadow models`);
      const result = await trainShadowModel({ spec, config, population, inclusionRow: inclusion[i]!, seed, index: i });
      networks.push(result.network);
      epsilons.push(result.epsilon);
      await options.onProgress?.({ index: i + 1, total: n, message: `shadow model ${i + 1} of ${n}` });
    }
  } catch (error) {
    for (const network of networks) disposeNetwork(network);
    throw error;
  }
  return { networks, inclusion, epsilons };
}

/** Frees every shadow network's parameters. */
export function disposeShadowModels(shadows: ShadowModels): void {
  for (const network of shadows.networks) disposeNetwork(network);
}

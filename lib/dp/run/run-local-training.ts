import { AppError } from "../../errors/index.ts";
import { type SelectedBackend, selectBackend } from "../backend/select-backend.ts";
import { disposeNetwork, type Network } from "../models/network.ts";
import { specForModel } from "../models/spec-for-model.ts";
import type { StepProgress } from "../training/train.ts";
import type { TrainConfig } from "../training/train-config.ts";
import { fitNetwork, loadImageData, loadTabularData, measure, type ImageSource, type Metrics, type PreparedData, resolveTrainConfig } from "./prepare-training.ts";
import type { RunSpec } from "./run-spec.ts";
import { type InputEncoding, saveModel } from "./save-model.ts";

export type { Metrics } from "./prepare-training.ts";

/** What a private run guarantees, (ε, δ)-DP with respect to the training set's examples. */
export interface Guarantee {
  epsilon: number;
  delta: number;
  accountant: "rdp" | "prv";
  /** σ_eff, the noise multiplier the accountant was stepped with. */
  noiseMultiplier: number;
  sampleRate: number;
  steps: number;
  /** The clip norm at the end: config.clipNorm unless adaptive clipping moved it. */
  clipNorm: number;
}

/** `canary train --json` prints exactly these keys, in this order (baseline and artifact only when present). */
export interface LocalTrainingResult {
  metrics: Metrics;
  baseline?: Metrics;
  guarantee: Guarantee | null;
  backend: string;
  steps: number;
  artifact?: string;
}

export interface RunLocalTrainingOptions {
  /** Live progress of each phase ("pretrain", "train", "baseline"). */
  onProgress?: (phase: string, progress: StepProgress) => void;
  /** Forces a backend (else CANARY_TF_BACKEND, else the fastest that works). */
  backend?: SelectedBackend["name"];
  /** Called with the trained network before it is disposed (e.g. to register it); training waits for it. */
  onTrained?: (trained: { network: Network; input: InputEncoding; config: TrainConfig }, result: LocalTrainingResult) => Promise<void>;
}

async function loadData(spec: RunSpec): Promise<PreparedData> {
  const { data } = spec;
  if (typeof data.train !== "string") {
    return loadImageData({ train: data.train, eval: data.eval as ImageSource | undefined, public: data.public as ImageSource | undefined });
  }
  return loadTabularData({
    train: data.train,
    eval: data.eval as string | undefined,
    public: data.public as string | undefined,
    target: data.target!,
    maxCategories: data.maxCategories,
    schema: data.schema,
    // Read before the config is resolved (which needs N): private unless it says otherwise.
    private: spec.config.private !== false,
  });
}

/**
 * Trains a model on this machine as run.json describes (offline, no server): loads the data, fits
 * the encoding, calibrates σ from targetEpsilon when σ is not given (same step count as training),
 * pretrains on public data when given, trains with DP-SGD, evaluates on the eval set (else the
 * training set), optionally trains the non-private baseline, and saves the model when `output` is set.
 */
export async function runLocalTraining(run: RunSpec, options: RunLocalTrainingOptions = {}): Promise<LocalTrainingResult> {
  const backend = await selectBackend(options.backend);
  const data = await loadData(run);
  if (data.train.count === 0) throw new AppError("unprocessable", "the training set has no labelled example");
  const { config } = resolveTrainConfig(run.config, data.train.count);
  const spec = specForModel(config.model, data.inputShape, data.numClasses);
  const trained = await fitNetwork(spec, config, data, { onProgress: options.onProgress });
  try {
    const metrics = measure(trained.network, data);
    let baseline: Metrics | undefined;
    if (run.baseline && config.private) {
      const plain = await fitNetwork(spec, { ...config, private: false }, data, { phase: "baseline", onProgress: options.onProgress });
      baseline = measure(plain.network, data);
      disposeNetwork(plain.network);
    }
    const guarantee: Guarantee | null = config.private
      ? {
          epsilon: trained.epsilon!,
          delta: config.delta,
          accountant: config.accountant,
          noiseMultiplier: config.noiseMultiplier!,
          sampleRate: config.sampleRate,
          steps: trained.steps,
          clipNorm: trained.clipNorm,
        }
      : null;
    const result: LocalTrainingResult = { metrics, ...(baseline ? { baseline } : {}), guarantee, backend: backend.name, steps: trained.steps };
    await options.onTrained?.({ network: trained.network, input: data.input, config }, result);
    if (run.output === undefined) return result;
    await saveModel(run.output, trained.network, data.input, { ...result, config, backendFallbacks: backend.fallbacks });
    return { ...result, artifact: run.output };
  } finally {
    disposeNetwork(trained.network);
  }
}

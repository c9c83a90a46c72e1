import { AppError } from "../../errors/index.ts";
import { calibrateNoiseMultiplier, createAccountant } from "../accountant/index.ts";
import { type SelectedBackend, selectBackend } from "../backend/select-backend.ts";
import { FASHION_MNIST_CLASSES, fashionMnistAvailable, loadFashionMnist } from "../data/fashion-mnist.ts";
import { encodeRows, type FeatureEncoding, fitFeatureEncoding, readTabularRows } from "../data/tabular.ts";
import { disposeNetwork, type Network } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import { specForModel } from "../models/spec-for-model.ts";
import { evaluate } from "../training/evaluate.ts";
import { pretrain } from "../training/pretrain.ts";
import { type StepProgress, train, type TrainingData } from "../training/train.ts";
import { type TrainConfig, trainConfigSchema, totalSteps } from "../training/train-config.ts";
import { type DataSource, describeZodIssue, type RunSpec } from "./run-spec.ts";
import { type InputEncoding, saveModel } from "./save-model.ts";

export interface Metrics {
  accuracy: number;
  loss: number;
}

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
}

interface LoadedData {
  train: TrainingData;
  eval?: TrainingData;
  public?: TrainingData;
  inputShape: number[];
  numClasses: number;
  input: InputEncoding;
}

async function loadImages(source: Exclude<DataSource, string>): Promise<TrainingData> {
  if (!fashionMnistAvailable()) throw new AppError("unprocessable", "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist, or set CANARY_FASHION_MNIST_DIR)");
  return loadFashionMnist(source.fashionMnist, source.limit);
}

async function loadData(spec: RunSpec): Promise<LoadedData> {
  const { data } = spec;
  if (typeof data.train !== "string") {
    return {
      train: await loadImages(data.train),
      eval: data.eval === undefined ? undefined : await loadImages(data.eval as Exclude<DataSource, string>),
      public: data.public === undefined ? undefined : await loadImages(data.public as Exclude<DataSource, string>),
      inputShape: [28, 28, 1],
      numClasses: FASHION_MNIST_CLASSES.length,
      input: { kind: "fashion-mnist", classes: FASHION_MNIST_CLASSES, scale: "x/255" },
    };
  }
  const trainRows = await readTabularRows(data.train);
  const publicRows = data.public === undefined ? undefined : await readTabularRows(data.public as string);
  // With public data the encoding's statistics come from it, so they reveal nothing of the private
  // set; without, they come from the training set and sit outside the DP guarantee (documented).
  const encoding: FeatureEncoding = fitFeatureEncoding(publicRows ?? trainRows, { target: data.target!, maxCategories: data.maxCategories });
  return {
    train: encodeRows(trainRows, encoding),
    eval: data.eval === undefined ? undefined : encodeRows(await readTabularRows(data.eval as string), encoding),
    public: publicRows && encodeRows(publicRows, encoding),
    inputShape: [encoding.width],
    numClasses: encoding.classes.length,
    input: { kind: "tabular", encoding },
  };
}

function parseConfig(raw: Record<string, unknown>, trainingCount: number): TrainConfig {
  const result = trainConfigSchema.safeParse({ delta: 1 / (10 * trainingCount), ...raw });
  if (!result.success) throw new AppError("unprocessable", `run.json ${describeZodIssue("config", result.error)}`);
  return result.data;
}

async function fit(
  spec: NetworkSpec,
  config: TrainConfig,
  data: LoadedData,
  phase: string,
  options: RunLocalTrainingOptions,
): Promise<{ network: Network; steps: number; epsilon: number | null; clipNorm: number }> {
  const initialNetwork = data.public
    ? await pretrain({ spec, data: data.public, config, onStep: (p) => options.onProgress?.(`${phase}: pretrain`, p) })
    : undefined;
  const accountant = config.private ? createAccountant(config.accountant) : undefined;
  return train({ spec, config, data: data.train, accountant, initialNetwork, onStep: (p) => options.onProgress?.(phase, p) });
}

function measure(network: Network, data: LoadedData): Metrics {
  const { accuracy, meanLoss } = evaluate(network, data.eval ?? data.train);
  return { accuracy, loss: meanLoss };
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
  let config = parseConfig(run.config, data.train.count);
  const spec = specForModel(config.model, data.inputShape, data.numClasses);
  const steps = totalSteps(config);
  if (config.private && config.noiseMultiplier === undefined) {
    const calibrated = calibrateNoiseMultiplier({ targetEpsilon: config.targetEpsilon!, delta: config.delta, sampleRate: config.sampleRate, steps, accountant: config.accountant });
    config = { ...config, noiseMultiplier: calibrated.noiseMultiplier };
  }
  const trained = await fit(spec, config, data, "train", options);
  try {
    const metrics = measure(trained.network, data);
    let baseline: Metrics | undefined;
    if (run.baseline && config.private) {
      const plain = await fit(spec, { ...config, private: false }, data, "baseline", options);
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
    if (run.output === undefined) return result;
    await saveModel(run.output, trained.network, data.input, { ...result, config, backendFallbacks: backend.fallbacks });
    return { ...result, artifact: run.output };
  } finally {
    disposeNetwork(trained.network);
  }
}

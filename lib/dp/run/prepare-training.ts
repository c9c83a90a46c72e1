// The steps every training entry point shares (`canary train` on files, the `train` queue worker
// on stored dataset versions): load and encode the data, resolve the configuration (δ default,
// σ calibrated from a target ε, the ε planned), fit (pretrain on public data, then train), measure.
import { AppError } from "../../errors/index.ts";
import type { RecordFormat } from "../../records/index.ts";
import { calibrateNoiseMultiplier, createAccountant } from "../accountant/index.ts";
import { FASHION_MNIST_CLASSES, fashionMnistAvailable, loadFashionMnist } from "../data/fashion-mnist.ts";
import { encodeRows, encodingFromSchema, type FeatureEncoding, fitFeatureEncoding, type PreprocessingSchema, readTabularRows, requireColumns, type TabularRow } from "../data/tabular.ts";
import type { Network } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import { evaluate } from "../training/evaluate.ts";
import { pretrain } from "../training/pretrain.ts";
import { type StepAccountant, type StepProgress, train, type TrainingData, type TrainOptions, type TrainResult } from "../training/train.ts";
import { type TrainConfig, trainConfigSchema, totalSteps } from "../training/train-config.ts";
import { describeZodIssue } from "./run-spec.ts";
import type { InputEncoding } from "./save-model.ts";

export interface Metrics {
  accuracy: number;
  loss: number;
}

export interface PreparedData {
  train: TrainingData;
  eval?: TrainingData;
  public?: TrainingData;
  inputShape: number[];
  numClasses: number;
  input: InputEncoding;
}

/** A file path (format by extension) or a path with its format (a stored blob has no extension). */
export type TabularFile = string | { path: string; format: RecordFormat };

export interface TabularSources {
  train: TabularFile;
  eval?: TabularFile;
  public?: TabularFile;
  target: string;
  maxCategories?: number;
  /** Declared ranges, categories and classes: the encoding, fitted on no rows. Wins over public data. */
  schema?: PreprocessingSchema;
  /** A private run refuses to fit its encoding on the training rows. */
  private: boolean;
}

/** Where the request names public data and a declared schema: run.json's fields, or the API's. */
export interface PreprocessingFields {
  public: string;
  schema: string;
}

/**
 * Why a private run without public data or a declared schema is refused, naming the three ways to
 * give its preprocessing; the third, statistics released by a DP mechanism charged to the
 * accountant, is not offered yet, and the message says so.
 */
export function privatePreprocessingRefusal(fields: PreprocessingFields): string {
  return (
    "refused: a private run cannot take feature ranges, means or categories from its private training rows (a category seen once reveals its record). " +
    `Give one of: (a) public data to fit them on (${fields.public}); (b) a declared schema (${fields.schema}: the target's classes and, per feature column, a numeric range or its categories); ` +
    "(c) statistics estimated with a DP mechanism charged to the privacy budget, which Canary does not offer yet."
  );
}

function tabularEncoding(sources: TabularSources, trainRows: TabularRow[], publicRows: TabularRow[] | undefined, fields: PreprocessingFields): FeatureEncoding {
  if (sources.schema) {
    const encoding = encodingFromSchema(sources.schema, sources.target);
    requireColumns(trainRows, [sources.target, ...encoding.columns.map((c) => c.name)]);
    return encoding;
  }
  const options = { target: sources.target, maxCategories: sources.maxCategories };
  if (publicRows) return { ...fitFeatureEncoding(publicRows, options), source: "public" };
  if (sources.private) throw new AppError("unprocessable", privatePreprocessingRefusal(fields), { field: fields.schema });
  return { ...fitFeatureEncoding(trainRows, options), source: "training" };
}

/**
 * Reads tabular files and encodes them. The encoding comes from the declared schema, else from the
 * public data, so it reveals nothing of the private set; only a non-private run fits it on its
 * training rows. `fields` names public data and the schema in the refusal of a private run with neither.
 * @throws AppError unprocessable for a private run with neither, or a schema that breaks a rule.
 */
export async function loadTabularData(sources: TabularSources, fields: PreprocessingFields = { public: "data.public", schema: "data.schema" }): Promise<PreparedData> {
  const read = (file: TabularFile) => (typeof file === "string" ? readTabularRows(file) : readTabularRows(file.path, file.format));
  const trainRows = await read(sources.train);
  const publicRows = sources.public === undefined ? undefined : await read(sources.public);
  const encoding = tabularEncoding(sources, trainRows, publicRows, fields);
  return {
    train: encodeRows(trainRows, encoding),
    eval: sources.eval === undefined ? undefined : encodeRows(await read(sources.eval), encoding),
    public: publicRows && encodeRows(publicRows, encoding),
    inputShape: [encoding.width],
    numClasses: encoding.classes.length,
    input: { kind: "tabular", encoding },
  };
}

export interface ImageSource {
  fashionMnist: "train" | "test";
  limit?: number;
}

async function loadImages(source: ImageSource): Promise<TrainingData> {
  if (!fashionMnistAvailable()) throw new AppError("unprocessable", "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist, or set CANARY_FASHION_MNIST_DIR)");
  return loadFashionMnist(source.fashionMnist, source.limit);
}

export async function loadImageData(sources: { train: ImageSource; eval?: ImageSource; public?: ImageSource }): Promise<PreparedData> {
  const train = await loadImages(sources.train);
  return {
    train,
    eval: sources.eval === undefined ? undefined : await loadImages(sources.eval),
    public: sources.public === undefined ? undefined : await loadImages(sources.public),
    inputShape: [28, 28, 1],
    numClasses: FASHION_MNIST_CLASSES.length,
    // Which rows training read (its limit), so that audits count only those as members.
    input: { kind: "fashion-mnist", classes: FASHION_MNIST_CLASSES, scale: "x/255", trainedOn: { split: sources.train.fashionMnist, rows: train.count } },
  };
}

/** ε of `steps` steps at (σ, q) for δ, from a fresh accountant: what a run will have spent. */
export function epsilonAfter(config: Pick<TrainConfig, "accountant" | "sampleRate" | "delta"> & { noiseMultiplier: number }, steps: number): number {
  if (steps <= 0) return 0;
  const accountant = createAccountant(config.accountant);
  accountant.loadStateDict({ mechanism: config.accountant, history: [{ noiseMultiplier: config.noiseMultiplier, sampleRate: config.sampleRate, steps }] });
  return accountant.getEpsilon(config.delta);
}

export interface ResolvedConfig {
  /** With σ set when private (given, or calibrated from targetEpsilon). */
  config: TrainConfig;
  steps: number;
  /** ε after all the planned steps; null for a non-private run. */
  plannedEpsilon: number | null;
}

/**
 * Parses a raw train config for `trainingCount` examples: δ defaults to 1/(10N), and a private
 * run's δ ≥ 1/N is refused (δ = 1/N allows releasing one whole record); σ is calibrated from targetEpsilon when not
 * given, for the run's step count; the planned ε is the accountant's after every step.
 * @throws AppError unprocessable naming the field at fault (prefixed with `where`).
 */
export function resolveTrainConfig(raw: Record<string, unknown>, trainingCount: number, where = "run.json"): ResolvedConfig {
  const result = trainConfigSchema.safeParse({ delta: 1 / (10 * trainingCount), ...raw });
  if (!result.success) throw new AppError("unprocessable", `${where} ${describeZodIssue("config", result.error)}`);
  let config = result.data;
  const steps = totalSteps(config);
  if (!config.private) return { config, steps, plannedEpsilon: null };
  if (config.delta >= 1 / trainingCount) {
    throw new AppError(
      "unprocessable",
      `${where} config.delta: δ = ${config.delta} must be below 1/N = ${1 / trainingCount} for N = ${trainingCount} training examples (with δ ≥ 1/N a mechanism may publish a whole record)`,
      { field: "delta" },
    );
  }
  if (config.noiseMultiplier === undefined) {
    const calibrated = calibrateNoiseMultiplier({ targetEpsilon: config.targetEpsilon!, delta: config.delta, sampleRate: config.sampleRate, steps, accountant: config.accountant });
    config = { ...config, noiseMultiplier: calibrated.noiseMultiplier };
    return { config, steps, plannedEpsilon: calibrated.epsilon };
  }
  return { config, steps, plannedEpsilon: epsilonAfter({ ...config, noiseMultiplier: config.noiseMultiplier }, steps) };
}

export interface FitOptions extends Pick<TrainOptions, "resumeFrom" | "onCheckpoint" | "shouldStop"> {
  /** Live progress of each phase ("pretrain", "train", "baseline"). */
  onProgress?: (phase: string, progress: StepProgress) => void | Promise<void>;
  phase?: string;
  /** The private run's accountant (a fresh one when absent); a restored one when resuming. */
  accountant?: StepAccountant;
}

/**
 * Pretrains on the public data (when given and not resuming: a checkpoint holds every parameter),
 * then trains with DP-SGD, or without noise for a non-private config.
 */
export async function fitNetwork(spec: NetworkSpec, config: TrainConfig, data: PreparedData, options: FitOptions = {}): Promise<TrainResult> {
  const phase = options.phase ?? "train";
  const initialNetwork =
    data.public && !options.resumeFrom
      ? await pretrain({ spec, data: data.public, config, onStep: (p) => options.onProgress?.(`${phase}: pretrain`, p) })
      : undefined;
  const accountant = config.private ? (options.accountant ?? createAccountant(config.accountant)) : undefined;
  return train({
    spec,
    config,
    data: data.train,
    accountant,
    initialNetwork,
    resumeFrom: options.resumeFrom,
    onCheckpoint: options.onCheckpoint,
    shouldStop: options.shouldStop,
    onStep: (p) => options.onProgress?.(phase, p),
  });
}

/** Accuracy and mean loss on the evaluation set, else the training set (what `canary train` prints on the user's own machine). */
export function measure(network: Network, data: PreparedData): Metrics {
  const { accuracy, meanLoss } = evaluate(network, data.eval ?? data.train);
  return { accuracy, loss: meanLoss };
}

/**
 * Accuracy and mean loss on the evaluation set, else the public set: functions of the weights and
 * of rows outside the training set, so covered by a private run's (ε, δ) (post-processing); null
 * when the run has neither, since on its training rows they would not be.
 */
export function measureHeldOut(network: Network, data: PreparedData): Metrics | null {
  const heldOut = data.eval ?? data.public;
  if (!heldOut) return null;
  const { accuracy, meanLoss } = evaluate(network, heldOut);
  return { accuracy, loss: meanLoss };
}

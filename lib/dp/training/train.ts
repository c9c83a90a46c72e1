import { createNetwork, disposeNetwork, type Network, parameters } from "../models/network.ts";
import type { NetworkSpec } from "../models/network-spec.ts";
import * as tf from "../tf.ts";
import { gradientNoiseMultiplier } from "./adaptive-clipping.ts";
import { keyedUniforms } from "./keyed-uniforms.ts";
import { poissonSample } from "./poisson-sample.ts";
import { newSamplingKey, publicSamplingKey } from "./sampling-key.ts";
import { dpSgdStep, sgdStep, type StepResult } from "./sgd-steps.ts";
import { totalSteps, type TrainConfig } from "./train-config.ts";

/** What the accountants in ./accountant expose; training needs nothing more. */
export interface StepAccountant {
  step(args: { noiseMultiplier: number; sampleRate: number }): void;
  getEpsilon(delta: number): number;
  stateDict(): unknown;
}

export interface TrainingData {
  /** Row-major features, `count × inputShape` values. */
  features: Float32Array;
  labels: Int32Array;
  count: number;
}

/** Everything needed to continue a run after a crash: written atomically, parameters and ε together. */
export interface TrainingCheckpoint {
  step: number;
  parameters: { shape: number[]; values: number[] }[];
  accountantState: unknown;
  /** C at this step: with adaptive clipping it has moved from config.clipNorm. */
  clipNorm?: number;
  /**
   * The run's batch-sampling key (base64, 32 bytes; see sampling-key.ts). Secret for a private
   * run: the checkpoint is the only place it is kept. Absent from checkpoints older than the key.
   */
  samplingKey?: string;
}

export interface StepProgress extends StepResult {
  step: number;
  totalSteps: number;
  epoch: number;
  /** ε spent so far, from the accountant; null for the non-private baseline. */
  epsilon: number | null;
}

export interface TrainOptions {
  spec: NetworkSpec;
  config: TrainConfig & { noiseMultiplier?: number };
  data: TrainingData;
  /** Required for a private run. */
  accountant?: StepAccountant;
  resumeFrom?: TrainingCheckpoint;
  /** Train this network in place (e.g. one from `pretrain`) instead of a fresh one; its spec must be `spec`. */
  initialNetwork?: Network;
  onStep?: (progress: StepProgress) => void | Promise<void>;
  /** Called at the end of every epoch with a checkpoint to persist; training waits for it. */
  onCheckpoint?: (checkpoint: TrainingCheckpoint, progress: StepProgress) => void | Promise<void>;
  /** Checked before every step; a cancelled run stops cleanly after the step in flight. */
  shouldStop?: () => boolean;
}

export interface TrainResult {
  network: Network;
  steps: number;
  epsilon: number | null;
  stoppedEarly: boolean;
  /** The final C (config.clipNorm unless adaptive clipping moved it). */
  clipNorm: number;
}

function gatherBatch(data: TrainingData, spec: NetworkSpec, indices: number[]) {
  const width = spec.inputShape.reduce((a, b) => a * b, 1);
  const features = new Float32Array(indices.length * width);
  const labels = new Int32Array(indices.length);
  indices.forEach((row, i) => {
    features.set(data.features.subarray(row * width, (row + 1) * width), i * width);
    labels[i] = data.labels[row]!;
  });
  return {
    x: tf.tensor(features, [indices.length, ...spec.inputShape]),
    y: tf.oneHot(tf.tensor1d(labels, "int32"), spec.numClasses) as tf.Tensor2D,
  };
}

/** Sets the network's parameters to a checkpoint's. @throws Error when the tensor counts differ. */
export function restoreParameters(network: Network, checkpoint: Pick<TrainingCheckpoint, "parameters">): void {
  const variables = parameters(network);
  if (checkpoint.parameters.length !== variables.length) {
    throw new Error(`train: checkpoint has ${checkpoint.parameters.length} parameter tensors, the model ${variables.length}`);
  }
  variables.forEach((variable, k) => variable.assign(tf.tensor(checkpoint.parameters[k]!.values, checkpoint.parameters[k]!.shape)));
}

export function checkpointOf(network: Network, step: number, samplingKey: string, accountant?: StepAccountant, clipNorm?: number): TrainingCheckpoint {
  return {
    step,
    parameters: parameters(network).map((v) => ({ shape: v.shape, values: Array.from(v.dataSync()) })),
    accountantState: accountant?.stateDict() ?? null,
    ...(clipNorm === undefined ? {} : { clipNorm }),
    samplingKey,
  };
}

/**
 * Trains with DP-SGD (or the non-private baseline). Batches are Poisson samples drawn from a CSPRNG
 * keyed by (sampling key, step): a private run draws a fresh secret key (or takes its checkpoint's),
 * so the batches are unknowable from anything but the checkpoint and a resumed run draws exactly
 * the batches it would have; config.seed fixes only the initialisation (and a non-private run's
 * batches). The gradient noise is fresh from the OS's CSPRNG at every step (sgd-steps.ts).
 * The accountant is stepped with each step, so ε on a checkpoint always matches its parameters.
 * With adaptive clipping the accountant is stepped with σ_eff = config.noiseMultiplier while the
 * gradient gets the raised σ of gradientNoiseMultiplier (Andrew et al. 2021, arXiv:1905.03871, Theorem 1).
 * With trainableLayers "head" only the head is clipped, noised and updated.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const { spec, config, data, accountant } = options;
  if (config.private && (config.noiseMultiplier === undefined || !accountant)) {
    throw new Error("train: a private run needs a calibrated noiseMultiplier and an accountant");
  }
  if (data.count === 0) throw new Error("train: the training set is empty");
  const adaptive = config.adaptiveClipping;
  const trainableLayers = config.trainableLayers ?? "all";
  const gradientSigma = config.private && adaptive ? gradientNoiseMultiplier(config.noiseMultiplier!, adaptive.countNoiseMultiplier) : config.noiseMultiplier!;
  const network = options.initialNetwork ?? createNetwork(spec, config.seed + 1);
  if (options.resumeFrom) restoreParameters(network, options.resumeFrom);
  // A checkpoint written before sampling keys existed has none: the steps left get a fresh key.
  const samplingKey = options.resumeFrom?.samplingKey ?? (config.private ? newSamplingKey() : publicSamplingKey(config.seed));
  const samplingKeyBytes = Buffer.from(samplingKey, "base64");
  let clipNorm = options.resumeFrom?.clipNorm ?? config.clipNorm;
  const steps = totalSteps(config);
  const stepsPerEpoch = Math.max(1, Math.round(1 / config.sampleRate));
  const expectedBatchSize = config.sampleRate * data.count;
  let progress: StepProgress | undefined;
  let step = options.resumeFrom?.step ?? 0;
  try {
    while (step < steps) {
      if (options.shouldStop?.()) return { network, steps: step, epsilon: accountant?.getEpsilon(config.delta) ?? null, stoppedEarly: true, clipNorm };
      const indices = poissonSample(data.count, config.sampleRate, keyedUniforms(samplingKeyBytes, step));
      const { x, y } = gatherBatch(data, spec, indices);
      const result = config.private
        ? dpSgdStep(network, x, y, {
            clipNorm,
            noiseMultiplier: gradientSigma,
            expectedBatchSize,
            learningRate: config.learningRate,
            adaptiveClipping: adaptive,
            trainableLayers,
          })
        : sgdStep(network, x, y, config.learningRate, trainableLayers);
      if (config.private) clipNorm = result.nextClipNorm;
      tf.dispose([x, y]);
      accountant?.step({ noiseMultiplier: config.noiseMultiplier!, sampleRate: config.sampleRate });
      step += 1;
      progress = {
        ...result,
        step,
        totalSteps: steps,
        epoch: step / stepsPerEpoch,
        epsilon: accountant ? accountant.getEpsilon(config.delta) : null,
      };
      await options.onStep?.(progress);
      if (step % stepsPerEpoch === 0 || step === steps) await options.onCheckpoint?.(checkpointOf(network, step, samplingKey, accountant, config.private ? clipNorm : undefined), progress);
    }
    return { network, steps: step, epsilon: accountant?.getEpsilon(config.delta) ?? null, stoppedEarly: false, clipNorm };
  } catch (error) {
    if (!options.initialNetwork) disposeNetwork(network);
    throw error;
  }
}

import type { InputEncoding, NetworkSpec } from "../dp/index.ts";

/**
 * ModelVersion.config: what audits and retraining need to treat inputs exactly as training did.
 * `train` is the train config (train-config.ts) with the σ actually used.
 */
export interface ModelVersionConfig {
  input: InputEncoding | null;
  networkSpec: NetworkSpec | null;
  target: string | null;
  train: unknown | null;
  trainingRunId?: string;
  /** Share of eval records found in the training set when the run started (lib/scan/dedup). */
  contaminationRate?: number | null;
  /** Why a run stopped before its planned steps ("budget", "cancelled"). */
  stoppedEarly?: string;
}

export function readModelVersionConfig(value: unknown): ModelVersionConfig {
  const config = (value ?? {}) as Partial<ModelVersionConfig>;
  return {
    ...config,
    input: config.input ?? null,
    networkSpec: config.networkSpec ?? null,
    target: config.target ?? null,
    train: config.train ?? null,
  };
}

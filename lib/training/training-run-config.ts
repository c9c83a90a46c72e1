import type { PreprocessingSchema, TrainConfig } from "../dp/index.ts";

/** TrainingRun.config: the resolved train config and everything the worker needs to run it again. */
export interface TrainingRunConfig {
  /** Resolved: δ set, σ given or calibrated. */
  train: TrainConfig;
  plannedEpsilon: number | null;
  steps: number;
  target: string;
  evalDatasetVersionId: string | null;
  publicDatasetVersionId: string | null;
  baseline: boolean;
  maxCategories?: number;
  /** The declared preprocessing (classes, ranges, categories), when given. */
  schema?: PreprocessingSchema;
}

export function readTrainingRunConfig(value: unknown): TrainingRunConfig {
  return value as TrainingRunConfig;
}

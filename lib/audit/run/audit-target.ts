// The attacked model version as the audit runner sees it: a Classifier plus what retraining it
// (shadow models, canary runs) needs. Loading the stored artifact is the model registry's job
// (lib/models, loadModelVersionArtifact); `auditTargetFromArtifact` adapts what it returns.
import type { Db } from "../../db/index.ts";
import { trainConfigSchema, type InputEncoding, type NetworkSpec, type tf, type TrainConfig } from "../../dp/index.ts";
import { AppError } from "../../errors/index.ts";
import { layersModelClassifier, type Classifier } from "../attacks/index.ts";

export interface AuditTarget {
  classifier: Classifier;
  /** How raw records become features; null for an artifact uploaded without one. */
  input: InputEncoding | null;
  /** The architecture and training configuration, for shadow models and retraining; null when unknown (an uploaded model). */
  networkSpec: NetworkSpec | null;
  trainConfig: (TrainConfig & { noiseMultiplier?: number }) | null;
  dispose(): void;
}

export type LoadAuditTarget = (db: Db, modelVersionId: string) => Promise<AuditTarget>;

/** What lib/models' loadModelVersionArtifact returns. */
export interface ModelArtifact {
  model: tf.LayersModel;
  input: InputEncoding | null;
  networkSpec: NetworkSpec | null;
  trainConfig: unknown | null;
}

/** Adapts a loaded artifact; a stored train config that no longer parses counts as unknown. */
export function auditTargetFromArtifact(artifact: ModelArtifact): AuditTarget {
  const parsed = artifact.trainConfig === null ? null : trainConfigSchema.safeParse(artifact.trainConfig);
  const noiseMultiplier = (artifact.trainConfig as { noiseMultiplier?: unknown } | null)?.noiseMultiplier;
  return {
    classifier: layersModelClassifier(artifact.model),
    input: artifact.input,
    networkSpec: artifact.networkSpec,
    trainConfig: parsed?.success ? { ...parsed.data, ...(typeof noiseMultiplier === "number" ? { noiseMultiplier } : {}) } : null,
    dispose: () => artifact.model.dispose(),
  };
}

/** The retraining parts of a target, or an error naming the audit kind that needs them. */
export function requireTrainingSetup(target: AuditTarget, kind: string): { spec: NetworkSpec; config: TrainConfig & { noiseMultiplier?: number } } {
  if (!target.networkSpec || !target.trainConfig) {
    throw new AppError("unprocessable", `a ${kind} audit retrains the model, so it needs the version's network spec and training configuration; this version has none (an uploaded artifact?)`);
  }
  return { spec: target.networkSpec, config: target.trainConfig };
}

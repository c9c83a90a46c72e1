import type { Db, Tx } from "../db/index.ts";
import type { InputEncoding, NetworkSpec, tf } from "../dp/index.ts";
import { AppError } from "../errors/index.ts";
import { loadBundle } from "./artifact-bundle.ts";
import { readBundle } from "./artifact-store.ts";
import { readModelVersionConfig } from "./model-version-config.ts";

export interface LoadedModelArtifact {
  model: tf.LayersModel;
  /** How raw records become features; null for an uploaded model without one. */
  input: InputEncoding | null;
  networkSpec: NetworkSpec | null;
  /** The train config with the σ used (train-config.ts shape); null when unknown. */
  trainConfig: unknown | null;
  /** The label column of tabular data; null when unknown or for images. */
  target: string | null;
}

/**
 * Loads a model version's artifact as a tf.LayersModel (the caller disposes it) with what is
 * needed to encode data as training did. Checks the blob's sha256 against the version's record.
 * @throws AppError not_found for an unknown version; internal when the stored artifact is damaged.
 */
export async function loadModelVersionArtifact(db: Db | Tx, modelVersionId: string): Promise<LoadedModelArtifact> {
  const version = await db.modelVersion.findUnique({ where: { id: modelVersionId }, select: { artifactKey: true, artifactSha256: true, config: true } });
  if (!version) throw new AppError("not_found", "no such model version", { id: modelVersionId });
  if (version.artifactKey !== version.artifactSha256) throw new AppError("internal", "the model artifact's key does not match its recorded sha256");
  const config = readModelVersionConfig(version.config);
  const model = await loadBundle(await readBundle(version.artifactKey));
  return { model, input: config.input, networkSpec: config.networkSpec, trainConfig: config.train, target: config.target };
}

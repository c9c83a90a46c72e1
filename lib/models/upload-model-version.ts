import type { Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import type { InputEncoding } from "../dp/index.ts";
import type { ArtifactBundle } from "./artifact-bundle.ts";
import { getModelVersion } from "./get-model-version.ts";
import type { ModelVersionView } from "./model-view.ts";
import { registerModelVersion } from "./register-model-version.ts";
import type { UploadMetadata } from "./schemas.ts";

/**
 * Registers an external model (already made a bundle from model.json + weights, or sent as one).
 * It gets no formal guarantee: one the uploader states is recorded as "declared, not verified".
 */
export async function uploadModelVersion(db: Db, principal: Principal, modelName: string, bundle: ArtifactBundle, metadata: UploadMetadata = {}): Promise<ModelVersionView> {
  const registered = await registerModelVersion(db, principal, {
    modelName,
    description: metadata.description,
    source: "uploaded",
    bundle,
    config: {
      input: (metadata.input as InputEncoding | undefined) ?? null,
      networkSpec: metadata.networkSpec ?? null,
      target: metadata.target ?? null,
      train: metadata.trainConfig ?? null,
    },
    metrics: metadata.metrics,
    declaredGuarantee: metadata.declaredGuarantee,
  });
  return getModelVersion(db, registered.modelName, registered.version, principal);
}

// The model registry: immutable model versions whose artifact is a TensorFlow.js Layers model in
// one content-addressed bundle, with the guarantee, metrics and the encoding training used.
export { ARTIFACT_FORMAT, artifactBundleSchema, bundleLayersModel, loadBundle, type ArtifactBundle } from "./artifact-bundle.ts";
export { maxModelBytes, readBundle, storeBundle } from "./artifact-store.ts";
export { bundleToModelJson, modelJsonToBundle } from "./model-json-to-bundle.ts";
export { bundleNetwork, networkToLayersModel } from "./network-to-layers-model.ts";
export { registerModelVersion, type FormalGuarantee, type RegisterModelVersionInput, type RegisteredModelVersion } from "./register-model-version.ts";
export { loadModelVersionArtifact, type LoadedModelArtifact } from "./load-model-version-artifact.ts";
export { uploadModelVersion } from "./upload-model-version.ts";
export { createModel } from "./create-model.ts";
export { getModel, type ModelDetail } from "./get-model.ts";
export { getModelVersion, getModelVersionArtifactKey } from "./get-model-version.ts";
export { listModels, type ModelPage, type ModelSummary } from "./list-models.ts";
export { artifactUrls, type DatasetRef, type GuaranteeStatus, type GuaranteeView, type ModelVersionView } from "./model-view.ts";
export { describeGuaranteeScope, type GuaranteeScopeInput } from "./describe-guarantee-scope.ts";
export { readModelVersionConfig, type ModelVersionConfig } from "./model-version-config.ts";
export {
  createModelSchema,
  declaredGuaranteeSchema,
  formalGuaranteeSchema,
  listModelsQuerySchema,
  metricsSchema,
  modelNameSchema,
  MODEL_SORT_FIELDS,
  uploadMetadataSchema,
  type DeclaredGuarantee,
  type ListModelsQuery,
  type UploadMetadata,
} from "./schemas.ts";
export { appendCurvePoint, MAX_CURVE_POINTS, maySeeTrainingRowFigures, OUTSIDE_THE_GUARANTEE, trainingProgressView, type CurvePoint, type OutsideGuarantee, type TrainingProgress } from "./training-progress.ts";

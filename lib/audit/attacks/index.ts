// Membership-inference attacks on trained networks: the public surface of lib/audit/attacks.
// Left unexported on purpose: synthetic-data.ts (test fixtures, and the canaries of canary-exposure.ts) and normal.ts (LiRA's Gaussian
// numerics, imported by path in its tests).
export {
  SCORE_KINDS,
  logitScaledConfidence,
  logitsOf,
  lossThresholdAttack,
  perExampleScores,
  type LossThresholdAttackOptions,
  type ScoreKind,
} from "./loss-threshold-attack.ts";
export {
  GLOBAL_VARIANCE_BELOW,
  liraAttack,
  liraScores,
  membershipScoresFromMask,
  type LiraAttackOptions,
  type LiraScores,
  type LiraScoresOptions,
  type LiraVariant,
} from "./lira.ts";
export {
  disposeShadowModels,
  inclusionMatrix,
  trainShadowModels,
  type ShadowModels,
  type ShadowProgress,
  type TrainShadowModelsOptions,
} from "./train-shadow-models.ts";
export { selectRows } from "./select-rows.ts";
export { auditDpClaim, type AuditDpClaimOptions, type DpClaimAudit, type DpClaimVerdict } from "./epsilon-audit.ts";
export { calibratedShadowConfig, trainShadowModel } from "./train-shadow-models.ts";
export { scoresFromLogits } from "./loss-threshold-attack.ts";
export { layersModelClassifier, networkClassifier, type Classifier } from "./classifier.ts";
export { oneRunAudit, oneRunEpsilon, oneRunPValue, type OneRunAudit, type OneRunAuditOptions } from "./one-run-audit.ts";
export { shadowModelAttack, attackFeatures, type ShadowModelAttackOptions } from "./shadow-model-attack.ts";
export { canaryExposure, measureCanaryExposure, type CanaryExposure, type CanaryExposureResult, type MeasureCanaryExposureOptions } from "./canary-exposure.ts";
export { attributeInference, type AttributeInferenceOptions, type AttributeInferenceResult, type OneHotAttribute } from "./attribute-inference.ts";
export { modelInversion, cosineSimilarity, globalSsim, type ClassReconstruction, type InversionOptions } from "./model-inversion.ts";
export { modelExtraction, type ExtractionMode, type ExtractionPoint, type ModelExtractionOptions } from "./model-extraction.ts";

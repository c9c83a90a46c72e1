// Membership-inference attacks on trained networks: the public surface of lib/audit/attacks.
// Left unexported on purpose: synthetic-data.ts (test fixtures) and normal.ts (LiRA's Gaussian
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

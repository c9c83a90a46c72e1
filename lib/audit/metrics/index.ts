// Leakage metrics of membership-inference attacks: the public surface of lib/audit/metrics.
// Left unexported on purpose: the numerics behind Clopper–Pearson (log-gamma.ts,
// regularized-incomplete-beta.ts, inverse-regularized-incomplete-beta.ts), mulberry32.ts (the reference
// generator that bootstrap.ts inlines) and bootstrap.ts's countDraws.
export { MembershipScores, type ScoreArray, type SortedScores } from "./membership-scores.ts";
export { computeRoc, type RocCurve } from "./compute-roc.ts";
export { auc } from "./auc.ts";
export { tprAtFpr } from "./tpr-at-fpr.ts";
export { attackerAdvantage, type AttackerAdvantage } from "./attacker-advantage.ts";
export { positivePredictiveValue } from "./positive-predictive-value.ts";
export { clopperPearsonInterval, clopperPearsonUpperLimit, type ClopperPearsonInterval } from "./clopper-pearson.ts";
export { epsilonLowerBound, epsilonLowerBoundAt, type EpsilonLowerBoundOptions } from "./epsilon-lower-bound.ts";
export {
  certifiedEpsilonLowerBound,
  type CertifiedEpsilonLowerBound,
  type CertifiedEpsilonLowerBoundOptions,
  type ThresholdDirection,
} from "./certified-epsilon-lower-bound.ts";
export {
  bootstrapConfidenceIntervals,
  bootstrapReplicates,
  type BootstrapConfidenceIntervals,
  type BootstrapOptions,
  type BootstrapReplicates,
  type ConfidenceInterval,
} from "./bootstrap.ts";
export {
  membershipMetrics,
  type MembershipMetrics,
  type MembershipMetricsOptions,
} from "./membership-metrics.ts";

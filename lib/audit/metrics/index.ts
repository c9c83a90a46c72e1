// Leakage metrics of membership-inference attacks: the public surface of lib/audit/metrics.
// The numerics behind them (incomplete beta, binomial pmf, mulberry32) are in lib/numerics.
// Left unexported on purpose: bootstrap.ts's countDraws.
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

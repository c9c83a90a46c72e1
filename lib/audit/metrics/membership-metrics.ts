import { attackerAdvantage } from "./attacker-advantage.ts";
import { auc } from "./auc.ts";
import { bootstrapConfidenceIntervals, type BootstrapConfidenceIntervals, type BootstrapOptions } from "./bootstrap.ts";
import { computeRoc } from "./compute-roc.ts";
import { epsilonLowerBound } from "./epsilon-lower-bound.ts";
import type { MembershipScores } from "./membership-scores.ts";
import { positivePredictiveValue } from "./positive-predictive-value.ts";
import { tprAtFpr } from "./tpr-at-fpr.ts";

export interface MembershipMetricsOptions {
  /** δ of the ε lower bound. @defaultValue 1e-5 */
  delta?: number;
  /** Confidence budget of the ε lower bound (each Clopper–Pearson limit at α/2). @defaultValue 0.05 */
  alpha?: number;
  /** Share of members assumed among the examples the attacker judges, for PPV. @defaultValue 0.5 */
  memberPrior?: number;
  /** Bootstrap settings, or false to skip the confidence intervals. @defaultValue {} (200 resamples, seed 1) */
  bootstrap?: BootstrapOptions | false;
}

/** The leakage metrics of one membership-inference attack; `canary audit metrics --json` prints this. */
export interface MembershipMetrics {
  auc: number;
  advantage: number;
  tprAtFpr: { "0.001": number; "0.01": number };
  epsilonLowerBound: number;
  balancedAccuracy: number;
  /** PPV at the advantage-maximising threshold, for `memberPrior`. */
  ppv: number;
  memberPrior: number;
  members: number;
  nonMembers: number;
  delta: number;
  alpha: number;
  /** null when the bootstrap was switched off. */
  confidenceIntervals: BootstrapConfidenceIntervals | null;
}

/**
 * Every leakage metric of a membership-inference attack from its scores (higher = more likely member):
 * AUC (ties ½), attacker advantage, TPR at FPR < 0.001 and < 0.01, the (ε, δ) lower bound, best balanced
 * accuracy, PPV at the advantage-maximising threshold (the first, highest one if several tie) and
 * bootstrap intervals. The scores are validated and sorted once; everything else is one sweep of the
 * ROC curve plus the bootstrap.
 *
 * @param scores members' and non-members' scores
 * @param options δ, α, member prior and bootstrap settings
 * @throws {AppError} bad_request naming the function and rule when the scores or options are invalid
 * @example membershipMetrics(new MembershipScores({ members: [3, 2], nonMembers: [2, 1] }), { bootstrap: false })
 * // { auc: 0.875, advantage: 0.5, tprAtFpr: { "0.001": 0.5, "0.01": 0.5 }, epsilonLowerBound: 0, balancedAccuracy: 0.75, ppv: 1, … }
 * Runs in O(n log n) for the sort, O(n) for the sweep, O(resamples · n) for the bootstrap.
 */
export function membershipMetrics(scores: MembershipScores, options: MembershipMetricsOptions = {}): MembershipMetrics {
  scores.validate("membershipMetrics");
  const delta = options.delta ?? 1e-5;
  const alpha = options.alpha ?? 0.05;
  const memberPrior = options.memberPrior ?? 0.5;
  const roc = computeRoc(scores);
  const best = attackerAdvantage(roc);
  return {
    auc: auc(roc),
    advantage: best.advantage,
    tprAtFpr: { "0.001": tprAtFpr(roc, 0.001), "0.01": tprAtFpr(roc, 0.01) },
    epsilonLowerBound: epsilonLowerBound(roc, { delta, alpha }),
    balancedAccuracy: best.balancedAccuracy,
    ppv: positivePredictiveValue(roc.tpr[best.pointIndex]!, roc.fpr[best.pointIndex]!, memberPrior),
    memberPrior,
    members: roc.members,
    nonMembers: roc.nonMembers,
    delta,
    alpha,
    confidenceIntervals: options.bootstrap === false ? null : bootstrapConfidenceIntervals(scores, options.bootstrap ?? {}),
  };
}

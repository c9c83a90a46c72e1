import { certifiedEpsilonLowerBound, computeRoc, membershipMetrics, type MembershipScores, type RocCurve } from "../metrics/index.ts";
import type { MembershipAuditResults } from "./results.ts";

type Figures = Omit<MembershipAuditResults, "kind" | "attack" | "scoreKind" | "variant" | "shadowModels" | "oneRun" | "runEpsilon" | "datasets" | "subject">;

/** Log-spaced buckets per decade when thinning the ROC curve for drawing. */
const BUCKETS_PER_DECADE = 40;

function bucket(rate: number): number {
  return rate <= 0 ? Number.NEGATIVE_INFINITY : Math.floor(Math.log10(rate) * BUCKETS_PER_DECADE);
}

/**
 * The ROC points worth drawing on log-log axes: the last point of each run sharing a log-spaced
 * (FPR, TPR) bucket, so low-FPR detail survives and 10^6 points become a few hundred.
 */
export function thinRoc(roc: RocCurve): { fpr: number[]; tpr: number[] } {
  const fpr: number[] = [];
  const tpr: number[] = [];
  const n = roc.fpr.length;
  for (let k = 0; k < n; k++) {
    const last = k === n - 1 || bucket(roc.fpr[k]!) !== bucket(roc.fpr[k + 1]!) || bucket(roc.tpr[k]!) !== bucket(roc.tpr[k + 1]!);
    if (k === 0 || last) {
      fpr.push(roc.fpr[k]!);
      tpr.push(roc.tpr[k]!);
    }
  }
  return { fpr, tpr };
}

/**
 * Every membership figure the report and the scorecard show, from an attack on the stored model and
 * the claim: `membershipMetrics` (bootstrap intervals included; its ε lower bound is exploratory), the
 * certified bound (`certifiedEpsilonLowerBound` at the same δ and confidence, split by `seed`; null
 * when a side has fewer than 2 scores), a thinned ROC, and the verdict. The members of such an attack
 * are the model's fixed training set, not chosen at random, so no bound here can refute the claim:
 * the verdict is `evidence_only` when the certified bound exceeds it, `consistent` otherwise.
 * Audits with random inclusion (one-run) set their own verdict.
 */
export function membershipFigures(scores: MembershipScores, options: { claimedEpsilon: number | null; delta: number; seed: number }): Figures {
  const metrics = membershipMetrics(scores, { delta: options.delta });
  const certified =
    scores.members.length >= 2 && scores.nonMembers.length >= 2 ? certifiedEpsilonLowerBound(scores, { delta: options.delta, confidence: 1 - metrics.alpha, seed: options.seed }) : null;
  const claimed = options.claimedEpsilon;
  const verdict = claimed === null ? "no_claim" : certified !== null && certified.epsilonLowerBound > claimed ? "evidence_only" : "consistent";
  const { confidenceIntervals, memberPrior: _prior, ...rest } = metrics;
  return {
    ...rest,
    certified,
    claimedEpsilon: claimed,
    verdict,
    confidenceIntervals: confidenceIntervals && { level: confidenceIntervals.level, resamples: confidenceIntervals.resamples, auc: confidenceIntervals.auc, tprAtFpr: confidenceIntervals.tprAtFpr },
    roc: thinRoc(computeRoc(scores)),
  };
}

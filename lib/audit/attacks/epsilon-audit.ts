// Auditing a differential-privacy claim with a membership attack (Jagielski et al. 2020,
// arXiv:2006.07709; Nasr et al. 2021, arXiv:2101.04535): if the attack's certified lower bound on ε
// exceeds the ε the training run claims, the claim is false (with confidence 1 − α).
import { AppError } from "../../errors/index.ts";
import { auc, certifiedEpsilonLowerBound, computeRoc, MembershipScores, type ScoreArray } from "../metrics/index.ts";

export type DpClaimVerdict = "consistent" | "violated" | "no_claim";

export interface AuditDpClaimOptions {
  /** Attack scores (higher = member) of examples that were in training, e.g. inserted canaries. */
  memberScores: ScoreArray;
  /** Scores of examples from the same distribution that were not, e.g. fresh canaries. */
  nonMemberScores: ScoreArray;
  /** The ε the run claims; null or undefined when it claims none (non-private baseline). */
  claimedEpsilon?: number | null;
  /** δ of the claim. @defaultValue 1e-5 */
  delta?: number;
  /** Confidence budget of the lower bound. @defaultValue 0.05 */
  alpha?: number;
  /** Seed of the certified bound's split into selection and test halves. @defaultValue 1 */
  seed?: number;
}

export interface DpClaimAudit {
  /** With confidence 1 − α the run is not (ε, δ)-DP for any smaller ε (see `certifiedEpsilonLowerBound`). */
  epsilonLowerBound: number;
  claimedEpsilon: number | null;
  delta: number;
  alpha: number;
  /** `violated` iff epsilonLowerBound > claimedEpsilon; `no_claim` when nothing was claimed. */
  verdict: DpClaimVerdict;
  /** Of the same attack, for the report. */
  auc: number;
  members: number;
  nonMembers: number;
}

/**
 * Checks a run's (ε, δ) claim against what a membership attack shows: ε_lb from
 * `certifiedEpsilonLowerBound` (threshold chosen on a random half of each side, Clopper–Pearson at α on
 * the other half), verdict `violated` iff ε_lb > claimed ε. Valid only when the members were chosen at
 * random from the same distribution as the non-members (canaries inserted by the auditor); a
 * `consistent` verdict proves nothing about the claim, it only means this attack could not refute it.
 * The maximum ε_lb reachable grows with the number of examples audited (about ln(n / 7.4) for n per
 * side at α = 0.05, half of them tested: 3.28 for 200), so too few canaries can refute only small claims.
 *
 * @throws {AppError} bad_request naming the rule when the scores are invalid (fewer than 2 a side) or claimedEpsilon is not a finite number ≥ 0
 * @example auditDpClaim({ memberScores: [...], nonMemberScores: [...], claimedEpsilon: 1, delta: 1e-5 })
 * // { epsilonLowerBound: 3.28, claimedEpsilon: 1, verdict: "violated", … }
 * Runs in O(n log n).
 */
export function auditDpClaim(options: AuditDpClaimOptions): DpClaimAudit {
  const claimed = options.claimedEpsilon ?? null;
  if (claimed !== null && !(typeof claimed === "number" && Number.isFinite(claimed) && claimed >= 0)) {
    throw new AppError("bad_request", `auditDpClaim: claimedEpsilon must be a finite number ≥ 0 or null, got ${String(claimed)}`);
  }
  const delta = options.delta ?? 1e-5;
  const alpha = options.alpha ?? 0.05;
  const scores = new MembershipScores({ members: options.memberScores, nonMembers: options.nonMemberScores });
  const { epsilonLowerBound } = certifiedEpsilonLowerBound(scores, { delta, confidence: 1 - alpha, seed: options.seed ?? 1 });
  const verdict: DpClaimVerdict = claimed === null ? "no_claim" : epsilonLowerBound > claimed ? "violated" : "consistent";
  return {
    epsilonLowerBound,
    claimedEpsilon: claimed,
    delta,
    alpha,
    verdict,
    auc: auc(computeRoc(scores)),
    members: scores.members.length,
    nonMembers: scores.nonMembers.length,
  };
}

import type { RocCurve } from "./compute-roc.ts";

/**
 * The area under the ROC curve with ties counted as one half: the Mann–Whitney probability
 * P(member score > non-member score) + ½ P(equal) (Hanley & McNeil 1982, Radiology 143(1), sec. 2).
 *
 * Computed exactly: between consecutive points the integer trapezoid ΔFP · (TP_prev + TP_next) counts
 * twice every (member above, non-member in this threshold's group) pair and once every tied pair, so the
 * sum is 2 × (wins + ½ ties) as an integer ≤ 2mn < 2^53 (checked by `validate`); one division at the end.
 *
 * @param roc the curve from `computeRoc`
 * @returns AUC in [0, 1]; 0.5 when every score is tied
 * @example auc(computeRoc(new MembershipScores({ members: [3, 2], nonMembers: [2, 1] }))) // 0.875
 * Runs in O(points).
 */
export function auc(roc: RocCurve): number {
  const { truePositives, falsePositives } = roc;
  let twiceWins = 0;
  for (let k = 1; k < truePositives.length; k++) {
    twiceWins += (falsePositives[k]! - falsePositives[k - 1]!) * (truePositives[k]! + truePositives[k - 1]!);
  }
  return twiceWins / (2 * roc.members * roc.nonMembers);
}

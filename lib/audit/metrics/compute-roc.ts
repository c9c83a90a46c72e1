import type { MembershipScores } from "./membership-scores.ts";

/**
 * An ROC curve of a membership-inference attack, one point per threshold t with "member iff score ≥ t":
 * first t = +∞ (the point (0, 0)), then every distinct score, highest first, ending at (1, 1).
 * Counts are kept as exact integers so that AUC and advantage need no floating-point sums.
 */
export interface RocCurve {
  /** Number of members (positives), m. */
  members: number;
  /** Number of non-members (negatives), n. */
  nonMembers: number;
  /** thresholds[0] = +Infinity, then the distinct scores in decreasing order. */
  thresholds: Float64Array;
  /** Members with score ≥ threshold (integers, non-decreasing). */
  truePositives: Float64Array;
  /** Non-members with score ≥ threshold (integers, non-decreasing). */
  falsePositives: Float64Array;
  /** truePositives / m. */
  tpr: Float64Array;
  /** falsePositives / n. */
  fpr: Float64Array;
}

/**
 * The ROC curve of membership scores (higher = more likely member) over every distinct threshold,
 * plus (0, 0). Calls `scores.validate()` first.
 *
 * @param scores members' and non-members' scores
 * @throws {AppError} bad_request when the scores are invalid (see `MembershipScores.validate`)
 * @example computeRoc(new MembershipScores({ members: [3, 2], nonMembers: [2, 1] }))
 * // thresholds [∞, 3, 2, 1], truePositives [0, 1, 2, 2], falsePositives [0, 0, 1, 2]
 * Runs in O(n log n) for the sort (shared with the other metrics through `scores.sorted()`), then O(n).
 */
export function computeRoc(scores: MembershipScores): RocCurve {
  const { members, nonMembers } = scores.sorted("computeRoc");
  const m = members.length;
  const n = nonMembers.length;
  const capacity = m + n + 1;
  const thresholds = new Float64Array(capacity);
  const truePositives = new Float64Array(capacity);
  const falsePositives = new Float64Array(capacity);
  thresholds[0] = Number.POSITIVE_INFINITY;
  let points = 1;
  let tp = 0;
  let fp = 0;
  // Merge both ascending arrays from their tops; each distinct value closes one point.
  let i = m - 1;
  let j = n - 1;
  while (i >= 0 || j >= 0) {
    const memberTop = i >= 0 ? members[i]! : Number.NEGATIVE_INFINITY;
    const nonMemberTop = j >= 0 ? nonMembers[j]! : Number.NEGATIVE_INFINITY;
    const threshold = memberTop > nonMemberTop ? memberTop : nonMemberTop;
    while (i >= 0 && members[i] === threshold) {
      tp++;
      i--;
    }
    while (j >= 0 && nonMembers[j] === threshold) {
      fp++;
      j--;
    }
    thresholds[points] = threshold;
    truePositives[points] = tp;
    falsePositives[points] = fp;
    points++;
  }
  const tpr = new Float64Array(points);
  const fpr = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    tpr[k] = truePositives[k]! / m;
    fpr[k] = falsePositives[k]! / n;
  }
  return {
    members: m,
    nonMembers: n,
    thresholds: thresholds.subarray(0, points),
    truePositives: truePositives.subarray(0, points),
    falsePositives: falsePositives.subarray(0, points),
    tpr,
    fpr,
  };
}

import type { RocCurve } from "./compute-roc.ts";

/** The best ROC point for an attacker who must pick one threshold. */
export interface AttackerAdvantage {
  /** max over ROC points of TPR − FPR; ≥ 0 because (0, 0) is a point. */
  advantage: number;
  /** max over ROC points of (TPR + TNR) / 2 = (1 + advantage) / 2, at the same point. */
  balancedAccuracy: number;
  /** Index in the curve of the first (highest-threshold) point reaching the maximum. */
  pointIndex: number;
}

/**
 * The membership attacker's advantage, max (TPR − FPR) over the thresholds (Yeom et al. 2018,
 * arXiv:1709.01604, Definition 4, maximised over thresholds as TF Privacy's `RocCurve` does; unlike TF
 * Privacy we take no absolute value: a score that ranks members lower is a different attack).
 * Compared as exact integers TP·n − FP·m, so ties between points are ties, then divided once.
 *
 * @param roc the curve from `computeRoc`
 * @example attackerAdvantage(computeRoc(new MembershipScores({ members: [3, 2], nonMembers: [2, 1] })))
 * // { advantage: 0.5, balancedAccuracy: 0.75, pointIndex: 1 }
 * Runs in O(points).
 */
export function attackerAdvantage(roc: RocCurve): AttackerAdvantage {
  const m = roc.members;
  const n = roc.nonMembers;
  let best = 0;
  let pointIndex = 0;
  for (let k = 1; k < roc.truePositives.length; k++) {
    const scaled = roc.truePositives[k]! * n - roc.falsePositives[k]! * m;
    if (scaled > best) {
      best = scaled;
      pointIndex = k;
    }
  }
  return { advantage: best / (m * n), balancedAccuracy: (m * n + best) / (2 * m * n), pointIndex };
}

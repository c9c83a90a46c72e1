import { AppError } from "../../errors/index.ts";
import type { RocCurve } from "./compute-roc.ts";

/**
 * The largest TPR among ROC points whose FPR is strictly below `maxFpr`, with no interpolation, as the
 * LiRA reference code reports it (`tpr[np.where(fpr < .001)[0][-1]]`; Carlini et al. 2022,
 * arXiv:2112.03570, sec. 4 and fig. 1). Since (0, 0) is on the curve, it is defined for any maxFpr > 0.
 *
 * @param roc the curve from `computeRoc`
 * @param maxFpr the false-positive rate not to reach, in (0, 1]
 * @throws {AppError} bad_request when maxFpr is outside (0, 1]
 * @example tprAtFpr(computeRoc(new MembershipScores({ members: [3, 2], nonMembers: [2, 1] })), 0.5) // 0.5
 * Runs in O(log points): FPR and TPR both grow along the curve, so the answer is the last point below.
 */
export function tprAtFpr(roc: RocCurve, maxFpr: number): number {
  if (!(maxFpr > 0 && maxFpr <= 1)) throw new AppError("bad_request", `tprAtFpr: maxFpr must be in (0, 1], got ${maxFpr}`);
  const { fpr, tpr } = roc;
  // First index with fpr ≥ maxFpr; fpr[0] = 0 < maxFpr, so the answer is at least point 0.
  let lo = 1;
  let hi = fpr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fpr[mid]! < maxFpr) lo = mid + 1;
    else hi = mid;
  }
  return tpr[lo - 1]!;
}

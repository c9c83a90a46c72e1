import { AppError } from "../../errors/index.ts";

/**
 * The attacker's precision P(member | flagged) when a fraction `memberPrior` of the examples it is shown
 * are members: π·TPR / (π·TPR + (1 − π)·FPR) (Jayaraman et al. 2021, arXiv:2005.10881, sec. 3).
 * At TPR = FPR = 0 the ratio is 0/0; as TF Privacy's `RocCurve.get_ppv` argues, near (0, 0) an attacker
 * that flags almost nothing has TPR ≈ FPR, so its PPV tends to the prior π: we return π.
 *
 * @param tpr the true-positive rate, in [0, 1]
 * @param fpr the false-positive rate, in [0, 1]
 * @param memberPrior the share of members π, in (0, 1); 0.5 by default
 * @throws {AppError} bad_request when an argument is out of its range
 * @example positivePredictiveValue(0.5, 0.1) // 0.8333333333333334
 * Runs in O(1).
 */
export function positivePredictiveValue(tpr: number, fpr: number, memberPrior = 0.5): number {
  if (!(tpr >= 0 && tpr <= 1)) throw new AppError("bad_request", `positivePredictiveValue: tpr must be in [0, 1], got ${tpr}`);
  if (!(fpr >= 0 && fpr <= 1)) throw new AppError("bad_request", `positivePredictiveValue: fpr must be in [0, 1], got ${fpr}`);
  if (!(memberPrior > 0 && memberPrior < 1)) {
    throw new AppError("bad_request", `positivePredictiveValue: memberPrior must be in (0, 1), got ${memberPrior}`);
  }
  if (tpr === 0 && fpr === 0) return memberPrior;
  return (memberPrior * tpr) / (memberPrior * tpr + (1 - memberPrior) * fpr);
}

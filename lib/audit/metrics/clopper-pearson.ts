// Hand-written maths on purpose: the leakage metrics are Canary's own science (see log-gamma.ts).
import { solveIncompleteBeta } from "../../numerics/index.ts";

/** A two-sided Clopper–Pearson interval whose two ends are each one-sided at level α/2. */
export interface ClopperPearsonInterval {
  lower: number;
  upper: number;
}

function checkCounts(fn: string, successes: number, trials: number, alpha: number): void {
  if (!Number.isSafeInteger(trials) || trials < 1) throw new RangeError(`${fn}: trials must be a positive integer, got ${trials}`);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`${fn}: successes must be an integer in [0, trials=${trials}], got ${successes}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${fn}: alpha must be in (0, 1), got ${alpha}`);
}

/**
 * The one-sided Clopper–Pearson upper confidence limit for a binomial proportion at level `oneSidedAlpha`:
 * the p with P(Bin(trials, p) ≤ successes) = oneSidedAlpha, i.e. the (1 − oneSidedAlpha)-quantile of
 * Beta(successes + 1, trials − successes); 1 when successes = trials (every trial counted).
 * Clopper & Pearson 1934, Biometrika 26(4); the beta form is Johnson, Kemp & Kotz, Univariate Discrete
 * Distributions 3rd ed., sec. 3.8.3. Never 0: with no successes it is 1 − oneSidedAlpha^(1/trials) > 0.
 *
 * @param successes the number of counted trials, an integer in [0, trials]
 * @param trials the number of trials, a positive integer
 * @param oneSidedAlpha the probability left above the limit, in (0, 1)
 * @throws {RangeError} naming the argument out of its domain
 * @example clopperPearsonUpperLimit(0, 10, 0.025) // 0.3084971078187608 = 1 − 0.025^(1/10)
 * Runs in O(√trials) per Halley step, a few steps.
 */
export function clopperPearsonUpperLimit(successes: number, trials: number, oneSidedAlpha: number): number {
  checkCounts("clopperPearsonUpperLimit", successes, trials, oneSidedAlpha);
  if (successes === trials) return 1;
  // I_p(k + 1, n − k) = 1 − α₁ where I is the Beta CDF; pass both tails so that neither is rounded.
  return solveIncompleteBeta(1 - oneSidedAlpha, oneSidedAlpha, successes + 1, trials - successes).x;
}

/**
 * The two-sided Clopper–Pearson ("exact") interval at confidence 1 − α, each end one-sided at α/2, as
 * statsmodels `proportion_confint(method="beta")` and R `binom.test` give it. The lower end is the
 * (α/2)-quantile of Beta(k, n − k + 1), 0 when k = 0; the upper end is `clopperPearsonUpperLimit(k, n, α/2)`.
 *
 * @param successes the number of counted trials, an integer in [0, trials]
 * @param trials the number of trials, a positive integer
 * @param alpha one minus the confidence level, in (0, 1); 0.05 by default
 * @throws {RangeError} naming the argument out of its domain
 * @example clopperPearsonInterval(5, 10) // { lower: 0.18708602844739860, upper: 0.81291397155260140 }
 * Runs in O(√trials) per Halley step, a few steps.
 */
export function clopperPearsonInterval(successes: number, trials: number, alpha = 0.05): ClopperPearsonInterval {
  checkCounts("clopperPearsonInterval", successes, trials, alpha);
  const half = alpha / 2;
  const lower = successes === 0 ? 0 : solveIncompleteBeta(half, 1 - half, successes, trials - successes + 1).x;
  return { lower, upper: clopperPearsonUpperLimit(successes, trials, half) };
}

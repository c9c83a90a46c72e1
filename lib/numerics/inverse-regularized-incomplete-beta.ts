// Hand-written maths on purpose: the leakage metrics are Canary's own science (see log-gamma.ts).
import { incompleteBetaPair, logBetaDensityPrefactor } from "./regularized-incomplete-beta.ts";
import { NumericsError } from "./numerics-error.ts";

const MAX_ITERATIONS = 200;
const RELATIVE_TOLERANCE = 1e-15;

/** A quantile x of Beta(a, b) together with y = 1 − x, each to full relative precision. */
export interface BetaQuantile {
  x: number;
  y: number;
}

/**
 * First guess for the Beta(a, b) quantile: Abramowitz & Stegun 26.5.22 (a normal approximation) for
 * a, b ≥ 1, else the power-law tails; as in Press et al., Numerical Recipes 3rd ed., sec. 6.14 `invbetai`.
 * `lowerTail` = p and `upperTail` = 1 − p are both given so that neither is formed by subtraction.
 */
function initialGuess(lowerTail: number, upperTail: number, a: number, b: number): BetaQuantile {
  if (a >= 1 && b >= 1) {
    const smallerTail = Math.min(lowerTail, upperTail);
    const t = Math.sqrt(-2 * Math.log(smallerTail));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (lowerTail < upperTail) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    // x = a / (a + b e^{2w}); y from the same ratio so that both are accurate.
    const ratio = (b / a) * Math.exp(2 * w);
    if (!Number.isFinite(ratio)) return { x: 0, y: 1 };
    return { x: 1 / (1 + ratio), y: ratio / (1 + ratio) };
  }
  const t = Math.exp(a * Math.log(a / (a + b))) / a;
  const u = Math.exp(b * Math.log(b / (a + b))) / b;
  const w = t + u;
  if (lowerTail < t / w) {
    const x = Math.pow(a * w * lowerTail, 1 / a);
    return { x, y: 1 - x };
  }
  const y = Math.pow(b * w * upperTail, 1 / b);
  return { x: 1 - y, y };
}

/**
 * Solves I_x(a, b) = lowerTail (= 1 − upperTail) for x by Halley's method inside a shrinking bracket,
 * bisecting whenever a step would leave it. Works on whichever of x and 1 − x is the smaller, so the
 * answer keeps its relative precision in both tails.
 */
export function solveIncompleteBeta(lowerTail: number, upperTail: number, a: number, b: number): BetaQuantile {
  if (lowerTail <= 0) return { x: 0, y: 1 };
  if (upperTail <= 0) return { x: 1, y: 0 };
  const guess = initialGuess(lowerTail, upperTail, a, b);
  if (guess.x > 0.5) {
    // I_x(a, b) = p  ⇔  I_{1−x}(b, a) = 1 − p.
    const swapped = solveSmallerSide(upperTail, lowerTail, b, a, guess.y);
    return { x: swapped.y, y: swapped.x };
  }
  return solveSmallerSide(lowerTail, upperTail, a, b, guess.x);
}

function solveSmallerSide(lowerTail: number, upperTail: number, a: number, b: number, start: number): BetaQuantile {
  let lo = 0;
  let hi = 1;
  let x = start > 0 && start < 1 ? start : 0.5;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const y = 1 - x;
    const logPrefactor = logBetaDensityPrefactor(x, y, a, b);
    const tails = incompleteBetaPair(x, y, a, b, logPrefactor);
    // I_x − p, taken from the tail that is not near 1 so that rounding stays relative to the target.
    const residual = lowerTail <= upperTail ? tails.lower - lowerTail : upperTail - tails.upper;
    if (residual === 0) return { x, y };
    if (residual < 0) lo = x;
    else hi = x;
    const density = Math.exp(logPrefactor) / (x * y);
    let next = Number.NaN;
    if (density > 0 && Number.isFinite(density)) {
      const newton = residual / density;
      // Halley: f''/f' of the Beta CDF is (a − 1)/x − (b − 1)/(1 − x).
      const curvature = (a - 1) / x - (b - 1) / y;
      const denominator = 1 - 0.5 * newton * curvature;
      const step = denominator > 0.5 ? newton / denominator : newton;
      next = x - step;
      if (Math.abs(step) <= RELATIVE_TOLERANCE * x) return { x: next, y: 1 - next };
    }
    if (!(next > lo && next < hi)) {
      // Out of the bracket (or no usable derivative): bisect, geometrically when the bracket spans decades.
      next = lo === 0 ? hi / 8 : hi / lo > 8 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    }
    if (hi - lo <= RELATIVE_TOLERANCE * lo) return { x: 0.5 * (lo + hi), y: 1 - 0.5 * (lo + hi) };
    x = next;
  }
  throw new NumericsError(`inverseRegularizedIncompleteBeta: no convergence for p=${lowerTail}, a=${a}, b=${b}`);
}

/**
 * The inverse of the regularized incomplete beta function in x: the p-quantile of Beta(a, b), i.e. the x
 * with I_x(a, b) = p (scipy.stats.beta.ppf(p, a, b)).
 *
 * @param p a probability in [0, 1]
 * @param a the first shape parameter, > 0
 * @param b the second shape parameter, > 0
 * @throws {NumericsError} naming the argument out of its domain
 * @example inverseRegularizedIncompleteBeta(0.5, 1, 1) // 0.5
 * Runs in O(√max(a, b)) per Halley step; three or four steps from the A&S 26.5.22 guess.
 */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new NumericsError(`inverseRegularizedIncompleteBeta: p must be in [0, 1], got ${p}`);
  if (!(a > 0) || !Number.isFinite(a)) throw new NumericsError(`inverseRegularizedIncompleteBeta: a must be a positive finite number, got ${a}`);
  if (!(b > 0) || !Number.isFinite(b)) throw new NumericsError(`inverseRegularizedIncompleteBeta: b must be a positive finite number, got ${b}`);
  return solveIncompleteBeta(p, 1 - p, a, b).x;
}

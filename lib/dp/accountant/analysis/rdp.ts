// Renyi differential privacy of the Poisson-subsampled Gaussian mechanism (SGM), written by hand
// in TypeScript: privacy accounting is the product's own science, so no numerical dependency.
// It follows, function for function, Opacus `opacus/accountants/analysis/rdp.py` (itself from
// TF Privacy's rdp_accountant.py), so that epsilons agree with Opacus to ~1e-12:
//   Mironov, Talwar, Zhang 2019, arXiv:1908.10530, sec. 3.3 (log A_alpha, integer and fractional)
//   Balle et al. 2020, arXiv:1905.09982, Theorem 21 (RDP to (epsilon, delta)-DP)
// Pure functions, no state; the `_`-prefixed helpers of Opacus are the non-exported ones here.
import { AppError } from "../../../errors/index.ts";
import { logErfc } from "../../../numerics/index.ts";

/**
 * Opacus's RDPAccountant.DEFAULT_ALPHAS:
 * `[1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64))` (99 + 52 = 151 orders).
 */
export const DEFAULT_ALPHAS: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, i) => 1 + (i + 1) / 10.0),
  ...Array.from({ length: 52 }, (_, i) => 12 + i),
]);

// ---------------------------------------------------------------------------------------------
// Log-space arithmetic
// ---------------------------------------------------------------------------------------------

/** log(exp(logx) + exp(logy)); -Infinity stands for 0. */
export function logAdd(logx: number, logy: number): number {
  const a = Math.min(logx, logy);
  const b = Math.max(logx, logy);
  if (a === Number.NEGATIVE_INFINITY) return b; // adding 0
  return Math.log1p(Math.exp(a - b)) + b;
}

/**
 * log(exp(logx) - exp(logy)).
 * @throws AppError bad_request when the difference would be negative (logx < logy).
 */
export function logSub(logx: number, logy: number): number {
  if (logx < logy) {
    throw new AppError("bad_request", "logSub: the result of subtraction must be non-negative (logx >= logy)");
  }
  if (logy === Number.NEGATIVE_INFINITY) return logx; // subtracting 0
  if (logx === logy) return Number.NEGATIVE_INFINITY; // 0
  const expm1 = Math.expm1(logx - logy);
  // Python's math.expm1 raises OverflowError here and Opacus then answers logx.
  if (!Number.isFinite(expm1)) return logx;
  return Math.log(expm1) + logy;
}

/**
 * C(alpha, i) for integer alpha >= 0, with scipy.special.binom's product (and its symmetry),
 * rescaled when the numerator grows past 1e50.
 */
function integerBinomial(alpha: number, i: number): number {
  const k = i > alpha / 2 && i <= alpha ? alpha - i : i;
  let num = 1;
  let den = 1;
  for (let j = 1; j <= k; j++) {
    num *= j + alpha - k;
    den *= j;
    if (Math.abs(num) > 1e50) {
      num /= den;
      den = 1;
    }
  }
  return num / den;
}

/** log A_alpha for integer alpha (Mironov et al. 2019, arXiv:1908.10530, sec. 3.3), 0 < q < 1. */
function computeLogAInt(q: number, sigma: number, alpha: number): number {
  let logA = Number.NEGATIVE_INFINITY;
  const logQ = Math.log(q);
  const log1mQ = Math.log(1 - q);
  for (let i = 0; i <= alpha; i++) {
    const logCoef = Math.log(integerBinomial(alpha, i)) + i * logQ + (alpha - i) * log1mQ;
    const s = logCoef + (i * i - i) / (2 * sigma ** 2);
    logA = logAdd(logA, s);
  }
  return logA;
}

/**
 * log A_alpha for fractional alpha (Mironov et al. 2019, arXiv:1908.10530, sec. 3.3): the two
 * integrals over (-inf, z0] and [z0, +inf) as alternating series, summed until both terms
 * fall below exp(-30), exactly as Opacus.
 */
function computeLogAFrac(q: number, sigma: number, alpha: number): number {
  let logA0 = Number.NEGATIVE_INFINITY;
  let logA1 = Number.NEGATIVE_INFINITY;
  const z0 = sigma ** 2 * Math.log(1 / q - 1) + 0.5;
  const logQ = Math.log(q);
  const log1mQ = Math.log(1 - q);
  const logHalf = Math.log(0.5);
  const sqrt2Sigma = Math.sqrt(2) * sigma;
  // C(alpha, i) by the recurrence C(alpha, i) = C(alpha, i - 1) (alpha - i + 1) / i: its partial
  // products are the coefficients themselves, which stay bounded for fractional alpha, where a
  // numerator/denominator product overflows (the series can need thousands of terms, e.g.
  // alpha = 1.1, q = 0.5, sigma = 0.7 needs 3659). scipy switches to a Beta function for i >= 20.
  let coef = 1;
  for (let i = 0; ; i++) {
    if (i > 0) coef *= (alpha - i + 1) / i;
    const logCoef = Math.log(Math.abs(coef));
    const j = alpha - i;

    const logT0 = logCoef + i * logQ + j * log1mQ;
    const logT1 = logCoef + j * logQ + i * log1mQ;

    const logE0 = logHalf + logErfc((i - z0) / sqrt2Sigma);
    const logE1 = logHalf + logErfc((z0 - j) / sqrt2Sigma);

    const logS0 = logT0 + (i * i - i) / (2 * sigma ** 2) + logE0;
    const logS1 = logT1 + (j * j - j) / (2 * sigma ** 2) + logE1;

    if (coef > 0) {
      logA0 = logAdd(logA0, logS0);
      logA1 = logAdd(logA1, logS1);
    } else {
      logA0 = logSub(logA0, logS0);
      logA1 = logSub(logA1, logS1);
    }
    if (Math.max(logS0, logS1) < -30) break;
  }
  return logAdd(logA0, logA1);
}

/** log A_alpha for any finite alpha > 1 and 0 < q < 1. */
export function computeLogA(q: number, sigma: number, alpha: number): number {
  return Number.isInteger(alpha) ? computeLogAInt(q, sigma, alpha) : computeLogAFrac(q, sigma, alpha);
}

/** RDP of one step of the SGM at order alpha; may be Infinity. Opacus `_compute_rdp`. */
function computeRdpOneStep(q: number, sigma: number, alpha: number): number {
  if (q === 0) return 0;
  if (sigma === 0) return Number.POSITIVE_INFINITY; // no privacy
  if (q === 1) return alpha / (2 * sigma ** 2);
  if (!Number.isFinite(alpha)) return Number.POSITIVE_INFINITY;
  return computeLogA(q, sigma, alpha) / (alpha - 1);
}

/** Throws AppError bad_request naming the function and the rule broken. */
export function assertSgmParameters(fn: string, sampleRate: number, noiseMultiplier: number, steps: number): void {
  if (typeof sampleRate !== "number" || !(sampleRate >= 0 && sampleRate <= 1)) {
    throw new AppError("bad_request", `${fn}: sampleRate must be a number in [0, 1], got ${String(sampleRate)}`);
  }
  if (typeof noiseMultiplier !== "number" || !(noiseMultiplier >= 0) || !Number.isFinite(noiseMultiplier)) {
    throw new AppError("bad_request", `${fn}: noiseMultiplier must be a finite number >= 0, got ${String(noiseMultiplier)}`);
  }
  if (typeof steps !== "number" || !Number.isSafeInteger(steps) || steps < 0) {
    throw new AppError("bad_request", `${fn}: steps must be an integer >= 0, got ${String(steps)}`);
  }
}

function assertOrders(fn: string, orders: readonly number[]): void {
  if (!Array.isArray(orders) || orders.length === 0) {
    throw new AppError("bad_request", `${fn}: orders must be a non-empty array of numbers > 1`);
  }
  for (const alpha of orders) {
    if (typeof alpha !== "number" || !(alpha > 1)) {
      throw new AppError("bad_request", `${fn}: every order (alpha) must be a number > 1, got ${String(alpha)}`);
    }
  }
}

/**
 * RDP of the Poisson-subsampled Gaussian mechanism iterated `steps` times, at each order
 * (Mironov et al. 2019, arXiv:1908.10530, sec. 3.3); composition multiplies by `steps`.
 * Opacus `compute_rdp`. Costs O(sum of orders) log-space additions.
 * @param q sampling rate in [0, 1]
 * @param sigma noise multiplier (noise std / L2 sensitivity), >= 0
 * @param steps number of iterations, integer >= 0
 * @param orders RDP orders alpha > 1
 * @throws AppError bad_request naming the rule when an argument is out of range.
 * @example computeRdp(1, 1, 10, [2]) // [10] (no subsampling: steps * alpha / (2 sigma^2))
 */
export function computeRdp(q: number, sigma: number, steps: number, orders: readonly number[]): number[] {
  assertSgmParameters("computeRdp", q, sigma, steps);
  assertOrders("computeRdp", orders);
  return orders.map((alpha) => {
    const rdp = computeRdpOneStep(q, sigma, alpha);
    // Opacus multiplies the array by steps: 0 * Infinity is NaN there too, but 0 steps mean no release.
    return steps === 0 ? 0 : rdp * steps;
  });
}

export interface RdpPrivacySpent {
  epsilon: number;
  /** The order at which the bound is tightest; NaN when no order gives a finite bound. */
  bestAlpha: number;
}

/**
 * (epsilon, delta)-DP from RDP values at several orders, with the conversion of Balle et al.
 * 2020, arXiv:1905.09982, Theorem 21, as Opacus `get_privacy_spent`:
 * eps(alpha) = rdp - (log delta + log alpha) / (alpha - 1) + log((alpha - 1) / alpha),
 * minimised over the orders (NaN ignored).
 * @throws AppError bad_request when the lengths differ or delta is not in (0, 1).
 * @example getPrivacySpent([2], [0.5], 1e-5) // { epsilon: 11.4758..., bestAlpha: 2 }
 */
export function getPrivacySpent(orders: readonly number[], rdp: readonly number[], delta: number): RdpPrivacySpent {
  assertOrders("getPrivacySpent", orders);
  if (!Array.isArray(rdp) || rdp.length !== orders.length) {
    throw new AppError(
      "bad_request",
      `getPrivacySpent: orders and rdp must have the same length, got ${orders.length} and ${Array.isArray(rdp) ? rdp.length : "none"}`,
    );
  }
  if (typeof delta !== "number" || !(delta > 0 && delta < 1)) {
    throw new AppError("bad_request", `getPrivacySpent: delta must be a number in (0, 1), got ${String(delta)}`);
  }
  let bestIndex = -1;
  let best = Number.NaN;
  const logDelta = Math.log(delta);
  for (let i = 0; i < orders.length; i++) {
    const alpha = orders[i]!;
    const eps = rdp[i]! - (logDelta + Math.log(alpha)) / (alpha - 1) + Math.log((alpha - 1) / alpha);
    if (Number.isNaN(eps)) continue;
    // numpy's nanargmin keeps the first of equal minima.
    if (bestIndex === -1 || eps < best) {
      best = eps;
      bestIndex = i;
    }
  }
  if (bestIndex === -1) return { epsilon: Number.POSITIVE_INFINITY, bestAlpha: Number.NaN };
  return { epsilon: best, bestAlpha: orders[bestIndex]! };
}

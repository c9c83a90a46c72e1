import { logGamma } from "./log-gamma.ts";
import { NumericsError } from "./numerics-error.ts";

/**
 * Every probability mass of Binomial(n, p): pmf[k] = C(n, k) p^k (1 − p)^(n − k), k = 0..n, each
 * computed in logarithms (log-gamma) so that nothing under- or overflows on the way.
 * @throws {NumericsError} when n is not an integer ≥ 0 or p is outside [0, 1]
 * @example binomialPmf(2, 0.5) // Float64Array [0.25, 0.5, 0.25]
 * Runs in O(n).
 */
export function binomialPmf(n: number, p: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new NumericsError(`binomialPmf: n must be an integer ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new NumericsError(`binomialPmf: p must be in [0, 1], got ${p}`);
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logNFactorial = logGamma(n + 1);
  for (let k = 0; k <= n; k++) pmf[k] = Math.exp(logNFactorial - logGamma(k + 1) - logGamma(n - k + 1) + k * logP + (n - k) * logQ);
  return pmf;
}

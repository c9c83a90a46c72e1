// Hand-written maths on purpose: these metrics are Canary's own science, so every step is readable,
// tested against pinned reference values, and free of a numerics dependency we would have to audit.
import { NumericsError } from "./numerics-error.ts";

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients; Press et al., Numerical Recipes 3rd ed.,
// sec. 6.1 explains the method). Relative error about 1e-15 for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * The natural logarithm of the gamma function, ln Γ(x), for x > 0
 * ([definition](https://dlmf.nist.gov/5.2.E1)).
 *
 * @param x a positive finite number
 * @returns ln Γ(x)
 * @throws {NumericsError} when x is not a positive finite number
 * @example logGamma(5) // ln 24 = 3.1780538303479458
 * Runs in O(1).
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new NumericsError(`logGamma: x must be a positive finite number, got ${x}`);
  // Reflection Γ(x)Γ(1-x) = π / sin(πx) keeps the series in its accurate range for small x.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_G + 2; i++) series += LANCZOS_COEFFICIENTS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * Stirling's remainder δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], for x > 0.
 * Large arguments use the asymptotic series (DLMF 5.11.1) so that ln B(a, b) for a, b ~ 10^6 does not
 * lose nine digits to the cancellation of three numbers near 10^7.
 */
export function stirlingRemainder(x: number): number {
  if (x >= 10) {
    const r = 1 / x;
    const r2 = r * r;
    // 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹); next term < 1e-15 at x = 10.
    return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - (r2 * 691) / 360360)))));
  }
  return logGamma(x) - ((x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI);
}

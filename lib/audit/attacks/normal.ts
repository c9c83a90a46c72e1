// Gaussian log-densities and tails for LiRA. Hand-written like ../metrics (no scipy here); the tail
// works in logarithms so that an example far out in the OUT distribution still gets a finite score.

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * log of the normal density N(x; mean, std²), as scipy.stats.norm.logpdf.
 * @example logNormalPdf(1.5, 0.5, 2) // -1.737085713764618
 * Runs in O(1).
 */
export function logNormalPdf(x: number, mean: number, std: number): number {
  const z = (x - mean) / std;
  return -0.5 * z * z - Math.log(std) - LOG_SQRT_TWO_PI;
}

/**
 * log erfc(x) for x ≥ 0, from the Chebyshev fit `erfcc` of Numerical Recipes in C (Press et al.,
 * 2nd ed. 1992, sec. 6.2: fractional error below 1.2e-7 everywhere), kept in log form so that it
 * never underflows: erfc(x) = t·exp(−x² + P(t)), t = 1/(1 + x/2).
 */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

/**
 * log Pr[Z > z] for a standard normal Z (scipy.stats.norm.logsf), with relative error below about
 * 1.2e-7 in the tail probability: finite for every finite z (logNormalSurvival(30) ≈ −454.32).
 * @example logNormalSurvival(1.96) // -3.68896… (scipy: -3.6889636517296385)
 * Runs in O(1).
 */
export function logNormalSurvival(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const tail = logErfc(Math.abs(z) / Math.SQRT2) - Math.LN2;
  // For z < 0 the survival is 1 − (the upper tail at |z|).
  return z >= 0 ? tail : Math.log1p(-Math.exp(tail));
}

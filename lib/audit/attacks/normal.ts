// Gaussian log-densities and tails for LiRA. The tail works in logarithms so that an example far out in
// the OUT distribution still gets a finite score.
import { logNormalCdf } from "../../numerics/index.ts";

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
 * log Pr[Z > z] for a standard normal Z (scipy.stats.norm.logsf), through lib/numerics' log Φ (Cody's erfc,
 * relative error below 1e-15): finite for every finite z (logNormalSurvival(30) ≈ −454.32).
 * @example logNormalSurvival(1.96) // -3.68896… (scipy: -3.6889636517296385)
 * Runs in O(1).
 */
export function logNormalSurvival(z: number): number {
  return logNormalCdf(-z);
}

// Adaptive clipping, Andrew et al. 2021, "Differentially Private Learning with Adaptive Clipping",
// arXiv:1905.03871: Alg. 1 (quantile estimate) and Theorem 1 (its privacy cost).

export interface AdaptiveClippingOptions {
  /** γ, the target fraction of unclipped examples. */
  targetQuantile: number;
  /** η_C, the geometric update's learning rate. */
  learningRate: number;
  /** σ_b, the standard deviation of the noise on the unclipped count. */
  countNoiseMultiplier: number;
}

/**
 * The gradient's noise multiplier σ that, released together with the unclipped count at σ_b, costs
 * what one Gaussian mechanism at σ_eff does: σ = (σ_eff⁻² − (2σ_b)⁻²)^(−1/2) (Andrew et al. 2021,
 * arXiv:1905.03871, Theorem 1; the count dpSgdStep releases, Σ(b_i − 1/2), has sensitivity 1/2, hence 2σ_b).
 * The accountant is stepped with σ_eff. σ_eff = 0 (no privacy) gives 0.
 * @throws Error when 2σ_b ≤ σ_eff: the count alone would spend the whole budget.
 * @example gradientNoiseMultiplier(1, 5) // 1.0050378152592121
 */
export function gradientNoiseMultiplier(effectiveNoiseMultiplier: number, countNoiseMultiplier: number): number {
  if (!(effectiveNoiseMultiplier >= 0)) throw new Error(`gradientNoiseMultiplier: σ_eff must be ≥ 0, got ${effectiveNoiseMultiplier}`);
  if (!(countNoiseMultiplier > 0)) throw new Error(`gradientNoiseMultiplier: σ_b must be > 0, got ${countNoiseMultiplier}`);
  if (effectiveNoiseMultiplier === 0) return 0;
  const remaining = effectiveNoiseMultiplier ** -2 - (2 * countNoiseMultiplier) ** -2;
  if (!(remaining > 0)) {
    throw new Error(
      `gradientNoiseMultiplier: countNoiseMultiplier ${countNoiseMultiplier} must exceed σ_eff / 2 = ${effectiveNoiseMultiplier / 2} (Andrew et al. 2021, Theorem 1)`,
    );
  }
  return remaining ** -0.5;
}

/**
 * One geometric clip-norm update, C ← C·exp(−η_C(b̃ − γ)), with b̃ the noised unclipped fraction
 * (Andrew et al. 2021, arXiv:1905.03871, Alg. 1). Too many unclipped (b̃ > γ) shrinks C.
 */
export function updateClipNorm(clipNorm: number, noisyUnclippedFraction: number, options: Pick<AdaptiveClippingOptions, "targetQuantile" | "learningRate">): number {
  return clipNorm * Math.exp(-options.learningRate * (noisyUnclippedFraction - options.targetQuantile));
}

import type { GuaranteeSource } from "../db/index.ts";
import { formatNumber } from "../policy/index.ts";

/** A version's guarantee as stored: all null for a model without one (source null ⇔ ε null). */
export interface GuaranteeScopeInput {
  source: GuaranteeSource | null;
  epsilon: number | null;
  delta: number | null;
  accountant: string | null;
}

/**
 * One sentence a compliance officer can check: what the (ε, δ) covers, who vouches for it, and
 * what it leaves out. DP-SGD's guarantee covers the released weights and, by post-processing, any
 * function of them alone (Dwork & Roth 2014, Proposition 2.1); figures computed on the private
 * training rows during training (the training-loss curve) are separate releases it does not cover.
 *
 * @example
 * describeGuaranteeScope({ source: "declared", epsilon: 3, delta: 1e-5, accountant: null })
 * // "(ε = 3.00, δ = 1e-5) is declared by the uploader and not verified by Canary, so no policy counts it as a guarantee."
 */
export function describeGuaranteeScope(guarantee: GuaranteeScopeInput): string {
  const { source, epsilon, delta } = guarantee;
  if (epsilon === null || delta === null) return "No DP guarantee: nothing bounds what this model reveals about its training records.";
  const pair = `(ε = ${formatNumber(epsilon)}, δ = ${formatNumber(delta)})`;
  // Without a source, nothing vouches for (ε, δ): it reads as declared, as lib/policy grades it.
  if (source !== "accountant") return `${pair} is declared by the uploader and not verified by Canary, so no policy counts it as a guarantee.`;
  const accountant = guarantee.accountant ? `${guarantee.accountant.toUpperCase()} accountant` : "accountant";
  return (
    `${pair}, computed by Canary's ${accountant} over the training run it executed, covers the trained weights and whatever is computed from them alone; ` +
    "the training-loss curve is not covered and is visible only to the data owner and roles allowed to see personal data."
  );
}

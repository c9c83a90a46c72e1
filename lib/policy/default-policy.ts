import type { PolicyDocument } from "./schemas.ts";

/**
 * The policy an organisation starts from. Privacy criteria are required; k-anonymity, contamination
 * and utility are optional (they lower the grade to B–D, not to F). ε ≤ 3 at δ ≤ 1e-5 sits between the
 * "privacy tiers" ε ≤ 1 and ε ≤ 10 of Ponomareva et al. 2023, arXiv:2303.00654; AUC 0.55
 * and TPR 0.5% at FPR 0.1% leave the attacker close to chance (Carlini et al. 2022, arXiv:2112.03570).
 * A new object each call, so callers may edit it.
 */
export function defaultPolicy(): PolicyDocument {
  return {
    schemaVersion: 1,
    name: "Canary default privacy policy",
    criteria: [
      { id: "dp-epsilon", kind: "dp_epsilon_max", threshold: 3, delta: 1e-5, required: true },
      { id: "mia-auc", kind: "mia_auc_max", threshold: 0.55, required: true },
      { id: "mia-tpr-at-low-fpr", kind: "mia_tpr_at_fpr_max", threshold: 0.005, required: true },
      { id: "empirical-epsilon", kind: "empirical_epsilon_within_claim", required: true },
      { id: "pii-findings", kind: "no_open_pii_findings", threshold: "high", required: true },
      { id: "license", kind: "license_compatible", required: true },
      { id: "k-anonymity", kind: "k_anonymity_min", threshold: 5, required: false },
      { id: "contamination", kind: "contamination_rate_max", threshold: 0.01, required: false },
      { id: "utility-loss", kind: "utility_loss_max", threshold: 0.05, required: false },
    ],
  };
}

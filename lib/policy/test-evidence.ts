// Test-only: evidence bundles for the tests of this folder (not exported from index.ts).
import type { EvidenceBundle } from "./schemas.ts";

/**
 * Evidence that meets every criterion of defaultPolicy() exactly at its threshold: ε = 3 at
 * δ = 1e-5 from Canary's accountant, AUC 0.55, TPR 0.005, empirical ε (exploratory and certified) = claimed ε, no high+
 * findings, k = 5, contamination 0.01, utility loss 0.90 − 0.85 = 0.05.
 */
export function evidenceAtThresholds(): EvidenceBundle {
  return {
    schemaVersion: 1,
    model: { name: "churn-classifier", version: "3" },
    guarantee: { epsilon: 3, delta: 1e-5, accountant: "rdp", source: "accountant" },
    audits: { membershipInference: { auc: 0.55, tprAtFpr: { "0.001": 0.005, "0.01": 0.03 }, epsilonLowerBound: 3, certified: { epsilonLowerBound: 3 } } },
    datasets: [
      {
        name: "customers",
        version: 2,
        role: "train",
        openFindings: { info: 4, low: 2, medium: 1, high: 0, critical: 0 },
        license: { verdict: "compatible", reasons: [] },
        kAnonymity: 5,
      },
      {
        name: "holdout",
        version: 1,
        role: "eval",
        openFindings: { info: 0, low: 0, medium: 0, high: 3, critical: 0 },
        license: { verdict: "compatible", reasons: [] },
        kAnonymity: 1,
      },
    ],
    contaminationRate: 0.01,
    utility: { accuracy: 0.85, baselineAccuracy: 0.9 },
  };
}

/** The least a bundle can say: which model it is about. */
export function emptyEvidence(): EvidenceBundle {
  return { schemaVersion: 1, model: { name: "churn-classifier", version: "3" } };
}

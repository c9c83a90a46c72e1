import { describe, expect, it } from "vitest";
import { CRITERION_KINDS, type Criterion } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateCriterion, THRESHOLD_BOUND } from "./registry.ts";

describe("evaluateCriterion", () => {
  it("knows the nine kinds of the schema", () => {
    expect(CRITERION_KINDS).toEqual([
      "dp_epsilon_max",
      "mia_auc_max",
      "mia_tpr_at_fpr_max",
      "empirical_epsilon_within_claim",
      "no_open_pii_findings",
      "license_compatible",
      "k_anonymity_min",
      "contamination_rate_max",
      "utility_loss_max",
    ]);
    expect(Object.keys(THRESHOLD_BOUND).sort()).toEqual([...CRITERION_KINDS].sort());
  });

  it("throws on a kind it does not know, naming it", () => {
    const criterion = { id: "x", kind: "gdpr_article_17", required: true } as unknown as Criterion;
    expect(() => evaluateCriterion(criterion, emptyEvidence())).toThrow('evaluateCriterion: unknown criterion kind "gdpr_article_17"');
  });
});

import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import type { EvidenceBundle, EvidenceDataset, kAnonymityMinSchema } from "../schemas.ts";
import { describeDatasets, plural } from "./describe-datasets.ts";

// Sweeney 2002, "k-anonymity: a model for protecting privacy", IJUFKS 10(5), sec. 2.
/** Every training dataset is k-anonymous for k ≥ threshold; the value is the smallest k measured. */
export function evaluateKAnonymityMin(criterion: z.infer<typeof kAnonymityMinSchema>, evidence: EvidenceBundle): CriterionOutcome {
  const threshold = criterion.threshold;
  const training = (evidence.datasets ?? []).filter((dataset) => dataset.role === "train");
  if (training.length === 0) {
    return { value: null, threshold, status: "missing", reason: `No training datasets in the evidence to check k-anonymity for; the policy requires k ≥ ${threshold}` };
  }
  const measured = training.filter((dataset): dataset is EvidenceDataset & { kAnonymity: number } => typeof dataset.kAnonymity === "number");
  const unmeasured = training.filter((dataset) => typeof dataset.kAnonymity !== "number");
  const smallest = measured.length > 0 ? Math.min(...measured.map((dataset) => dataset.kAnonymity)) : null;
  if (smallest !== null && smallest < threshold) {
    const below = measured.filter((dataset) => dataset.kAnonymity < threshold);
    return { value: smallest, threshold, status: "fail", reason: `k = ${smallest} in training ${below.length === 1 ? "dataset" : "datasets"} ${describeDatasets(below, below.length === 1 ? undefined : (dataset) => `k = ${dataset.kAnonymity}`)} is below the policy's ${threshold}` };
  }
  if (unmeasured.length > 0) {
    return { value: null, threshold, status: "missing", reason: `No k-anonymity measurement for training ${unmeasured.length === 1 ? "dataset" : "datasets"} ${describeDatasets(unmeasured)}; the policy requires k ≥ ${threshold}` };
  }
  return { value: smallest, threshold, status: "pass", reason: `k = ${smallest} (the smallest over ${plural(training.length, "training dataset")}) is at least the policy's ${threshold}` };
}

import type { z } from "zod";
import type { CriterionOutcome } from "../criterion-result.ts";
import { SEVERITIES, type EvidenceBundle, type EvidenceDataset, type noOpenPiiFindingsSchema, type Severity } from "../schemas.ts";
import { describeDatasets, plural } from "./describe-datasets.ts";

/**
 * No open PII finding at or above the threshold severity in any training dataset. A known finding
 * fails even when other datasets were not scanned; a count not reported is missing, not zero.
 */
export function evaluateNoOpenPiiFindings(criterion: z.infer<typeof noOpenPiiFindingsSchema>, evidence: EvidenceBundle): CriterionOutcome {
  const threshold = criterion.threshold;
  const counted = SEVERITIES.slice(SEVERITIES.indexOf(threshold));
  const scope = severityScope(threshold);
  const training = (evidence.datasets ?? []).filter((dataset) => dataset.role === "train");
  if (training.length === 0) {
    return { value: null, threshold, status: "missing", reason: `No training datasets in the evidence to check for open PII findings ${scope}` };
  }
  const openCount = new Map<EvidenceDataset, number>();
  const unscanned: EvidenceDataset[] = [];
  for (const dataset of training) {
    const counts = counted.map((severity) => dataset.openFindings?.[severity]);
    if (counts.some((count) => count === undefined)) unscanned.push(dataset);
    const open = counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
    if (open > 0) openCount.set(dataset, open);
  }
  const total = [...openCount.values()].reduce((sum, count) => sum + count, 0);
  if (total > 0) {
    const where = describeDatasets([...openCount.keys()], (dataset) => String(openCount.get(dataset)));
    return { value: total, threshold, status: "fail", reason: `${plural(total, "open PII finding")} ${scope} in training ${openCount.size === 1 ? "dataset" : "datasets"} ${where}` };
  }
  if (unscanned.length > 0) {
    return { value: null, threshold, status: "missing", reason: `No PII scan counts ${scope} for training ${unscanned.length === 1 ? "dataset" : "datasets"} ${describeDatasets(unscanned)}` };
  }
  return { value: 0, threshold, status: "pass", reason: `No open PII findings ${scope} in ${plural(training.length, "training dataset")}` };
}

function severityScope(threshold: Severity): string {
  if (threshold === "info") return "of any severity";
  if (threshold === "critical") return "of critical severity";
  return `of ${threshold} severity or above`;
}

import type { EvidenceDataset } from "../schemas.ts";

const SHOWN = 3;

/** "customers v2", "customers v2 and clicks v1", "a v1, b v1, c v1 and 2 more": short enough for one sentence. */
export function describeDatasets(datasets: EvidenceDataset[], detail?: (dataset: EvidenceDataset) => string): string {
  const labels = datasets.map((dataset) => `${dataset.name} v${dataset.version}${detail ? ` (${detail(dataset)})` : ""}`);
  if (labels.length > SHOWN + 1) return `${labels.slice(0, SHOWN).join(", ")} and ${labels.length - SHOWN} more`;
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

import { NearDuplicateIndex } from "./near-duplicate-index.ts";
import { recordText } from "./record-text.ts";
import type { DedupRecord, DuplicateOptions, DuplicatePair } from "./types.ts";

/**
 * Every pair of records whose word 5-shingle sets (of the lowercased, whitespace-collapsed text)
 * have exact Jaccard similarity ≥ threshold, each pair once with a before b in record order,
 * sorted by (a, b). Exact duplicates come out with jaccard 1. Candidates come from MinHash LSH
 * (see NearDuplicateIndex), so a pair just above the threshold is found with high probability,
 * not certainty; a pair below it is never reported.
 * Runs in O(total text length · 128) plus O(pairs found).
 *
 * @example
 * findNearDuplicates([{ id: "0", fields: { text: "A b c" } }, { id: "1", fields: { text: "a  B c" } }])
 * // [{ a: "0", b: "1", jaccard: 1 }]
 */
export function findNearDuplicates(records: Iterable<DedupRecord>, options: DuplicateOptions = {}): DuplicatePair[] {
  const index = new NearDuplicateIndex(options);
  const ids: string[] = [];
  for (const record of records) {
    index.add(recordText(record.fields, options.field));
    ids.push(record.id);
  }
  return index.pairs("within").map(({ a, b, jaccard }) => ({ a: ids[a]!, b: ids[b]!, jaccard }));
}

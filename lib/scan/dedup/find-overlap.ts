import { NearDuplicateIndex } from "./near-duplicate-index.ts";
import { recordText } from "./record-text.ts";
import type { DedupRecord, DuplicateOptions, DuplicatePair } from "./types.ts";

/**
 * Pairs of a record of A and a record of B (a from A, b from B) whose word 5-shingle sets have
 * exact Jaccard similarity ≥ threshold: train/test contamination. Pairs inside A or inside B are
 * not reported. Sorted by A's record order, then B's.
 *
 * @example
 * findOverlap([{ id: "a1", fields: { text: "x y" } }], [{ id: "b1", fields: { text: "X Y" } }])
 * // [{ a: "a1", b: "b1", jaccard: 1 }]
 */
export function findOverlap(recordsA: Iterable<DedupRecord>, recordsB: Iterable<DedupRecord>, options: DuplicateOptions = {}): DuplicatePair[] {
  const index = new NearDuplicateIndex(options);
  const ids: string[] = [];
  for (const record of recordsA) {
    index.add(recordText(record.fields, options.field), 0);
    ids.push(record.id);
  }
  for (const record of recordsB) {
    index.add(recordText(record.fields, options.field), 1);
    ids.push(record.id);
  }
  return index.pairs("across").map(({ a, b, jaccard }) => ({ a: ids[a]!, b: ids[b]!, jaccard }));
}

import { contentHash } from "./content-hash.ts";
import { normaliseText } from "./normalise-text.ts";
import { recordText } from "./record-text.ts";
import type { DedupRecord } from "./types.ts";

export interface ExactDuplicateGroup {
  /** contentHash of the group's normalised text. */
  hash: string;
  /** Ids of the records with that text, in record order (two or more). */
  ids: string[];
}

/**
 * Groups of records whose normalised texts (lowercased, whitespace collapsed) are equal, by
 * SHA-256 content hash; groups in the order of their first record. Runs in O(total text length).
 *
 * @example
 * findExactDuplicates([{ id: "0", fields: { text: "Hi  there" } }, { id: "1", fields: { text: "hi there" } }])
 * // [{ hash: "…", ids: ["0", "1"] }]
 */
export function findExactDuplicates(records: Iterable<DedupRecord>, options: { field?: string } = {}): ExactDuplicateGroup[] {
  const groups = new Map<string, string[]>();
  for (const record of records) {
    const hash = contentHash(normaliseText(recordText(record.fields, options.field)));
    const ids = groups.get(hash);
    if (ids) ids.push(record.id);
    else groups.set(hash, [record.id]);
  }
  const duplicates: ExactDuplicateGroup[] = [];
  for (const [hash, ids] of groups) if (ids.length > 1) duplicates.push({ hash, ids });
  return duplicates;
}

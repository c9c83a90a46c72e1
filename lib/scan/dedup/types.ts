/** What duplicate detection reads of a record (a DataRecord from lib/records fits). */
export interface DedupRecord {
  id: string;
  fields: Record<string, unknown>;
}

/** Two records by id whose word 5-shingle sets have this exact Jaccard similarity. */
export interface DuplicatePair {
  a: string;
  b: string;
  jaccard: number;
}

export interface DuplicateOptions {
  /** Smallest exact Jaccard similarity reported, in (0, 1]. @defaultValue 0.8 */
  threshold?: number;
  /** Compare this field's value; else the `text` field, else all fields (see recordText). */
  field?: string;
  /** MinHash permutations. @defaultValue 128 */
  numPerm?: number;
  /** Seed of the MinHash permutations. @defaultValue 1 */
  seed?: number;
}

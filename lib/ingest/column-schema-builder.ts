import { classifyValue, widenTypes, type ColumnType } from "./classify-value.ts";

export interface ColumnSummary {
  name: string;
  type: ColumnType;
  nullable: boolean;
  nullCount: number;
  /** Distinct non-null values, exact up to the cap; at the cap it means "at least". */
  distinctCount: number;
  distinctCapped: boolean;
}

export interface ColumnSchema {
  columns: ColumnSummary[];
  /** True when a JSON Lines file had more distinct keys than MAX_COLUMNS; the rest were not profiled. */
  columnsTruncated: boolean;
}

export const DISTINCT_CAP = 1000;
export const MAX_COLUMNS = 2000;

interface ColumnState {
  name: string;
  kinds: Set<ColumnType>;
  explicitNulls: number;
  /** Records that had this key at all. */
  seenIn: number;
  /** Hashes of distinct values, never the values: a schema must hold no data, which may be PII. Null once capped. */
  hashes: Set<number> | null;
}

/**
 * Profiles columns record by record in bounded memory: types, nulls and a capped distinct count
 * over 53-bit hashes of the values. A key missing from a JSON record counts as null.
 */
export class ColumnSchemaBuilder {
  private readonly columns = new Map<string, ColumnState>();
  private readonly fromText: boolean;
  private records = 0;
  private truncated = false;

  /** `fromText`: values are CSV cells, so "42" is an integer and "" is null. */
  constructor(options: { fromText: boolean }) {
    this.fromText = options.fromText;
  }

  add(fields: Record<string, unknown>): void {
    this.records += 1;
    for (const name of Object.keys(fields)) {
      let column = this.columns.get(name);
      if (!column) {
        if (this.columns.size >= MAX_COLUMNS) {
          this.truncated = true;
          continue;
        }
        column = { name, kinds: new Set(), explicitNulls: 0, seenIn: 0, hashes: new Set() };
        this.columns.set(name, column);
      }
      column.seenIn += 1;
      const value = fields[name];
      const kind = classifyValue(value, this.fromText);
      if (kind === "null") {
        column.explicitNulls += 1;
        continue;
      }
      column.kinds.add(kind);
      if (column.hashes) {
        column.hashes.add(hashValue(value));
        if (column.hashes.size >= DISTINCT_CAP) column.hashes = null;
      }
    }
  }

  get recordCount(): number {
    return this.records;
  }

  build(): ColumnSchema {
    const columns = [...this.columns.values()].map((column): ColumnSummary => {
      const nullCount = column.explicitNulls + (this.records - column.seenIn);
      return {
        name: column.name,
        type: widenTypes(column.kinds),
        nullable: nullCount > 0,
        nullCount,
        distinctCount: column.hashes ? column.hashes.size : DISTINCT_CAP,
        distinctCapped: column.hashes === null,
      };
    });
    return { columns, columnsTruncated: this.truncated };
  }
}

function hashValue(value: unknown): number {
  const text = typeof value === "string" ? value : `\u0000${typeof value}:${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
  return cyrb53(text);
}

// cyrb53 (bryc, public domain): a fast 53-bit string hash; collisions are negligible below the cap.
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

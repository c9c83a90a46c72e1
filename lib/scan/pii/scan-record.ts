import { toCodePointSpans } from "./code-points.ts";
import { findSpans, type ScanTextOptions, type TypedRawSpan } from "./scan-text.ts";
import type { PiiFinding } from "./types.ts";

export interface ScanRecordOptions {
  /** @defaultValue 0.5 */
  minScore?: number;
  recognizers?: ScanTextOptions["recognizers"];
  /**
   * Results of short values already scanned, by field name and value (from createValueCache). Datasets
   * repeat values (cities, first names, statuses) a great deal; reuse one cache per file and per options.
   */
  cache?: ValueCache;
}

/** Scan results of short values by field name, then value; bounded: cleared when full. */
export interface ValueCache {
  byField: Map<string, FieldCache>;
  size: number;
  maxEntries: number;
}

interface FieldCache {
  values: Map<string, { spans: TypedRawSpan[]; astral: boolean }>;
  lookups: number;
  hits: number;
  /** Set once a field's values prove mostly unique (ids, emails): hashing them would only cost. */
  off: boolean;
}

/** Lookups after which a field's hit rate is judged, and the rate below which caching stops for it. */
const TRIAL_LOOKUPS = 2_000;
const MIN_HIT_RATE = 0.25;

/** Values longer than this are not cached: free text rarely repeats. */
const MAX_CACHED_LENGTH = 64;

/** A cache for scanRecord; one per scan, since results depend on minScore and the recognizers. */
export function createValueCache(maxEntries = 50_000): ValueCache {
  return { byField: new Map(), size: 0, maxEntries };
}

/** The record shape of lib/records: an id, its line, and field values (JSON values for JSONL). */
export interface ScannableRecord {
  id: string;
  fields: Record<string, unknown>;
}

/** A finding with the matched text, for masking; the text must never leave the process unmasked. */
export interface PiiMatch {
  finding: PiiFinding;
  value: string;
}

/** Values deeper than this are not walked (records are already depth-limited by the reader). */
const MAX_DEPTH = 64;

/**
 * Every entity in every string field of a record: free text inside cells included, nested JSON objects
 * and arrays walked with dotted paths ("customer.emails.0"). Integers are scanned as their decimal
 * digits (a JSON `"ssn": 536221457`); booleans, null and other numbers hold no PII we detect.
 */
export function scanRecord(record: ScannableRecord, options: ScanRecordOptions = {}): PiiFinding[] {
  return scanRecordMatches(record, options).map((m) => m.finding);
}

/** scanRecord with each finding's matched text (for masked display). */
export function scanRecordMatches(record: ScannableRecord, options: ScanRecordOptions = {}): PiiMatch[] {
  const matches: PiiMatch[] = [];
  for (const key of Object.keys(record.fields)) walk(record.id, key, key, record.fields[key], 0, options, matches);
  return matches;
}

function walk(recordId: string, path: string, key: string, value: unknown, depth: number, options: ScanRecordOptions, out: PiiMatch[]): void {
  if (typeof value === "string") {
    if (value.length > 0) scanValue(recordId, path, key, value, options, out);
  } else if (typeof value === "number") {
    if (Number.isSafeInteger(value) && Math.abs(value) >= 1_000_000) scanValue(recordId, path, key, String(value), options, out);
  } else if (value !== null && typeof value === "object" && depth < MAX_DEPTH) {
    if (Array.isArray(value)) {
      // Array items take the array's key as context: "phones.0" is still about phones.
      for (let i = 0; i < value.length; i++) walk(recordId, `${path}.${i}`, key, value[i], depth + 1, options, out);
    } else {
      for (const child of Object.keys(value)) walk(recordId, `${path}.${child}`, child, (value as Record<string, unknown>)[child], depth + 1, options, out);
    }
  }
}

function scanValue(recordId: string, field: string, key: string, text: string, options: ScanRecordOptions, out: PiiMatch[]): void {
  const cache = options.cache && text.length <= MAX_CACHED_LENGTH ? options.cache : undefined;
  let fieldCache = cache?.byField.get(key);
  if (cache && !fieldCache) cache.byField.set(key, (fieldCache = { values: new Map(), lookups: 0, hits: 0, off: false }));
  const useCache = fieldCache !== undefined && !fieldCache.off;
  let result = useCache ? fieldCache!.values.get(text) : undefined;
  if (useCache) {
    fieldCache!.lookups++;
    if (result) fieldCache!.hits++;
    else if (fieldCache!.lookups === TRIAL_LOOKUPS && fieldCache!.hits < MIN_HIT_RATE * TRIAL_LOOKUPS) {
      fieldCache!.off = true;
      cache!.size -= fieldCache!.values.size;
      fieldCache!.values = new Map();
    }
  }
  if (!result) {
    result = findSpans(text, { fieldName: key, minScore: options.minScore, recognizers: options.recognizers });
    if (useCache && !fieldCache!.off) {
      if (cache!.size >= cache!.maxEntries) {
        for (const f of cache!.byField.values()) f.values.clear();
        cache!.size = 0;
      }
      fieldCache!.values.set(text, result);
      cache!.size++;
    }
  }
  const { spans, astral } = result;
  // One code point index per value, not a count from the start per span (O(spans × n) in a long cell).
  const points = toCodePointSpans(text, astral, spans);
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = points[i]!;
    const span = spans[i]!;
    out.push({ finding: { record: recordId, field, type: span.type, start, end, score: span.score }, value: text.slice(span.start, span.end) });
  }
}

import { maskValue } from "./mask-value.ts";
import type { PiiMatch, ScannableRecord } from "./scan-record.ts";
import type { PiiEntity } from "./types.ts";

/** Running counts per column, built one record at a time (O(columns × entities) memory, not O(rows)). */
export interface ColumnStats {
  records: number;
  columns: Map<string, ColumnCounts>;
}

export interface ColumnCounts {
  /** Values that were non-empty strings or integers (what scanRecord scans). */
  nonEmpty: number;
  entities: Map<PiiEntity, { values: number; scoreSum: number; samples: string[] }>;
}

export interface ColumnClassification {
  /** Column name or dotted JSON path, with array indexes as `*` ("phones.*"). */
  field: string;
  type: PiiEntity;
  /** Fraction of the column's non-empty values holding at least one such entity. */
  coverage: number;
  valuesWithEntity: number;
  nonEmptyValues: number;
  meanScore: number;
  /** Up to three masked examples (maskValue), never raw values. */
  samples: string[];
}

const MAX_COLUMNS = 10_000;
const MAX_SAMPLES = 3;
const MAX_DEPTH = 64;

export function createColumnStats(): ColumnStats {
  return { records: 0, columns: new Map() };
}

/** Adds one record and its matches (from scanRecordMatches) to the running counts. */
export function addToColumnStats(stats: ColumnStats, record: ScannableRecord, matches: readonly PiiMatch[]): void {
  stats.records++;
  for (const key of Object.keys(record.fields)) countNonEmpty(stats, key, record.fields[key], 0);
  // One count per value and entity, however many spans the value holds; the best score counts.
  const best = new Map<string, PiiMatch>();
  for (const match of matches) {
    const key = `${match.finding.field}\u0000${match.finding.type}`;
    const seen = best.get(key);
    if (!seen || match.finding.score > seen.finding.score) best.set(key, match);
  }
  for (const match of best.values()) {
    const counts = column(stats, columnKey(match.finding.field));
    if (!counts) continue;
    let entity = counts.entities.get(match.finding.type);
    if (!entity) {
      entity = { values: 0, scoreSum: 0, samples: [] };
      counts.entities.set(match.finding.type, entity);
    }
    entity.values++;
    entity.scoreSum += match.finding.score;
    if (entity.samples.length < MAX_SAMPLES) entity.samples.push(maskValue(match.finding.type, match.value));
  }
}

/**
 * Which columns hold which entity: every (column, entity) whose coverage reaches `minCoverage`,
 * by column then coverage, highest first.
 * @param minCoverage fraction of non-empty values, in [0, 1]. @defaultValue 0.05
 */
export function classifyColumns(stats: ColumnStats, options: { minCoverage?: number } = {}): ColumnClassification[] {
  const minCoverage = options.minCoverage ?? 0.05;
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new Error(`classifyColumns: minCoverage must be in [0, 1], got ${minCoverage}`);
  const result: ColumnClassification[] = [];
  for (const [field, counts] of stats.columns) {
    for (const [type, entity] of counts.entities) {
      const coverage = counts.nonEmpty === 0 ? 0 : Math.min(1, entity.values / counts.nonEmpty);
      if (coverage < minCoverage || entity.values === 0) continue;
      result.push({
        field,
        type,
        coverage: round(coverage, 4),
        valuesWithEntity: entity.values,
        nonEmptyValues: counts.nonEmpty,
        meanScore: round(entity.scoreSum / entity.values, 3),
        samples: [...entity.samples],
      });
    }
  }
  return result.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : b.coverage - a.coverage));
}

function countNonEmpty(stats: ColumnStats, path: string, value: unknown, depth: number): void {
  if (typeof value === "string") {
    if (value.length > 0) bump(stats, path);
  } else if (typeof value === "number") {
    if (Number.isSafeInteger(value) && Math.abs(value) >= 1_000_000) bump(stats, path);
  } else if (value !== null && typeof value === "object" && depth < MAX_DEPTH) {
    if (Array.isArray(value)) value.forEach((item, i) => countNonEmpty(stats, `${path}.${i}`, item, depth + 1));
    else for (const key of Object.keys(value)) countNonEmpty(stats, `${path}.${key}`, (value as Record<string, unknown>)[key], depth + 1);
  }
}

function bump(stats: ColumnStats, path: string): void {
  const counts = column(stats, columnKey(path));
  if (counts) counts.nonEmpty++;
}

function column(stats: ColumnStats, key: string): ColumnCounts | undefined {
  let counts = stats.columns.get(key);
  if (!counts) {
    // A JSONL file with ever-new keys would grow without bound: stop adding columns past the cap.
    if (stats.columns.size >= MAX_COLUMNS) return undefined;
    counts = { nonEmpty: 0, entities: new Map() };
    stats.columns.set(key, counts);
  }
  return counts;
}

/** "orders.3.email" and "orders.4.email" are one column: "orders.*.email" (the `field` of a ColumnClassification). */
export function columnKey(path: string): string {
  return path.includes(".") ? path.replace(/\.\d+(?=\.|$)/g, ".*") : path;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

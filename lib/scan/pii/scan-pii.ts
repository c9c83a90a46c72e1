import type { AppError } from "../../errors/index.ts";
import { readRecords, type RecordFormat } from "../../records/index.ts";
import { addToColumnStats, type ColumnStats } from "./classify-columns.ts";
import { createValueCache, scanRecordMatches, type PiiMatch } from "./scan-record.ts";
import { DEFAULT_MIN_SCORE } from "./scan-text.ts";
import type { PiiFinding, Recognizer } from "./types.ts";

export interface ScanPiiOptions {
  format: RecordFormat;
  /** Findings scoring below this are dropped. @defaultValue 0.5 */
  minScore?: number;
  /** `fail` (default) stops at the first malformed record; `skip` reports it to `onSkip` and reads on. */
  onMalformed?: "fail" | "skip";
  onSkip?: (error: AppError) => void;
  /** @defaultValue every registered recognizer */
  recognizers?: readonly Recognizer[];
  /** If given, filled as records stream by (see classifyColumns). */
  columnStats?: ColumnStats;
}

/**
 * Every PII finding in a CSV, JSON Lines or text file, streamed: one record in memory at a time.
 * Offsets are code points within the field's value; `record` is the reader's record id.
 * @throws Error naming the option if minScore is not in [0, 1]; AppError("unprocessable") on malformed input.
 */
export async function* scanPii(input: NodeJS.ReadableStream | string, options: ScanPiiOptions): AsyncGenerator<PiiFinding> {
  for await (const matches of scanPiiByRecord(input, options)) for (const match of matches) yield match.finding;
}

/** scanPii with each finding's matched text, for masking before display. Never print `value` raw. */
export async function* scanPiiMatches(input: NodeJS.ReadableStream | string, options: ScanPiiOptions): AsyncGenerator<PiiMatch> {
  for await (const matches of scanPiiByRecord(input, options)) yield* matches;
}

/**
 * The matches of each record that has any, one array per record: one async step per record rather than
 * per finding (async generators cost about a microsecond a step, and a row can hold twenty findings).
 */
export async function* scanPiiByRecord(input: NodeJS.ReadableStream | string, options: ScanPiiOptions): AsyncGenerator<PiiMatch[]> {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (!(minScore >= 0 && minScore <= 1)) throw new Error(`scanPii: minScore must be a number in [0, 1], got ${options.minScore}`);
  const records = readRecords(input, { format: options.format, onMalformed: options.onMalformed, onSkip: options.onSkip });
  const cache = createValueCache();
  for await (const record of records) {
    const matches = scanRecordMatches(record, { minScore, recognizers: options.recognizers, cache });
    if (options.columnStats) addToColumnStats(options.columnStats, record, matches);
    if (matches.length > 0) yield matches;
  }
}

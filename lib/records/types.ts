import type { AppError } from "../errors/index.ts";

export type RecordFormat = "csv" | "jsonl" | "text";

/** One record of a dataset file. `fields` hold the record's values; never log or store them raw. */
export interface DataRecord {
  /** CSV: 0-based data row; JSONL: the record's `id` field, else its 0-based line index; text: 0-based line index. */
  id: string;
  /** 1-based line where the record starts. */
  line: number;
  fields: Record<string, unknown>;
}

export interface ReadRecordsOptions {
  format: RecordFormat;
  /** `fail` (default) throws the first malformed record; `skip` reports it to `onSkip` and reads on. */
  onMalformed?: "fail" | "skip";
  onSkip?: (error: AppError) => void;
  /** Deepest JSON nesting accepted, a top-level object counting 1. @defaultValue 32 */
  maxJsonDepth?: number;
}

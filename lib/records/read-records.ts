import { readCsvRecords } from "./read-csv-records.ts";
import { readJsonlRecords } from "./read-jsonl-records.ts";
import { readLines } from "./read-lines.ts";
import { readTextRecords } from "./read-text-records.ts";
import type { DataRecord, ReadRecordsOptions } from "./types.ts";

export const DEFAULT_MAX_JSON_DEPTH = 32;

/**
 * Streams the records of a CSV, JSON Lines or text file (a path or a byte stream), never holding
 * more than one line (or one quoted CSV record) in memory. Every refusal is an
 * `AppError("unprocessable", "line N: …", { line })` that names no field value.
 *
 * @example
 * for await (const record of readRecords("people.csv", { format: "csv" })) record.fields.email;
 */
export function readRecords(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions): AsyncIterable<DataRecord> {
  const skip = options.onMalformed === "skip" ? (options.onSkip ?? (() => {})) : undefined;
  const maxJsonDepth = options.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (!Number.isInteger(maxJsonDepth) || maxJsonDepth < 1) {
    throw new Error(`readRecords: maxJsonDepth must be a positive integer, got ${maxJsonDepth}`);
  }
  return {
    [Symbol.asyncIterator]() {
      const lines = readLines(input);
      switch (options.format) {
        case "csv":
          return readCsvRecords(lines, skip);
        case "jsonl":
          return readJsonlRecords(lines, { skip, maxJsonDepth });
        case "text":
          return readTextRecords(lines, skip);
        default:
          throw new Error(`readRecords: unknown format ${JSON.stringify(options.format)}`);
      }
    },
  };
}

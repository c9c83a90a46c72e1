export { readRecords, DEFAULT_MAX_JSON_DEPTH } from "./read-records.ts";
export { detectFormat, ALLOWED_EXTENSIONS } from "./detect-format.ts";
export { MAX_LINE_BYTES } from "./read-lines.ts";
export type { DataRecord, ReadRecordsOptions, RecordFormat } from "./types.ts";
// read-lines.ts, json-depth.ts and the per-format readers stay internal.

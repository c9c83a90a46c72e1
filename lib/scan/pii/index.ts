// PII detection: Presidio-style recognizers (one file each in recognizers/, registered by name),
// scanning of values, records and whole files, column classification and masking.
export { PII_ENTITIES } from "./types.ts";
export type { DetectOptions, PiiEntity, PiiFinding, RawSpan, Recognizer, Span, TextProfile } from "./types.ts";
export { defineRecognizer, type RecognizerSpec } from "./define-recognizer.ts";
export { getRecognizer, listRecognizers, registerRecognizer } from "./registry.ts";
export { createPhoneNumberRecognizer, DEFAULT_PHONE_REGIONS, type PhoneNumberRecognizerOptions } from "./recognizers/phone-number.ts";
export { DEFAULT_MIN_SCORE, scanText, type ScanTextOptions } from "./scan-text.ts";
export {
  createValueCache,
  scanRecord,
  scanRecordMatches,
  type PiiMatch,
  type ScannableRecord,
  type ScanRecordOptions,
  type ValueCache,
} from "./scan-record.ts";
export { scanPii, scanPiiByRecord, scanPiiMatches, type ScanPiiOptions } from "./scan-pii.ts";
export {
  addToColumnStats,
  classifyColumns,
  columnKey,
  createColumnStats,
  type ColumnClassification,
  type ColumnCounts,
  type ColumnStats,
} from "./classify-columns.ts";
export { maskValue } from "./mask-value.ts";
// Internal: boundaries, capitalised-runs, code-points, context, gazetteer, luhn, phone-plans, profile-text,
// the recognizer files themselves (reach them through the registry), evaluate.ts (its tests score the corpus in fixtures/, built by scripts/build-pii-corpus.ts).

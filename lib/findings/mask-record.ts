import { columnKey, maskValue } from "../scan/index.ts";
import type { RecordMasking } from "./load-record-masking.ts";

const MAX_DEPTH = 64;

/**
 * THE masking of record values for callers without pii.unmasked: every value in a column classified
 * as personal data is masked whole (maskValue of the column's entity), and every stored span elsewhere
 * is replaced by its masked form. Nested values keep their shape; masked leaves become strings.
 */
export function maskRecord(record: { id: string; fields: Record<string, unknown> }, masking: RecordMasking): Record<string, unknown> {
  const spans = masking.spansByRecord.get(record.id) ?? [];
  const maskLeaf = (path: string, value: string): string => {
    const columnType = masking.personalColumns.get(columnKey(path));
    if (columnType) return maskValue(columnType, value);
    const here = spans.filter((span) => span.field === path).sort((x, y) => y.start - x.start);
    if (here.length === 0) return value;
    // From the last span back, so the earlier offsets stay valid; overlapping spans merge into the earlier one.
    const chars = [...value];
    let limit = chars.length;
    for (const span of here) {
      const end = Math.min(span.end, limit);
      if (span.start >= end) continue;
      chars.splice(span.start, end - span.start, maskValue(span.type, chars.slice(span.start, end).join("")));
      limit = span.start;
    }
    return chars.join("");
  };
  const walk = (path: string, value: unknown, depth: number): unknown => {
    if (typeof value === "string") return maskLeaf(path, value);
    if (typeof value === "number") {
      const masked = maskLeaf(path, String(value));
      return masked === String(value) ? value : masked;
    }
    if (value === null || typeof value !== "object") return value;
    // Deeper than the scanner looks, nothing was classified: hide it rather than show it unchecked.
    if (depth >= MAX_DEPTH) return "***";
    if (Array.isArray(value)) return value.map((item, i) => walk(`${path}.${i}`, item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(`${path}.${key}`, item, depth + 1)]));
  };
  return Object.fromEntries(Object.entries(record.fields).map(([key, value]) => [key, walk(key, value, 0)]));
}

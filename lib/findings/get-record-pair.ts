import { principalCan, type Principal } from "../auth/principal.ts";
import type { Db } from "../db/index.ts";
import { createValueCache, maskValue, scanRecordMatches } from "../scan/pii/index.ts";
import type { BlobStore } from "../storage/index.ts";
import { readVersionRecord } from "./read-version-record.ts";
import type { DuplicatePairQuery } from "./schemas.ts";

export interface RecordForDiff {
  id: string;
  line: number;
  /** Top-level fields as text (nested JSON as JSON), PII masked unless the caller may see it. */
  fields: Record<string, string>;
}

/**
 * Two records side by side for the duplicate diff, read from the stored files at request time. For
 * callers without pii.unmasked every PII span found in them is replaced by its masked form.
 */
export async function getRecordPair(
  db: Db,
  principal: Principal,
  datasetVersionId: string,
  query: DuplicatePairQuery,
  store?: BlobStore,
): Promise<{ a: RecordForDiff; b: RecordForDiff; masked: boolean }> {
  const masked = !principalCan(principal, "pii.unmasked");
  const [a, b] = await Promise.all([
    readVersionRecord(db, datasetVersionId, query.a, store),
    readVersionRecord(db, query.otherVersionId ?? datasetVersionId, query.b, store),
  ]);
  return { a: forDiff(a, masked), b: forDiff(b, masked), masked };
}

function forDiff(record: { id: string; line: number; fields: Record<string, unknown> }, mask: boolean): RecordForDiff {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(record.fields)) fields[key] = typeof value === "string" ? value : JSON.stringify(value);
  if (!mask) return { id: record.id, line: record.line, fields };
  const matches = scanRecordMatches({ id: record.id, fields }, { cache: createValueCache() });
  // Replace spans from the end of each value so earlier offsets stay valid.
  const byField = new Map<string, { start: number; end: number; masked: string }[]>();
  for (const { finding, value } of matches) {
    const list = byField.get(finding.field) ?? [];
    list.push({ start: finding.start, end: finding.end, masked: maskValue(finding.type, value) });
    byField.set(finding.field, list);
  }
  for (const [field, spans] of byField) {
    const chars = [...fields[field]!];
    for (const span of spans.sort((x, y) => y.start - x.start)) chars.splice(span.start, span.end - span.start, span.masked);
    fields[field] = chars.join("");
  }
  return { id: record.id, line: record.line, fields };
}

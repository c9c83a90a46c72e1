import { appendAuditLog } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import type { Db } from "../db/index.ts";
import type { DataRecord } from "../records/index.ts";
import type { BlobStore } from "../storage/index.ts";
import { assertRecordsNamed } from "./assert-records-named.ts";
import { loadRecordMasking } from "./load-record-masking.ts";
import { maskRecord } from "./mask-record.ts";
import { readVersionRecord } from "./read-version-record.ts";
import type { DuplicatePairQuery } from "./schemas.ts";

export interface RecordForDiff {
  id: string;
  line: number;
  /** Top-level fields as text (nested JSON as JSON), PII masked unless the caller may see it. */
  fields: Record<string, string>;
}

/**
 * Two records side by side for the duplicate or overlap diff, read from the stored files now. Only
 * records a finding or duplicate pair names are served (assertRecordsNamed). Callers without
 * pii.unmasked get them masked from what the PII scans stored (maskRecord; nothing is scanned here);
 * every unmasked reading is appended to the audit log (which records, never their values).
 * @throws AppError not_found (unknown or unnamed record), conflict (no completed PII scan to mask from)
 */
export async function getRecordPair(
  db: Db,
  principal: Principal,
  datasetVersionId: string,
  query: DuplicatePairQuery,
  store?: BlobStore,
): Promise<{ a: RecordForDiff; b: RecordForDiff; masked: boolean }> {
  await assertRecordsNamed(db, datasetVersionId, query);
  const masked = !principalCan(principal, "pii.unmasked");
  const otherVersionId = query.otherVersionId ?? datasetVersionId;
  const [a, b] = await Promise.all([
    readVersionRecord(db, datasetVersionId, query.a, store),
    readVersionRecord(db, otherVersionId, query.b, store),
  ]);
  if (masked) {
    const [maskingA, maskingB] = await Promise.all([
      loadRecordMasking(db, datasetVersionId, [a.id]),
      loadRecordMasking(db, otherVersionId, [b.id]),
    ]);
    return { a: forDiff(a, maskRecord(a, maskingA)), b: forDiff(b, maskRecord(b, maskingB)), masked };
  }
  await db.$transaction((tx) =>
    appendAuditLog(tx, {
      actor: { id: principal.userId, label: principal.label },
      action: "record.unmask",
      targetType: "dataset_version",
      targetId: datasetVersionId,
      details: { records: [query.a, query.b], ...(query.otherVersionId ? { otherVersionId: query.otherVersionId } : {}) },
    }),
  );
  return { a: forDiff(a, a.fields), b: forDiff(b, b.fields), masked };
}

function forDiff(record: DataRecord, fields: Record<string, unknown>): RecordForDiff {
  const text: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) text[key] = typeof value === "string" ? value : JSON.stringify(value);
  return { id: record.id, line: record.line, fields: text };
}

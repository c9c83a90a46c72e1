import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { PII_ENTITIES, type PiiEntity } from "../scan/index.ts";

/** A stored PII finding's span: code-point offsets into the value at `field` of one record. */
interface StoredSpan {
  field: string;
  start: number;
  end: number;
  type: PiiEntity;
}

/**
 * What the PII scans of one version stored, for masking its records: each column classified as
 * personal data with its entity (the most frequent one), and the detected spans by record id.
 */
export interface RecordMasking {
  personalColumns: ReadonlyMap<string, PiiEntity>;
  spansByRecord: ReadonlyMap<string, readonly StoredSpan[]>;
}

/**
 * Reads the masking of `recordIds` from stored scan results only (never scanning now): the column
 * classes of the latest completed PII scan and every PII finding's span in those records.
 * @throws AppError conflict when no PII scan of the version has completed (nothing to mask from)
 */
export async function loadRecordMasking(db: Db, datasetVersionId: string, recordIds: readonly string[]): Promise<RecordMasking> {
  const [scan, findings] = await Promise.all([
    db.scan.findFirst({ where: { datasetVersionId, kind: "pii", status: "completed" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { summary: true } }),
    db.finding.findMany({
      where: { datasetVersionId, type: { in: [...PII_ENTITIES] }, OR: recordIds.map((id) => ({ location: { path: ["record"], equals: id } })) },
      select: { type: true, location: true },
    }),
  ]);
  if (!scan) throw new AppError("conflict", "records are shown masked from the version's PII scan, and none has completed yet", { datasetVersionId });
  const personalColumns = new Map<string, PiiEntity>();
  // classifyColumns lists each column's entities by coverage, highest first: the first one names the column.
  for (const column of ((scan.summary as { columns?: { field: string; type: PiiEntity }[] } | null)?.columns ?? [])) {
    if (!personalColumns.has(column.field)) personalColumns.set(column.field, column.type);
  }
  const spansByRecord = new Map<string, StoredSpan[]>();
  for (const finding of findings) {
    const { record, field, start, end } = finding.location as { record: string; field: string; start: number; end: number };
    const spans = spansByRecord.get(record) ?? [];
    spans.push({ field, start, end, type: finding.type as PiiEntity });
    spansByRecord.set(record, spans);
  }
  return { personalColumns, spansByRecord };
}

import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { readRecords, type DataRecord } from "../records/index.ts";
import { getBlobStore, type BlobStore } from "../storage/index.ts";

/**
 * One record of a stored version, by record id, read from the blob at request time (raw values are
 * never stored beside findings). Streams until the record is found: O(position in the file).
 * @throws AppError not_found for an unknown version or record id
 */
export async function readVersionRecord(db: Db, datasetVersionId: string, recordId: string, store: BlobStore = getBlobStore()): Promise<DataRecord> {
  const version = await db.datasetVersion.findUnique({ where: { id: datasetVersionId }, select: { storageKey: true, format: true } });
  if (!version) throw new AppError("not_found", "no such dataset version", { datasetVersionId });
  const stream = store.openBlob(version.storageKey);
  try {
    for await (const record of readRecords(stream, { format: version.format, onMalformed: "skip" })) {
      if (record.id === recordId) return record;
    }
  } finally {
    stream.destroy();
  }
  throw new AppError("not_found", `the version has no record ${JSON.stringify(recordId)}`, { record: recordId });
}

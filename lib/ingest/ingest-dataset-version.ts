import { createHash } from "node:crypto";
import { pipeline, Transform } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { appendAuditLog } from "../audit-log/index.ts";
import type { Db } from "../db/index.ts";
import { AppError, isAppError } from "../errors/index.ts";
import { readRecords } from "../records/index.ts";
import { getBlobStore, type BlobStore } from "../storage/index.ts";
import { ColumnSchemaBuilder, type ColumnSchema } from "./column-schema-builder.ts";

export interface IngestDatasetVersionOptions {
  /** Called as bytes are read (at most every `progressIntervalMs`), then with 100 at the end. */
  onProgress?: (percent: number, message: string) => void | Promise<void>;
  /** @defaultValue getBlobStore() */
  store?: BlobStore;
  /** Pause this long per 1,000 records: lets tests watch a job in flight. @defaultValue 0 */
  delayMsPer1000Rows?: number;
  /** @defaultValue 500 */
  progressIntervalMs?: number;
  signal?: AbortSignal;
}

export interface IngestResult {
  datasetVersionId: string;
  rowCount: number;
  /** False when the version was already ready (a retried or duplicate job). */
  transitioned: boolean;
}

const SYSTEM_ACTOR = { id: null, label: "system:ingest" };

/**
 * Reads a stored version once, verifying its sha256, counting records and profiling columns, and
 * marks it `ready`. Idempotent: a version already ready is left alone, and the
 * `dataset_version.ingested` audit entry is written only by the transition to ready.
 * Malformed content marks the version `failed` with the message naming the line, and rethrows.
 */
export async function ingestDatasetVersion(db: Db, datasetVersionId: string, options: IngestDatasetVersionOptions = {}): Promise<IngestResult> {
  const version = await db.datasetVersion.findUnique({
    where: { id: datasetVersionId },
    select: { id: true, version: true, status: true, storageKey: true, sha256: true, sizeBytes: true, format: true, rowCount: true, dataset: { select: { name: true } } },
  });
  if (!version) throw new AppError("not_found", "no such dataset version", { datasetVersionId });
  if (version.status === "ready") return { datasetVersionId, rowCount: version.rowCount ?? 0, transitioned: false };

  await db.datasetVersion.updateMany({
    where: { id: datasetVersionId, status: { not: "ready" } },
    data: { status: "ingesting", progress: 0, error: null },
  });

  const store = options.store ?? getBlobStore();
  const totalBytes = Number(version.sizeBytes);
  const hash = createHash("sha256");
  let bytesRead = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      hash.update(chunk);
      callback(null, chunk);
    },
  });

  const interval = options.progressIntervalMs ?? 500;
  let lastReport = 0;
  let lastPercent = -1;
  const report = async (percent: number, message: string) => {
    await db.datasetVersion.updateMany({ where: { id: datasetVersionId, status: "ingesting" }, data: { progress: percent } });
    await options.onProgress?.(percent, message);
  };

  let schema: ColumnSchema;
  let rowCount: number;
  try {
    const builder = new ColumnSchemaBuilder({ fromText: version.format === "csv" });
    // pipeline: when reading stops early (malformed input), the file is closed too.
    pipeline(store.openBlob(version.storageKey), meter, () => {});
    const delay = options.delayMsPer1000Rows ?? 0;
    for await (const record of readRecords(meter, { format: version.format })) {
      builder.add(record.fields);
      if (builder.recordCount % 1000 === 0) {
        options.signal?.throwIfAborted();
        if (delay > 0) await sleep(delay);
      }
      // Bytes lead records a little (read-ahead); 99 until the result is stored.
      const percent = Math.min(99, Math.floor((bytesRead / Math.max(totalBytes, 1)) * 100));
      if (percent > lastPercent && Date.now() - lastReport >= interval) {
        lastReport = Date.now();
        lastPercent = percent;
        await report(percent, `read ${builder.recordCount} records`);
      }
    }
    if (bytesRead !== totalBytes || hash.digest("hex") !== version.sha256) {
      throw new AppError("internal", "the stored file does not match its recorded sha256; it may be corrupted");
    }
    schema = builder.build();
    rowCount = builder.recordCount;
  } catch (error) {
    if (isAppError(error)) await markFailed(db, datasetVersionId, error.message);
    throw error;
  }

  const transitioned = await db.$transaction(async (tx) => {
    const { count } = await tx.datasetVersion.updateMany({
      where: { id: datasetVersionId, status: { not: "ready" } },
      data: { status: "ready", rowCount, columnSchema: schema as object, ingestedAt: new Date(), progress: 100, error: null },
    });
    if (count === 0) return false;
    await appendAuditLog(tx, {
      actor: SYSTEM_ACTOR,
      action: "dataset_version.ingested",
      targetType: "dataset_version",
      targetId: datasetVersionId,
      details: { dataset: version.dataset.name, version: version.version, rowCount, columns: schema.columns.length },
    });
    return true;
  });
  await options.onProgress?.(100, `ingested ${rowCount} records`);
  return { datasetVersionId, rowCount, transitioned };
}

async function markFailed(db: Db, datasetVersionId: string, message: string): Promise<void> {
  await db.datasetVersion.updateMany({
    where: { id: datasetVersionId, status: { not: "ready" } },
    data: { status: "failed", error: message },
  });
}

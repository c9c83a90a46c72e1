import type { Db, ScanKind } from "../../db/index.ts";
import { AppError, isAppError } from "../../errors/index.ts";
import { getBlobStore, type BlobStore } from "../../storage/index.ts";
import { FindingWriter } from "./finding-writer.ts";
import { runDuplicatesScan } from "./run-duplicates-scan.ts";
import { runLicenseScan } from "./run-license-scan.ts";
import { runOverlapScan } from "./run-overlap-scan.ts";
import { runPiiScan } from "./run-pii-scan.ts";
import { runReidScan } from "./run-reid-scan.ts";
import type { ScanContext, ScanSummary } from "./scan-context.ts";
import { scanParamsSchema } from "./scan-params.ts";

export interface RunScanOptions {
  onProgress?: (percent: number, message: string) => void | Promise<void>;
  signal?: AbortSignal;
  /** @defaultValue getBlobStore() */
  store?: BlobStore;
  /** Pause this long per 1,000 records read: lets tests catch a scan in flight. @defaultValue 0 */
  delayMsPer1000Rows?: number;
}

export interface RunScanResult {
  scanId: string;
  status: "completed" | "cancelled";
  findings: number;
}

const RUNNERS: Record<ScanKind, (context: ScanContext) => Promise<ScanSummary>> = {
  pii: runPiiScan,
  duplicates: runDuplicatesScan,
  overlap: runOverlapScan,
  reid: runReidScan,
  license: runLicenseScan,
};

/**
 * Runs one stored scan of a dataset version to completion. Idempotent and resumable: a completed
 * scan is left alone, a cancelled one is not started, and a scan left `active` by a killed worker
 * continues from its checkpoint (findings are keyed by fingerprint, so none is written twice).
 * Refused input (an AppError other than `internal`) marks the scan failed with its message and rethrows.
 */
export async function runScan(db: Db, scanId: string, options: RunScanOptions = {}): Promise<RunScanResult> {
  const scan = await db.scan.findUnique({
    where: { id: scanId },
    select: {
      id: true,
      kind: true,
      status: true,
      params: true,
      summary: true,
      datasetVersion: {
        select: { id: true, version: true, storageKey: true, format: true, sizeBytes: true, rowCount: true, status: true, dataset: { select: { name: true, intendedUse: true } } },
      },
    },
  });
  if (!scan) throw new AppError("not_found", "no such scan", { scanId });
  const findings = () => db.finding.count({ where: { scanId } });
  if (scan.status === "completed" || scan.status === "cancelled") return { scanId, status: scan.status, findings: await findings() };
  if (scan.status === "failed") throw new AppError("conflict", "this scan already failed; start a new one", { scanId });
  const v = scan.datasetVersion;
  if (v.status !== "ready") throw await markFailed(db, scanId, new AppError("conflict", `${v.dataset.name} v${v.version} is not ingested (status ${v.status}); scan it once it is ready`));

  const params = scanParamsSchema.parse(scan.params);
  const { count } = await db.scan.updateMany({ where: { id: scanId, status: { in: ["queued", "active"] } }, data: { status: "active", error: null, finishedAt: null } });
  if (count === 0) return { scanId, status: "cancelled", findings: await findings() };
  const checkpoint = scan.status === "active" ? (((scan.summary as { checkpoint?: Record<string, unknown> } | null)?.checkpoint) ?? null) : null;

  const context: ScanContext = {
    db,
    scanId,
    kind: scan.kind,
    params,
    version: {
      id: v.id,
      version: v.version,
      storageKey: v.storageKey,
      format: v.format,
      sizeBytes: Number(v.sizeBytes),
      rowCount: v.rowCount,
      datasetName: v.dataset.name,
      intendedUse: v.dataset.intendedUse,
    },
    store: options.store ?? getBlobStore(),
    writer: new FindingWriter(db, scanId, v.id),
    checkpoint,
    progress: async (percent, message) => {
      await options.onProgress?.(Math.min(99, Math.floor(percent)), message);
    },
    signal: options.signal,
    delayMsPer1000Rows: options.delayMsPer1000Rows ?? 0,
  };

  let summary: ScanSummary;
  try {
    summary = await RUNNERS[scan.kind](context);
  } catch (error) {
    if (isAppError(error) && error.code !== "internal" && error.code !== "conflict") throw await markFailed(db, scanId, error);
    throw error;
  }
  const done = await db.scan.updateMany({
    where: { id: scanId, status: "active" },
    data: { status: "completed", summary: summary as object, finishedAt: new Date(), error: null },
  });
  await options.onProgress?.(100, `${scan.kind} scan done`);
  return { scanId, status: done.count === 1 ? "completed" : "cancelled", findings: await findings() };
}

/** Marks a scan failed (unless cancelled meanwhile) and returns the error, for `throw await`. */
export async function markFailed(db: Db, scanId: string, error: AppError | Error): Promise<typeof error> {
  await db.scan.updateMany({
    where: { id: scanId, status: { in: ["queued", "active"] } },
    data: { status: "failed", error: isAppError(error) ? error.message : "the scan failed; see its job for details", finishedAt: new Date() },
  });
  return error;
}

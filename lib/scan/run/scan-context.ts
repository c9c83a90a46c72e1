import type { DataFormat, Db, IntendedUse, ScanKind } from "../../db/index.ts";
import type { BlobStore } from "../../storage/index.ts";
import type { FindingWriter } from "./finding-writer.ts";
import type { ScanParams } from "./scan-params.ts";

/** The version a scan reads, as runScan loaded it. */
export interface ScannedVersion {
  id: string;
  version: number;
  storageKey: string;
  format: DataFormat;
  sizeBytes: number;
  rowCount: number | null;
  datasetName: string;
  intendedUse: IntendedUse;
}

/** What every scan kind gets from runScan. */
export interface ScanContext {
  db: Db;
  scanId: string;
  kind: ScanKind;
  params: ScanParams;
  version: ScannedVersion;
  store: BlobStore;
  writer: FindingWriter;
  /** The checkpoint a killed run left (see FindingWriter.flush), or null on a fresh start. */
  checkpoint: Record<string, unknown> | null;
  progress(percent: number, message: string): Promise<void>;
  signal?: AbortSignal;
  delayMsPer1000Rows: number;
}

/** A scan kind's result: the summary stored on the Scan row (never raw values). */
export type ScanSummary = Record<string, unknown>;

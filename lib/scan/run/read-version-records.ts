import { pipeline, Transform } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { readRecords, type DataRecord } from "../../records/index.ts";
import type { ScanContext } from "./scan-context.ts";

/** Lines of malformed records skipped, kept for the summary (the count is exact, the list bounded). */
export interface SkippedLines {
  count: number;
  lines: number[];
}

const MAX_LISTED_LINES = 100;

export function skippedLines(from?: unknown): SkippedLines {
  const given = from as Partial<SkippedLines> | undefined;
  return { count: given?.count ?? 0, lines: [...(given?.lines ?? [])] };
}

export interface ReadVersionRecordsOptions {
  /** Progress spans this range of percent (a scan reading the file twice gives each pass half). */
  from?: number;
  to?: number;
  skipped?: SkippedLines;
  label?: string;
}

/**
 * Streams the records of the scanned version from the blob store, one in memory at a time, reporting
 * progress by bytes read (at most twice a second), honouring the abort signal and the test delay every
 * 1,000 records, and skipping or failing on malformed records as the scan's params say.
 */
export async function* readVersionRecords(context: ScanContext, options: ReadVersionRecordsOptions = {}): AsyncGenerator<DataRecord> {
  const { version, params, signal, delayMsPer1000Rows } = context;
  const from = options.from ?? 0;
  const to = options.to ?? 99;
  const label = options.label ?? "scanned";
  let bytesRead = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  pipeline(context.store.openBlob(version.storageKey), meter, () => {});
  const records = readRecords(meter, {
    format: version.format,
    onMalformed: params.onMalformed,
    onSkip: (error) => {
      if (!options.skipped) return;
      options.skipped.count++;
      const line = typeof error.details?.line === "number" ? error.details.line : null;
      if (line !== null && options.skipped.lines.length < MAX_LISTED_LINES) options.skipped.lines.push(line);
    },
  });
  let count = 0;
  let lastReport = 0;
  try {
    for await (const record of records) {
      yield record;
      count++;
      if (count % 1000 === 0) {
        signal?.throwIfAborted();
        if (delayMsPer1000Rows > 0) await sleep(delayMsPer1000Rows);
        if (Date.now() - lastReport >= 500) {
          lastReport = Date.now();
          const fraction = bytesRead / Math.max(version.sizeBytes, 1);
          await context.progress(from + Math.min(1, fraction) * (to - from), `${label} ${count} records`);
        }
      }
    }
  } finally {
    meter.destroy();
  }
}

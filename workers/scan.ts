// Consumer of the `scan` queue: runs one stored scan (PII, duplicates, overlap, re-identification, license).
import { getDb, type Db } from "../lib/db/index.ts";
import { cancellable, createWorker, enqueueRegrade, listenForCancellations, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";
import { runScan } from "../lib/scan/index.ts";

/** CANARY_SCAN_DELAY_MS_PER_1000_ROWS slows scans down so tests can catch a job in flight. */
function delayPer1000Rows(): number {
  const value = Number(process.env.CANARY_SCAN_DELAY_MS_PER_1000_ROWS ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function startScanWorker(options: CreateWorkerOptions = {}): AnyWorker {
  const db: Db = options.db ?? getDb();
  const worker = createWorker(
    "scan",
    cancellable(async ({ payload, reportProgress, signal, finalAttempt }) => {
      try {
        const result = await runScan(db, payload.scanId, {
          onProgress: (percent, message) => reportProgress(percent, message),
          delayMsPer1000Rows: delayPer1000Rows(),
          signal,
        });
        await enqueueRegrade(db, { scanId: payload.scanId }, "dataset scan completed");
        return result;
      } catch (error) {
        // A scan must not stay "active" after its last attempt, whatever went wrong.
        if (finalAttempt) {
          await db.scan.updateMany({
            where: { id: payload.scanId, status: { in: ["queued", "active"] } },
            data: { status: "failed", error: "the scan failed; see its job for details", finishedAt: new Date() },
          });
        }
        throw error;
      }
    }),
    { ...options, db },
  );
  void listenForCancellations(worker, "scan").then((stop) => worker.on("closing", () => void stop()));
  return worker;
}

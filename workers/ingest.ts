// Consumer of the `ingest` queue: reads an uploaded version, profiles it, marks it ready.
import { getDb, type Db } from "../lib/db/index.ts";
import { ingestDatasetVersion } from "../lib/ingest/index.ts";
import { cancellable, createWorker, listenForCancellations, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";
import { startDefaultScans } from "../lib/scan/index.ts";

/** CANARY_INGEST_DELAY_MS_PER_1000_ROWS slows ingest down so tests can catch a job in flight. */
function delayPer1000Rows(): number {
  const value = Number(process.env.CANARY_INGEST_DELAY_MS_PER_1000_ROWS ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function startIngestWorker(options: CreateWorkerOptions = {}): AnyWorker {
  const db: Db = options.db ?? getDb();
  const worker = createWorker(
    "ingest",
    cancellable(async ({ payload, reportProgress, signal, finalAttempt }) => {
      try {
        const result = await ingestDatasetVersion(db, payload.datasetVersionId, {
          onProgress: (percent, message) => reportProgress(percent, message),
          delayMsPer1000Rows: delayPer1000Rows(),
          signal,
        });
        // Every new version is scanned; a retried job starts only the scans not yet started.
        const scans = await startDefaultScans(db, payload.datasetVersionId);
        return { rowCount: result.rowCount, scansStarted: scans.length };
      } catch (error) {
        // A version must not stay "ingesting" after its last attempt, whatever went wrong.
        if (finalAttempt) {
          await db.datasetVersion.updateMany({
            where: { id: payload.datasetVersionId, status: { in: ["pending", "ingesting"] } },
            data: { status: "failed", error: "ingest failed; see the job for details" },
          });
        }
        throw error;
      }
    }),
    { ...options, db },
  );
  void listenForCancellations(worker, "ingest").then((stop) => worker.on("closing", () => void stop()));
  return worker;
}

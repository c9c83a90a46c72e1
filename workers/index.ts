// Starts every queue consumer in one process: `npm run worker` (tsx workers/index.ts).
// SIGTERM/SIGINT close the workers, which lets active jobs finish, then exit 0.
import { keepAuditLogAnchored } from "../lib/audit-log/index.ts";
import { getDb } from "../lib/db/index.ts";
import { closeQueueObject, closeQueues, jsonLog, stalledSettings, type AnyWorker } from "../lib/queue/index.ts";
import { startAuditWorker } from "./audit.ts";
import { startIngestWorker } from "./ingest.ts";
import { startRegradeWorker } from "./regrade.ts";
import { startScanWorker } from "./scan.ts";
import { startScheduleWorker } from "./schedule.ts";
import { startTrainWorker } from "./train.ts";

const CONSUMERS: Record<string, () => AnyWorker> = {
  ingest: () => startIngestWorker(),
  audit: () => startAuditWorker(),
  scan: () => startScanWorker(),
  schedule: () => startScheduleWorker(),
  train: () => startTrainWorker(),
  regrade: () => startRegradeWorker(),
};

async function main(): Promise<void> {
  // CANARY_WORKERS=ingest,… starts a subset; all by default.
  const wanted = process.env.CANARY_WORKERS?.split(",").map((name) => name.trim()).filter(Boolean) ?? Object.keys(CONSUMERS);
  const unknown = wanted.filter((name) => !(name in CONSUMERS));
  if (unknown.length > 0) throw new Error(`CANARY_WORKERS names unknown queues: ${unknown.join(", ")}`);

  const workers = wanted.map((name) => CONSUMERS[name]!());
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  // The audit log's signed head, outside the database (lib/audit-log/anchor.ts): re-signed after each append.
  const stopAnchoring = await keepAuditLogAnchored(getDb(), {
    onError: (error) => jsonLog("error", "audit log anchor not written", { error: error instanceof Error ? error.message : String(error) }),
  });
  jsonLog("info", "workers ready", { queues: wanted, pid: process.pid, ...stalledSettings() });

  let stopping = false;
  const stop = async (signal: string) => {
    // A repeated SIGTERM (a supervisor and a process group both signalling) changes nothing;
    // a second Ctrl-C means "now".
    if (stopping) {
      if (signal !== "SIGINT") return;
      jsonLog("warn", "second SIGINT: exiting without waiting for active jobs", { signal });
      process.exit(1);
    }
    stopping = true;
    jsonLog("info", "stopping: waiting for active jobs", { signal });
    await Promise.all(workers.map((worker) => closeQueueObject(worker)));
    await stopAnchoring();
    await closeQueues();
    await getDb().$disconnect();
    jsonLog("info", "workers stopped", { signal });
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  jsonLog("error", "workers failed to start", { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

// Consumer of the `regrade` queue: regrades the model versions new evidence bears on (lib/scorecard
// refreshScorecards). A failure is retried with the queue's backoff (DEFAULT_JOB_OPTIONS); the
// evidence that asked for it is already stored either way.
import { getDb, type Db } from "../lib/db/index.ts";
import { createWorker, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";
import { refreshScorecards } from "../lib/scorecard/index.ts";

export function startRegradeWorker(options: CreateWorkerOptions = {}): AnyWorker {
  const db: Db = options.db ?? getDb();
  return createWorker("regrade", async ({ payload }) => ({ snapshots: await refreshScorecards(db, payload.source, payload.reason) }), { ...options, db });
}

// Regrading is an event: whatever changed a model version's evidence queues a `regrade` job after
// its own transaction committed, and workers/regrade.ts regrades (with the queue's retries). The
// change stands whatever happens to the regrade, so this never throws: a regrade that could not
// even be queued is logged, and the next one (or POST /api/v1/scorecards/recompute) catches up.
import type { Db } from "../db/index.ts";
import { jsonLog } from "./create-worker.ts";
import { enqueue } from "./enqueue.ts";
import { jobErrorMessage } from "./job-status.ts";
import type { JobView } from "./job-view.ts";
import type { EvidenceSource } from "./payloads.ts";

// Its own subject type: pages find a run's, an audit's or a version's latest job by subject, and
// that must stay the train, audit or ingest job, not the regrade it queued. The id is the source's.
function subjectOf(source: EvidenceSource): { subjectType: string; subjectId: string } {
  return { subjectType: "scorecard_evidence", subjectId: Object.values(source)[0] as string };
}

/**
 * Queues a regrade of the model versions `source` bears on. Call it after the transaction that
 * stored the evidence has committed. The job is Canary's own (no createdById). No deduplication
 * by job id: recomputing is idempotent (a snapshot is written only when the evidence changed),
 * while a job id BullMQ already holds would drop a regrade asked for after a running one had read
 * the evidence, and BullMQ's own deduplication would leave the Job row of a dropped job queued.
 *
 * @returns the Job row, or null when the job could not be queued (logged)
 */
export async function enqueueRegrade(db: Db, source: EvidenceSource, reason: string): Promise<JobView | null> {
  try {
    return await enqueue(db, "regrade", { source, reason }, subjectOf(source));
  } catch (error) {
    jsonLog("warn", "could not queue a regrade", { reason, ...subjectOf(source), error: jobErrorMessage(error) });
    return null;
  }
}

// After a job's evidence has committed, regrade the model versions it bears on. A failure here is
// logged, never fails the job: the evidence is stored, and the next refresh (or a policy save) regrades.
import type { Db } from "../lib/db/index.ts";
import { jobErrorMessage, jsonLog } from "../lib/queue/index.ts";
import { refreshScorecards, type EvidenceSource } from "../lib/scorecard/index.ts";

export async function refreshScorecardsAfterJob(db: Db, source: EvidenceSource, reason: string): Promise<void> {
  try {
    await refreshScorecards(db, source, reason);
  } catch (error) {
    jsonLog("warn", "could not regrade scorecards", { reason, error: jobErrorMessage(error) });
  }
}

// Consumer of the `schedule` queue: one run of a stored schedule (fired by its BullMQ job scheduler
// or by "run now"). After the last retry of a failing run, the failure itself raises an alert.
import { startAudit } from "../lib/audit/index.ts";
import { getDb, type Db } from "../lib/db/index.ts";
import { isAppError } from "../lib/errors/index.ts";
import { createWorker, jobErrorMessage, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";
import { startScan } from "../lib/scan/index.ts";
import { reportScheduleFailure, runSchedule, type ScheduleRunners } from "../lib/schedules/index.ts";

/** The re-collection each schedule kind starts: an audit of the deployed version, or PII scans of its datasets. */
export const DEFAULT_RUNNERS: ScheduleRunners = {
  startAudit: async (db, principal, input) => ({ id: (await startAudit(db, principal, input)).id }),
  startRescan: async (db, principal, { datasetVersionId }) => [(await startScan(db, principal, datasetVersionId, { kind: "pii" })).scan],
};

export interface ScheduleWorkerOptions extends CreateWorkerOptions {
  runners?: ScheduleRunners;
}

export function startScheduleWorker(options: ScheduleWorkerOptions = {}): AnyWorker {
  const { runners = DEFAULT_RUNNERS, ...workerOptions } = options;
  const db: Db = workerOptions.db ?? getDb();
  return createWorker(
    "schedule",
    async ({ payload, reportProgress, signal, finalAttempt }) => {
      try {
        return await runSchedule(db, payload.scheduleId, { manual: payload.manual, runners, signal, onProgress: reportProgress });
      } catch (error) {
        // An AppError is final at once (createWorker does not retry refused input).
        if (finalAttempt || (isAppError(error) && error.code !== "internal")) await reportScheduleFailure(db, payload.scheduleId, jobErrorMessage(error));
        throw error;
      }
    },
    { ...workerOptions, db },
  );
}

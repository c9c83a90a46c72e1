// Consumer of the `audit` queue: runs one stored leakage audit (membership inference, LiRA, one-run
// ε, attribute inference, inversion, extraction, canary exposure, scores-only).
import { cancelAuditSubject } from "../lib/audit/index.ts";
import { auditTargetFromArtifact, markAuditFailed, runAudit, type LoadAuditTarget } from "../lib/audit/worker.ts";
import { getDb, type Db } from "../lib/db/index.ts";
import { selectBackend } from "../lib/dp/worker.ts";
import { loadModelVersionArtifact } from "../lib/models/index.ts";
import { cancellable, createWorker, enqueueRegrade, listenForCancellations, type AnyWorker, type CreateWorkerOptions } from "../lib/queue/index.ts";

/** The registry's stored artifact (lib/models) as an audit target. */
export const loadStoredTarget: LoadAuditTarget = async (db, modelVersionId) => auditTargetFromArtifact(await loadModelVersionArtifact(db, modelVersionId));

export interface AuditWorkerOptions extends CreateWorkerOptions {
  /** @defaultValue loadStoredTarget */
  loadTarget?: LoadAuditTarget;
}

let backend: Promise<unknown> | undefined;

export function startAuditWorker(options: AuditWorkerOptions = {}): AnyWorker {
  const { loadTarget = loadStoredTarget, ...workerOptions } = options;
  const db: Db = workerOptions.db ?? getDb();
  const worker = createWorker(
    "audit",
    cancellable(async ({ payload, reportProgress, signal, finalAttempt, job: { id: jobId } }) => {
      backend ??= selectBackend();
      await backend;
      try {
        const result = await runAudit(db, payload.auditId, { loadTarget, signal, onProgress: (percent, message) => reportProgress(percent, message) });
        await enqueueRegrade(db, { auditId: payload.auditId }, "audit completed");
        return result;
      } catch (error) {
        // Cancelled through any route (this area's or the generic job cancel): the audit follows its job.
        const job = await db.job.findUnique({ where: { id: jobId ?? "" }, select: { status: true } });
        if (job?.status === "cancelled") await db.$transaction((tx) => cancelAuditSubject(tx, payload.auditId));
        // An audit must not stay "active" after its last attempt, whatever went wrong.
        else if (finalAttempt) await markAuditFailed(db, payload.auditId, error as Error);
        throw error;
      }
    }),
    { ...workerOptions, db },
  );
  void listenForCancellations(worker, "audit").then((stop) => worker.on("closing", () => void stop()));
  return worker;
}

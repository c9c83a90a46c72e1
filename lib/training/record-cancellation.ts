import { appendAuditLog } from "../audit-log/index.ts";
import type { Db } from "../db/index.ts";
import type { TrainingProgress } from "../models/index.ts";
import { json } from "./json-value.ts";
import type { TrainingRunRow } from "./load-training-run.ts";

/**
 * A run stopped by its signal: cancelled (with its audit-log row) when its job was cancelled; its
 * ledger keeps the ε of its last checkpoint.
 * @returns the ε the run has spent
 * @throws Error when the job was not cancelled (the worker is stopping): the run resumes from its last checkpoint.
 */
export async function recordCancellation(db: Db, run: TrainingRunRow, progress: TrainingProgress, steps: number): Promise<number> {
  const cancelled = (await db.job.count({ where: { subjectType: "training_run", subjectId: run.id, status: "cancelled" } })) > 0;
  if (!cancelled) throw new Error("the worker is stopping; the run resumes from its last checkpoint");
  await db.$transaction(async (tx) => {
    await tx.trainingRun.update({ where: { id: run.id }, data: { status: "cancelled", finishedAt: new Date(), progress: json({ ...progress, stoppedEarly: "cancelled" }) } });
    await appendAuditLog(tx, { actor: { id: null, label: "system:train" }, action: "training_run.cancelled", targetType: "training_run", targetId: run.id, details: { step: steps, epsilon: run.epsilonSpent } });
  });
  const { epsilonSpent } = await db.trainingRun.findUniqueOrThrow({ where: { id: run.id }, select: { epsilonSpent: true } });
  return epsilonSpent;
}

import type { Db, Tx } from "../db/index.ts";

/** Marks a run failed with an error message (the worker, on a final failure). */
export async function failTrainingRun(db: Db, trainingRunId: string, message: string): Promise<void> {
  await db.trainingRun.updateMany({ where: { id: trainingRunId, status: { in: ["queued", "active"] } }, data: { status: "failed", error: message, finishedAt: new Date() } });
}

/** The `training_run` subject of a cancelled train job (POST /api/v1/jobs/{id}/cancel). */
export async function cancelTrainingRunSubject(tx: Tx, trainingRunId: string): Promise<void> {
  await tx.trainingRun.updateMany({ where: { id: trainingRunId, status: { in: ["queued", "active"] } }, data: { status: "cancelled", finishedAt: new Date() } });
}

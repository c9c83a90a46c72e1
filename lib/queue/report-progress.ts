import type { Db } from "../db/index.ts";

/** The part of a BullMQ job progress needs; a test can pass its own. */
export interface ProgressTarget {
  id?: string;
  updateProgress(progress: number): Promise<void>;
}

/** Sets a job's progress (0–100) in BullMQ and on its Job row, where pages poll it. */
export async function reportProgress(db: Db, job: ProgressTarget, percent: number, message = ""): Promise<void> {
  const progress = Math.max(0, Math.min(100, Math.round(percent)));
  await job.updateProgress(progress);
  if (job.id) await db.job.updateMany({ where: { id: job.id }, data: { progress, progressMessage: message.slice(0, 500) } });
}

import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { JOB_VIEW_SELECT, type JobView } from "./job-view.ts";

export async function getJob(db: Db, id: string): Promise<JobView> {
  const job = await db.job.findUnique({ where: { id }, select: JOB_VIEW_SELECT });
  if (!job) throw new AppError("not_found", "no such job", { id });
  return job;
}

import type { Db, Prisma } from "../db/index.ts";
import { JOB_VIEW_SELECT, type JobView } from "./job-view.ts";
import { listJobsQuerySchema, type ListJobsQuery } from "./schemas.ts";

export interface JobPage {
  items: JobView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Newest first, filtered by status, queue or subject. */
export async function listJobs(db: Db, query: ListJobsQuery = {}): Promise<JobPage> {
  const { page, pageSize, status, queue, subjectType, subjectId } = listJobsQuerySchema.parse(query);
  const where: Prisma.JobWhereInput = { status, queue, subjectType, subjectId };
  const [items, total] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: JOB_VIEW_SELECT,
    }),
    db.job.count({ where }),
  ]);
  return { items, total, page, pageSize };
}

import type { Prisma } from "../db/index.ts";

/** The fields of a Job row that callers see; the payload stays internal. */
export const JOB_VIEW_SELECT = {
  id: true,
  queue: true,
  name: true,
  status: true,
  progress: true,
  progressMessage: true,
  subjectType: true,
  subjectId: true,
  error: true,
  attempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.JobSelect;

export type JobView = Prisma.JobGetPayload<{ select: typeof JOB_VIEW_SELECT }>;

import { z } from "zod";
import { RunStatus } from "../db/index.ts";
import { QUEUE_NAMES } from "./payloads.ts";

const queueNames = Object.values(QUEUE_NAMES) as [string, ...string[]];

export const listJobsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  status: z.enum(RunStatus).optional(),
  queue: z.enum(queueNames).optional(),
  /** E.g. `dataset_version` and its id: the jobs about one thing. */
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
});
export type ListJobsQuery = z.input<typeof listJobsQuerySchema>;

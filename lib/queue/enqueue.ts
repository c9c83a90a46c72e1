import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "../db/index.ts";
import { getQueue } from "./get-queue.ts";
import { JOB_VIEW_SELECT, type JobView } from "./job-view.ts";
import { PAYLOAD_SCHEMAS, type QueueName } from "./payloads.ts";

export type PayloadOf<Q extends QueueName> = z.input<(typeof PAYLOAD_SCHEMAS)[Q]>;

export interface EnqueueOptions {
  /** What the job is about, e.g. `dataset_version` and its id. */
  subjectType: string;
  subjectId: string;
  createdById?: string | null;
  /** Re-enqueue an existing Job row: BullMQ ignores an id it already holds, so this never runs a job twice. */
  jobId?: string;
}

/** Attempts and backoff for every queue: three tries, 2 s then 4 s apart. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2000 },
  // The Job row is the lasting record; BullMQ's own copies can go.
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/**
 * Records a Job row, then adds the BullMQ job under the same id. Call it after the transaction
 * that made the job's subject has committed, so a worker never looks for a row that is not there.
 */
export async function enqueue<Q extends QueueName>(db: Db, queueName: Q, payload: PayloadOf<Q>, options: EnqueueOptions): Promise<JobView> {
  const data = PAYLOAD_SCHEMAS[queueName].parse(payload) as object;
  const id = options.jobId ?? randomUUID();
  const job = await db.job.upsert({
    where: { id },
    create: {
      id,
      queue: queueName,
      name: queueName,
      payload: data,
      subjectType: options.subjectType,
      subjectId: options.subjectId,
      createdById: options.createdById ?? null,
    },
    update: {},
    select: JOB_VIEW_SELECT,
  });
  try {
    await getQueue(queueName).add(queueName, data, { ...DEFAULT_JOB_OPTIONS, jobId: id });
  } catch (error) {
    await db.job.update({
      where: { id },
      data: { status: "failed", error: "the job could not be queued; enqueue it again", finishedAt: new Date() },
    });
    throw error;
  }
  return job;
}

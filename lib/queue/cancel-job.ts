// Cancelling a queue job, for any queue: the Job row (and the job's subject) are marked cancelled
// in one transaction with an audit entry; a waiting BullMQ job is removed; an active one is told to
// stop over Redis pub/sub, which every worker listens to (listenForCancellations) and answers by
// aborting the job's signal (BullMQ's worker.cancelJob).
import { UnrecoverableError } from "bullmq";
import { appendAuditLog, type AuditActor } from "../audit-log/index.ts";
import { actsAs, principalCan, type Principal } from "../auth/index.ts";
import type { Db, Tx } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { AnyWorker } from "./connection.ts";
import { queuePrefix } from "./connection.ts";
import type { JobHandler } from "./create-worker.ts";
import { getQueue } from "./get-queue.ts";
import { JOB_VIEW_SELECT, type JobView } from "./job-view.ts";
import { QUEUE_NAMES, type QueueName } from "./payloads.ts";

/** Marks a job's subject cancelled (e.g. a Scan row), inside the cancelling transaction. */
export type CancelSubject = (tx: Tx, subjectId: string) => Promise<void>;

/**
 * Who cancels: a person or token (`principal`), who may cancel only jobs they started unless they
 * hold `jobs.cancel_any`; or Canary itself (`actor`), unchecked.
 */
export type CancelJobOptions = ({ principal: Principal } | { actor: AuditActor }) & {
  /** By the Job row's subjectType; subjects without one are left as they are. */
  subjects?: Partial<Record<string, CancelSubject>>;
};

const cancelChannel = (queue: string) => `${queuePrefix()}:${queue}:cancel`;

/**
 * Cancels a queued or active job. @throws AppError not_found for an unknown job, forbidden for
 * someone else's job (without `jobs.cancel_any`), conflict for one already finished (completed,
 * failed or cancelled).
 */
export async function cancelJob(db: Db, jobId: string, options: CancelJobOptions): Promise<JobView> {
  const actor = "principal" in options ? { id: options.principal.userId, label: options.principal.label } : options.actor;
  const job = await db.$transaction(async (tx) => {
    const row = await tx.job.findUnique({ where: { id: jobId }, select: { queue: true, status: true, subjectType: true, subjectId: true, createdById: true } });
    if (!row) throw new AppError("not_found", "no such job", { id: jobId });
    if ("principal" in options) {
      const { principal } = options;
      const own = row.createdById !== null && actsAs(principal, row.createdById);
      if (!own && !principalCan(principal, "jobs.cancel_any")) throw new AppError("forbidden", "you may cancel only jobs you started; an admin may cancel anyone's", { id: jobId });
    }
    const { count } = await tx.job.updateMany({
      where: { id: jobId, status: { in: ["queued", "active"] } },
      data: { status: "cancelled", finishedAt: new Date(), progressMessage: "cancelled" },
    });
    if (count === 0) throw new AppError("conflict", `the job is already ${row.status}; only queued or active jobs can be cancelled`, { id: jobId, status: row.status });
    await options.subjects?.[row.subjectType]?.(tx, row.subjectId);
    await appendAuditLog(tx, {
      actor,
      action: "job.cancel",
      targetType: "job",
      targetId: jobId,
      details: { queue: row.queue, was: row.status, subjectType: row.subjectType, subjectId: row.subjectId },
    });
    return tx.job.findUniqueOrThrow({ where: { id: jobId }, select: JOB_VIEW_SELECT });
  });
  if (isQueueName(job.queue)) await stopBullJob(job.queue, jobId);
  return job;
}

function isQueueName(name: string): name is QueueName {
  return (Object.values(QUEUE_NAMES) as string[]).includes(name);
}

/** Removes the BullMQ job if it waits; otherwise asks whichever worker holds it to abort it. */
async function stopBullJob(queueName: QueueName, jobId: string): Promise<void> {
  const queue = getQueue(queueName);
  const bullJob = await queue.getJob(jobId);
  if (!bullJob) return;
  const state = await bullJob.getState();
  if (state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children") {
    // A worker may take it between getState and remove: the remove then fails on the lock, and the
    // worker finds its Job row cancelled (cancellable()).
    await bullJob.remove().catch(() => {});
    return;
  }
  if (state === "active") {
    const client = await queue.getBackend().client;
    await client.publish(cancelChannel(queueName), jobId);
  }
}

/**
 * Subscribes a worker to its queue's cancel channel: a cancelled job it holds has its signal aborted.
 * Returns a function that unsubscribes (call it before closing the worker).
 */
export async function listenForCancellations(worker: AnyWorker, queueName: QueueName): Promise<() => Promise<void>> {
  const subscriber = (await worker.getBackend().client).duplicate();
  const channel = cancelChannel(queueName);
  await subscriber.subscribe(channel);
  subscriber.on("message", (from: string, jobId: string) => {
    if (from === channel) worker.cancelJob(jobId, "cancelled");
  });
  return async () => {
    await subscriber.quit().catch(() => {});
  };
}

/**
 * Wraps a job handler so a cancelled job never runs (a worker took it as it was being cancelled) and
 * a job that stopped because it was cancelled is not retried: both end as UnrecoverableError, and the
 * Job row keeps its `cancelled` status (job-status.ts never overwrites it).
 */
export function cancellable<P>(handler: JobHandler<P>): JobHandler<P> {
  return async (context) => {
    const cancelled = async () => (await context.db.job.findUnique({ where: { id: context.job.id ?? "" }, select: { status: true } }))?.status === "cancelled";
    if (await cancelled()) throw new UnrecoverableError("the job was cancelled");
    try {
      return await handler(context);
    } catch (error) {
      if (await cancelled()) throw new UnrecoverableError("the job was cancelled");
      throw error;
    }
  };
}

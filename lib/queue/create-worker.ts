import { UnrecoverableError, type Job } from "bullmq";
import type { z } from "zod";
import type { Db } from "../db/index.ts";
import { getDb } from "../db/index.ts";
import { isAppError } from "../errors/index.ts";
import { createBullWorker, type AnyWorker, type QueueWorkerOptions } from "./connection.ts";
import { jobErrorMessage, markJobActive, markJobCompleted, markJobFailed } from "./job-status.ts";
import { PAYLOAD_SCHEMAS, type QueueName } from "./payloads.ts";
import { reportProgress } from "./report-progress.ts";

export type ParsedPayloadOf<Q extends QueueName> = z.output<(typeof PAYLOAD_SCHEMAS)[Q]>;

export interface JobContext<P> {
  payload: P;
  job: Job;
  db: Db;
  /** Updates BullMQ and the Job row; throttle calls (each is a write). */
  reportProgress(percent: number, message?: string): Promise<void>;
  /** Aborted when the worker is closing with this job still active. */
  signal?: AbortSignal;
  /** True when a failure now would be final (no attempts left). */
  finalAttempt: boolean;
}

export type JobHandler<P> = (context: JobContext<P>) => Promise<unknown>;

/** A log line: never PII, tokens or passwords, only ids, counts and our own error messages. */
export type WorkerLog = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export interface CreateWorkerOptions extends Partial<QueueWorkerOptions> {
  /** @defaultValue getDb() */
  db?: Db;
  log?: WorkerLog;
}

export const jsonLog: WorkerLog = (level, message, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
};

/**
 * Stalled-job settings. A worker that dies (kill -9, OOM) leaves its job locked until the lock
 * expires; the stalled check then returns it to the queue, at most `maxStalledCount` times.
 * CANARY_STALLED_INTERVAL_MS sets both the lock and the check interval (tests shorten them).
 * @defaultValue 30000 ms lock and interval, 2 stalls allowed
 */
export function stalledSettings(): Pick<QueueWorkerOptions, "lockDuration" | "stalledInterval" | "maxStalledCount"> {
  const raw = process.env.CANARY_STALLED_INTERVAL_MS;
  const interval = raw ? Number(raw) : 30_000;
  if (!Number.isSafeInteger(interval) || interval < 100) throw new Error(`CANARY_STALLED_INTERVAL_MS must be an integer ≥ 100, got ${JSON.stringify(raw)}`);
  return { lockDuration: interval, stalledInterval: interval, maxStalledCount: 2 };
}

/**
 * A BullMQ worker for one queue that parses each payload with the queue's schema (a payload that
 * does not parse can never succeed: UnrecoverableError), keeps the Job row in step with BullMQ,
 * and fails at once, without retries, on an AppError: refused input stays refused.
 */
export function createWorker<Q extends QueueName>(queueName: Q, handler: JobHandler<ParsedPayloadOf<Q>>, options: CreateWorkerOptions = {}): AnyWorker {
  const { db: givenDb, log = jsonLog, ...workerOptions } = options;
  const db = givenDb ?? getDb();
  const schema = PAYLOAD_SCHEMAS[queueName];

  const processor = async (job: Job, _token?: string, signal?: AbortSignal) => {
    const jobId = job.id ?? "";
    const attempt = job.attemptsStarted ?? job.attemptsMade + 1;
    const parsed = schema.safeParse(job.data);
    if (!parsed.success) {
      const error = new UnrecoverableError(`payload does not match the ${queueName} schema`);
      await markJobFailed(db, jobId, { error, attempts: attempt, final: true });
      log("error", "job payload refused", { queue: queueName, jobId });
      throw error;
    }
    await markJobActive(db, jobId, attempt);
    log("info", "job started", { queue: queueName, jobId, attempt });
    try {
      const result = await handler({
        payload: parsed.data as ParsedPayloadOf<Q>,
        job,
        db,
        signal,
        finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        reportProgress: (percent, message) => reportProgress(db, job, percent, message),
      });
      await markJobCompleted(db, jobId, result);
      log("info", "job completed", { queue: queueName, jobId });
      return result;
    } catch (error) {
      const unrecoverable = error instanceof UnrecoverableError || (isAppError(error) && error.code !== "internal");
      const final = unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await markJobFailed(db, jobId, { error, attempts: attempt, final });
      log(final ? "error" : "warn", final ? "job failed" : "job failed, will retry", { queue: queueName, jobId, error: jobErrorMessage(error) });
      if (unrecoverable && !(error instanceof UnrecoverableError)) throw new UnrecoverableError(jobErrorMessage(error));
      throw error;
    }
  };

  const worker = createBullWorker(queueName, processor, { concurrency: 1, ...stalledSettings(), ...workerOptions });
  // Failures the processor never saw: a job that stalled more often than maxStalledCount.
  worker.on("failed", (job: Job | undefined, error: Error) => {
    if (!job?.id || !job.finishedOn) return;
    markJobFailed(db, job.id, { error, attempts: job.attemptsStarted ?? job.attemptsMade, final: true, onlyIfUnfinished: true }).catch((e) =>
      log("error", "could not record a job failure", { queue: queueName, jobId: job.id, error: jobErrorMessage(e) }),
    );
  });
  worker.on("stalled", (jobId: string) => log("warn", "job stalled; returned to the queue", { queue: queueName, jobId }));
  worker.on("error", (error: Error) => log("error", "worker error", { queue: queueName, error: jobErrorMessage(error) }));
  return worker;
}

import type { Db } from "../db/index.ts";
import { isAppError } from "../errors/index.ts";

const UNFINISHED = { notIn: ["completed", "failed", "cancelled"] as ("completed" | "failed" | "cancelled")[] };
// A cancelled job stays cancelled whatever its worker reports afterwards (see cancel-job.ts).
const NOT_CANCELLED = { not: "cancelled" as const };

/** An attempt began (again, after a retry or a stalled worker). */
export async function markJobActive(db: Db, jobId: string, attempts: number): Promise<void> {
  await db.job.updateMany({
    where: { id: jobId, status: NOT_CANCELLED },
    data: { status: "active", attempts, startedAt: new Date(), finishedAt: null },
  });
}

export async function markJobCompleted(db: Db, jobId: string, result?: unknown): Promise<void> {
  await db.job.updateMany({
    where: { id: jobId, status: NOT_CANCELLED },
    data: {
      status: "completed",
      progress: 100,
      error: null,
      finishedAt: new Date(),
      ...(result === undefined ? {} : { result: result as object }),
    },
  });
}

export interface MarkJobFailedOptions {
  error: unknown;
  attempts: number;
  /** False when BullMQ will retry: the row goes back to `queued`, keeping the error. */
  final: boolean;
  /** Only touch a row not already finished (for failures noticed late, e.g. a job stalled too often). */
  onlyIfUnfinished?: boolean;
}

export async function markJobFailed(db: Db, jobId: string, options: MarkJobFailedOptions): Promise<void> {
  await db.job.updateMany({
    where: { id: jobId, status: options.onlyIfUnfinished ? UNFINISHED : NOT_CANCELLED },
    data: {
      status: options.final ? "failed" : "queued",
      error: jobErrorMessage(options.error),
      attempts: options.attempts,
      finishedAt: options.final ? new Date() : null,
    },
  });
}

/** AppError messages are written for callers; anything else is cut short (it may quote data). */
export function jobErrorMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return "unknown error";
}

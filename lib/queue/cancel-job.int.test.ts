import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/index.ts";
import { cancelJob } from "./cancel-job.ts";
import { enqueue } from "./enqueue.ts";
import { closeQueues, getQueue } from "./get-queue.ts";
import { markJobCompleted, markJobFailed } from "./job-status.ts";

// No worker listens on this namespace: enqueued jobs stay waiting.
process.env.CANARY_QUEUE_PREFIX = "t_cancel_job";
const db = createDb();
const actor = { id: null, label: "test" };

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("cancelJob", () => {
  it("cancels a waiting job: the row and its subject are cancelled, the BullMQ job removed, audit-logged", async () => {
    const subjectId = randomUUID();
    const job = await enqueue(db, "scan", { scanId: subjectId }, { subjectType: "scan", subjectId });
    const cancelledSubjects: string[] = [];
    const cancelled = await cancelJob(db, job.id, { actor, subjects: { scan: async (_tx, id) => void cancelledSubjects.push(id) } });
    expect(cancelled).toMatchObject({ id: job.id, status: "cancelled" });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    expect(cancelledSubjects).toEqual([subjectId]);
    expect(await getQueue("scan").getJob(job.id)).toBeUndefined();
    expect(await db.auditLogEntry.count({ where: { action: "job.cancel", targetId: job.id } })).toBe(1);
  });

  it("keeps a cancelled row cancelled whatever the worker reports afterwards", async () => {
    const job = await enqueue(db, "scan", { scanId: randomUUID() }, { subjectType: "scan", subjectId: randomUUID() });
    await cancelJob(db, job.id, { actor });
    await markJobCompleted(db, job.id, { done: true });
    await markJobFailed(db, job.id, { error: new Error("aborted"), attempts: 1, final: false });
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("cancelled");
  });

  it("refuses a finished or unknown job", async () => {
    const job = await enqueue(db, "scan", { scanId: randomUUID() }, { subjectType: "scan", subjectId: randomUUID() });
    await markJobCompleted(db, job.id);
    await expect(cancelJob(db, job.id, { actor })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already completed") });
    await expect(cancelJob(db, "no-such-job", { actor })).rejects.toMatchObject({ code: "not_found" });
  });
});

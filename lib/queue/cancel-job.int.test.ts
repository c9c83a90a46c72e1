import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
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

  it("lets a person cancel only the jobs they started (or their service token started); an admin, anyone's", async () => {
    const person = (userId: string, roles: Principal["roles"], extra: Partial<Principal> = {}): Principal => ({ userId, email: "x@canary.test", label: "x", roles, via: "session", ...extra });
    const [starter, stranger, admin, service] = await Promise.all(
      (["ml_engineer", "ml_engineer", "admin", "service"] as const).map(async (role) => (await db.user.create({ data: { email: `cancel-${randomUUID()}@canary.test`, name: role } })).id),
    );
    const started = () => enqueue(db, "scan", { scanId: randomUUID() }, { subjectType: "scan", subjectId: randomUUID(), createdById: starter });

    const theirs = await started();
    await expect(cancelJob(db, theirs.id, { principal: person(stranger!, ["ml_engineer"]) })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.job.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("queued");
    await expect(cancelJob(db, theirs.id, { principal: person(starter!, ["ml_engineer"]) })).resolves.toMatchObject({ status: "cancelled" });
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { action: "job.cancel", targetId: theirs.id } });
    expect(entry.actorId).toBe(starter);

    await expect(cancelJob(db, (await started()).id, { principal: person(service!, ["service"], { via: "token", tokenCreatedById: starter }) })).resolves.toMatchObject({ status: "cancelled" });
    await expect(cancelJob(db, (await started()).id, { principal: person(admin!, ["admin"]) })).resolves.toMatchObject({ status: "cancelled" });
    // A job nobody started (scheduled) is an admin's to cancel.
    const scheduled = await enqueue(db, "scan", { scanId: randomUUID() }, { subjectType: "scan", subjectId: randomUUID() });
    await expect(cancelJob(db, scheduled.id, { principal: person(starter!, ["ml_engineer"]) })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a finished or unknown job", async () => {
    const job = await enqueue(db, "scan", { scanId: randomUUID() }, { subjectType: "scan", subjectId: randomUUID() });
    await markJobCompleted(db, job.id);
    await expect(cancelJob(db, job.id, { actor })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already completed") });
    await expect(cancelJob(db, "no-such-job", { actor })).rejects.toMatchObject({ code: "not_found" });
  });
});

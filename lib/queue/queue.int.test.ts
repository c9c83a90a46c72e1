import { randomUUID } from "node:crypto";
import type { Job } from "bullmq";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { closeQueueObject, type AnyWorker } from "./connection.ts";
import { createWorker, type JobHandler } from "./create-worker.ts";
import { enqueue } from "./enqueue.ts";
import { closeQueues, getQueue } from "./get-queue.ts";
import { getJob } from "./get-job.ts";
import { listJobs } from "./list-jobs.ts";
import type { IngestPayload } from "./payloads.ts";

// A queue namespace of this file's own, so only the workers started here take these jobs.
process.env.CANARY_QUEUE_PREFIX = "t_queue";
const db = createDb();
let worker: AnyWorker | undefined;

afterEach(async () => {
  if (worker) await closeQueueObject(worker);
  worker = undefined;
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

const silent = () => {};

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function start(handler: JobHandler<IngestPayload>) {
  worker = createWorker("ingest", handler, { db, log: silent });
  return worker;
}

const finished = (id: string) => waitFor(() => getJob(db, id), (job) => job.status === "completed" || job.status === "failed");

describe("enqueue and createWorker", () => {
  it("runs a job once, keeping the Job row in step with progress and result", async () => {
    const subjectId = randomUUID();
    const seen: string[] = [];
    start(async ({ payload, reportProgress }) => {
      seen.push(payload.datasetVersionId);
      await reportProgress(40, "reading");
      return { rows: 3 };
    });
    const job = await enqueue(db, "ingest", { datasetVersionId: subjectId }, { subjectType: "test_subject", subjectId });
    expect(job).toMatchObject({ queue: "ingest", name: "ingest", status: "queued", progress: 0, subjectId });
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: "completed", progress: 100, attempts: 1, error: null, progressMessage: "reading" });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).result).toEqual({ rows: 3 });
    expect(seen).toEqual([subjectId]);
  });

  it("does not run a job twice when it is enqueued again under its id", async () => {
    const subjectId = randomUUID();
    let runs = 0;
    const job = await enqueue(db, "ingest", { datasetVersionId: subjectId }, { subjectType: "test_subject", subjectId });
    await enqueue(db, "ingest", { datasetVersionId: subjectId }, { subjectType: "test_subject", subjectId, jobId: job.id });
    start(async () => {
      runs += 1;
    });
    await finished(job.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runs).toBe(1);
    expect(await db.job.count({ where: { subjectId } })).toBe(1);
  });

  it("refuses a payload that does not parse, before and after queueing", async () => {
    await expect(enqueue(db, "ingest", { datasetVersionId: "" }, { subjectType: "x", subjectId: "x" })).rejects.toThrow();
    // A malformed job that reached the queue anyway fails at once, without retries.
    const id = randomUUID();
    await db.job.create({ data: { id, queue: "ingest", name: "ingest", payload: {}, subjectType: "test_subject", subjectId: id } });
    let runs = 0;
    start(async () => {
      runs += 1;
    });
    await getQueue("ingest").add("ingest", { wrong: true }, { jobId: id, attempts: 3 });
    const done = await finished(id);
    expect(done).toMatchObject({ status: "failed", error: "UnrecoverableError: payload does not match the ingest schema", attempts: 1 });
    expect(runs).toBe(0);
  });

  it("fails at once on an AppError, retries other errors", async () => {
    const refused = randomUUID();
    const flaky = randomUUID();
    const attempts = new Map<string, number>();
    start(async ({ payload, job }: { payload: IngestPayload; job: Job }) => {
      const n = (attempts.get(payload.datasetVersionId) ?? 0) + 1;
      attempts.set(payload.datasetVersionId, n);
      if (payload.datasetVersionId === refused) throw new AppError("unprocessable", "line 3: invalid JSON");
      if (n === 1) throw new Error(`transient failure of ${job.id}`);
      return null;
    });
    const refusedJob = await enqueue(db, "ingest", { datasetVersionId: refused }, { subjectType: "test_subject", subjectId: refused });
    const flakyJob = await enqueue(db, "ingest", { datasetVersionId: flaky }, { subjectType: "test_subject", subjectId: flaky });
    expect(await finished(refusedJob.id)).toMatchObject({ status: "failed", error: "line 3: invalid JSON", attempts: 1 });
    expect(await finished(flakyJob.id)).toMatchObject({ status: "completed", attempts: 2, error: null });
    expect(attempts.get(refused)).toBe(1);
    expect(attempts.get(flaky)).toBe(2);
  });
});

describe("listJobs and getJob", () => {
  it("filters by subject and status, newest first, and answers not_found", async () => {
    const subjectId = randomUUID();
    const first = await db.job.create({ data: { id: randomUUID(), queue: "ingest", name: "ingest", payload: {}, subjectType: "list_test", subjectId, createdAt: new Date(Date.now() - 1000) } });
    const second = await db.job.create({ data: { id: randomUUID(), queue: "ingest", name: "ingest", payload: {}, subjectType: "list_test", subjectId, status: "failed" } });
    const page = await listJobs(db, { subjectType: "list_test", subjectId });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(page.items.map((j) => j.id)).toEqual([second.id, first.id]);
    expect(Object.keys(page.items[0]!)).not.toContain("payload");
    expect((await listJobs(db, { subjectType: "list_test", subjectId, status: "failed" })).items.map((j) => j.id)).toEqual([second.id]);
    expect((await listJobs(db, { subjectType: "list_test", subjectId, pageSize: 1, page: 2 })).items.map((j) => j.id)).toEqual([first.id]);
    await expect(getJob(db, randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});

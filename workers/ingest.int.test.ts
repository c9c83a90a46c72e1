// The ingest worker as it runs in production: a separate process, on the real queue. The
// stalled-job test kills a worker mid-job (SIGKILL: no cleanup at all) and checks that a second
// worker finishes the job exactly once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../lib/auth/index.ts";
import { uploadDatasetVersion } from "../lib/datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueCsv } from "../lib/datasets/datasets.test-support.ts";
import { createDb } from "../lib/db/index.ts";
import { closeQueues } from "../lib/queue/index.ts";
import { startWorkerProcess, waitFor, workerProcesses } from "./worker-process.test-support.ts";

// This file's own queue namespace: the workers it starts take only its jobs.
const QUEUE_PREFIX = "t_ingest_worker";
process.env.CANARY_QUEUE_PREFIX = QUEUE_PREFIX;
const db = createDb();
let principal: Principal;

/** A worker process on this file's queue namespace, consuming only `ingest`. */
const startWorker = (env: Record<string, string>) => startWorkerProcess({ CANARY_QUEUE_PREFIX: QUEUE_PREFIX, CANARY_WORKERS: "ingest", ...env });

async function uploadCsv(rows: number) {
  const dataset = await createTestDataset(db, principal, "worker");
  return uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "rows.csv", stream: streamOf(uniqueCsv(rows)) });
}

const jobRow = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
const versionRow = (id: string) => db.datasetVersion.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  principal = await createTestPrincipal(db);
});

afterEach(() => {
  for (const child of workerProcesses) child.kill("SIGKILL");
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

describe("ingest worker process", () => {
  it("finishes a job exactly once after its worker is killed mid-job", async () => {
    // Short locks so a dead worker's job is noticed in about two seconds; slow ingest so it is caught active.
    const env = { CANARY_STALLED_INTERVAL_MS: "1000", CANARY_INGEST_DELAY_MS_PER_1000_ROWS: "300" };
    const first = await startWorker(env);
    const { version, job } = await uploadCsv(4000);

    await waitFor("the job to be active", () => jobRow(job.id), (row) => row.status === "active" && row.attempts === 1);
    await waitFor("ingest to be under way", () => versionRow(version.id), (row) => row.status === "ingesting");
    process.kill(first.pid, "SIGKILL");
    await first.exited;
    expect((await versionRow(version.id)).status).toBe("ingesting");

    const second = await startWorker(env);
    const done = await waitFor("the job to finish", () => jobRow(job.id), (row) => row.status === "completed" || row.status === "failed");
    expect(done).toMatchObject({ status: "completed", progress: 100, error: null });
    // The second worker's run is the job's second start.
    expect(done.attempts).toBe(2);
    expect(await versionRow(version.id)).toMatchObject({ status: "ready", rowCount: 4000, progress: 100, error: null });
    expect(await db.auditLogEntry.count({ where: { action: "dataset_version.ingested", targetId: version.id } })).toBe(1);
    expect(await db.job.count({ where: { subjectType: "dataset_version", subjectId: version.id } })).toBe(1);
    expect(second.lines.join("\n")).toContain('"job stalled; returned to the queue"');
    // Logs carry ids and counts, never the data.
    expect([...first.lines, ...second.lines].join("\n")).not.toContain("person-");
  });

  it("lets the active job finish on SIGTERM, then exits 0", async () => {
    const worker = await startWorker({ CANARY_INGEST_DELAY_MS_PER_1000_ROWS: "300" });
    const { version, job } = await uploadCsv(3000);
    await waitFor("the job to be active", () => jobRow(job.id), (row) => row.status === "active");
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(await jobRow(job.id)).toMatchObject({ status: "completed", attempts: 1 });
    expect(await versionRow(version.id)).toMatchObject({ status: "ready", rowCount: 3000 });
    expect(worker.lines.join("\n")).toContain('"workers stopped"');
  });

  it("fails malformed uploads without retrying", async () => {
    const worker = await startWorker({});
    const dataset = await createTestDataset(db, principal, "worker");
    const { version, job } = await uploadDatasetVersion(db, principal, {
      datasetName: dataset.name,
      filename: "bad.jsonl",
      stream: streamOf(`{"id":"${dataset.id}"}\n{"broken": \n`),
    });
    const done = await waitFor("the job to fail", () => jobRow(job.id), (row) => row.status === "failed");
    expect(done).toMatchObject({ attempts: 1, error: "line 2: invalid JSON" });
    expect(await versionRow(version.id)).toMatchObject({ status: "failed", error: "line 2: invalid JSON" });
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
  });
});

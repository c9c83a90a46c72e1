// The scan worker as it runs in production: a separate process on the real queue. A worker killed
// mid-scan (SIGKILL) leaves a checkpoint; a second worker resumes from it and the scan ends with
// exactly the findings of one clean run, none twice. Also: cancelling a running scan, and the
// default scans every ingested version gets.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../lib/auth/index.ts";
import { uploadDatasetVersion } from "../lib/datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueSuffix } from "../lib/datasets/datasets.test-support.ts";
import { createDb } from "../lib/db/index.ts";
import { ingestDatasetVersion } from "../lib/ingest/index.ts";
import { cancelJob, closeQueues } from "../lib/queue/index.ts";
import { cancelScanSubject, fingerprintOf, scanPii, startScan } from "../lib/scan/index.ts";
import { startWorkerProcess, waitFor, workerProcesses } from "./worker-process.test-support.ts";

const QUEUE_PREFIX = "t_scan_worker";
process.env.CANARY_QUEUE_PREFIX = QUEUE_PREFIX;
const db = createDb();
let principal: Principal;
const env = (extra: Record<string, string> = {}) => ({ CANARY_QUEUE_PREFIX: QUEUE_PREFIX, CANARY_WORKERS: "scan", ...extra });

/** A CSV whose every row holds an email and every third a valid-Luhn card number. */
function piiCsv(rows: number): string {
  const tag = uniqueSuffix();
  const lines = ["id,email,note"];
  for (let i = 0; i < rows; i++) lines.push(`${i},user${i}.${tag}@example.com,${i % 3 === 0 ? "card 4111 1111 1111 1111" : "no card"}`);
  return `${lines.join("\n")}\n`;
}

/** A dataset version already ingested (in this process), ready to scan. */
async function readyVersion(csv: string) {
  const dataset = await createTestDataset(db, principal, "scan");
  const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "pii.csv", stream: streamOf(csv) });
  await ingestDatasetVersion(db, version.id);
  return version;
}

async function expectedFingerprints(csv: string): Promise<string[]> {
  const out: string[] = [];
  for await (const f of scanPii(streamOf(csv), { format: "csv" })) out.push(fingerprintOf(f.type, [f.record, f.field, f.start, f.end]));
  return out.sort();
}

const jobRow = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
const scanRow = (id: string) => db.scan.findUniqueOrThrow({ where: { id } });

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

describe("scan worker process", () => {
  it("resumes a PII scan killed mid-way and ends with exactly the expected findings", async () => {
    // Short locks so a dead worker's job is noticed in seconds (2 s: a loaded CI machine must not starve a live one).
    const slow = env({ CANARY_STALLED_INTERVAL_MS: "2000", CANARY_SCAN_DELAY_MS_PER_1000_ROWS: "400" });
    const csv = piiCsv(6000);
    const version = await readyVersion(csv);
    const first = await startWorkerProcess(slow);
    const { scan, job } = await startScan(db, principal, version.id, { kind: "pii" });

    // Killed once at least one batch (and its checkpoint) is stored, well before the end.
    await waitFor("a first batch of findings", () => db.finding.count({ where: { scanId: scan.id } }), (n) => n >= 1000);
    process.kill(first.pid, "SIGKILL");
    await first.exited;
    const partial = await db.finding.count({ where: { scanId: scan.id } });
    expect((await scanRow(scan.id)).status).toBe("active");

    const second = await startWorkerProcess(slow);
    const done = await waitFor("the job to finish", () => jobRow(job.id), (row) => row.status === "completed" || row.status === "failed");
    expect(done, JSON.stringify(done)).toMatchObject({ status: "completed", progress: 100 });
    // The second worker's run is at least the job's second start (more if a starved CPU let a lock lapse).
    expect(done.attempts).toBeGreaterThanOrEqual(2);

    const expected = await expectedFingerprints(csv);
    expect(expected.length).toBe(6000 + 2000);
    const stored = await db.finding.findMany({ where: { scanId: scan.id }, select: { fingerprint: true, maskedSample: true, type: true } });
    expect(stored.map((f) => f.fingerprint).sort()).toEqual(expected);
    expect(partial).toBeLessThan(expected.length);
    const finished = await scanRow(scan.id);
    expect(finished.status).toBe("completed");
    expect(finished.summary).toMatchObject({ records: 6000, findingCount: 8000 });
    expect((finished.summary as { resumedFrom: number }).resumedFrom).toBeGreaterThanOrEqual(1000);
    // Masked samples only; raw values never stored nor logged.
    expect(stored.find((f) => f.type === "CREDIT_CARD")?.maskedSample).toBe("**** **** **** 1111");
    expect(stored.every((f) => !f.maskedSample?.includes("4111 1111 1111 1111"))).toBe(true);
    expect(second.lines.join("\n")).toContain('"job stalled; returned to the queue"');
    expect([...first.lines, ...second.lines].join("\n")).not.toMatch(/@example\.com|4111/);
  });

  it("stops a running scan when its job is cancelled, and never retries it", async () => {
    const worker = await startWorkerProcess(env({ CANARY_SCAN_DELAY_MS_PER_1000_ROWS: "500" }));
    const version = await readyVersion(piiCsv(8000));
    const { scan, job } = await startScan(db, principal, version.id, { kind: "pii" });
    await waitFor("the scan to be under way", () => jobRow(job.id), (row) => row.status === "active" && row.progress > 0);

    await cancelJob(db, job.id, { actor: { id: principal.userId, label: principal.label }, subjects: { scan: cancelScanSubject } });
    await waitFor("the worker to give the job up", async () => worker.lines.join("\n"), (log) => log.includes('"job failed"'));
    expect(await jobRow(job.id)).toMatchObject({ status: "cancelled", attempts: 1 });
    expect((await scanRow(scan.id)).status).toBe("cancelled");
    const countAfterStop = await db.finding.count({ where: { scanId: scan.id } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await db.finding.count({ where: { scanId: scan.id } })).toBe(countAfterStop);
    expect(await db.auditLogEntry.count({ where: { action: "job.cancel", targetId: job.id } })).toBe(1);
  });

  it("scans every ingested version with the default scans", async () => {
    await startWorkerProcess(env({ CANARY_WORKERS: "ingest,scan" }));
    const dataset = await createTestDataset(db, principal, "auto");
    const rows = ["id,age,zip,email,text"];
    for (let i = 0; i < 30; i++) rows.push(`${i},${30 + (i % 3)},9410${i % 2},p${i}@example.org,the same sentence repeated for every record here ${i % 2 === 0 ? "" : "again"}`);
    const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "auto.csv", stream: streamOf(`${rows.join("\n")}\n`) });
    const scans = await waitFor(
      "four completed scans",
      () => db.scan.findMany({ where: { datasetVersionId: version.id }, select: { kind: true, status: true, summary: true } }),
      (list) => list.length === 4 && list.every((s) => s.status === "completed" || s.status === "failed"),
    );
    expect(scans.map((s) => [s.kind, s.status]).sort()).toEqual([["duplicates", "completed"], ["license", "completed"], ["pii", "completed"], ["reid", "completed"]]);
    const reid = scans.find((s) => s.kind === "reid")!.summary as { quasiIdentifiers: { column: string }[]; k: number };
    expect(reid.quasiIdentifiers.map((q) => q.column)).toEqual(["age", "zip"]);
    expect(reid.k).toBe(5);
    expect(await db.finding.count({ where: { datasetVersionId: version.id, type: "EMAIL_ADDRESS" } })).toBe(30);
    const duplicates = scans.find((s) => s.kind === "duplicates")!.summary as { duplicateRate: number };
    expect(duplicates.duplicateRate).toBeGreaterThan(0.9);
  });
});

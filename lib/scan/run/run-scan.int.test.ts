import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../auth/index.ts";
import { uploadDatasetVersion } from "../../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf } from "../../datasets/datasets.test-support.ts";
import { createDb } from "../../db/index.ts";
import { closeQueues } from "../../queue/index.ts";
import { runScan } from "./run-scan.ts";
import { startScan } from "./start-scan.ts";
import { piiCsv, readyVersion } from "./ready-version.test-support.ts";

// Our own queue namespace: no worker takes these jobs; the tests run scans in this process.
process.env.CANARY_QUEUE_PREFIX = "t_scan_run";
const db = createDb();
let principal: Principal;

beforeAll(async () => {
  principal = await createTestPrincipal(db);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function scanOnce(versionId: string, input: Parameters<typeof startScan>[3]) {
  const { scan } = await startScan(db, principal, versionId, input);
  const result = await runScan(db, scan.id);
  const row = await db.scan.findUniqueOrThrow({ where: { id: scan.id } });
  const findings = await db.finding.findMany({ where: { scanId: scan.id }, orderBy: { createdAt: "asc" } });
  return { result, row, summary: row.summary as Record<string, any>, findings };
}

describe("runScan", () => {
  it("pii: a finding per span with offsets, a severity by entity and a masked sample; idempotent", async () => {
    const version = await readyVersion(db, principal, piiCsv(3));
    const { result, row, summary, findings } = await scanOnce(version.id, { kind: "pii" });
    expect(result).toMatchObject({ status: "completed", findings: 5 });
    expect(row.status).toBe("completed");
    const card = findings.find((f) => f.type === "CREDIT_CARD")!;
    expect(card).toMatchObject({ severity: "high", maskedSample: "**** **** **** 1111", location: { record: "0", field: "card", start: 0, end: 19, line: 2 } });
    expect(findings.find((f) => f.type === "US_SSN")).toMatchObject({ severity: "high", maskedSample: "***-**-1457" });
    expect(findings.filter((f) => f.type === "EMAIL_ADDRESS").map((f) => f.severity)).toEqual(["medium", "medium", "medium"]);
    expect(summary.columns.map((c: { field: string; type: string }) => `${c.field}:${c.type}`)).toEqual(["card:CREDIT_CARD", "email:EMAIL_ADDRESS", "ssn:US_SSN"]);
    expect(JSON.stringify(summary)).not.toContain("4111 1111");
    // Running it again changes nothing.
    expect(await runScan(db, row.id)).toEqual({ scanId: row.id, status: "completed", findings: 5 });
  });

  it("duplicates: clusters, the duplicate rate and pairs for the diff", async () => {
    const text = "the quick brown fox jumps over the lazy dog and runs far away";
    const csv = `id,text\n0,${text}\n1,${text}\n2,${text} today\n3,something else entirely different from all the others\n`;
    const version = await readyVersion(db, principal, csv);
    const { summary, findings } = await scanOnce(version.id, { kind: "duplicates", params: { threshold: 0.7 } });
    expect(summary).toMatchObject({ records: 4, clusterCount: 1, duplicateRate: 0.5 });
    expect(summary.pairs).toContainEqual({ a: "0", b: "1", jaccard: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: "NEAR_DUPLICATE", location: { records: ["0", "1", "2"], size: 3 } });
  });

  it("overlap: contamination of one version by another", async () => {
    const a = await readyVersion(db, principal, "id,text\n0,alpha beta gamma delta epsilon zeta\n1,one two three four five six\n");
    // CSV record ids are data rows: B's first row is record "0" whatever its id column says.
    const b = await readyVersion(db, principal, "id,text\n7,alpha beta gamma delta epsilon zeta\n8,unrelated words in this other record here\n");
    const { summary, findings } = await scanOnce(a.id, { kind: "overlap", params: { otherVersionId: b.id } });
    expect(summary).toMatchObject({ records: 2, otherRecords: 2, contaminatedRecords: 1, contaminationRate: 0.5 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: "CONTAMINATION", severity: "high", location: { record: "0", otherRecord: "0", otherVersionId: b.id, jaccard: 1 } });
  });

  it("reid: k over chosen quasi-identifiers, generalisations, and a finding below k", async () => {
    const rows = ["id,age,zip,diagnosis"];
    for (let i = 0; i < 12; i++) rows.push(`${i},${20 + i},9410${i % 3},d${i % 2}`);
    const version = await readyVersion(db, principal, `${rows.join("\n")}\n`);
    const { summary, findings } = await scanOnce(version.id, { kind: "reid", params: { quasiIdentifiers: ["age", "zip"], sensitive: "diagnosis", k: 3 } });
    expect(summary).toMatchObject({ records: 12, classes: 12, k: 1, recordsAtRisk: 12, lDiversity: 1, threshold: 3, suggested: false });
    expect(summary.generalisations.some((g: { method: string }) => g.method === "age_band")).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: "REIDENTIFICATION_RISK", severity: "high", location: { quasiIdentifiers: ["age", "zip"], k: 1, threshold: 3 } });
  });

  it("reid without recognisable quasi-identifiers completes with nothing to measure", async () => {
    const version = await readyVersion(db, principal, "id,text\n0,hello\n1,world\n");
    const { row, summary } = await scanOnce(version.id, { kind: "reid" });
    expect(row.status).toBe("completed");
    expect(summary).toMatchObject({ quasiIdentifiers: [], k: null });
  });

  it("license: a CC-BY-NC ancestor conflicts with commercial training, inherited by the child", async () => {
    const parent = await readyVersion(db, principal, "id,text\n0,a\n", { licenseExpression: "CC-BY-NC-4.0" });
    const child = await readyVersion(db, principal, "id,text\n0,b\n", { licenseExpression: "MIT", intendedUse: "commercial_training", parents: [parent.id] });
    const { summary, findings } = await scanOnce(child.id, { kind: "license" });
    expect(summary).toMatchObject({ intendedUse: "commercial_training", verdict: "conflict" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ type: "LICENSE_CONFLICT", severity: "high", location: { versionId: parent.id, depth: 1, licenseExpression: "CC-BY-NC-4.0" } });
  });

  describe("malformed rows", () => {
    // Ingest refuses malformed files, so a version is made ready by hand around one.
    async function malformedVersion() {
      const dataset = await createTestDataset(db, principal, "bad");
      const { version } = await uploadDatasetVersion(db, principal, {
        datasetName: dataset.name,
        filename: "bad.csv",
        stream: streamOf("id,email\n0,a@example.com\n1,b@example.com,extra\n2,c@example.com\n"),
      });
      await db.datasetVersion.update({ where: { id: version.id }, data: { status: "ready" } });
      return version;
    }

    it("skip: reads on and reports the lines skipped", async () => {
      const version = await malformedVersion();
      const { row, summary, findings } = await scanOnce(version.id, { kind: "pii", params: { onMalformed: "skip" } });
      expect(row.status).toBe("completed");
      expect(summary.malformed).toEqual({ count: 1, lines: [3] });
      // Findings of one batch share createdAt: compare as sets. The skipped row keeps its id 1.
      const where = findings.map((f) => f.location as { line: number; record: string }).map(({ line, record }) => [line, record]);
      expect(where.sort()).toEqual([
        [2, "0"],
        [4, "2"],
      ]);
    });

    it("fail: fails the scan naming the line", async () => {
      const version = await malformedVersion();
      const { scan } = await startScan(db, principal, version.id, { kind: "pii" });
      await expect(runScan(db, scan.id)).rejects.toThrow(/line 3/);
      expect(await db.scan.findUniqueOrThrow({ where: { id: scan.id } })).toMatchObject({ status: "failed", error: expect.stringContaining("line 3") });
    });
  });

  it("refuses to start a scan of a version not yet ingested, and an overlap without a target", async () => {
    const dataset = await createTestDataset(db, principal, "pending");
    const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename: "p.csv", stream: streamOf("id\n1\n") });
    await expect(startScan(db, principal, version.id, { kind: "pii" })).rejects.toMatchObject({ code: "unprocessable" });
    const ready = await readyVersion(db, principal, "id\n1\n");
    await expect(startScan(db, principal, ready.id, { kind: "overlap" })).rejects.toThrow(/otherVersionId/);
  });
});

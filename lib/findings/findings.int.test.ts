import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createTestPrincipal } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { closeQueues } from "../queue/index.ts";
import { runScan, startScan } from "../scan/index.ts";
import { piiCsv, readyVersion } from "../scan/run/ready-version.test-support.ts";
import { getFindingValue } from "./get-finding-value.ts";
import { getGovernanceSummary } from "./get-governance-summary.ts";
import { getRecordPair } from "./get-record-pair.ts";
import { listFindings } from "./list-findings.ts";
import { triageFinding } from "./triage-finding.ts";

// Every PII scan goes through scan-text's two entry points: the tests switch them off to show that
// serving record values reads stored results only (issue 13, item 5).
const scanner = vi.hoisted(() => ({ allowed: true }));
vi.mock("../scan/pii/scan-text.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../scan/pii/scan-text.ts")>();
  const guard = () => {
    if (!scanner.allowed) throw new Error("a PII scan ran while serving a request");
  };
  return {
    ...original,
    scanText: (...args: Parameters<typeof original.scanText>) => (guard(), original.scanText(...args)),
    findSpans: (...args: Parameters<typeof original.findSpans>) => (guard(), original.findSpans(...args)),
  };
});

process.env.CANARY_QUEUE_PREFIX = "t_findings";
const db = createDb();
let owner: Principal;
let otherEngineer: Principal;
let officer: Principal;
let auditor: Principal;
let versionId: string;

beforeAll(async () => {
  [owner, otherEngineer, officer, auditor] = await Promise.all([
    createTestPrincipal(db, "ml_engineer"),
    createTestPrincipal(db, "ml_engineer"),
    createTestPrincipal(db, "compliance_officer"),
    createTestPrincipal(db, "auditor"),
  ]);
  const version = await readyVersion(db, owner, piiCsv(30), { licenseExpression: "CC-BY-NC-4.0", intendedUse: "commercial_training" });
  versionId = version.id;
  for (const kind of ["pii", "license"] as const) await runScan(db, (await startScan(db, owner, versionId, { kind })).scan.id);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

const cardFinding = async () => (await listFindings(db, { datasetVersionId: versionId, type: "CREDIT_CARD" })).items[0]!;

describe("listFindings", () => {
  it("filters by version, type, severity and status and pages on the server, worst first", async () => {
    const all = await listFindings(db, { datasetVersionId: versionId, pageSize: 10 });
    expect(all.total).toBe(33); // 30 emails, a card, an SSN, the license conflict
    expect(all.items).toHaveLength(10);
    expect(all.items[0]!.severity).toBe("high");
    const page4 = await listFindings(db, { datasetVersionId: versionId, pageSize: 10, page: 4 });
    expect(page4.items).toHaveLength(3);
    expect((await listFindings(db, { datasetVersionId: versionId, severity: "high" })).total).toBe(3);
    expect((await listFindings(db, { datasetVersionId: versionId, type: "EMAIL_ADDRESS", status: "open" })).total).toBe(30);
    expect(all.items.every((f) => !JSON.stringify(f).includes("4111 1111"))).toBe(true);
  });
});

describe("triageFinding", () => {
  it("lets a compliance officer triage with a reason, audit-logged in the same change", async () => {
    const finding = await cardFinding();
    const triaged = await triageFinding(db, officer, finding.id, { status: "false_positive", reason: "sandbox test card" });
    expect(triaged).toMatchObject({ status: "false_positive", triageReason: "sandbox test card", triagedBy: { email: officer.email } });
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { action: "finding.triage", targetId: finding.id } });
    expect(entry.details).toMatchObject({ from: "open", to: "false_positive", type: "CREDIT_CARD", reason: "sandbox test card" });
    expect(JSON.stringify(entry.details)).not.toContain("4111");
    await expect(triageFinding(db, officer, finding.id, { status: "false_positive", reason: "again" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets the dataset's owner triage, but not another engineer or an auditor", async () => {
    const finding = (await listFindings(db, { datasetVersionId: versionId, type: "US_SSN" })).items[0]!;
    await expect(triageFinding(db, otherEngineer, finding.id, { status: "accepted_risk", reason: "not mine" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(triageFinding(db, auditor, finding.id, { status: "accepted_risk", reason: "not allowed" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(triageFinding(db, owner, finding.id, { status: "remediated", reason: "column dropped upstream" })).resolves.toMatchObject({ status: "remediated" });
  });

  it("requires a reason", async () => {
    const finding = await cardFinding();
    await expect(triageFinding(db, officer, finding.id, { status: "confirmed", reason: " " })).rejects.toThrow(/reason/);
  });
});

describe("getFindingValue", () => {
  it("reads the value from the file for pii.unmasked roles, audit-logging the reading", async () => {
    const finding = await cardFinding();
    expect(await getFindingValue(db, officer, finding.id)).toEqual({ id: finding.id, type: "CREDIT_CARD", value: "4111 1111 1111 1111" });
    const entry = await db.auditLogEntry.findFirstOrThrow({ where: { action: "finding.unmask", targetId: finding.id } });
    expect(JSON.stringify(entry.details)).not.toContain("4111");
    await expect(getFindingValue(db, auditor, finding.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getFindingValue(db, owner, finding.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("getRecordPair", () => {
  it("masks PII in both records for roles without pii.unmasked, not for those with it", async () => {
    const masked = await getRecordPair(db, auditor, versionId, { a: "0", b: "1" });
    expect(masked.masked).toBe(true);
    expect(masked.a.fields.card).toBe("**** **** **** 1111");
    expect(masked.a.fields.email).toMatch(/^u\*\*\*@example\.com$/);
    const clear = await getRecordPair(db, officer, versionId, { a: "0", b: "1" });
    expect(clear.a.fields.card).toBe("4111 1111 1111 1111");
    await expect(getRecordPair(db, officer, versionId, { a: "0", b: "999" })).rejects.toMatchObject({ code: "not_found" });
  });
});

/** Runs `read` with the PII scanner switched off: it must serve from what the scans stored. */
async function withoutScanning<T>(read: () => Promise<T>): Promise<T> {
  scanner.allowed = false;
  try {
    return await read();
  } finally {
    scanner.allowed = true;
  }
}

describe("getRecordPair of a duplicate pair, masked from the stored scans", () => {
  // Rows 4 and 5 are exact duplicates whose card uses mixed separators: Luhn-valid, but the recognizer
  // skips it, so only the column's classification (4 of 6 cards found) can mask it. Row 7's note holds
  // an email the scan found in a column that is not personal data (1 of 40 notes): only that span is masked.
  const SKIPPED_CARD = "4539 1488-0343 6467";
  const csv = () => {
    const lines = ["id,card,note"];
    const cards = ["4556 7375 8689 9855", "4012 8888 8888 1881", "5300 1234 5678 9011", "4111 2222 3333 4448"];
    for (let i = 0; i < 40; i++) {
      const card = i < 4 ? cards[i] : i === 4 || i === 5 ? SKIPPED_CARD : "";
      const note = i === 7 ? "write to jane.roe@example.org today" : i === 4 || i === 5 ? "same customer twice" : `note number ${i} about order ${i * 7919}`;
      lines.push(`${i === 5 ? 4 : i},${card},${note}`);
    }
    return `${lines.join("\n")}\n`;
  };
  let pairVersionId: string;

  beforeAll(async () => {
    pairVersionId = (await readyVersion(db, owner, csv())).id;
    for (const kind of ["pii", "duplicates"] as const) await runScan(db, (await startScan(db, owner, pairVersionId, { kind })).scan.id);
  });

  it("masks every cell of a column classified as personal data for ml_engineer and auditor, even a value the recognizer skipped", async () => {
    for (const principal of [owner, otherEngineer, auditor]) {
      const pair = await withoutScanning(() => getRecordPair(db, principal, pairVersionId, { a: "4", b: "5" }));
      expect(pair.masked).toBe(true);
      expect(pair.a.fields.card).toBe("**** **** **** 6467");
      expect(pair.b.fields.card).toBe("**** **** **** 6467");
      expect(pair.a.fields.note).toBe("same customer twice");
      expect(JSON.stringify(pair)).not.toContain("4539");
    }
  });

  it("masks a stored span in a column that is not personal data, and leaves the rest of the cell", async () => {
    const email = (await listFindings(db, { datasetVersionId: pairVersionId, type: "EMAIL_ADDRESS" })).items[0]!;
    expect(email.location).toMatchObject({ record: "7", field: "note" });
    const pair = await withoutScanning(() => getRecordPair(db, auditor, pairVersionId, { a: "7", b: "4" }));
    expect(pair.a.fields.note).toBe("write to j***@example.org today");
  });

  it("serves only records a finding or duplicate pair names, to every role", async () => {
    for (const principal of [auditor, officer]) {
      await expect(getRecordPair(db, principal, pairVersionId, { a: "4", b: "12" })).rejects.toMatchObject({ code: "not_found" });
      await expect(getRecordPair(db, principal, pairVersionId, { a: "12", b: "13" })).rejects.toMatchObject({ code: "not_found" });
    }
    // A card row is named by its CREDIT_CARD finding.
    await expect(getRecordPair(db, auditor, pairVersionId, { a: "0", b: "4" })).resolves.toMatchObject({ a: { fields: { card: "**** **** **** 9855" } } });
  });

  it("gives pii.unmasked roles the raw values and appends each reading to the audit log, without the values", async () => {
    const before = await db.auditLogEntry.count({ where: { action: "record.unmask", targetId: pairVersionId } });
    const pair = await getRecordPair(db, officer, pairVersionId, { a: "4", b: "5" });
    expect(pair).toMatchObject({ masked: false, a: { fields: { card: SKIPPED_CARD } } });
    const entries = await db.auditLogEntry.findMany({ where: { action: "record.unmask", targetId: pairVersionId }, orderBy: { seq: "asc" } });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorLabel: officer.label, details: { records: ["4", "5"] } });
    expect(JSON.stringify(entries.at(-1)!.details)).not.toContain("4539");
    await getRecordPair(db, auditor, pairVersionId, { a: "4", b: "5" });
    expect(await db.auditLogEntry.count({ where: { action: "record.unmask", targetId: pairVersionId } })).toBe(before + 1);
  });

  it("refuses masked reading before a PII scan has completed, rather than show values unmasked", async () => {
    const version = await readyVersion(db, owner, csv());
    await runScan(db, (await startScan(db, owner, version.id, { kind: "duplicates" })).scan.id);
    await expect(getRecordPair(db, auditor, version.id, { a: "4", b: "5" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("getGovernanceSummary", () => {
  it("counts open findings by severity and reads license, rates and k from the latest scans", async () => {
    const summary = await getGovernanceSummary(db, versionId);
    expect(summary).toMatchObject({
      datasetVersionId: versionId,
      version: 1,
      // 30 emails medium; card triaged away, SSN remediated; the license conflict high.
      openFindings: { info: 0, low: 0, medium: 30, high: 1, critical: 0 },
      license: { verdict: "conflict" },
      duplicateRate: null,
      contaminationRate: null,
      kAnonymity: null,
      provenanceCompleteness: 0.75,
    });
    expect(summary.license.reasons.join(" ")).toContain("CC-BY-NC-4.0");
    expect(summary.scans.map((s) => [s.kind, s.status]).sort()).toEqual([["license", "completed"], ["pii", "completed"]]);
  });

  it("counts a licence that needs review as compatible only once every review finding is triaged as accepted", async () => {
    const version = await readyVersion(db, owner, piiCsv(2), { licenseExpression: "LicenseRef-Proprietary", intendedUse: "commercial_training" });
    await runScan(db, (await startScan(db, owner, version.id, { kind: "license" })).scan.id);
    expect((await getGovernanceSummary(db, version.id)).license.verdict).toBe("unknown");

    const review = (await listFindings(db, { datasetVersionId: version.id, type: "LICENSE_UNKNOWN" })).items[0]!;
    await triageFinding(db, officer, review.id, { status: "confirmed", reason: "agreement not found yet" });
    expect((await getGovernanceSummary(db, version.id)).license.verdict).toBe("unknown");

    await triageFinding(db, officer, review.id, { status: "accepted_risk", reason: "MSA §4 allows model training" });
    const license = (await getGovernanceSummary(db, version.id)).license;
    expect(license.verdict).toBe("compatible");
    expect(license.reasons.at(-1)).toBe("reviewed (accepted risk): MSA §4 allows model training");
  });
});

// The leak crawl's detector against the record views, with masking on and switched off: it must stay
// silent on every masked view of the planted file and fire on the same views unmasked, so that a crawl
// that finds nothing means the masking held (issue 13, item 3).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createTestPrincipal } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { closeQueues } from "../queue/index.ts";
import { runScan, startScan } from "../scan/index.ts";
import { readyVersion } from "../scan/run/ready-version.test-support.ts";
import { getRecordPair } from "./get-record-pair.ts";
import { listFindings } from "./list-findings.ts";
import { DUPLICATE_ROWS, findPlantedValues, plantedCsv, plantedRows, plantedValues } from "./planted-pii.test-support.ts";

const masking = vi.hoisted(() => ({ on: true }));
vi.mock("./mask-record.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./mask-record.ts")>();
  return { maskRecord: (...args: Parameters<typeof original.maskRecord>) => (masking.on ? original.maskRecord(...args) : args[0].fields) };
});

process.env.CANARY_QUEUE_PREFIX = "t_planted_pii";
const db = createDb();
let auditor: Principal;
let v1: string;
let v2: string;
/** Every record pair the scans name: the duplicate pair, each contamination, each PII finding's record. */
const pairs: { a: string; b: string; otherVersionId?: string }[] = [];

beforeAll(async () => {
  const owner = await createTestPrincipal(db, "ml_engineer");
  auditor = await createTestPrincipal(db, "auditor");
  const first = await readyVersion(db, owner, plantedCsv());
  v1 = first.id;
  v2 = (await readyVersion(db, owner, plantedCsv(plantedRows().slice(0, 6)), { datasetName: first.datasetName })).id;
  for (const [version, kind] of [[v1, "pii"], [v2, "pii"], [v1, "duplicates"]] as const) await runScan(db, (await startScan(db, owner, version, { kind })).scan.id);
  await runScan(db, (await startScan(db, owner, v1, { kind: "overlap", params: { otherVersionId: v2 } })).scan.id);

  pairs.push({ a: DUPLICATE_ROWS[0], b: DUPLICATE_ROWS[1] });
  for (const finding of (await listFindings(db, { datasetVersionId: v1, type: "CONTAMINATION", pageSize: 200 })).items) {
    const location = finding.location as { record: string; otherRecord: string };
    pairs.push({ a: location.record, b: location.otherRecord, otherVersionId: v2 });
  }
  const piiRecords = new Set((await listFindings(db, { datasetVersionId: v1, pageSize: 200 })).items.map((f) => (f.location as { record?: string }).record));
  for (const record of piiRecords) if (record !== undefined) pairs.push({ a: record, b: DUPLICATE_ROWS[0] });
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function viewsAsAuditor(): Promise<string> {
  const views = await Promise.all(pairs.map((pair) => getRecordPair(db, auditor, v1, pair)));
  return JSON.stringify(views);
}

describe("the leak crawl's detector on the record views of the planted file", () => {
  it("names the pairs of every kind: duplicates, contaminations, and each record with a finding", () => {
    expect(pairs.filter((p) => p.otherVersionId).length).toBe(6);
    expect(new Set(pairs.map((p) => p.a)).size).toBe(24);
  });

  it("finds no planted value in any masked view", async () => {
    expect(findPlantedValues(await viewsAsAuditor())).toEqual([]);
  });

  it("finds the planted values in the same views when masking is switched off", async () => {
    masking.on = false;
    try {
      const found = findPlantedValues(await viewsAsAuditor());
      // Every planted value as written (the digit-only forms would need a view that strips separators).
      expect(found).toEqual(plantedValues().filter((value) => !/^\d+$/.test(value)));
      expect(found).toContain(plantedRows()[20]!.card); // the card the recognizer skipped
      expect(found).toContain("wendeline.marchbanks@mailhost.example"); // a free-text span
    } finally {
      masking.on = true;
    }
  });

  it("sees planted values through HTML and JSON escapes, not in their masked forms", () => {
    const email = plantedRows()[0]!.email;
    expect(findPlantedValues(`<td>${email.replace("@", "&#64;")}</td>`)).toEqual([email]);
    expect(findPlantedValues('{"phone":"\\u002b44 20 7946 0100"}')).toContain("+44 20 7946 0100");
    expect(findPlantedValues("o***@mailhost.example **** **** **** 0008 ***-**-4100 +** ** **** **00")).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { uploadDatasetVersion } from "../datasets/index.ts";
import { createTestDataset, createTestPrincipal, streamOf, uniqueCsv, uniqueSuffix } from "../datasets/datasets.test-support.ts";
import { createDb } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { closeQueues } from "../queue/index.ts";
import { ingestDatasetVersion } from "./ingest-dataset-version.ts";

// Our own queue namespace: no worker consumes the jobs uploads enqueue; the tests ingest directly.
process.env.CANARY_QUEUE_PREFIX = "t_ingest_lib";
const db = createDb();
let principal: Principal;

beforeAll(async () => {
  principal = await createTestPrincipal(db);
});

afterAll(async () => {
  await closeQueues();
  await db.$disconnect();
});

async function upload(content: string, filename = "data.csv") {
  const dataset = await createTestDataset(db, principal);
  const { version } = await uploadDatasetVersion(db, principal, { datasetName: dataset.name, filename, stream: streamOf(content) });
  return version;
}

const ingestedEntries = (id: string) => db.auditLogEntry.count({ where: { action: "dataset_version.ingested", targetId: id } });

describe("ingestDatasetVersion", () => {
  it("counts rows, profiles columns without values, marks ready once", async () => {
    const version = await upload(uniqueCsv(2500));
    const progress: number[] = [];
    const result = await ingestDatasetVersion(db, version.id, { onProgress: (percent) => void progress.push(percent), progressIntervalMs: 0 });
    expect(result).toEqual({ datasetVersionId: version.id, rowCount: 2500, transitioned: true });
    const stored = await db.datasetVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored).toMatchObject({ status: "ready", rowCount: 2500, progress: 100, error: null });
    expect(stored.ingestedAt).toBeInstanceOf(Date);
    expect(stored.columnSchema).toEqual({
      columnsTruncated: false,
      columns: [
        { name: "id", type: "integer", nullable: false, nullCount: 0, distinctCount: 1000, distinctCapped: true },
        { name: "name", type: "string", nullable: false, nullCount: 0, distinctCount: 1000, distinctCapped: true },
        { name: "score", type: "number", nullable: false, nullCount: 0, distinctCount: 7, distinctCapped: false },
      ],
    });
    expect(JSON.stringify(stored.columnSchema)).not.toContain("person-");
    expect(progress.at(-1)).toBe(100);
    expect(progress.length).toBeGreaterThan(1);
    expect(await ingestedEntries(version.id)).toBe(1);

    // A retried job finds it ready and writes nothing.
    expect(await ingestDatasetVersion(db, version.id)).toEqual({ datasetVersionId: version.id, rowCount: 2500, transitioned: false });
    expect(await ingestedEntries(version.id)).toBe(1);
  });

  it("writes one audit entry when two ingests of one version race", async () => {
    const version = await upload(uniqueCsv(300));
    const results = await Promise.all([ingestDatasetVersion(db, version.id), ingestDatasetVersion(db, version.id)]);
    expect(results.filter((r) => r.transitioned)).toHaveLength(1);
    expect(results.map((r) => r.rowCount)).toEqual([300, 300]);
    expect(await ingestedEntries(version.id)).toBe(1);
  });

  it("ingests JSON Lines and text", async () => {
    const jsonl = await upload(`{"id":"a-${uniqueSuffix()}","age":31,"tags":["x"]}\n{"id":"b","age":null}\n`, "events.jsonl");
    expect((await ingestDatasetVersion(db, jsonl.id)).rowCount).toBe(2);
    const stored = await db.datasetVersion.findUniqueOrThrow({ where: { id: jsonl.id } });
    expect((stored.columnSchema as { columns: unknown[] }).columns).toEqual([
      { name: "id", type: "string", nullable: false, nullCount: 0, distinctCount: 2, distinctCapped: false },
      { name: "age", type: "integer", nullable: true, nullCount: 1, distinctCount: 1, distinctCapped: false },
      { name: "tags", type: "json", nullable: true, nullCount: 1, distinctCount: 1, distinctCapped: false },
    ]);
    const text = await upload(`first ${uniqueSuffix()}\n\nthird\n`, "notes.txt");
    expect((await ingestDatasetVersion(db, text.id)).rowCount).toBe(2);
  });

  it("marks malformed content failed with the line, and writes no ingested entry", async () => {
    const version = await upload(`a,b\n1,2\n3,4,5\n# ${uniqueSuffix()}\n`);
    let caught: unknown;
    try {
      await ingestDatasetVersion(db, version.id);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).message).toBe("line 3: expected 2 fields as in the header, found 3");
    const stored = await db.datasetVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(stored).toMatchObject({ status: "failed", error: "line 3: expected 2 fields as in the header, found 3", rowCount: null });
    expect(await ingestedEntries(version.id)).toBe(0);
  });

  it("answers not_found for an unknown version", async () => {
    await expect(ingestDatasetVersion(db, "no-such-version")).rejects.toMatchObject({ code: "not_found" });
  });
});

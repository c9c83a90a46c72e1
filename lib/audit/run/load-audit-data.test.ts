import { describe, expect, it } from "vitest";
import type { Db } from "../../db/index.ts";
import { FASHION_MNIST_CLASSES, loadFashionMnist } from "../../dp/index.ts";
import { loadAuditData } from "./load-audit-data.ts";

// Fashion-MNIST is read from the built-in files (Debian's dataset-fashion-mnist, installed by bootstrap); no database.
const db = {} as Db;
const noVersions = { trainDatasetVersionId: null, evalDatasetVersionId: null };
const fashion = (trainedOn?: { split: "train" | "test"; rows: number }) => ({ kind: "fashion-mnist" as const, classes: FASHION_MNIST_CLASSES, scale: "x/255" as const, ...(trainedOn ? { trainedOn } : {}) });

describe("loadAuditData for Fashion-MNIST", () => {
  // Issue 12 item 10: a run limited to 30 rows saw only those; before, the audit counted the first
  // maxExamples (100) train images as members, 70 of them never seen.
  it("counts only the rows the run read as members, and the other split as non-members", async () => {
    const data = await loadAuditData(db, noVersions, fashion({ split: "train", rows: 30 }), { maxExamples: 100, seed: 1 });
    expect(data.members.count).toBe(30);
    expect(data.nonMembers.count).toBe(100);
    const [seen, test] = await Promise.all([loadFashionMnist("train", 30), loadFashionMnist("test", 100)]);
    expect(data.members.features).toEqual(seen.features);
    expect(data.nonMembers.features).toEqual(test.features);
    const capped = await loadAuditData(db, noVersions, fashion({ split: "train", rows: 60_000 }), { maxExamples: 50, seed: 1 });
    expect(capped.members.count).toBe(50);
  });

  it("refuses a model that does not record the rows it was trained on", async () => {
    await expect(loadAuditData(db, noVersions, fashion(), { maxExamples: 100, seed: 1 })).rejects.toThrow(/does not record which rows it was trained on/);
  });
});

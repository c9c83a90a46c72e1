import { describe, expect, it } from "vitest";
import { contentHashOf, snapshotHashOf, type SnapshotContent } from "./snapshot-hash.ts";

const content = (): SnapshotContent => ({
  policyVersionId: "pv1",
  policyDocumentSha256: "a".repeat(64),
  evidence: { schemaVersion: 1, model: { name: "m", version: 1 }, guarantee: null, contaminationRate: 0.01 },
  items: { modelVersion: { id: "mv", artifactSha256: "b".repeat(64) }, audits: [], datasets: [{ id: "dv", role: "train", sha256: "c", governanceSha256: "d", triageSha256: "e" }] },
});

describe("snapshot hashes", () => {
  it("are the same for the same content, whatever the key order", () => {
    const reordered = { items: content().items, evidence: { contaminationRate: 0.01, guarantee: null, model: { version: 1, name: "m" }, schemaVersion: 1 as const }, policyDocumentSha256: "a".repeat(64), policyVersionId: "pv1" };
    expect(contentHashOf(reordered)).toBe(contentHashOf(content()));
  });

  it("change with any evidence item: a triaged finding, another policy version", () => {
    const triaged = content();
    triaged.items.datasets[0]!.triageSha256 = "f";
    expect(contentHashOf(triaged)).not.toBe(contentHashOf(content()));
    expect(contentHashOf({ ...content(), policyVersionId: "pv2" })).not.toBe(contentHashOf(content()));
  });

  it("chain onto the previous snapshot", () => {
    const hash = contentHashOf(content());
    expect(snapshotHashOf(hash, null)).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHashOf(hash, "x")).not.toBe(snapshotHashOf(hash, null));
    expect(snapshotHashOf(hash, "x")).toBe(snapshotHashOf(hash, "x"));
  });
});

import { createHash } from "node:crypto";
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

  // Pinned: approvals are bound to these hashes, so a change to what they cover or how it is serialised
  // must show up here. Each is sha256 of the RFC 8785 text beside it (checked with `printf %s … | sha256sum`).
  it("are pinned for a fixed evidence object", () => {
    const contentText =
      `{"evidence":{"contaminationRate":0.01,"guarantee":null,"model":{"name":"m","version":1},"schemaVersion":1},` +
      `"items":{"audits":[],"datasets":[{"governanceSha256":"d","id":"dv","role":"train","sha256":"c","triageSha256":"e"}],` +
      `"modelVersion":{"artifactSha256":"${"b".repeat(64)}","id":"mv"}},"policyDocumentSha256":"${"a".repeat(64)}",` +
      `"policyVersionId":"pv1","schema":"canary.snapshot-content/v1"}`;
    const contentSha256 = "73456966b813fec712256975adae0c2050b5a5a4f3ef12e05eeec080e0c2159e";
    expect(createHash("sha256").update(contentText).digest("hex")).toBe(contentSha256);
    expect(contentHashOf(content())).toBe(contentSha256);
    expect(snapshotHashOf(contentSha256, null)).toBe("128650f99ae557d84bfb2b6ea74dd8eedd6c473127f05086d4456d05ebdbeac0");
    expect(snapshotHashOf(contentSha256, "x")).toBe("5370dd4d89baa6f1b56dfa0294b2c76345107e3cd5bc48f39aa3f0f26a681a66");
  });

  it("chain onto the previous snapshot", () => {
    const hash = contentHashOf(content());
    expect(snapshotHashOf(hash, null)).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotHashOf(hash, "x")).not.toBe(snapshotHashOf(hash, null));
    expect(snapshotHashOf(hash, "x")).toBe(snapshotHashOf(hash, "x"));
  });
});

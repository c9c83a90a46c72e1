import { describe, expect, it } from "vitest";
import { canonicalSha256, entryHash, GENESIS_HASH } from "./hash.ts";

const fields = {
  createdAt: new Date("2026-11-23T10:00:00.000Z"),
  actorId: "u1",
  actorLabel: "a@b.c",
  action: "dataset.register",
  targetType: "Dataset",
  targetId: "d1",
  digest: canonicalSha256({}),
  prevHash: GENESIS_HASH,
};

describe("audit-log hashing", () => {
  it("ignores key order (RFC 8785 canonical JSON)", () => {
    expect(canonicalSha256({ a: 1, b: [1, 2] })).toBe(canonicalSha256({ b: [1, 2], a: 1 }));
  });

  it("pins the sha256 of the empty object", () => {
    // printf '{}' | sha256sum
    expect(canonicalSha256({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("changes when any chained field changes", () => {
    const base = entryHash(fields);
    expect(entryHash({ ...fields, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(entryHash({ ...fields, action: "dataset.delete" })).not.toBe(base);
    expect(entryHash({ ...fields, createdAt: new Date("2026-11-23T10:00:00.001Z") })).not.toBe(base);
  });
});

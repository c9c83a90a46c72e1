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

  it("pins entryHash of a two-entry chain", () => {
    // printf '%s' '{"action":"dataset.register","actorId":"u1","actorLabel":"a@b.c","createdAt":"2026-11-23T10:00:00.000Z",
    //   "digest":"44136fa3…aff8a","prevHash":"000…000","targetId":"d1","targetType":"Dataset"}' | sha256sum  (one line, no spaces)
    const first = entryHash(fields);
    expect(first).toBe("0fb84498eb303885ed52c168b6d112956ebc35bb9681e520ae907424332262cc");
    const second = {
      ...fields,
      createdAt: new Date("2026-11-23T10:00:01.000Z"),
      actorId: null,
      actorLabel: "system:ingest",
      action: "dataset_version.ingested",
      digest: canonicalSha256({ rows: 5000 }),
      prevHash: first,
    };
    expect(second.digest).toBe("428704fee5f4db1ef83abf81abf2d6233ce06c5983fd2c9771c57f8890789761");
    expect(entryHash(second)).toBe("4e5fecec96dc347b13d996201454a53ca926a695281d6126109d28501eec7ccb");
  });

  it("changes when any chained field changes", () => {
    const base = entryHash(fields);
    expect(entryHash({ ...fields, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(entryHash({ ...fields, action: "dataset.delete" })).not.toBe(base);
    expect(entryHash({ ...fields, createdAt: new Date("2026-11-23T10:00:00.001Z") })).not.toBe(base);
  });
});

import { describe, expect, it } from "vitest";
import { toSerialized, type Serialized } from "./serialize-json.ts";

describe("toSerialized", () => {
  it("gives a value the shape a client component receives from the API", () => {
    const value = { at: new Date(0), seq: 9007199254740993n, tags: [{ at: new Date(1000) }], missing: null };
    const serialized: Serialized<typeof value> = toSerialized(value);
    expect(serialized).toEqual({ at: "1970-01-01T00:00:00.000Z", seq: "9007199254740993", tags: [{ at: "1970-01-01T00:00:01.000Z" }], missing: null });
  });
});

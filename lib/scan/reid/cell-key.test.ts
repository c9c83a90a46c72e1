import { describe, expect, it } from "vitest";
import { cellKey } from "./cell-key.ts";

describe("cellKey", () => {
  it("keeps strings exactly", () => {
    expect(cellKey("Paris")).toBe("Paris");
    expect(cellKey("paris ")).toBe("paris ");
    expect(cellKey(" ")).toBe(" ");
    expect(cellKey("null")).toBe("null");
  });

  it("treats undefined, null and the empty string as missing", () => {
    expect(cellKey(undefined)).toBeNull();
    expect(cellKey(null)).toBeNull();
    expect(cellKey("")).toBeNull();
  });

  it("writes numbers and booleans as JavaScript does, other values as JSON", () => {
    expect(cellKey(30)).toBe("30");
    expect(cellKey(false)).toBe("false");
    expect(cellKey({ a: [1] })).toBe('{"a":[1]}');
  });
});

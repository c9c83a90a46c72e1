import { describe, expect, it } from "vitest";
import { classifyValue, widenTypes, type ColumnType } from "./classify-value.ts";

describe("classifyValue from CSV text", () => {
  it.each([
    ["42", "integer"],
    ["-7", "integer"],
    ["0", "integer"],
    ["3.14", "number"],
    ["-1e-3", "number"],
    [".5", "number"],
    ["02134", "string"], // a postcode: the leading zero matters
    ["0.5", "number"],
    ["true", "boolean"],
    ["FALSE", "boolean"],
    ["2024-02-29", "date"],
    ["2023-02-29", "string"], // not a calendar date
    ["2024-13-01", "string"],
    ["2024-03-01T12:30:00Z", "datetime"],
    ["2024-03-01 12:30", "datetime"],
    ["2024-03-01T25:00:00Z", "string"],
    ["1990-05-17T08:00:00.123+02:00", "datetime"],
    ["Ada Lovelace", "string"],
    ["+44 20 7946 0958", "string"],
    ["+4915123456789", "string"], // a phone number, not an integer
    ["4111111111111111", "string"], // 16 digits: a card number a double cannot hold
    ["123456789012345", "integer"],
    ["", "null"],
    ["  ", "null"],
    ["NULL", "null"],
  ] as const)("%j → %s", (text, kind) => {
    expect(classifyValue(text, true)).toBe(kind);
  });
});

describe("classifyValue from JSON", () => {
  it("keeps JSON types and reads dates from strings only", () => {
    expect(classifyValue(42, false)).toBe("integer");
    expect(classifyValue(4.2, false)).toBe("number");
    expect(classifyValue(false, false)).toBe("boolean");
    expect(classifyValue(null, false)).toBe("null");
    expect(classifyValue(undefined, false)).toBe("null");
    expect(classifyValue({ a: 1 }, false)).toBe("json");
    expect(classifyValue([1], false)).toBe("json");
    expect(classifyValue("42", false)).toBe("string");
    expect(classifyValue("", false)).toBe("string");
    expect(classifyValue("2024-01-31", false)).toBe("date");
  });
});

describe("widenTypes", () => {
  const widen = (...kinds: ColumnType[]) => widenTypes(new Set(kinds));
  it("takes the narrowest type that holds every value", () => {
    expect(widen("integer")).toBe("integer");
    expect(widen("integer", "number")).toBe("number");
    expect(widen("date", "datetime")).toBe("datetime");
    expect(widen("integer", "boolean")).toBe("string");
    expect(widen("date", "integer")).toBe("string");
    expect(widen()).toBe("string");
  });
});

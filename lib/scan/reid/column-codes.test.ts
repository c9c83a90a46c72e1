import { describe, expect, it } from "vitest";
import { ColumnCodes } from "./column-codes.ts";

describe("ColumnCodes", () => {
  it("codes values densely in order of first appearance, missing as one value", () => {
    const column = new ColumnCodes("city");
    for (const value of ["Oslo", "", "Bergen", "Oslo", null, undefined, "Bergen"]) column.add(value);
    expect([...column.codes]).toEqual([0, 1, 2, 0, 1, 1, 2]);
    expect(column.values).toEqual(["Oslo", null, "Bergen"]);
    expect(column.cardinality).toBe(3);
    expect(column.length).toBe(7);
  });

  it("grows past its first buffer", () => {
    const column = new ColumnCodes("n");
    for (let i = 0; i < 5000; i++) column.add(String(i % 7));
    expect(column.length).toBe(5000);
    expect(column.codes[4999]).toBe(4999 % 7);
  });
});

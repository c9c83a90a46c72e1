import { describe, expect, it } from "vitest";
import { ColumnCodes } from "./column-codes.ts";
import { classSizes, equivalenceClasses } from "./equivalence-classes.ts";
import { PEOPLE } from "./people.test-support.ts";

function coded(name: string): { codes: Int32Array; cardinality: number } {
  const column = new ColumnCodes(name);
  for (const row of PEOPLE) column.add(row[name]);
  return { codes: column.codes, cardinality: column.cardinality };
}

describe("equivalenceClasses", () => {
  it("puts records with equal values in every column together (see people.test-support.ts)", () => {
    const classes = equivalenceClasses([coded("age"), coded("sex"), coded("zip")], PEOPLE.length);
    expect([...classes.codes]).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
    expect([...classSizes(classes)]).toEqual([3, 2, 1, 2]);
  });

  it("makes one class of everything without columns", () => {
    expect([...classSizes(equivalenceClasses([], 4))]).toEqual([4]);
    expect(equivalenceClasses([], 0).cardinality).toBe(0);
  });
});

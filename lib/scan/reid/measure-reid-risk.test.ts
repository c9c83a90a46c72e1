import { describe, expect, it } from "vitest";
import { measureReidRisk } from "./measure-reid-risk.ts";
import { QuasiIdentifierTable } from "./quasi-identifier-table.ts";
import { PEOPLE } from "./people.test-support.ts";

function peopleTable(sensitive?: string): QuasiIdentifierTable {
  const table = new QuasiIdentifierTable(["age", "sex", "zip"], sensitive);
  for (const row of PEOPLE) table.add(row);
  return table;
}

describe("measureReidRisk", () => {
  it("measures the fixture (checked by hand, see people.test-support.ts)", () => {
    const risk = measureReidRisk(peopleTable("diagnosis"), { threshold: 3, generalise: false });
    expect(risk).toEqual({
      records: 8,
      classes: 4,
      k: 1,
      recordsAtRisk: 5,
      prosecutorMaxRisk: 1,
      prosecutorAvgRisk: 0.5,
      lDiversity: 1,
      threshold: 3,
      generalisations: [],
    });
  });

  it("counts every record at risk under the default threshold of 5, and has no l-diversity without a sensitive column", () => {
    const risk = measureReidRisk(peopleTable());
    expect(risk).toMatchObject({ recordsAtRisk: 8, threshold: 5, lDiversity: null });
    expect(risk.generalisations.length).toBeGreaterThan(0);
  });

  it("agrees with a direct count on random data", () => {
    let state = 17;
    const next = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    const rows = Array.from({ length: 3000 }, () => ({ a: String(next(6)), b: String(next(9)), c: next(10) === 0 ? "" : String(next(4)), s: String(next(3)) }));
    const table = new QuasiIdentifierTable(["a", "b", "c"], "s");
    for (const row of rows) table.add(row);
    const risk = measureReidRisk(table, { threshold: 20, generalise: false });

    const groups = new Map<string, { size: number; sensitive: Set<string> }>();
    for (const row of rows) {
      const key = JSON.stringify([row.a, row.b, row.c]);
      const group = groups.get(key) ?? { size: 0, sensitive: new Set<string>() };
      group.size++;
      group.sensitive.add(row.s);
      groups.set(key, group);
    }
    const sizes = [...groups.values()].map((group) => group.size);
    expect(risk).toMatchObject({
      records: 3000,
      classes: groups.size,
      k: Math.min(...sizes),
      recordsAtRisk: sizes.filter((size) => size < 20).reduce((sum, size) => sum + size, 0),
      prosecutorAvgRisk: groups.size / 3000,
      lDiversity: Math.min(...[...groups.values()].map((group) => group.sensitive.size)),
    });
  });

  it("refuses a threshold below 1", () => {
    expect(() => measureReidRisk(peopleTable(), { threshold: 0 })).toThrow(/threshold must be a positive integer/);
  });
});

import { describe, expect, it } from "vitest";
import { addToColumnStats, classifyColumns, createColumnStats } from "./classify-columns.ts";
import { scanRecordMatches } from "./scan-record.ts";

describe("classifyColumns", () => {
  it("gives coverage over non-empty values, masked samples, and counts a value once per entity", () => {
    const stats = createColumnStats();
    const rows = [
      { email: "a@example.com", phone: "(201) 555-0123", notes: "mail a@example.com or b@example.com" },
      { email: "b@example.org", phone: "", notes: "nothing here" },
      { email: "n/a", phone: "(415) 555-2671", notes: "" },
      { email: "c@example.net", phone: "(212) 555-0199", notes: "" },
    ];
    rows.forEach((fields, i) => {
      const record = { id: String(i), fields };
      addToColumnStats(stats, record, scanRecordMatches(record));
    });
    expect(stats.records).toBe(4);
    expect(classifyColumns(stats)).toEqual([
      { field: "email", type: "EMAIL_ADDRESS", coverage: 0.75, valuesWithEntity: 3, nonEmptyValues: 4, meanScore: 1, samples: ["a***@example.com", "b***@example.org", "c***@example.net"] },
      { field: "notes", type: "EMAIL_ADDRESS", coverage: 0.5, valuesWithEntity: 1, nonEmptyValues: 2, meanScore: 1, samples: ["a***@example.com"] },
      { field: "phone", type: "PHONE_NUMBER", coverage: 1, valuesWithEntity: 3, nonEmptyValues: 3, meanScore: 0.85, samples: ["(***) ***-**23", "(***) ***-**71", "(***) ***-**99"] },
    ]);
    expect(classifyColumns(stats, { minCoverage: 0.8 }).map((c) => c.field)).toEqual(["phone"]);
  });

  it("folds array indexes of JSON paths into one column", () => {
    const stats = createColumnStats();
    const record = { id: "0", fields: { orders: [{ email: "a@example.com" }, { email: "b@example.com" }] } };
    addToColumnStats(stats, record, scanRecordMatches(record));
    expect(classifyColumns(stats)).toMatchObject([{ field: "orders.*.email", coverage: 1, valuesWithEntity: 2, nonEmptyValues: 2 }]);
  });

  it("rejects a coverage threshold outside [0, 1]", () => {
    expect(() => classifyColumns(createColumnStats(), { minCoverage: 2 })).toThrow(/classifyColumns: minCoverage must be in \[0, 1\]/);
  });
});

import { describe, expect, it } from "vitest";
import { QuasiIdentifierTable } from "./quasi-identifier-table.ts";
import { suggestGeneralisations } from "./suggest-generalisations.ts";
import { PEOPLE } from "./people.test-support.ts";

function table(rows: Record<string, string>[], columns: string[]): QuasiIdentifierTable {
  const result = new QuasiIdentifierTable(columns);
  for (const row of rows) result.add(row);
  return result;
}

describe("suggestGeneralisations", () => {
  it("measures each one-step generalisation on the fixture (checked by hand, see people.test-support.ts)", () => {
    const suggestions = suggestGeneralisations(table(PEOPLE, ["age", "sex", "zip"]), { threshold: 3 });
    expect(suggestions).toEqual([
      // 5-year bands change nothing here (34, 36, 52 stay apart) and are left out; 10-year bands
      // join 34 and 36, which differ in sex anyway.
      { column: "age", method: "age_band", size: 10, description: "age in 10-year bands", k: 1, recordsAtRisk: 5, classes: 4 },
      // (F, 02139) ×3, (M, 02139) ×2, (F, 02141) ×3.
      { column: "age", method: "drop", description: "drop age", k: 2, recordsAtRisk: 2, classes: 3 },
      { column: "sex", method: "drop", description: "drop sex", k: 1, recordsAtRisk: 5, classes: 4 },
      // 4 characters keep 0213 and 0214 apart: no change, left out; 3 join them: still k = 1.
      { column: "zip", method: "prefix", size: 3, description: "zip to its first 3 characters", k: 1, recordsAtRisk: 5, classes: 4 },
      { column: "zip", method: "prefix", size: 2, description: "zip to its first 2 characters", k: 1, recordsAtRisk: 5, classes: 4 },
      { column: "zip", method: "prefix", size: 1, description: "zip to its first 1 character", k: 1, recordsAtRisk: 5, classes: 4 },
      { column: "zip", method: "drop", description: "drop zip", k: 1, recordsAtRisk: 5, classes: 4 },
    ]);
  });

  it("stops shortening postcodes at the first length that reaches the threshold", () => {
    const rows = ["10001", "10002", "10003", "10004", "10011", "10012", "10013", "10014"].map((zip) => ({ zip }));
    const suggestions = suggestGeneralisations(table(rows, ["zip"]), { threshold: 4 });
    expect(suggestions).toEqual([
      { column: "zip", method: "prefix", size: 4, description: "zip to its first 4 characters", k: 4, recordsAtRisk: 0, classes: 2 },
      { column: "zip", method: "drop", description: "drop zip", k: 8, recordsAtRisk: 0, classes: 1 },
    ]);
  });

  it("generalises dates of birth to the year", () => {
    const rows = ["1980-01-02", "1980-05-06", "1980-11-30", "1991-02-03", "1991-07-08"].map((dob, i) => ({ dob, sex: i % 2 ? "F" : "M" }));
    const suggestions = suggestGeneralisations(table(rows, ["dob", "sex"]), { threshold: 2 });
    // Years: 1980 (M, F, M), 1991 (F, M) → classes (1980,M)×2, (1980,F)×1, (1991,F)×1, (1991,M)×1.
    expect(suggestions[0]).toEqual({ column: "dob", method: "year", description: "dob to the year", k: 1, recordsAtRisk: 3, classes: 4 });
  });

  it("suggests nothing without records", () => {
    expect(suggestGeneralisations(table([], ["age"]))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { scanReid } from "./scan-reid.ts";
import { PEOPLE } from "./people.test-support.ts";

const records = (rows: Record<string, unknown>[]) => rows.map((fields, i) => ({ id: String(i), line: i + 2, fields }));

async function* streamed<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe("scanReid", () => {
  it("measures records from an iterable or a stream alike", async () => {
    const options = { quasiIdentifiers: ["age", "sex", "zip"], sensitive: "diagnosis", threshold: 3 };
    const fromArray = await scanReid(records(PEOPLE), options);
    const fromStream = await scanReid(streamed(records(PEOPLE)), options);
    expect(fromStream).toEqual(fromArray);
    expect(fromArray).toMatchObject({ records: 8, classes: 4, k: 1, recordsAtRisk: 5, prosecutorMaxRisk: 1, prosecutorAvgRisk: 0.5, lDiversity: 1, threshold: 3 });
    expect(fromArray.quasiIdentifiers).toEqual([
      { column: "age", kind: "age" },
      { column: "sex", kind: "sex" },
      { column: "zip", kind: "postcode" },
    ]);
    expect(fromArray.suggested).toBe(false);
  });

  it("recognises quasi-identifiers from the column names when none are given", async () => {
    const scan = await scanReid(records(PEOPLE), { sensitive: "diagnosis" });
    expect(scan.suggested).toBe(true);
    expect(scan.quasiIdentifiers.map(({ column }) => column)).toEqual(["age", "sex", "zip"]);
    expect(scan.classes).toBe(4);
  });

  it("refuses an unknown column at the first record when every record has every column", async () => {
    const error = await scanReid(records(PEOPLE), { quasiIdentifiers: ["age", "gender"], everyRecordHasEveryColumn: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('unknown quasi-identifier column "gender" (columns: id, age, sex, zip, diagnosis)');
    expect((error as AppError).details).toEqual({ field: "qi", column: "gender" });
  });

  it("accepts a column some JSON records lack, refusing one that none has", async () => {
    const rows = [{ age: 30 }, { age: 31, city: "Oslo" }];
    expect(await scanReid(records(rows), { quasiIdentifiers: ["age", "city"], generalise: false })).toMatchObject({ records: 2, classes: 2 });
    await expect(scanReid(records(rows), { quasiIdentifiers: ["age"], sensitive: "diagnosis" })).rejects.toThrow(
      'unknown sensitive column "diagnosis": no record has it',
    );
  });

  it("refuses columns listed twice, a sensitive quasi-identifier, a bad k and no recognisable columns", async () => {
    await expect(scanReid(records(PEOPLE), { quasiIdentifiers: ["age", "age"] })).rejects.toThrow('quasi-identifier column "age" is listed twice');
    await expect(scanReid(records(PEOPLE), { quasiIdentifiers: ["age"], sensitive: "age" })).rejects.toThrow(/both a quasi-identifier and the sensitive/);
    await expect(scanReid(records(PEOPLE), { quasiIdentifiers: ["age"], threshold: 0 })).rejects.toThrow("k must be a positive integer, got 0");
    await expect(scanReid(records([{ note: "x" }]), {})).rejects.toThrow("no quasi-identifiers given (--qi) and none recognised among the columns: note");
  });

  it("reports an empty dataset as zeros", async () => {
    expect(await scanReid([], { quasiIdentifiers: ["age"], sensitive: "s" })).toMatchObject({
      records: 0,
      classes: 0,
      k: 0,
      recordsAtRisk: 0,
      prosecutorMaxRisk: 0,
      prosecutorAvgRisk: 0,
      lDiversity: 0,
      generalisations: [],
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { findNearDuplicatesInFile } from "./find-near-duplicates-in-file.ts";
import { findOverlapInFiles } from "./find-overlap-in-files.ts";

const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`);
const BASE = WORDS.join(" ");
const LAST_CHANGED = [...WORDS.slice(0, 39), "other"].join(" ");
const UNRELATED = Array.from({ length: 40 }, (_, i) => `u${i}`).join(" ");

const directory = mkdtempSync(path.join(tmpdir(), "canary-dedup-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, content);
  return file;
}

const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join("\n") + "\n";

describe("findNearDuplicatesInFile", () => {
  it("reads JSON Lines in two passes and names records by their id field", async () => {
    const file = write(
      "docs.jsonl",
      jsonl([
        { id: "a", text: BASE },
        { id: "b", text: UNRELATED },
        { id: "c", text: LAST_CHANGED },
        { id: "d", text: BASE.toUpperCase() },
      ]),
    );
    const result = await findNearDuplicatesInFile(file);
    expect({ ...result, pairs: [...result.pairs] }).toEqual({
      pairs: [
        { a: "a", b: "c", jaccard: 35 / 37 },
        { a: "a", b: "d", jaccard: 1 },
        { a: "c", b: "d", jaccard: 35 / 37 },
      ],
      records: 4,
      distinctTexts: 3,
    });
  });

  it("compares all CSV columns, or one with field, records named by data row", async () => {
    const file = write("rows.csv", `title,body\n"${BASE}",x\n"${UNRELATED}",y\n"${BASE}",z\n`);
    // All columns in name order: "x w0 … w39" and "z w0 … w39" differ in the first of 37 shingles.
    expect([...(await findNearDuplicatesInFile(file)).pairs]).toEqual([{ a: "0", b: "2", jaccard: 36 / 38 }]);
    expect([...(await findNearDuplicatesInFile(file, { field: "title" })).pairs]).toEqual([{ a: "0", b: "2", jaccard: 1 }]);
  });

  it("refuses a field no record has, naming it", async () => {
    const csv = write("cols.csv", "title,body\na,b\n");
    await expect(findNearDuplicatesInFile(csv, { field: "text" })).rejects.toThrow('unknown field "text": no record has it (columns: title, body)');
    const lines = write("cols.jsonl", jsonl([{ title: "a" }, { body: "b" }]));
    await expect(findNearDuplicatesInFile(lines, { field: "text" })).rejects.toBeInstanceOf(AppError);
  });

  it("streams the n(n − 1)/2 pairs of n copies in order, and again on a second iteration", async () => {
    const file = write("copies.txt", `${"same text\n".repeat(300)}`);
    const { pairs } = await findNearDuplicatesInFile(file);
    let count = 0;
    let previous = { a: -1, b: -1 };
    for (const pair of pairs) {
      const current = { a: Number(pair.a), b: Number(pair.b) };
      expect(current.a < current.b && (current.a > previous.a || (current.a === previous.a && current.b > previous.b))).toBe(true);
      expect(pair.jaccard).toBe(1);
      previous = current;
      count++;
    }
    expect(count).toBe((300 * 299) / 2);
    expect([...pairs]).toHaveLength(count);
  });

  it("stops at a malformed record with its line", async () => {
    const file = write("bad.jsonl", `${JSON.stringify({ text: BASE })}\n{"text": oops}\n`);
    await expect(findNearDuplicatesInFile(file)).rejects.toThrow(/^line 2: invalid JSON/);
  });
});

describe("findOverlapInFiles", () => {
  it("pairs records of the first file with records of the second, across formats", async () => {
    const train = write("train.csv", `text\n"${BASE}"\n"${UNRELATED}"\n`);
    const test = write("test.txt", `${LAST_CHANGED}\nnothing alike\n${UNRELATED.toUpperCase()}\n`);
    const result = await findOverlapInFiles(train, test);
    expect({ ...result, pairs: [...result.pairs] }).toEqual({
      pairs: [
        { a: "0", b: "0", jaccard: 35 / 37 },
        { a: "1", b: "2", jaccard: 1 },
      ],
      recordsA: 2,
      recordsB: 3,
    });
  });
});

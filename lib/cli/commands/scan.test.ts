// The public --json contracts of `canary scan duplicates | overlap | reid`, through the real binary
// in a child process, on small files whose every expected number is worked out in the comments.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCanary } from "../run-canary.test-support.ts";

const directory = mkdtempSync(path.join(tmpdir(), "canary-scan-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));


const canary = (...args: string[]) => spawnCanary(args);

function write(name: string, content: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, content);
  return file;
}

const jsonLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);

// 40 distinct words make 36 word 5-shingles. Changing the last word changes only the last
// shingle: Jaccard 35 shared / 37 in the union.
const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`);
const BASE = WORDS.join(" ");
const LAST_CHANGED = [...WORDS.slice(0, 39), "other"].join(" ");
const UNRELATED = Array.from({ length: 40 }, (_, i) => `u${i}`).join(" ");

describe("canary scan duplicates --json", () => {
  it("prints each pair once as {a, b, jaccard}, record ids in record order", async () => {
    const file = write(
      "docs.jsonl",
      [
        { id: "a", text: BASE },
        { id: "b", text: UNRELATED },
        { id: "c", text: LAST_CHANGED },
        { id: "d", text: `  ${BASE.toUpperCase().replaceAll(" ", "\t ")}` }, // a up to case and whitespace
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    );
    const run = await canary("scan", "duplicates", file, "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.split("\n")[0]).toBe(`{"a":"a","b":"c","jaccard":${35 / 37}}`);
    expect(jsonLines(run.stdout)).toEqual([
      { a: "a", b: "c", jaccard: 35 / 37 },
      { a: "a", b: "d", jaccard: 1 },
      { a: "c", b: "d", jaccard: 35 / 37 },
    ]);
  });

  it("applies --threshold and --field; CSV records are named by data row from 0", async () => {
    // Titles: 40 words vs the same with word 20 changed: shingles 16..20 differ, 31 shared / 41.
    const middleChanged = [...WORDS.slice(0, 20), "other", ...WORDS.slice(21)].join(" ");
    const file = write("titles.csv", `title,body\n"${BASE}",one\n"${middleChanged}",two\n"${UNRELATED}",three\n`);
    expect(jsonLines((await canary("scan", "duplicates", file, "--field", "title", "--json")).stdout)).toEqual([]);
    const lower = await canary("scan", "duplicates", file, "--field", "title", "--threshold", "0.7", "--json");
    expect(lower.code).toBe(0);
    expect(jsonLines(lower.stdout)).toEqual([{ a: "0", b: "1", jaccard: 31 / 41 }]);
  });

  it("exits 1 with the line of a malformed record", async () => {
    const file = write("bad.jsonl", `{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n{"id": oops}\n`);
    const run = await canary("scan", "duplicates", file, "--json");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    // The wording after the line number is the record reader's (lib/records).
    expect(run.stderr).toMatch(/^canary: line 3: invalid JSON[^\n]*\n$/);
  });

  it("exits 1 naming an unknown --field and a bad --threshold", async () => {
    const file = write("cols.csv", "title,body\na,b\n");
    expect(await canary("scan", "duplicates", file, "--field", "text", "--json")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'canary: unknown field "text": no record has it (columns: title, body)\n',
    });
    expect(await canary("scan", "duplicates", file, "--threshold", "1.5", "--json")).toMatchObject({
      code: 1,
      stderr: 'canary: invalid --threshold: expected a number in (0, 1], got "1.5"\n',
    });
  });
});

describe("canary scan overlap --json", () => {
  it("prints pairs with a from the first file and b from the second", async () => {
    const train = write("train.csv", `text,label\n"${BASE}",1\n"${UNRELATED}",0\n"${BASE}",1\n`);
    const test = write(
      "test.jsonl",
      [
        { id: "t1", text: "nothing like the training data" },
        { id: "t2", text: LAST_CHANGED },
        { id: "t3", text: "nothing like the training data" }, // a duplicate inside B: not reported
      ]
        .map((row) => JSON.stringify(row))
        .join("\n"),
    );
    const run = await canary("scan", "overlap", train, test, "--field", "text", "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(jsonLines(run.stdout)).toEqual([
      { a: "0", b: "t2", jaccard: 35 / 37 },
      { a: "2", b: "t2", jaccard: 35 / 37 },
    ]);
  });
});

// id age sex zip   diagnosis   class (age, sex, zip)
// 0  34  F   02139 flu         A  size 3, diagnoses {flu, cold}
// 1  34  F   02139 cold        A
// 2  34  F   02139 flu         A
// 3  36  M   02139 flu         B  size 2, diagnoses {flu}
// 4  36  M   02139 flu         B
// 5  52  F   02141 asthma      C  size 1, diagnoses {asthma}
// 6  —   F   02141 flu         D  size 2 (missing ages group together), diagnoses {flu, cold}
// 7  —   F   02141 cold        D
// 8 records, 4 classes: k = 1; prosecutor max 1/1, average 4/8; distinct l-diversity min(2,1,1,2) = 1.
// Records in classes smaller than 3: B + C + D = 5; smaller than 5: all 8.
const PEOPLE_CSV = `id,age,sex,zip,diagnosis
0,34,F,02139,flu
1,34,F,02139,cold
2,34,F,02139,flu
3,36,M,02139,flu
4,36,M,02139,flu
5,52,F,02141,asthma
6,,F,02141,flu
7,,F,02141,cold
`;

describe("canary scan reid --json", () => {
  it("prints one object with the contract keys first, in order", async () => {
    const file = write("people.csv", PEOPLE_CSV);
    const run = await canary("scan", "reid", file, "--qi", "age,sex,zip", "--sensitive", "diagnosis", "--k", "3", "--json");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const result = lines[0] as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["records", "classes", "k", "recordsAtRisk", "prosecutorMaxRisk", "prosecutorAvgRisk", "lDiversity", "threshold", "generalisations"]);
    expect(result).toMatchObject({ records: 8, classes: 4, k: 1, recordsAtRisk: 5, prosecutorMaxRisk: 1, prosecutorAvgRisk: 0.5, lDiversity: 1, threshold: 3 });
    // Dropping age leaves (F, 02139) ×3, (M, 02139) ×2, (F, 02141) ×3: k = 2, the 2 records of M below 3.
    expect(result.generalisations).toContainEqual({ column: "age", method: "drop", description: "drop age", k: 2, recordsAtRisk: 2, classes: 3 });
  });

  it("has null l-diversity without --sensitive and the default threshold 5", async () => {
    const file = write("people-default.csv", PEOPLE_CSV);
    const run = await canary("scan", "reid", file, "--qi", "age,sex,zip", "--json");
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ records: 8, classes: 4, k: 1, recordsAtRisk: 8, prosecutorMaxRisk: 1, prosecutorAvgRisk: 0.5, lDiversity: null, threshold: 5 });
  });

  it("groups by exact JSON Lines values", async () => {
    // "Oslo" and "oslo" differ; 30 and "30" are one value: classes {30, Oslo} ×2, {30, oslo} ×1.
    const file = write("cities.jsonl", ['{"age":30,"city":"Oslo"}', '{"age":"30","city":"Oslo"}', '{"age":30,"city":"oslo"}'].join("\n"));
    const run = await canary("scan", "reid", file, "--qi", "age,city", "--k", "2", "--json");
    expect(jsonLines(run.stdout)[0]).toMatchObject({ records: 3, classes: 2, k: 1, recordsAtRisk: 1, prosecutorMaxRisk: 1, prosecutorAvgRisk: 2 / 3, lDiversity: null });
  });

  it("exits 1 naming an unknown quasi-identifier column", async () => {
    const file = write("people-unknown.csv", PEOPLE_CSV);
    expect(await canary("scan", "reid", file, "--qi", "age,gender", "--json")).toEqual({
      code: 1,
      stdout: "",
      stderr: 'canary: unknown quasi-identifier column "gender" (columns: id, age, sex, zip, diagnosis)\n',
    });
  });

  it("exits 1 with the line of a malformed record", async () => {
    const file = write("people-bad.csv", "id,age,sex\n0,34,F\n1,35\n");
    const run = await canary("scan", "reid", file, "--qi", "age,sex", "--json");
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toMatch(/^canary: line 3: [^\n]+\n$/);
  });
});

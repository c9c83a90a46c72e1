import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyColumns, createColumnStats } from "./classify-columns.ts";
import { scanPii } from "./scan-pii.ts";
import type { PiiFinding } from "./types.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "canary-pii-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(findings: AsyncIterable<PiiFinding>): Promise<PiiFinding[]> {
  const all: PiiFinding[] = [];
  for await (const f of findings) all.push(f);
  return all;
}

describe("scanPii", () => {
  it("streams findings of a CSV file with 0-based data row ids and fills column stats", async () => {
    const path = join(dir, "people.csv");
    await writeFile(path, 'name,email,note\nAnna Schmidt,anna@example.com,"SSN 536-22-1457, card 4111 1111 1111 1111"\nBob Stone,bob@example.org,order ORD-2024-000123\n');
    const columnStats = createColumnStats();
    const findings = await collect(scanPii(path, { format: "csv", columnStats }));
    expect(findings.map((f) => [f.record, f.field, f.type])).toEqual([
      ["0", "name", "PERSON"],
      ["0", "email", "EMAIL_ADDRESS"],
      ["0", "note", "US_SSN"],
      ["0", "note", "CREDIT_CARD"],
      ["1", "name", "PERSON"],
      ["1", "email", "EMAIL_ADDRESS"],
    ]);
    expect(classifyColumns(columnStats).find((c) => c.field === "email")).toMatchObject({ type: "EMAIL_ADDRESS", coverage: 1 });
  });

  it("uses JSONL ids and dotted paths, from a stream", async () => {
    const jsonl = '{"id":"u-9","profile":{"email":"x@example.com"}}\n{"profile":{"ip":"203.0.113.9"}}\n';
    const findings = await collect(scanPii(Readable.from([Buffer.from(jsonl)]), { format: "jsonl" }));
    expect(findings).toEqual([
      { record: "u-9", field: "profile.email", type: "EMAIL_ADDRESS", start: 0, end: 13, score: 1 },
      { record: "1", field: "profile.ip", type: "IP_ADDRESS", start: 0, end: 11, score: 0.95 },
    ]);
  });

  it("skips malformed records on request and refuses a bad minScore", async () => {
    const jsonl = '{"e":"a@example.com"}\n{not json\n{"e":"b@example.com"}\n';
    const skipped: string[] = [];
    const findings = await collect(scanPii(Readable.from([Buffer.from(jsonl)]), { format: "jsonl", onMalformed: "skip", onSkip: (e) => skipped.push(e.message) }));
    expect(findings.map((f) => f.record)).toEqual(["0", "2"]);
    expect(skipped).toEqual([expect.stringMatching(/^line 2: invalid JSON/)]);
    await expect(collect(scanPii(Readable.from([]), { format: "jsonl", minScore: 1.5 }))).rejects.toThrow(/scanPii: minScore must be a number in \[0, 1\]/);
  });
});

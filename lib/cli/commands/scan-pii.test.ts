import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCanary } from "../run-canary.test-support.ts";

const dir = mkdtempSync(path.join(tmpdir(), "canary-scan-pii-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RAW_VALUES = ["anna.schmidt@example.com", "(201) 555-0123", "4111 1111 1111 1111", "536-22-1457", "DE89 3704 0044 0532 0130 00"];

function fixture(): string {
  const file = path.join(dir, "customers.csv");
  writeFileSync(
    file,
    [
      "id,name,email,phone,notes",
      `1,Anna Schmidt,${RAW_VALUES[0]},${RAW_VALUES[1]},"card ${RAW_VALUES[2]}, SSN ${RAW_VALUES[3]}"`,
      `2,Bob Stone,bob@example.org,,"IBAN ${RAW_VALUES[4]}; order ORD-2024-000123; v1.2.3.4"`,
    ].join("\n") + "\n",
  );
  return file;
}

describe("canary scan pii (child process)", () => {
  it("--json prints one object per finding with exactly record, field, type, start, end, score", async () => {
    const { code, stdout, stderr } = await spawnCanary(["scan", "pii", fixture(), "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) expect(Object.keys(line)).toEqual(["record", "field", "type", "start", "end", "score"]);
    expect(lines.map((l) => [l.record, l.field, l.type, l.start, l.end])).toEqual([
      ["0", "name", "PERSON", 0, 12],
      ["0", "email", "EMAIL_ADDRESS", 0, 24],
      ["0", "phone", "PHONE_NUMBER", 0, 14],
      ["0", "notes", "CREDIT_CARD", 5, 24],
      ["0", "notes", "US_SSN", 30, 41],
      ["1", "name", "PERSON", 0, 9],
      ["1", "email", "EMAIL_ADDRESS", 0, 15],
      ["1", "notes", "IBAN_CODE", 5, 32],
    ]);
    for (const raw of RAW_VALUES) expect(stdout).not.toContain(raw);
  });

  it("prints a table of masked values only, with a column summary", async () => {
    const { code, stdout } = await spawnCanary(["scan", "pii", fixture(), "--min-score", "0.9"]);
    expect(code).toBe(0);
    expect(stdout).toContain("a***@example.com");
    expect(stdout).toContain("**** **** **** 1111");
    expect(stdout).toContain("DE** **** **** **** **30 00");
    expect(stdout).toMatch(/email: EMAIL_ADDRESS 100\.0% \(2\/2\)/);
    for (const raw of [...RAW_VALUES, "Anna Schmidt", "bob@example.org"]) expect(stdout).not.toContain(raw);
  });

  it("fails in one line on a bad --min-score", async () => {
    const { code, stdout, stderr } = await spawnCanary(["scan", "pii", fixture(), "--min-score", "high"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe('canary: invalid --min-score: expected a number in [0, 1], got "high"\n');
  });
});

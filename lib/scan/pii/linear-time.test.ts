import { describe, expect, it } from "vitest";
import { scanRecordMatches } from "./scan-record.ts";

// Every recognizer, and the cell handling around them (context, overlaps, code points), must run in time
// linear in the cell's length: cells may be 64 MiB. Each pathological cell of 1 MB is timed against a benign
// cell of the same length: free text as dense in PII as real support tickets. Linear code stays within a
// few times the benign time (the worst measured here, ~3.5×); the quadratic cases this test was written
// against took from 30× (a date every 11 characters) to thousands of times (the URL below, ~25 s at
// 200 kB), so the 20× bound leaves machine noise a wide margin either way.
const CELL_LENGTH = 1_000_000;
const MAX_RATIO = 20;

function repeat(unit: string, length = CELL_LENGTH): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const BENIGN = repeat("Hi, Anna Schmidt here from Berlin: call +49 30 901820 or mail anna@example.com before 2024-03-05. ");

/** Runs and repetitions built to make backtracking regexes and pairwise span checks blow up. */
const PATHOLOGICAL: Record<string, string> = {
  "a URL followed by a run of dots that does not end it": `http://a${repeat(".")}a`,
  "dots": repeat("."),
  "slashes": `http://a.com/${repeat("/")}`,
  "colons": repeat(":"),
  "'@'": repeat("@"),
  "letters and dots": repeat("a."),
  "letters and '@'": repeat("a@"),
  "hex and colons": repeat("ab:"),
  "dots and commas after a URL": `http://a.com/${repeat(".,")}`,
  "digits with hyphens": repeat("1-"),
  "digits with spaces": repeat("1 "),
  "digits with dots": repeat("1."),
  "digits with colons": repeat("1:"),
  "digits with slashes": repeat("1/"),
  "capitalised words": repeat("Anna "),
  "unknown capitalised words": repeat("Xyzzy "),
  "capitals and dots before a mailbox": `${repeat("A.")} <a@b.co>`,
  "capitals and hyphens before a street": `${repeat("A-")}weg 1`,
  "one word of hyphens": `A${repeat("-")}b`,
  "'jan' repeated": repeat("jan "),
  "'jan' glued, with digits elsewhere": `1234 ${repeat("jan")}`,
  "'Jan 1' repeated": repeat("Jan 1 "),
  "bare domains": repeat("a.com "),
  "URLs with a scheme": repeat("http://a.com "),
  "dates": repeat("2024-01-01 "),
  "IPv4 addresses": repeat("1.2.3.4 "),
  "phone numbers": repeat("+1 202-555-0143 "),
  "emails": repeat("a@b.co "),
  "emails after emoji": repeat("😀 a@b.co "),
  "inverted names": repeat("Smith, Anna "),
};

function millisecondsToScan(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    scanRecordMatches({ id: "1", fields: { note: text } });
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe("scanning time is linear in the cell's length", () => {
  let benign = 0;
  it("scans the benign cell", () => {
    scanRecordMatches({ id: "0", fields: { note: "Anna Schmidt" } }); // builds the gazetteer first
    // The best of three runs: a garbage collection or another process may slow one, and a low benign
    // time would make the bound below stricter than it means to be.
    benign = millisecondsToScan(BENIGN, 3);
    expect(benign).toBeGreaterThan(0);
  });

  for (const [name, text] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: within ${MAX_RATIO}× the benign cell`, () => {
      const elapsed = millisecondsToScan(text, 1);
      expect(elapsed, `${elapsed.toFixed(0)} ms against ${benign.toFixed(0)} ms`).toBeLessThanOrEqual(MAX_RATIO * benign);
    });
  }
});

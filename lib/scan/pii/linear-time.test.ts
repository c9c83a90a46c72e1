import { describe, expect, it } from "vitest";
import { scanRecordMatches } from "./scan-record.ts";

// Every recognizer, and the cell handling around them (context, overlaps, code points), must run in time
// linear in the cell's length: cells may be 64 MiB. Each cell is scanned at 1 MB and at 1/8 of that.
// Two verdicts, both with wide margins:
// - at 1 MB, a pathological cell takes at most 20× a benign cell of the same length (free text as dense in
//   PII as real support tickets); linear code stays within ~4× here, while the quadratic cases this test was
//   written against took from ~30× (a date every 11 characters) to thousands of times (a URL followed by
//   dots: ~25 s at 200 kB);
// - 8× the length costs at most 24× the time (linear: 8×, quadratic: 64×), which also catches a benign
//   cell that is itself quadratic (the old pairwise overlap check took 14 s on it, and 82 s on the dates).
//   Cells scanned in under a second are not judged on this: the stalls this guards against cost far more,
//   and a garbage collection alone can multiply a time of a few milliseconds.
const CELL_LENGTH = 1_000_000;
const MAX_RATIO_TO_BENIGN = 20;
const MAX_GROWTH = 24;
const NOISE_FLOOR_MS = 1_000;

function repeat(unit: string) {
  return (length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const BENIGN = repeat("Hi, Anna Schmidt here from Berlin: call +49 30 901820 or mail anna@example.com before 2024-03-05. ");

/** Runs and repetitions built to make backtracking regexes and pairwise span checks blow up. */
const PATHOLOGICAL: Record<string, (length: number) => string> = {
  "a URL followed by a run of dots that does not end it": (n) => `http://a${".".repeat(n)}a`,
  "dots": repeat("."),
  "slashes": (n) => `http://a.com/${"/".repeat(n)}`,
  "colons": repeat(":"),
  "'@'": repeat("@"),
  "letters and dots": repeat("a."),
  "letters and '@'": repeat("a@"),
  "hex and colons": repeat("ab:"),
  "dots and commas after a URL": (n) => `http://a.com/${repeat(".,")(n)}`,
  "digits with hyphens": repeat("1-"),
  "digits with spaces": repeat("1 "),
  "digits with dots": repeat("1."),
  "digits with colons": repeat("1:"),
  "digits with slashes": repeat("1/"),
  "capitalised words": repeat("Anna "),
  "unknown capitalised words": repeat("Xyzzy "),
  "capitals and dots before a mailbox": (n) => `${repeat("A.")(n)} <a@b.co>`,
  "capitals and hyphens before a street": (n) => `${repeat("A-")(n)}weg 1`,
  "one word of hyphens": (n) => `A${"-".repeat(n)}b`,
  "'jan' repeated": repeat("jan "),
  "'jan' glued, with digits elsewhere": (n) => `1234 ${repeat("jan")(n)}`,
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

function expectLinearGrowth(cell: (length: number) => string): number {
  const small = millisecondsToScan(cell(CELL_LENGTH / 8), 2);
  const full = millisecondsToScan(cell(CELL_LENGTH), 1);
  if (full > NOISE_FLOOR_MS) expect(full, `${full.toFixed(0)} ms at 1 MB, ${small.toFixed(1)} ms at 125 kB`).toBeLessThanOrEqual(MAX_GROWTH * small);
  return full;
}

describe("scanning time is linear in the cell's length", () => {
  let benign = 0;
  it("scans the benign cell in time linear in its length", () => {
    scanRecordMatches({ id: "0", fields: { note: "Anna Schmidt" } }); // builds the gazetteer first
    expectLinearGrowth(BENIGN);
    // The best of three runs: a garbage collection or another process may slow one, and a low benign
    // time would make the bound below stricter than it means to be.
    benign = millisecondsToScan(BENIGN(CELL_LENGTH), 3);
    expect(benign).toBeGreaterThan(0);
  });

  for (const [name, cell] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: linear, and within ${MAX_RATIO_TO_BENIGN}× the benign cell`, () => {
      const elapsed = expectLinearGrowth(cell);
      expect(elapsed, `${elapsed.toFixed(0)} ms against ${benign.toFixed(0)} ms`).toBeLessThanOrEqual(MAX_RATIO_TO_BENIGN * benign);
    });
  }
});

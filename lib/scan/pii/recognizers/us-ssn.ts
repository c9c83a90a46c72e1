import { isInsideIdentifier } from "../boundaries.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio UsSsnRecognizer: "SSN5 (medium)" ddd-dd-dddd with one kind of delimiter scores 0.5; bare nine
// digits are "very weak" (0.05). Its invalidate_result refuses mixed delimiters, a single repeated digit,
// group 00, serial 0000 and numbers starting 000, 666, 123456789, 98765432, 078051120. We also refuse area
// numbers 900-999 (never issued: SSA, "Social Security Number Randomization", 2011) and 219-09-9999 (another
// advertised sample). Our departure: bare nine digits score 0.3 rather than 0.05, so a column named "ssn"
// (context +0.35) reports them at the default minimum score 0.5; the patterns 5-4 and 3-6 are left out.
const DASHED_SCORE = 0.5;
const SPACED_SCORE = 0.4;
const BARE_SCORE = 0.3;
const CANDIDATE = /(?<![A-Za-z0-9_])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![0-9])/g;
const KNOWN_SAMPLES = ["123456789", "98765432", "078051120", "219099999"];

/** True when nine SSN digits are in a range the Social Security Administration never issues. */
export function isInvalidSsn(digits: string): boolean {
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return true;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return true;
  if (/^(\d)\1{8}$/.test(digits)) return true;
  return KNOWN_SAMPLES.some((sample) => digits.startsWith(sample));
}

export const usSsnRecognizer = defineRecognizer({
  entity: "US_SSN",
  context: ["social", "security", "ssn", "ssns", "ssid", "taxpayer", "ss"],
  negativeContext: ["order", "invoice", "isbn", "zip", "tracking", "sku", "phone", "tel", "routing"],
  mayContain: (p) => p.digits >= 9,
  find(text) {
    const spans: RawSpan[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const [value, area, delimiter, group, serial] = match as unknown as [string, string, string, string, string];
      if (isInvalidSsn(area + group + serial)) continue;
      if (isInsideIdentifier(text, match.index, match.index + value.length)) continue;
      const score = delimiter === "-" ? DASHED_SCORE : delimiter === "" ? BARE_SCORE : SPACED_SCORE;
      spans.push({ start: match.index, end: match.index + value.length, score });
    }
    return spans;
  },
});

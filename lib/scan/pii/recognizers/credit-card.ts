import { isInsideIdentifier } from "../boundaries.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import { luhnValid } from "../luhn.ts";
import type { RawSpan } from "../types.ts";

// Presidio CreditCardRecognizer: a weak pattern (0.3) over 13-19 digits in groups, then the Luhn checksum
// raises it to 1.0. We add the issuer prefix and length table below (a random 16-digit number passes Luhn
// one time in ten; with the table, far fewer), require consistent separators in card-like groups, and refuse
// digit runs inside identifiers (ORD-…, UUIDs).
const VALIDATED_SCORE = 1.0;
const CANDIDATE = /(?<![A-Za-z0-9_])\d(?:[ -]?\d){11,18}(?![0-9])/g;

/** Issuer identification number ranges with their card lengths (ISO/IEC 7812; issuers' published ranges). */
const ISSUERS: readonly { name: string; prefixes: readonly [number, number][]; lengths: readonly number[] }[] = [
  { name: "visa", prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { name: "mastercard", prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: "amex", prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { name: "discover", prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: [16, 17, 18, 19] },
  { name: "diners", prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
  { name: "jcb", prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { name: "unionpay", prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
  { name: "maestro", prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
  { name: "mir", prefixes: [[2200, 2204]], lengths: [16, 17, 18, 19] },
];

/** The issuer whose prefix and length fit the card number, or undefined. */
export function cardIssuer(digits: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(digits.length)) continue;
    for (const [low, high] of issuer.prefixes) {
      const width = String(low).length;
      const prefix = Number(digits.slice(0, width));
      if (prefix >= low && prefix <= high) return issuer.name;
    }
  }
  return undefined;
}

/** Card groupings: none, 4-4-4-4(-3) with a shorter last group, or Amex/Diners 4-6-5 and 4-6-4. */
function hasCardGrouping(candidate: string): boolean {
  const separators = new Set(candidate.replace(/\d/g, ""));
  if (separators.size === 0) return true;
  if (separators.size > 1) return false;
  const groups = candidate.split(/[ -]/).map((g) => g.length);
  if (groups[0] !== 4) return false;
  if (groups.length === 3 && groups[1] === 6 && (groups[2] === 5 || groups[2] === 4)) return true;
  return groups.slice(0, -1).every((g) => g === 4) && groups[groups.length - 1]! <= 4;
}

export const creditCardRecognizer = defineRecognizer({
  entity: "CREDIT_CARD",
  context: ["credit", "card", "visa", "mastercard", "cc", "amex", "discover", "jcb", "diners", "maestro", "instapayment", "pan"],
  negativeContext: ["order", "invoice", "isbn", "tracking", "account", "sku", "serial", "imei"],
  mayContain: (p) => p.digits >= 12,
  find(text) {
    const spans: RawSpan[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const candidate = match[0];
      if (!hasCardGrouping(candidate)) continue;
      const digits = candidate.replace(/[ -]/g, "");
      if (/^(\d)\1+$/.test(digits) || !luhnValid(digits) || cardIssuer(digits) === undefined) continue;
      if (isInsideIdentifier(text, match.index, match.index + candidate.length)) continue;
      spans.push({ start: match.index, end: match.index + candidate.length, score: VALIDATED_SCORE });
    }
    return spans;
  },
});

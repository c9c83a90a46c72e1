import { isInsideIdentifier } from "../boundaries.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio NhsRecognizer: ten digits as 3-3-4 (0.5), validated by the NHS modulus 11 check digit. One ten-digit
// number in eleven passes that check, US phone numbers included, so we score a valid one 0.3 and let context
// ("nhs", "health", "patient", or a column called nhs_number) take it over 0.5.
const SCORE = 0.3;
const CANDIDATE = /(?<![A-Za-z0-9_])(\d{3})([- ]?)(\d{3})\2(\d{4})(?![0-9])/g;

/** NHS number check digit: weights 10..2 over the first nine digits, 11 - (sum mod 11), 11 → 0, 10 invalid. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export const ukNhsRecognizer = defineRecognizer({
  entity: "UK_NHS",
  context: ["nhs", "health", "patient", "national", "hospital", "gp"],
  negativeContext: ["phone", "tel", "mobile", "order", "invoice", "isbn", "call"],
  mayContain: (p) => p.digits >= 10,
  find(text) {
    const spans: RawSpan[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const digits = match[1]! + match[3]! + match[4]!;
      if (/^(\d)\1+$/.test(digits) || !nhsCheckDigitValid(digits)) continue;
      if (isInsideIdentifier(text, match.index, match.index + match[0].length)) continue;
      spans.push({ start: match.index, end: match.index + match[0].length, score: SCORE });
    }
    return spans;
  },
});

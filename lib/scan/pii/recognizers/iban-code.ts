import { getCountrySpecifications, isValidIBAN } from "ibantools";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio IbanRecognizer: "IBAN Generic" (0.5) over a country code, two check digits and groups of four,
// then the mod-97 check digits (ISO 13616) and the country's BBAN format decide: valid is 1.0, invalid dropped.
// Presidio retries shorter prefixes of the match so that "DE89370400440532013000 2 days" keeps the IBAN;
// we cut the match at the country's IBAN length instead. Upper case only, as in Presidio's default.
const VALIDATED_SCORE = 1.0;
const CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,8}(?:[ -]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;
const COUNTRY_LENGTHS = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars ? [[code, spec.chars] as const] : [])),
);

export const ibanCodeRecognizer = defineRecognizer({
  entity: "IBAN_CODE",
  context: ["iban", "bank", "account", "transaction", "transfer", "sepa", "payee", "beneficiary"],
  mayContain: (p) => p.upper >= 2 && p.digits >= 8,
  find(text) {
    const spans: RawSpan[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const length = COUNTRY_LENGTHS.get(match[0].slice(0, 2));
      if (length === undefined) continue;
      const end = endAfterAlphanumerics(match[0], length);
      if (end === undefined) continue;
      const iban = match[0].slice(0, end).replace(/[ -]/g, "");
      if (!isValidIBAN(iban)) continue;
      spans.push({ start: match.index, end: match.index + end, score: VALIDATED_SCORE });
    }
    return spans;
  },
});

/** Offset just after the n-th letter or digit of `candidate`, if a group boundary (separator or end) follows. */
function endAfterAlphanumerics(candidate: string, n: number): number | undefined {
  let seen = 0;
  for (let i = 0; i < candidate.length; i++) {
    const c = candidate[i];
    if (c === " " || c === "-") continue;
    seen++;
    if (seen === n) return i + 1 === candidate.length || candidate[i + 1] === " " || candidate[i + 1] === "-" ? i + 1 : undefined;
  }
  return undefined;
}

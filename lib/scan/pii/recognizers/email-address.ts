import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio EmailRecognizer ("Email (Medium)", score 0.5, then tldextract validation raises it to 1.0).
// Local part: RFC 5322 atext and dots, not starting or ending with a dot; domain: labels of letters, digits
// and inner hyphens (punycode "xn--" labels included), at least one dot. Without tldextract's public suffix
// list we accept a last label of 2+ letters (or punycode), which keeps "a@b.c1" and "x@localhost" out.
const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]";
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}!#$%&'*+/=?^_\`{|}~.@-])${ATEXT}(?:[.]?${ATEXT}){0,63}@${LABEL}(?:\\.${LABEL})+`, "gu");
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
const VALIDATED_SCORE = 1.0;

export const emailAddressRecognizer = defineRecognizer({
  entity: "EMAIL_ADDRESS",
  context: ["email", "mail", "e", "contact"],
  mayContain: (p) => p.at > 0 && p.dots > 0,
  find(text) {
    const spans: RawSpan[] = [];
    for (const match of text.matchAll(EMAIL)) {
      const value = match[0];
      const tld = value.slice(value.lastIndexOf(".") + 1);
      if (!TLD.test(tld)) continue;
      spans.push({ start: match.index, end: match.index + value.length, score: VALIDATED_SCORE });
    }
    return spans;
  },
});

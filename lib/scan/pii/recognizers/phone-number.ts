import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isInsideIdentifier } from "../boundaries.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import { phonePlan, type PhonePlan } from "../phone-plans.ts";
import type { RawSpan, Recognizer } from "../types.ts";

// Presidio PhoneRecognizer runs python-phonenumbers' PhoneNumberMatcher once per region (leniency VALID)
// and scores every valid number 0.4, leaving the rest to context ("phone", "tel", "mobile"…).
// We find candidates with one regex, then validate each against libphonenumber-js's metadata for the
// regions (phone-plans.ts). Departures, each to keep decoys out: a national number must be written with
// its region's trunk prefix ("030…" in DE, "020…" in GB, "01…" in FR; optional "1" in the US), so
// "2024-01-15" is not a German number; dates, IPv4 addresses, ISBN-like groupings and digits inside
// identifiers are refused; and a number in international format scores 0.7, one written with separators
// 0.5, a bare digit run 0.4 (Presidio's score).
export const DEFAULT_PHONE_REGIONS = ["US", "GB", "DE", "FR"] as const;
const INTERNATIONAL_SCORE = 0.7;
const FORMATTED_SCORE = 0.5;
const BARE_SCORE = 0.4;
// ASCII classes only (V8 runs them several times faster than \p{…}); isInsideIdentifier then refuses
// candidates glued to non-ASCII letters.
const CANDIDATE = /(?<![A-Za-z0-9_+.\/:-])(?:\+|\b00)?\s?(?:\(\d{1,5}\)|\d)[\d ().\-\/]{4,24}\d/g;
/** Card-shaped digit groups are the card recognizer's: 4111 1111 1111 1111, 4111-1111-1111-1111. */
const CARD_SHAPED = /^\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,4}$/;
const DATE_LIKE = /^(?:\d{4}[-\/.]\d{1,2}[-\/.]\d{1,2}|\d{1,2}[-\/.]\d{1,2}[-\/.]\d{2,4})$/;
const IPV4_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}(?!\d)/;

export interface PhoneNumberRecognizerOptions {
  /** ISO 3166 regions whose national formats are accepted, in order. @defaultValue US, GB, DE, FR */
  regions?: readonly string[];
}

/** A PHONE_NUMBER recognizer for the given regions (international format is accepted for any country). */
export function createPhoneNumberRecognizer(options: PhoneNumberRecognizerOptions = {}): Recognizer {
  const regions = options.regions ?? DEFAULT_PHONE_REGIONS;
  const plans = regions.map((region) => {
    const plan = phonePlan(region);
    if (!plan) throw new Error(`createPhoneNumberRecognizer: unknown phone region "${region}"`);
    return plan;
  });
  return defineRecognizer({
    entity: "PHONE_NUMBER",
    context: ["phone", "number", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax", "contact", "whatsapp", "handy", "telefon", "portable"],
    negativeContext: ["order", "invoice", "isbn", "tracking", "sku", "serial", "account", "id", "ssn", "social", "security", "routing", "version", "iban"],
    mayContain: (p) => p.digits >= 7,
    find(text) {
      const spans: RawSpan[] = [];
      for (const match of text.matchAll(CANDIDATE)) {
        const span = bestPhoneIn(text, match.index, match[0], plans);
        if (span) spans.push(span);
      }
      return spans;
    },
  });
}

export const phoneNumberRecognizer = createPhoneNumberRecognizer();

/**
 * The candidate as matched, then without its last group, its first group, or both (so "call 202-555-0143 2
 * times" keeps the number): the first that is a valid phone number, with its score.
 */
function bestPhoneIn(text: string, index: number, candidate: string, plans: readonly PhonePlan[]): RawSpan | undefined {
  const leading = candidate.length - candidate.trimStart().length;
  const value = candidate.trim();
  // Dates and IPv4 addresses are the commonest candidates; no part of them is a phone number.
  if (DATE_LIKE.test(value) || IPV4_LIKE.test(value) || DATE_PREFIX.test(value) || CARD_SHAPED.test(value)) return undefined;
  const start = index + leading;
  const cuts = groupBoundaries(value);
  const firstEnd = cuts[0];
  const lastStart = cuts[cuts.length - 1];
  const tries: [number, number][] = [[0, value.length]];
  if (lastStart !== undefined) tries.push([0, trimEnd(value, lastStart)]);
  if (firstEnd !== undefined && value[0] !== "+") tries.push([firstEnd, value.length]);
  if (firstEnd !== undefined && lastStart !== undefined && firstEnd < lastStart && value[0] !== "+") tries.push([firstEnd, trimEnd(value, lastStart)]);
  for (const [from, to] of tries) {
    const part = value.slice(from, to).trim();
    const offset = start + from + (value.slice(from, to).length - value.slice(from, to).trimStart().length);
    const score = phoneScore(part, plans);
    if (score !== undefined && !isInsideIdentifier(text, offset, offset + part.length) && !continuesIban(text, offset)) {
      return { start: offset, end: offset + part.length, score };
    }
  }
  return undefined;
}

const IBAN_HEAD = /[A-Z]{2}\d{2}(?:[ -][A-Z0-9]{4})+[ -]$/;

/** True when the digits continue an IBAN-shaped string ("NL51 CSLT 7373 4787 92", valid or not). */
function continuesIban(text: string, start: number): boolean {
  return start > 6 && IBAN_HEAD.test(text.slice(Math.max(0, start - 40), start));
}

/** Positions where the second group starts (first entry) and where the last group starts (last entry). */
function groupBoundaries(value: string): number[] {
  const starts: number[] = [];
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const previous = value.charCodeAt(i - 1);
    // A digit after a space, dot, hyphen or slash starts a group.
    if (c >= 48 && c <= 57 && (previous === 32 || previous === 46 || previous === 45 || previous === 47)) starts.push(i);
  }
  return starts.length === 0 ? [] : [starts[0]!, starts[starts.length - 1]!];
}

function trimEnd(value: string, lastGroupStart: number): number {
  let end = lastGroupStart;
  while (end > 0 && /[ .\-\/(]/.test(value[end - 1]!)) end--;
  return end;
}

/** The score of a written phone number, or undefined if it is not a valid one of the regions (or abroad). */
export function phoneScore(value: string, plans: readonly PhonePlan[]): number | undefined {
  let digitCount = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digitCount++;
  }
  if (digitCount < 7 || digitCount > 17) return undefined;
  if (!hasPhoneShape(value)) return undefined;
  const international = value.startsWith("+") || value.startsWith("00");
  // "+44 (0)20 7946 0958": the bracketed trunk prefix is not dialled from abroad.
  const digits = value.replace(/\(0\)/, "").replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15 || /^(\d)\1+$/.test(digits)) return undefined;
  if (international) {
    const e164 = value.startsWith("00") ? digits.slice(2) : digits;
    return isValidInternational(e164, plans) ? INTERNATIONAL_SCORE : undefined;
  }
  if (!plans.some((plan) => isValidNational(digits, plan))) return undefined;
  return /\D/.test(value) ? FORMATTED_SCORE : BARE_SCORE;
}

function hasPhoneShape(value: string): boolean {
  if (DATE_LIKE.test(value) || IPV4_LIKE.test(value)) return false;
  const separators = value.replace(/^\+/, "").replace(/[\d]/g, "");
  if (separators.length === 0) return true;
  // One kind of punctuation between groups (spaces may join parentheses): "(201) 555-0123", "030/1234567".
  if (/[.\-\/ ]{2,}/.test(value.replace(/\) /g, ")").replace(/ \(/g, "("))) return false;
  if ((value.match(/\//g)?.length ?? 0) > 1) return false;
  if (value.includes(".") && /[-\/]/.test(value)) return false;
  const open = value.split("(").length - 1;
  const close = value.split(")").length - 1;
  if (open !== close || open > 1 || (open === 1 && value.indexOf("(") > value.indexOf(")"))) return false;
  // ISBN-10/13 end with a single check character: "0-306-40615-2".
  const groups = value.split(/[ .\-\/()]+/).filter((g) => g !== "");
  if (groups.length >= 4 && groups[groups.length - 1]!.length === 1) return false;
  return true;
}

function isValidNational(digits: string, plan: PhonePlan): boolean {
  if (plan.nationalPrefix === "1") {
    // North American Numbering Plan: the trunk prefix 1 is optional in writing.
    const nsn = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
    return nsn.length === 10 && plan.isValidNationalNumber(nsn);
  }
  if (plan.nationalPrefix) {
    if (!digits.startsWith(plan.nationalPrefix) || digits.startsWith(plan.nationalPrefix + plan.nationalPrefix)) return false;
    return plan.isValidNationalNumber(digits.slice(plan.nationalPrefix.length));
  }
  return plan.isValidNationalNumber(digits);
}

function isValidInternational(e164: string, plans: readonly PhonePlan[]): boolean {
  for (const plan of plans) {
    if (e164.startsWith(plan.callingCode)) {
      if (plan.isValidNationalNumber(e164.slice(plan.callingCode.length))) return true;
    }
  }
  // A country outside the region list (or a NANP country other than the US): the library's full parse.
  return parsePhoneNumberFromString(`+${e164}`)?.isValid() ?? false;
}

import { isWordChar } from "../boundaries.ts";
import { CoveredOffsets } from "../covered-offsets.ts";
import { defineRecognizer } from "../define-recognizer.ts";
import type { RawSpan } from "../types.ts";

// Presidio DateRecognizer: ISO 8601 date-times at 0.8; mm/dd/yyyy, dd/mm/yyyy, yyyy/mm/dd, yyyy-mm-dd,
// dd.mm.yyyy and dd-MMM-yyyy at 0.6 (mm/yyyy 0.2 and mm/yy 0.1, which we leave out). Presidio does not check
// the calendar; we do (no 2023-02-29, no 31/04), accept month names ("March 5, 2024", "5 Mar 2024") at 0.6,
// and refuse "1.2.10"-like versions: a dotted date with a two-digit year needs two-digit day and month.
const ISO_SCORE = 0.8;
const DATE_SCORE = 0.6;
const MONTH_YEAR_SCORE = 0.5;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
// ASCII classes only, for speed; addUnlessOverlapping refuses matches glued to non-ASCII letters.
const NOT_BEFORE = "(?<![A-Za-z0-9_.:\\/-])";
const NOT_AFTER = "(?![A-Za-z0-9_]|[.:\\/-]\\d)";

const ISO_DATE_TIME = new RegExp(
  `${NOT_BEFORE}(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?(?![A-Za-z0-9_])`,
  "g",
);
const YEAR_FIRST = new RegExp(`${NOT_BEFORE}(\\d{4})([-\\/.])(\\d{1,2})\\2(\\d{1,2})${NOT_AFTER}`, "g");
const YEAR_LAST = new RegExp(`${NOT_BEFORE}(\\d{1,2})([-\\/.])(\\d{1,2})\\2(\\d{4}|\\d{2})${NOT_AFTER}`, "g");
const DAY_MONTH_NAME = new RegExp(
  `(?<![A-Za-z0-9])(\\d{1,2})(?:st|nd|rd|th)?(?:[ -]|\\s+of\\s+)${MONTH_NAME}\\.?[ ,-]\\s?(\\d{4}|\\d{2})(?![A-Za-z0-9])`,
  "gi",
);
const MONTH_NAME_DAY = new RegExp(`(?<![A-Za-z0-9])${MONTH_NAME}\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})(?![A-Za-z0-9])`, "gi");
const MONTH_NAME_YEAR = new RegExp(`(?<![A-Za-z0-9])${MONTH_NAME}\\.?[ -](\\d{4})(?![A-Za-z0-9]|[.:\\/-]\\d)`, "gi");

const NUMERIC_MARKER = /\d[-\/.]\d/;
// Bounded: "september" is "sep" and 6 letters more, and no date shape puts more than 2 of [ ,-] after the
// month. Unbounded `[a-z]*` rescanned a long run of letters from each "jan" in it: O(n²).
const MONTH_MARKER = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ ,-]{1,2}\d|\d[ -](?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Earlier shapes win: a date inside an ISO date-time is not reported again. */
function addUnlessOverlapping(spans: RawSpan[], covered: CoveredOffsets, start: number, end: number, score: number): void {
  if (covered.overlaps(start, end)) return;
  covered.add(start, end);
  spans.push({ start, end, score });
}

/** True for a real calendar date with a plausible year (1800-2199). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1]!;
}

/** Two-digit years read as 1930-2029, the usual sliding window. */
function fullYear(year: string): number {
  const y = Number(year);
  return year.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export const dateTimeRecognizer = defineRecognizer({
  entity: "DATE_TIME",
  context: ["date", "birthday", "born", "dob", "birth", "birthdate", "time", "timestamp", "created", "updated", "on", "since", "until", "expires", "day"],
  negativeContext: ["version", "ver", "v", "ip"],
  mayContain: (p) => p.digits >= 4,
  find(text) {
    const spans: RawSpan[] = [];
    const covered = new CoveredOffsets(text.length);
    if (text.includes(":") && text.includes("-")) {
      for (const m of text.matchAll(ISO_DATE_TIME)) {
        const [, y, mo, d, h, mi, s] = m;
        if (isCalendarDate(Number(y), Number(mo), Number(d)) && Number(h) < 24 && Number(mi) < 60 && (s === undefined || Number(s) < 61)) {
          addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, ISO_SCORE);
        }
      }
    }
    // The numeric shapes need a digit, a separator and a digit; month names need a month's first letters.
    const numeric = NUMERIC_MARKER.test(text);
    if (numeric) {
      for (const m of text.matchAll(YEAR_FIRST)) {
        const [, y, , mo, d] = m;
        if (isCalendarDate(Number(y), Number(mo), Number(d))) addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, DATE_SCORE);
      }
    }
    for (const m of numeric ? text.matchAll(YEAR_LAST) : []) {
      const [, a, separator, b, y] = m as unknown as [string, string, string, string, string];
      if (y.length === 2 && separator !== "/" && (a.length !== 2 || b.length !== 2)) continue;
      if (y.length === 2 && separator === "-") continue;
      const year = fullYear(y);
      // Month first (US) or day first (most elsewhere): either reading must be a real date.
      if (isCalendarDate(year, Number(a), Number(b)) || isCalendarDate(year, Number(b), Number(a))) {
        addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, DATE_SCORE);
      }
    }
    if (MONTH_MARKER.test(text)) {
      for (const m of text.matchAll(DAY_MONTH_NAME)) {
        const month = monthNumber(/\p{L}+/u.exec(m[0].slice(m[1]!.length).replace(/^(?:st|nd|rd|th)/i, "").replace(/^\s+of\s+/i, ""))?.[0] ?? "");
        if (isCalendarDate(fullYear(m[2]!), month, Number(m[1]))) addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, DATE_SCORE);
      }
      for (const m of text.matchAll(MONTH_NAME_DAY)) {
        if (isCalendarDate(Number(m[2]), monthNumber(m[0]), Number(m[1]))) addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, DATE_SCORE);
      }
      for (const m of text.matchAll(MONTH_NAME_YEAR)) {
        if (isCalendarDate(Number(m[1]), monthNumber(m[0]), 1)) addUnlessOverlapping(spans, covered, m.index, m.index + m[0].length, MONTH_YEAR_SCORE);
      }
    }
    // A date glued to a (non-ASCII) letter is part of a word.
    return spans.filter((span) => !isWordChar(text.charCodeAt(span.start - 1)) && !isWordChar(text.charCodeAt(span.end)));
  },
});

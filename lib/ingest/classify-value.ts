/** The column types ingest infers. `json` holds nested objects and arrays from JSON Lines. */
export type ColumnType = "integer" | "number" | "boolean" | "date" | "datetime" | "string" | "json";

/** What one value is: a column type, or null for a missing value. */
export type ValueKind = ColumnType | "null";

// No leading "+": "+4930…" is a phone number. At most 15 digits: longer runs (card numbers, ids)
// do not survive a double.
const INTEGER = /^-?(0|[1-9]\d{0,14})$/;
const NUMBER = /^-?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const BOOLEAN = /^(true|false)$/i;
const NULL_TOKENS = new Set(["", "null", "NULL"]);

/**
 * Classifies a value as text appears in a CSV cell (`fromText`), or as JSON gave it. Digits that a
 * number would mangle stay strings: a leading zero ("02134", a postcode), a leading "+" (a phone
 * number) or more than 15 digits (a card number).
 * Runs in O(length of the value).
 */
export function classifyValue(value: unknown, fromText: boolean): ValueKind {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "object") return "json";
  if (typeof value !== "string") return "string";
  const text = fromText ? value.trim() : value;
  if (fromText && NULL_TOKENS.has(text)) return "null";
  if (fromText) {
    if (INTEGER.test(text)) return "integer";
    if (NUMBER.test(text) && !/^-?0\d/.test(text) && !/^-?\d{16,}$/.test(text)) return "number";
    if (BOOLEAN.test(text)) return "boolean";
  }
  if (DATE.test(text)) return isCalendarDate(text) ? "date" : "string";
  if (DATETIME.test(text)) return isCalendarDate(text.slice(0, 10)) && validTime(text) ? "datetime" : "string";
  return "string";
}

function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function validTime(text: string): boolean {
  const hours = Number(text.slice(11, 13));
  const minutes = Number(text.slice(14, 16));
  const seconds = text[16] === ":" ? Number(text.slice(17, 19)) : 0;
  return hours < 24 && minutes < 60 && seconds < 61;
}

/** The narrowest type holding every kind seen: integer ⊂ number, date ⊂ datetime, anything else mixed → string. */
export function widenTypes(kinds: ReadonlySet<ColumnType>): ColumnType {
  if (kinds.size === 0) return "string";
  if (kinds.size === 1) return [...kinds][0]!;
  const only = (...allowed: ColumnType[]) => [...kinds].every((kind) => allowed.includes(kind));
  if (only("integer", "number")) return "number";
  if (only("date", "datetime")) return "datetime";
  return "string";
}

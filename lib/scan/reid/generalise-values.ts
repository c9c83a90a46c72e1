// Value generalisations for suggested recodings. Each returns null when the value does not fit
// (not a number, not a date), and the caller then keeps the value as it is.

const NUMBER = /^\s*[+]?\d+(\.\d+)?\s*$/;

/**
 * The `width`-year band holding an age: 34 → "30-34" (width 5), "30-39" (width 10).
 *
 * @example ageBand("34", 5) // "30-34"
 */
export function ageBand(value: string, width: number): string | null {
  if (!NUMBER.test(value)) return null;
  const low = Math.floor(Number(value) / width) * width;
  return `${low}-${low + width - 1}`;
}

const YEAR_FIRST = /^\s*(\d{4})([-/.]\d{1,2}([-/.]\d{1,2})?)?([T ].*)?$/;
const YEAR_LAST = /^\s*\d{1,2}[-/.]\d{1,2}[-/.](\d{4})\s*$/;

/**
 * The year of a date: ISO-like "1984-03-07" (with or without a time), "1984/3/7", "1984-03",
 * "1984", or day and month first "07/03/1984" (either order: only the year is taken).
 *
 * @example yearOf("07/03/1984") // "1984"
 */
export function yearOf(value: string): string | null {
  return YEAR_FIRST.exec(value)?.[1] ?? YEAR_LAST.exec(value)?.[1] ?? null;
}

/**
 * The first `length` characters of a postcode, spaces removed and letters uppercased (so
 * "sw1a 1aa" and "SW1A1AA" agree): "SW1A 1AA" → "SW1A" (length 4); US ZIP 02139 → "021" (length
 * 3, as HIPAA Safe Harbor keeps).
 *
 * @example postcodePrefix("SW1A 1AA", 4) // "SW1A"
 */
export function postcodePrefix(value: string, length: number): string {
  return value.replace(/\s+/g, "").toUpperCase().slice(0, length);
}

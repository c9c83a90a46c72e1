/** Integer with thousands separators: `formatCount(1234567)` is `"1,234,567"`; null gives `"—"`. */
export function formatCount(value: number | bigint | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const n = typeof value === "bigint" ? value : Number(value);
  if (typeof n === "number" && !Number.isFinite(n)) return "—";
  // A fixed locale so the server and the browser print the same digits.
  return n.toLocaleString("en-US");
}

/**
 * The start of a hash for display: `shortHash("9f86d081884c…", 12)` is `"9f86d081884c"`.
 * The full value stays available to copy; 12 hex digits (48 bits) tell versions apart at a glance.
 */
export function shortHash(hash: string | null | undefined, length = 12): string {
  if (!hash) return "—";
  return hash.length <= length ? hash : hash.slice(0, length);
}

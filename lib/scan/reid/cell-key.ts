/**
 * The exact value a quasi-identifier cell groups by, or null when it is missing. Strings are
 * taken as they are (no trimming or case folding: "Paris" and "paris " are different values);
 * numbers and booleans by their JavaScript string form (JSON 30 and "30" group together); other
 * JSON values by their JSON text. Missing means an absent field, null or the empty string (how a
 * CSV writes a missing cell); all missing cells of a column are one value of their own, distinct
 * from every present value, so records missing the same fields group together.
 *
 * @example cellKey(30) // "30"
 * @example cellKey("") // null
 */
export function cellKey(value: unknown): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

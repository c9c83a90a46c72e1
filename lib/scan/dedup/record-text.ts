/**
 * The text of a record that duplicate detection compares: `fields[field]` when a field is named,
 * else the record's `text` field when it has one, else every field's value joined by spaces in
 * the order of the field names (sorted by UTF-16 code units, so the order never depends on the
 * file). The `id` field is left out of that join: it names the record (JSON Lines ids come from
 * it) and would make every record unique. Missing values count as "".
 *
 * @example recordText({ id: 7, title: "A", body: "b" }) // "b A" ("body" sorts before "title")
 */
export function recordText(fields: Record<string, unknown>, field?: string): string {
  if (field !== undefined) return cellText(fields[field]);
  if (Object.hasOwn(fields, "text")) return cellText(fields.text);
  const names = Object.keys(fields).sort();
  let text = "";
  let first = true;
  for (const name of names) {
    if (name === "id") continue;
    text = first ? cellText(fields[name]) : `${text} ${cellText(fields[name])}`;
    first = false;
  }
  return text;
}

function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

// The column schema's JSON shape belongs to the ingest worker; this accepts the plausible forms
// (a list of column objects, `{ columns: [...] }`, or a name → type map) and returns one row per column.

export type ColumnRow = Record<string, unknown> & { name: string };

/** One row per column, each with a `name`; null when there is no usable schema. */
export function columnsOf(schema: unknown): ColumnRow[] | null {
  if (schema === null || schema === undefined) return null;
  let list: unknown = schema;
  if (!Array.isArray(list) && typeof list === "object" && Array.isArray((list as { columns?: unknown }).columns)) {
    list = (list as { columns: unknown[] }).columns;
  }
  if (Array.isArray(list)) {
    return list
      .filter((item): item is Record<string, unknown> => !!item && typeof item === "object")
      .map((item, index) => ({ ...item, name: String(item.name ?? item.column ?? item.key ?? `column ${index + 1}`) }));
  }
  if (typeof list === "object") {
    return Object.entries(list as Record<string, unknown>).map(([name, value]) =>
      value && typeof value === "object" ? { ...(value as Record<string, unknown>), name } : { name, type: value },
    );
  }
  return null;
}

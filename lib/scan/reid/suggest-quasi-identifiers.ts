import { quasiIdentifierKind, type QuasiIdentifierKind } from "./quasi-identifier-kind.ts";

export interface QuasiIdentifierSuggestion {
  column: string;
  kind: QuasiIdentifierKind;
}

/**
 * The columns that look like quasi-identifiers (see quasiIdentifierKind), in column order, from
 * the column names and a sample of records. Direct identifiers (name, email, …) are not
 * quasi-identifiers and are left to the PII scan.
 *
 * @example suggestQuasiIdentifiers(["id", "age", "zip", "diagnosis"]) // [{ column: "age", kind: "age" }, { column: "zip", kind: "postcode" }]
 */
export function suggestQuasiIdentifiers(
  columns: readonly string[],
  sample: readonly Record<string, unknown>[] = [],
): QuasiIdentifierSuggestion[] {
  const suggestions: QuasiIdentifierSuggestion[] = [];
  for (const column of columns) {
    const values = sample.map((fields) => {
      const value = fields[column];
      return value === undefined || value === null ? null : String(value);
    });
    const kind = quasiIdentifierKind(column, values);
    if (kind !== null) suggestions.push({ column, kind });
  }
  return suggestions;
}

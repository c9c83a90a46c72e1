import { combineCodes, singleGroup, type Coding } from "./combine-codes.ts";
import type { ColumnCodes } from "./column-codes.ts";
import { classSizes } from "./equivalence-classes.ts";
import { ageBand, postcodePrefix, yearOf } from "./generalise-values.ts";
import { quasiIdentifierKind, type QuasiIdentifierKind } from "./quasi-identifier-kind.ts";
import type { QuasiIdentifierTable } from "./quasi-identifier-table.ts";
import { summariseClasses } from "./summarise-classes.ts";

export interface GeneralisationSuggestion {
  column: string;
  /** `age_band`: ages in bands of `size` years; `year`: dates to their year; `prefix`: the first `size` characters of a postcode; `drop`: leave the column out. */
  method: "age_band" | "year" | "prefix" | "drop";
  size?: number;
  description: string;
  /** The k-anonymity the data would reach with this one change. */
  k: number;
  /** Records that would still be in classes smaller than the threshold. */
  recordsAtRisk: number;
  classes: number;
}

export interface SuggestGeneralisationsOptions {
  /** The k to reach. @defaultValue 5 */
  threshold?: number;
  /** Column kinds, where known; otherwise guessed by quasiIdentifierKind from name and values. */
  kinds?: ReadonlyMap<string, QuasiIdentifierKind | null>;
}

/**
 * One-step generalisations of the quasi-identifiers, each with the k (and records at risk) the
 * data would reach: ages to 5- and 10-year bands, dates (of birth) to years, postcodes to shorter
 * prefixes (one character less at a time, stopping at the first that reaches the threshold), and
 * dropping each quasi-identifier. Works on the coded table, never re-reading the data: the classes
 * without column j are folded once from prefix and suffix foldings, so each suggestion costs one
 * combineCodes pass over the records. Runs in O(records · (columns + suggestions)).
 */
export function suggestGeneralisations(table: QuasiIdentifierTable, options: SuggestGeneralisationsOptions = {}): GeneralisationSuggestion[] {
  const threshold = options.threshold ?? 5;
  const columns = table.quasiIdentifiers;
  const n = table.records;
  if (n === 0 || columns.length === 0) return [];
  const codings: Coding[] = columns.map((column) => ({ codes: column.codes, cardinality: column.cardinality }));
  const q = codings.length;
  // prefix[j]: classes over columns 0..j-1; suffix[j]: over columns j..q-1.
  const prefix: Coding[] = [singleGroup(n)];
  for (let j = 0; j < q - 1; j++) prefix.push(combineCodes(prefix[j]!, codings[j]!));
  const suffix: Coding[] = new Array(q + 1);
  suffix[q] = singleGroup(n);
  for (let j = q - 1; j >= 1; j--) suffix[j] = combineCodes(codings[j]!, suffix[j + 1]!);

  const suggestions: GeneralisationSuggestion[] = [];
  const measure = (classes: Coding) => summariseClasses(classSizes(classes), threshold);
  columns.forEach((column, j) => {
    const without = combineCodes(prefix[j]!, suffix[j + 1]!);
    const kind = options.kinds?.has(column.name) ? options.kinds.get(column.name)! : quasiIdentifierKind(column.name, column.values);
    const tryRecoding = (method: GeneralisationSuggestion["method"], size: number | undefined, description: string, recode: (value: string) => string | null) => {
      const generalised = recodeColumn(column, recode);
      if (generalised.cardinality === column.cardinality) return undefined; // changes nothing
      const { k, recordsAtRisk, classes } = measure(combineCodes(without, generalised));
      const suggestion: GeneralisationSuggestion = { column: column.name, method, ...(size === undefined ? {} : { size }), description, k, recordsAtRisk, classes };
      suggestions.push(suggestion);
      return suggestion;
    };
    if (kind === "age") {
      for (const width of [5, 10]) tryRecoding("age_band", width, `${column.name} in ${width}-year bands`, (value) => ageBand(value, width));
    } else if (kind === "date_of_birth" || kind === "date") {
      tryRecoding("year", undefined, `${column.name} to the year`, yearOf);
    } else if (kind === "postcode") {
      for (let length = typicalLength(column) - 1; length >= 1; length--) {
        const reached = tryRecoding("prefix", length, `${column.name} to its first ${length} character${length === 1 ? "" : "s"}`, (value) =>
          postcodePrefix(value, length),
        );
        if (reached && reached.k >= threshold) break;
      }
    }
    const { k, recordsAtRisk, classes } = measure(q === 1 ? singleGroup(n) : without);
    suggestions.push({ column: column.name, method: "drop", description: `drop ${column.name}`, k, recordsAtRisk, classes });
  });
  return suggestions;
}

/** The column with each distinct value recoded (null from `recode`: keep the value). Missing stays missing. */
function recodeColumn(column: ColumnCodes, recode: (value: string) => string | null): Coding {
  const newCodeOf = new Int32Array(column.cardinality);
  const codeOfValue = new Map<string | null, number>();
  column.values.forEach((value, code) => {
    const generalised = value === null ? null : (recode(value) ?? value);
    let newCode = codeOfValue.get(generalised);
    if (newCode === undefined) {
      newCode = codeOfValue.size;
      codeOfValue.set(generalised, newCode);
    }
    newCodeOf[code] = newCode;
  });
  const source = column.codes;
  const codes = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) codes[i] = newCodeOf[source[i]!]!;
  return { codes, cardinality: codeOfValue.size };
}

/** The most common length of the column's values, spaces removed (5 for US ZIP codes). */
function typicalLength(column: ColumnCodes): number {
  const counts = new Map<number, number>();
  for (const value of column.values) {
    if (value === null) continue;
    const length = value.replace(/\s+/g, "").length;
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [length, count] of counts) if (count > bestCount || (count === bestCount && length > best)) [best, bestCount] = [length, count];
  return best;
}

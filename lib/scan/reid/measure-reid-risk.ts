import type { Coding } from "./combine-codes.ts";
import { distinctLDiversity } from "./distinct-l-diversity.ts";
import { classSizes, equivalenceClasses } from "./equivalence-classes.ts";
import type { QuasiIdentifierTable } from "./quasi-identifier-table.ts";
import { suggestGeneralisations, type GeneralisationSuggestion, type SuggestGeneralisationsOptions } from "./suggest-generalisations.ts";
import { summariseClasses, type ClassSummary } from "./summarise-classes.ts";

export interface ReidRisk extends ClassSummary {
  /** Distinct l-diversity of the sensitive column; null without one. */
  lDiversity: number | null;
  /** The k that records are at risk below. */
  threshold: number;
  generalisations: GeneralisationSuggestion[];
}

export interface MeasureReidRiskOptions extends SuggestGeneralisationsOptions {
  /** Also compute suggested generalisations. @defaultValue true */
  generalise?: boolean;
}

/**
 * Re-identification risk of a coded table: equivalence classes over its quasi-identifiers (exact
 * values, missing values grouping together), the k-anonymity reached, records in classes smaller
 * than `threshold`, prosecutor risks, distinct l-diversity of the sensitive column, and suggested
 * generalisations. Runs in O(records · (quasi-identifiers + suggestions)).
 *
 * @throws if threshold is not a positive integer.
 */
export function measureReidRisk(table: QuasiIdentifierTable, options: MeasureReidRiskOptions = {}): ReidRisk {
  const threshold = options.threshold ?? 5;
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`measureReidRisk: threshold must be a positive integer, got ${threshold}`);
  const codings: Coding[] = table.quasiIdentifiers.map((column) => ({ codes: column.codes, cardinality: column.cardinality }));
  const classes = equivalenceClasses(codings, table.records);
  const summary = summariseClasses(classSizes(classes), threshold);
  const sensitive = table.sensitive;
  const lDiversity = sensitive === null ? null : distinctLDiversity(classes, { codes: sensitive.codes, cardinality: sensitive.cardinality });
  const generalisations = options.generalise === false ? [] : suggestGeneralisations(table, { ...options, threshold });
  return { ...summary, lDiversity, threshold, generalisations };
}

import { combineCodes, singleGroup, type Coding } from "./combine-codes.ts";

/**
 * Equivalence classes over quasi-identifiers: records are in one class exactly when they have the
 * same value in every quasi-identifier (Sweeney 2002, "k-anonymity: a model for protecting
 * privacy", doi:10.1142/S0218488502001648). Columns are folded pairwise with
 * combineCodes, so a tuple of values never becomes a string key. No columns: one class.
 * Runs in O(records · columns).
 *
 * @example equivalenceClasses([{ codes: Int32Array.of(0, 1, 0), cardinality: 2 }], 3) // { codes: [0, 1, 0], cardinality: 2 }
 */
export function equivalenceClasses(columns: readonly Coding[], length: number): Coding {
  if (columns.length === 0) return singleGroup(length);
  let classes: Coding = { codes: columns[0]!.codes, cardinality: columns[0]!.cardinality };
  for (let i = 1; i < columns.length; i++) classes = combineCodes(classes, columns[i]!);
  return classes;
}

/** The number of records in each class. Runs in O(records). */
export function classSizes(classes: Coding): Int32Array {
  const sizes = new Int32Array(classes.cardinality);
  for (let i = 0; i < classes.codes.length; i++) sizes[classes.codes[i]!]!++;
  return sizes;
}

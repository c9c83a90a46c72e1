export interface ClassSummary {
  records: number;
  classes: number;
  /** The k of k-anonymity reached: the smallest class size (0 without records). */
  k: number;
  /** Records in classes smaller than the threshold k. */
  recordsAtRisk: number;
  /** Highest re-identification probability of one record under the prosecutor model: 1 / smallest class. */
  prosecutorMaxRisk: number;
  /** Average of 1 / (class size) over records, which is classes / records. */
  prosecutorAvgRisk: number;
}

/**
 * k-anonymity and prosecutor risk from class sizes. The prosecutor (who knows their target is in
 * the data) picks at random among the records matching the target's quasi-identifiers, so a record
 * in a class of size f is re-identified with probability 1/f (El Emam & Dankar 2008, "Protecting
 * privacy using k-anonymity", doi:10.1197/jamia.M2716); averaged
 * over records that is classes / records. Runs in O(classes).
 *
 * @example summariseClasses(Int32Array.of(1, 3), 2) // { records: 4, classes: 2, k: 1, recordsAtRisk: 1, prosecutorMaxRisk: 1, prosecutorAvgRisk: 0.5 }
 */
export function summariseClasses(sizes: Int32Array, threshold: number): ClassSummary {
  let records = 0;
  let smallest = Infinity;
  let recordsAtRisk = 0;
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i]!;
    records += size;
    if (size < smallest) smallest = size;
    if (size < threshold) recordsAtRisk += size;
  }
  if (records === 0) return { records: 0, classes: 0, k: 0, recordsAtRisk: 0, prosecutorMaxRisk: 0, prosecutorAvgRisk: 0 };
  return {
    records,
    classes: sizes.length,
    k: smallest,
    recordsAtRisk,
    prosecutorMaxRisk: 1 / smallest,
    prosecutorAvgRisk: sizes.length / records,
  };
}

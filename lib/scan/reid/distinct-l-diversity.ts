import { combineCodes, type Coding } from "./combine-codes.ts";

/**
 * Distinct l-diversity: the smallest number of distinct sensitive values in any equivalence class
 * (the simplest instantiation in Machanavajjhala et al. 2007, "l-diversity: privacy beyond
 * k-anonymity", doi:10.1145/1217299.1217302). A class whose records all share one sensitive
 * value (l = 1) discloses it to anyone who places a person in the class. Missing sensitive values
 * count as one value. 0 without records. Runs in O(records).
 *
 * @example distinctLDiversity({ codes: Int32Array.of(0, 0, 1), cardinality: 2 }, { codes: Int32Array.of(0, 1, 1), cardinality: 2 }) // 1
 */
export function distinctLDiversity(classes: Coding, sensitive: Coding): number {
  if (classes.cardinality === 0) return 0;
  const pairs = combineCodes(classes, sensitive);
  const seen = new Uint8Array(pairs.cardinality);
  const distinct = new Int32Array(classes.cardinality);
  for (let i = 0; i < pairs.codes.length; i++) {
    const pair = pairs.codes[i]!;
    if (seen[pair] === 0) {
      seen[pair] = 1;
      distinct[classes.codes[i]!]!++;
    }
  }
  let smallest = Infinity;
  for (let c = 0; c < distinct.length; c++) if (distinct[c]! < smallest) smallest = distinct[c]!;
  return smallest;
}

/** Per-record codes of some grouping, dense in [0, cardinality). */
export interface Coding {
  codes: Int32Array;
  cardinality: number;
}

// Below this many (x, y) combinations a direct lookup table beats hashing.
const DENSE_TABLE_LIMIT = 1 << 22;

/**
 * The coding of the pair (x, y) per record: records get the same code exactly when both their x
 * and y codes are equal, codes dense in order of first appearance. Folding columns pairwise this
 * way groups records by a whole tuple of values with integer work only: a lookup table when the
 * x·y combinations are few, else an open-addressing hash table on the two int32 codes.
 * Runs in O(records).
 *
 * @example combineCodes({ codes: Int32Array.of(0, 0, 1), cardinality: 2 }, { codes: Int32Array.of(0, 1, 1), cardinality: 2 })
 * // { codes: Int32Array [0, 1, 2], cardinality: 3 }
 */
export function combineCodes(x: Coding, y: Coding): Coding {
  const length = x.codes.length;
  if (y.codes.length !== length) throw new Error(`combineCodes: codings differ in length (${length} and ${y.codes.length})`);
  // One group on either side changes nothing, nor does pairing with a coding where every record is
  // alone (its codes are then 0, 1, 2, … in record order): codings are dense in order of first appearance.
  if (x.cardinality <= 1 || y.cardinality === length) return y;
  if (y.cardinality <= 1 || x.cardinality === length) return x;
  const out = new Int32Array(length);
  const combinations = x.cardinality * y.cardinality;
  if (combinations <= DENSE_TABLE_LIMIT) {
    const table = new Int32Array(combinations).fill(-1);
    const yCardinality = y.cardinality;
    let next = 0;
    for (let i = 0; i < length; i++) {
      const slot = x.codes[i]! * yCardinality + y.codes[i]!;
      let code = table[slot]!;
      if (code === -1) table[slot] = code = next++;
      out[i] = code;
    }
    return { codes: out, cardinality: next };
  }
  // Power-of-two table at most half full (distinct pairs never exceed the record count), one slot
  // = 4 int32s (x, y, code, unused) so a probe touches one cache line.
  let size = 16;
  while (size < 2 * length) size *= 2;
  const mask = size - 1;
  const table = scratchTable(size * 4);
  let next = 0;
  for (let i = 0; i < length; i++) {
    const a = x.codes[i]!;
    const b = y.codes[i]!;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = (h & mask) << 2;
    for (;;) {
      const stored = table[slot]!;
      if (stored === -1) {
        table[slot] = a;
        table[slot + 1] = b;
        table[slot + 2] = next;
        out[i] = next++;
        break;
      }
      if (stored === a && table[slot + 1] === b) {
        out[i] = table[slot + 2]!;
        break;
      }
      slot = (slot + 4) & (mask << 2 | 3);
    }
  }
  return { codes: out, cardinality: next };
}

// One hash table reused across calls: a scan folds ~20 codings of a million records, and fresh
// 32 MB tables each time cost more in allocation and GC pressure than the folding itself.
let scratch = new Int32Array(0);

function scratchTable(length: number): Int32Array {
  if (scratch.length < length) scratch = new Int32Array(length);
  const table = scratch.subarray(0, length);
  table.fill(-1);
  return table;
}

/** The coding that puts every record in one group (grouping by no column at all). */
export function singleGroup(length: number): Coding {
  return { codes: new Int32Array(length), cardinality: length > 0 ? 1 : 0 };
}

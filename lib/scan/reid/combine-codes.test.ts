import { describe, expect, it } from "vitest";
import { combineCodes, singleGroup, type Coding } from "./combine-codes.ts";

/** The obvious implementation, grouping by a string key: the reference. */
function reference(x: Coding, y: Coding): Coding {
  const codeOf = new Map<string, number>();
  const codes = Int32Array.from(x.codes, (a, i) => {
    const key = `${a},${y.codes[i]}`;
    if (!codeOf.has(key)) codeOf.set(key, codeOf.size);
    return codeOf.get(key)!;
  });
  return { codes, cardinality: codeOf.size };
}

function randomCoding(length: number, cardinality: number, seed: number): Coding {
  let state = seed;
  const raw = Array.from({ length }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % cardinality; // the high bits: an LCG's low bits cycle quickly
  });
  // Renumber densely in order of first appearance, as ColumnCodes does.
  const dense = new Map<number, number>();
  const codes = Int32Array.from(raw, (value) => {
    if (!dense.has(value)) dense.set(value, dense.size);
    return dense.get(value)!;
  });
  return { codes, cardinality: dense.size };
}

describe("combineCodes", () => {
  it("groups records by the pair of codes", () => {
    const x = { codes: Int32Array.of(0, 0, 1, 0, 1), cardinality: 2 };
    const y = { codes: Int32Array.of(0, 1, 1, 0, 1), cardinality: 2 };
    expect(combineCodes(x, y)).toEqual({ codes: Int32Array.of(0, 1, 2, 0, 2), cardinality: 3 });
  });

  it("matches the string-key reference through the lookup table (few combinations)", () => {
    const x = randomCoding(20_000, 40, 1);
    const y = randomCoding(20_000, 30, 2);
    expect(combineCodes(x, y)).toEqual(reference(x, y));
  });

  it("matches the string-key reference through the hash table (many combinations)", () => {
    const x = randomCoding(60_000, 5000, 3);
    const y = randomCoding(60_000, 5000, 4);
    expect(x.cardinality * y.cardinality).toBeGreaterThan(1 << 22);
    expect(combineCodes(x, y)).toEqual(reference(x, y));
  });

  it("passes a coding through when the other side has one group or all records apart", () => {
    const x = randomCoding(100, 7, 5);
    expect(combineCodes(singleGroup(100), x)).toBe(x);
    expect(combineCodes(x, singleGroup(100))).toBe(x);
    const unique = { codes: Int32Array.from({ length: 100 }, (_, i) => i), cardinality: 100 };
    expect(combineCodes(x, unique)).toBe(unique);
  });

  it("refuses codings of different lengths", () => {
    expect(() => combineCodes(singleGroup(2), { codes: Int32Array.of(0, 1, 0), cardinality: 2 })).toThrow(/differ in length/);
  });
});

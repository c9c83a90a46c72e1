import { describe, expect, it } from "vitest";
import { findOverlap } from "./find-overlap.ts";

const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`);
const BASE = WORDS.join(" ");
const LAST_CHANGED = [...WORDS.slice(0, 39), "other"].join(" ");
const UNRELATED = Array.from({ length: 40 }, (_, i) => `u${i}`).join(" ");
const record = (id: string, text: string) => ({ id, fields: { text } });

describe("findOverlap", () => {
  it("pairs records of A with records of B only, a from A and b from B", () => {
    const train = [record("t0", BASE), record("t1", BASE), record("t2", UNRELATED)];
    const test = [record("e0", "something else"), record("e1", LAST_CHANGED.toUpperCase()), record("e2", BASE)];
    expect(findOverlap(train, test)).toEqual([
      { a: "t0", b: "e1", jaccard: 35 / 37 },
      { a: "t0", b: "e2", jaccard: 1 },
      { a: "t1", b: "e1", jaccard: 35 / 37 },
      { a: "t1", b: "e2", jaccard: 1 },
    ]);
  });

  it("ignores duplicates inside B", () => {
    expect(findOverlap([record("a", UNRELATED)], [record("b0", BASE), record("b1", BASE)])).toEqual([]);
  });

  it("finds nothing when either side is empty", () => {
    expect(findOverlap([], [record("b", BASE)])).toEqual([]);
    expect(findOverlap([record("a", BASE)], [])).toEqual([]);
  });
});

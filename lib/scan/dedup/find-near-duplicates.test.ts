import { describe, expect, it } from "vitest";
import { findNearDuplicates } from "./find-near-duplicates.ts";
import { NearDuplicateIndex } from "./near-duplicate-index.ts";

// 40 distinct words: 36 shingles. Changing the last word changes only the last shingle, so the
// exact Jaccard is 35 shared / 37 in the union; changing word 20 changes shingles 16..20 (5 of
// them): 31 / 41. Word lists built by hand so those counts can be checked by eye.
const WORDS = Array.from({ length: 40 }, (_, i) => `w${i}`);
const BASE = WORDS.join(" ");
const LAST_CHANGED = [...WORDS.slice(0, 39), "other"].join(" ");
const MIDDLE_CHANGED = [...WORDS.slice(0, 20), "other", ...WORDS.slice(21)].join(" ");
const UNRELATED = Array.from({ length: 40 }, (_, i) => `u${i}`).join(" ");

const record = (id: string, text: string) => ({ id, fields: { text } });

describe("findNearDuplicates", () => {
  it("reports exact duplicates (up to case and whitespace) with Jaccard 1", () => {
    const pairs = findNearDuplicates([record("a", BASE), record("b", UNRELATED), record("c", `  ${BASE.toUpperCase().replaceAll(" ", "\n\t")} `)]);
    expect(pairs).toEqual([{ a: "a", b: "c", jaccard: 1 }]);
  });

  it("reports near duplicates with their exact Jaccard similarity, each pair once in record order", () => {
    const pairs = findNearDuplicates([record("0", LAST_CHANGED), record("1", UNRELATED), record("2", BASE), record("3", BASE)]);
    expect(pairs).toEqual([
      { a: "0", b: "2", jaccard: 35 / 37 },
      { a: "0", b: "3", jaccard: 35 / 37 },
      { a: "2", b: "3", jaccard: 1 },
    ]);
  });

  it("leaves out pairs below the threshold, and finds them under a lower one", () => {
    const records = [record("base", BASE), record("middle", MIDDLE_CHANGED)];
    expect(findNearDuplicates(records)).toEqual([]);
    expect(findNearDuplicates(records, { threshold: 0.7 })).toEqual([{ a: "base", b: "middle", jaccard: 31 / 41 }]);
  });

  it("compares the named field only", () => {
    const records = [
      { id: "x", fields: { title: "Same title here", body: BASE } },
      { id: "y", fields: { title: "same   TITLE here", body: UNRELATED } },
    ];
    expect(findNearDuplicates(records, { field: "title" })).toEqual([{ a: "x", b: "y", jaccard: 1 }]);
    expect(findNearDuplicates(records)).toEqual([]);
  });

  it("treats short texts as one shingle: equal or not at all", () => {
    expect(findNearDuplicates([record("a", "hello world"), record("b", "Hello  World"), record("c", "hello there")])).toEqual([
      { a: "a", b: "b", jaccard: 1 },
    ]);
  });

  it("returns nothing for no records or one", () => {
    expect(findNearDuplicates([])).toEqual([]);
    expect(findNearDuplicates([record("a", BASE)])).toEqual([]);
  });

  it("finds planted near-copies among many random texts, and nothing else", () => {
    let state = 99;
    const word = () => `v${(state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 5000}`;
    const texts = Array.from({ length: 400 }, () => Array.from({ length: 60 }, word));
    // Records 400..419: copies of records 0, 20, 40, … with the last word changed (J = 55/57).
    const copies = Array.from({ length: 20 }, (_, i) => [...texts[i * 20]!.slice(0, 59), "changed"]);
    const records = [...texts, ...copies].map((words, i) => record(String(i), words.join(" ")));
    const pairs = findNearDuplicates(records);
    expect(pairs).toEqual(Array.from({ length: 20 }, (_, i) => ({ a: String(i * 20), b: String(400 + i), jaccard: 55 / 57 })));
  });
});

describe("NearDuplicateIndex", () => {
  it("chooses bands and rows for the threshold, weighing false negatives", () => {
    const index = new NearDuplicateIndex();
    expect([index.bands, index.rows]).toEqual([14, 9]);
  });

  it("verifies with texts handed in when it keeps none", () => {
    const index = new NearDuplicateIndex({ keepTexts: false });
    const texts = [BASE, UNRELATED, LAST_CHANGED, BASE];
    texts.forEach((text) => index.add(text));
    expect(index.distinctTexts).toBe(3);
    const needed = index.contentsToVerify();
    expect([...needed].sort()).toEqual([0, 2]);
    expect(() => index.pairs()).toThrow(/no text given/);
    const given = new Map([...needed].map((content) => [content, texts[texts.findIndex((_, r) => index.contentOf(r) === content)]!]));
    expect(index.pairs("within", given)).toEqual([
      { a: 0, b: 2, jaccard: 35 / 37 },
      { a: 0, b: 3, jaccard: 1 },
      { a: 2, b: 3, jaccard: 35 / 37 },
    ]);
  });

  it("refuses a threshold outside (0, 1]", () => {
    expect(() => new NearDuplicateIndex({ threshold: 0 })).toThrow(/threshold must be in \(0, 1\]/);
  });
});

import { describe, expect, it } from "vitest";
import { hashShingles, shingleHashes, shingleTexts } from "./shingles.ts";

describe("shingleTexts", () => {
  it("gives the word 5-shingles of a normalised text", () => {
    expect(shingleTexts("a b c d e f g")).toEqual(["a b c d e", "b c d e f", "c d e f g"]);
    expect(shingleTexts("a b c d e")).toEqual(["a b c d e"]);
  });

  it("makes a text of fewer than 5 words one shingle, the empty text included", () => {
    expect(shingleTexts("a b c d")).toEqual(["a b c d"]);
    expect(shingleTexts("")).toEqual([""]);
  });
});

describe("shingleHashes", () => {
  it("hashes one value per shingle, equal shingles equally", () => {
    const hashes = shingleHashes("x y z w v x y z w v");
    expect(hashes).toHaveLength(6);
    expect(hashes[0]).toBe(hashes[5]); // "x y z w v" twice
    expect(new Set(hashes).size).toBe(5);
  });

  it("gives one hash for short texts, different from any 5-word shingle", () => {
    expect(shingleHashes("a b c")).toHaveLength(1);
    expect(shingleHashes("")).toHaveLength(1);
    expect(shingleHashes("a b c d")[0]).not.toBe(shingleHashes("a b c d e")[0]);
  });

  it("writes the same values in place with hashShingles", () => {
    const text = "one two three four five six seven";
    const into = new Uint32Array(text.length + 1);
    const count = hashShingles(text, 0, into);
    expect([...into.subarray(0, count)]).toEqual([...shingleHashes(text)]);
  });
});

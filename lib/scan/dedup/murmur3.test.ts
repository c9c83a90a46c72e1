import { describe, expect, it } from "vitest";
import { hashWords, murmurHash3Bytes, murmurHash3Ints, murmurHash3String } from "./murmur3.ts";

// Published MurmurHash3 x86_32 vectors: Wikipedia's "MurmurHash" test vectors and Ian Boyd's set
// (https://stackoverflow.com/a/31929528), the same values the tests of Python's mmh3 and of Go,
// Java and Swift ports assert.
const VECTORS: [string, number, number][] = [
  ["", 0, 0],
  ["", 1, 0x514e28b7],
  ["", 0xffffffff, 0x81f16f39],
  ["\0\0\0\0", 0, 0x2362f9de],
  ["aaaa", 0x9747b28c, 0x5a97808a],
  ["aaa", 0x9747b28c, 0x283e0130],
  ["aa", 0x9747b28c, 0x5d211726],
  ["a", 0x9747b28c, 0x7fa09ea6],
  ["abcd", 0x9747b28c, 0xf0478627],
  ["abc", 0x9747b28c, 0xc84a62dd],
  ["ab", 0x9747b28c, 0x74875592],
  ["abc", 0, 0xb3dd93fa],
  ["Hello, world!", 0x9747b28c, 0x24884cba],
  ["Hello, world!", 0, 0xc0363e43],
  ["The quick brown fox jumps over the lazy dog", 0x9747b28c, 0x2fa826cd],
  ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
  ["ππππππππ", 0x9747b28c, 0xd58063c1],
  ["a".repeat(256), 0x9747b28c, 0x37405bdc],
  ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 0, 0xee925b90],
];

describe("murmurHash3String", () => {
  it.each(VECTORS)("hashes %j with seed %d to the published value", (text, seed, expected) => {
    expect(murmurHash3String(text, seed)).toBe(expected);
  });

  it("equals murmurHash3Bytes over the UTF-8 bytes", () => {
    for (const text of ["", "é", "中文字", "😀 emoji", "mixed ascii and ü"]) {
      const bytes = new TextEncoder().encode(text);
      expect(murmurHash3String(text, 7)).toBe(murmurHash3Bytes(bytes, bytes.length, 7));
    }
  });
});

describe("murmurHash3Ints", () => {
  it("equals the hash of the little-endian bytes of the integers", () => {
    expect(murmurHash3Ints(Uint32Array.of(0x64636261), 0, 1, 0x9747b28c)).toBe(0xf0478627); // "abcd"
    const values = Uint32Array.of(1, 0xdeadbeef, 42, 0xffffffff, 7);
    const bytes = new Uint8Array(values.buffer.slice(4, 16));
    expect(murmurHash3Ints(values, 1, 3, 99)).toBe(murmurHash3Bytes(bytes, 12, 99));
  });

  it("hashes an empty run like the empty string", () => {
    expect(murmurHash3Ints(new Uint32Array(0), 0, 0, 1)).toBe(0x514e28b7);
  });
});

describe("hashWords", () => {
  it("hashes each space-separated word as murmurHash3String does", () => {
    const alphabet = ["a", "B", "é", "π", "😀", "\ud800", "\udc00", "中", "0", " "];
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % alphabet.length;
    for (let trial = 0; trial < 2000; trial++) {
      let text = "";
      const length = next() + next();
      for (let i = 0; i < length; i++) text += alphabet[next()];
      const into = new Uint32Array(text.length + 1);
      const count = hashWords(text, 0x9747b28c, into);
      const expected = text === "" ? [] : text.split(" ").map((word) => murmurHash3String(word, 0x9747b28c));
      expect([...into.subarray(0, count)], JSON.stringify(text)).toEqual(expected);
    }
  });

  it("finds no words in the empty text", () => {
    expect(hashWords("", 0, new Uint32Array(1))).toBe(0);
  });
});

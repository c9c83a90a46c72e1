import { describe, expect, it } from "vitest";
import { normaliseText } from "./normalise-text.ts";

describe("normaliseText", () => {
  it("lowercases and collapses every whitespace run to one space", () => {
    expect(normaliseText("  Hello,\n\tWORLD  ")).toBe("hello, world");
    expect(normaliseText("a \r\n b\u00a0\u00a0c\u2003d")).toBe("a b c d");
    expect(normaliseText("")).toBe("");
    expect(normaliseText(" \n\t ")).toBe("");
  });

  it("matches the plain /\\s+/ → ' ' rule on mixed whitespace", () => {
    const pieces = ["a", "B", " ", "  ", "\n", "\t", "\u00a0", "é", " \n"];
    let state = 7;
    for (let trial = 0; trial < 3000; trial++) {
      let text = "";
      for (let i = 0; i < trial % 11; i++) text += pieces[(state = (state * 48271) % 2147483647) % pieces.length];
      expect(normaliseText(text)).toBe(text.toLowerCase().replace(/\s+/g, " ").trim());
    }
  });
});

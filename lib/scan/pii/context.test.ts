import { describe, expect, it } from "vitest";
import { fieldNameWords, hasContextWord, scoreWithContext, wordsAround } from "./context.ts";

describe("context", () => {
  it("takes five words before and two after a match", () => {
    const text = "one two three four five six 555 seven eight nine";
    const start = text.indexOf("555");
    expect(wordsAround(text, start, start + 3)).toEqual(["two", "three", "four", "five", "six", "seven", "eight"]);
  });

  it("stops at sentence ends, but not after titles or initials", () => {
    const text = "The build failed. Call 555 now. Dear Mr. Smith and J. Doe";
    expect(wordsAround(text, text.indexOf("555"), text.indexOf("555") + 3)).toEqual(["call", "now"]);
    expect(wordsAround(text, text.indexOf("Smith"), text.indexOf("Smith") + 5)).toEqual(["dear", "mr", "and", "j"]);
  });

  it("splits field names in snake, kebab and camel case", () => {
    expect(fieldNameWords("customerPhoneNumber")).toEqual(["customer", "phone", "number"]);
    expect(fieldNameWords("home_phone-2")).toEqual(["home", "phone"]);
    expect(fieldNameWords("SSNLast4")).toEqual(["ssn", "last"]);
  });

  it("matches short context words exactly and long ones as prefixes", () => {
    expect(hasContextWord(["phones"], ["phone"])).toBe(true);
    expect(hasContextWord(["iphone"], ["ip"])).toBe(false);
    expect(hasContextWord(["telling"], ["tel"])).toBe(false);
  });

  it("adds 0.35 with a floor of 0.4 (Presidio's enhancer) and subtracts 0.35 for negative words", () => {
    expect(scoreWithContext(0.05, ["ssn"], ["ssn"], [])).toBe(0.4);
    expect(scoreWithContext(0.4, ["phone"], ["phone"], [])).toBe(0.75);
    expect(scoreWithContext(0.9, ["phone"], ["phone"], [])).toBe(1);
    expect(scoreWithContext(0.6, ["version"], [], ["version"])).toBe(0.25);
  });
});

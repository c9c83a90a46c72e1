import { describe, expect, it } from "vitest";
import { urlRecognizer } from "./url.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("URL", () => {
  it("scores URLs with a scheme 0.6 and bare domains 0.5 (Presidio's scores)", () => {
    expect(matches(urlRecognizer, "see https://en.wikipedia.org/wiki/Foo_(bar). ok")).toEqual([["https://en.wikipedia.org/wiki/Foo_(bar)", 0.6]]);
    expect(matches(urlRecognizer, "go to www.example.com/path?x=1, then")).toEqual([["www.example.com/path?x=1", 0.5]]);
    expect(texts(urlRecognizer, "example.co.uk is nice")).toEqual(["example.co.uk"]);
  });
  it("ignores file names, upper-case TLDs, abbreviations and the domain of an email", () => {
    expect(texts(urlRecognizer, "setup.py, index.js, ASP.NET, e.g. i.e. john@example.com")).toEqual([]);
  });
  it("raises the score with context", () => {
    expect(matches(urlRecognizer, "website: example.com")).toEqual([["example.com", 0.85]]);
  });
});

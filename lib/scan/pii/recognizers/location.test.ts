import { describe, expect, it } from "vitest";
import { locationRecognizer } from "./location.ts";
import { matches } from "./recognizer-matches.test-support.ts";

const strong = (text: string, fieldName?: string) => matches(locationRecognizer, text, fieldName).filter(([, score]) => score >= 0.5);

describe("LOCATION (word lists and address shapes, no NER model)", () => {
  it("finds countries, multi-word cities and, with context, one-word cities", () => {
    expect(strong("moved from New York to Germany")).toEqual([
      ["New York", 0.95],
      ["Germany", 0.95],
    ]);
    expect(strong("Rio de Janeiro")).toEqual([["Rio de Janeiro", 0.6]]);
    expect(strong("lives in Aachen")).toEqual([["Aachen", 0.85]]);
    expect(strong("Aachen")).toEqual([["Aachen", 0.5]]);
    // Berlin is a state too: 0.6 before context.
    expect(strong("lives in Berlin")).toEqual([["Berlin", 0.95]]);
  });
  it("matches street addresses in English, German and French shapes", () => {
    expect(strong("221B Baker Street, Hauptstraße 5, 12 rue de la Paix")).toContainEqual(["221B Baker Street", 0.7]);
    expect(strong("Hauptstraße 5")).toEqual([["Hauptstraße 5", 0.7]]);
    expect(strong("12 rue de la Paix")).toEqual([["12 rue de la Paix", 0.7]]);
  });
  it("takes whole values of place columns", () => {
    expect(strong("Smallville", "city")).toEqual([["Smallville", 0.85]]);
    expect(strong("1 Infinite Loop, Cupertino, CA 95014", "shipping_address")).toEqual([["1 Infinite Loop, Cupertino, CA 95014", 1]]);
  });
  it("keeps ambiguous words low without context", () => {
    expect(strong("Georgia")).toEqual([]);
    expect(strong("in Georgia")).toEqual([["Georgia", 0.75]]);
  });
});

import { describe, expect, it } from "vitest";
import { personRecognizer } from "./person.ts";
import { matches } from "./recognizer-matches.test-support.ts";

const strong = (text: string, fieldName?: string) => matches(personRecognizer, text, fieldName).filter(([, score]) => score >= 0.5);

describe("PERSON (word-list heuristic, no NER model)", () => {
  it("finds known first + last names, initials and particles", () => {
    expect(strong("Ludwig van Beethoven met John F. Kennedy")).toEqual([
      ["Ludwig van Beethoven", 0.95],
      ["John F. Kennedy", 1],
    ]);
    expect(strong("Jean-Luc Picard arrived")).toEqual([["Jean-Luc Picard", 0.85]]);
  });
  it("uses titles, mailboxes and 'Last, First'", () => {
    expect(strong("Dear Mr. Smith,")).toEqual([["Smith", 1]]);
    expect(strong("Guillem Jover <guillem@example.org>")).toEqual([["Guillem Jover", 0.7]]);
    expect(strong("Smith, John")).toEqual([["Smith, John", 0.7]]);
  });
  it("takes whole values of person columns, but not of product or status columns", () => {
    expect(strong("Zyxia Qwertz", "full_name")).toEqual([["Zyxia Qwertz", 0.85]]);
    expect(strong("Maria", "first_name")).toEqual([["Maria", 0.85]]);
    expect(strong("Premium", "customer_tier")).toEqual([]);
    expect(strong("Widget Pro", "product_name")).toEqual([]);
  });
  it("does not fire on places, Title Case phrases or a lone first name without context", () => {
    expect(strong("Rio de Janeiro, Paris, France, The Debian Project, General Public License, Julia Programming Language")).toEqual([]);
    expect(strong("Maria")).toEqual([]);
  });
});

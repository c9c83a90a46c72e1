import { describe, expect, it } from "vitest";
import { nhsCheckDigitValid, ukNhsRecognizer } from "./uk-nhs.ts";
import { matches } from "./recognizer-matches.test-support.ts";

describe("UK_NHS", () => {
  it("checks the modulus 11 check digit", () => {
    expect(nhsCheckDigitValid("9434765919")).toBe(true);
    expect(nhsCheckDigitValid("9434765918")).toBe(false);
  });
  it("needs context to pass 0.5: one ten-digit number in eleven has a valid check digit", () => {
    expect(matches(ukNhsRecognizer, "943 476 5919")).toEqual([["943 476 5919", 0.3]]);
    expect(matches(ukNhsRecognizer, "NHS number 943 476 5919")).toEqual([["943 476 5919", 0.65]]);
    expect(matches(ukNhsRecognizer, "9434765919", "nhs_number")).toEqual([["9434765919", 0.65]]);
  });
});

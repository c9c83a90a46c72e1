import { describe, expect, it } from "vitest";
import { cardIssuer, creditCardRecognizer } from "./credit-card.ts";
import { luhnValid } from "../luhn.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("CREDIT_CARD", () => {
  it("accepts Luhn-valid numbers of known issuers, grouped or not (1.0, as Presidio after Luhn)", () => {
    expect(matches(creditCardRecognizer, "card 4111 1111 1111 1111 exp")).toEqual([["4111 1111 1111 1111", 1]]);
    expect(texts(creditCardRecognizer, "4111-1111-1111-1111 / 5555555555554444 / 3782 822463 10005 / 6011111111111117")).toEqual([
      "4111-1111-1111-1111",
      "5555555555554444",
      "3782 822463 10005",
      "6011111111111117",
    ]);
  });
  it("stops before a following number", () => {
    expect(texts(creditCardRecognizer, "4111 1111 1111 1111 2025")).toEqual(["4111 1111 1111 1111"]);
  });
  it("refuses Luhn failures, unknown issuers, mixed separators and digits inside identifiers", () => {
    expect(texts(creditCardRecognizer, "4111111111111112; 1234567812345670; 4111 1111-1111 1111; ORD-4111111111111111; 9780306406157")).toEqual([]);
  });
  it("knows issuer prefixes and lengths", () => {
    expect(cardIssuer("378282246310005")).toBe("amex");
    expect(cardIssuer("37828224631000")).toBeUndefined();
    expect(cardIssuer("2221000000000009")).toBe("mastercard");
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});

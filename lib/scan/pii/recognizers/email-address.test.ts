import { describe, expect, it } from "vitest";
import { emailAddressRecognizer } from "./email-address.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("EMAIL_ADDRESS", () => {
  it("scores a validated address 1.0, as Presidio after its TLD check", () => {
    expect(matches(emailAddressRecognizer, "mail john.doe@example.com now")).toEqual([["john.doe@example.com", 1]]);
  });
  it("accepts plus tags, subdomains, punycode and Unicode labels, without the sentence's full stop", () => {
    expect(texts(emailAddressRecognizer, "first.last+tag@sub.example.co.uk.")).toEqual(["first.last+tag@sub.example.co.uk"]);
    expect(texts(emailAddressRecognizer, "user@xn--80ak6aa92e.com")).toEqual(["user@xn--80ak6aa92e.com"]);
    expect(texts(emailAddressRecognizer, "ümlaut@exämple.de")).toEqual(["ümlaut@exämple.de"]);
  });
  it("refuses hosts without a letter TLD and local parts with double dots", () => {
    expect(texts(emailAddressRecognizer, "x@localhost, a@b.c1, a..b@example.com, @example.com")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { createPhoneNumberRecognizer, phoneNumberRecognizer } from "./phone-number.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("PHONE_NUMBER", () => {
  it("finds national numbers of the default regions (US, GB, DE, FR) and international ones", () => {
    expect(texts(phoneNumberRecognizer, "US (201) 555-0123, 212.555.0199, 1-800-555-0199")).toEqual(["(201) 555-0123", "212.555.0199", "1-800-555-0199"]);
    expect(texts(phoneNumberRecognizer, "GB 020 7946 0958, 07911 123456; DE 030 12345678, 030/12345678; FR 01 23 45 67 89")).toEqual([
      "020 7946 0958",
      "07911 123456",
      "030 12345678",
      "030/12345678",
      "01 23 45 67 89",
    ]);
    expect(texts(phoneNumberRecognizer, "+44 20 7946 0958; +49 30 901820; 0049 30 901820; +44 (0)20 7946 0958; +81 3-1234-5678")).toEqual([
      "+44 20 7946 0958",
      "+49 30 901820",
      "0049 30 901820",
      "+44 (0)20 7946 0958",
      "+81 3-1234-5678",
    ]);
  });
  it("scores international 0.7, formatted 0.5, bare 0.4, +0.35 with context", () => {
    expect(matches(phoneNumberRecognizer, "+1 415 555 2671")).toEqual([["+1 415 555 2671", 0.7]]);
    expect(matches(phoneNumberRecognizer, "(415) 555-2671")).toEqual([["(415) 555-2671", 0.5]]);
    expect(matches(phoneNumberRecognizer, "4155552671")).toEqual([["4155552671", 0.4]]);
    expect(matches(phoneNumberRecognizer, "mobile: 4155552671")).toEqual([["4155552671", 0.75]]);
  });
  it("keeps the number when a stray group follows or precedes it", () => {
    expect(texts(phoneNumberRecognizer, "call 202-555-0143 2 times")).toEqual(["202-555-0143"]);
    expect(texts(phoneNumberRecognizer, "room 4 202-555-0143")).toEqual(["202-555-0143"]);
  });
  it("refuses dates, SSNs, cards, IPs, ISBNs, timestamps, identifiers and national numbers without trunk prefix", () => {
    const decoys = "2024-01-15 536-22-1457 4111 1111 1111 1111 192.168.0.1 978-3-16-148410-0 0-306-40615-2 1700000000000 ORD-2024-000123 12.05.2024 555-0123 30 12345678";
    expect(texts(phoneNumberRecognizer, decoys)).toEqual([]);
  });
  it("takes other regions on request and refuses unknown ones", () => {
    expect(texts(createPhoneNumberRecognizer({ regions: ["US"] }), "03-1234-5678")).toEqual([]);
    expect(texts(createPhoneNumberRecognizer({ regions: ["JP"] }), "03-1234-5678")).toEqual(["03-1234-5678"]);
    expect(() => createPhoneNumberRecognizer({ regions: ["ZZ"] })).toThrow(/unknown phone region "ZZ"/);
  });
});

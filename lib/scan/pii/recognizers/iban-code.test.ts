import { describe, expect, it } from "vitest";
import { ibanCodeRecognizer } from "./iban-code.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("IBAN_CODE", () => {
  it("accepts IBANs whose check digits and country format are valid (ibantools), printed or electronic", () => {
    expect(matches(ibanCodeRecognizer, "IBAN DE89 3704 0044 0532 0130 00 now")).toEqual([["DE89 3704 0044 0532 0130 00", 1]]);
    expect(texts(ibanCodeRecognizer, "GB82 WEST 1234 5698 7654 32, NL91ABNA0417164300, FR14 2004 1010 0505 0001 3M02 606")).toEqual([
      "GB82 WEST 1234 5698 7654 32",
      "NL91ABNA0417164300",
      "FR14 2004 1010 0505 0001 3M02 606",
    ]);
  });
  it("cuts a trailing number off at the country's length", () => {
    expect(texts(ibanCodeRecognizer, "DE89370400440532013000 2 days")).toEqual(["DE89370400440532013000"]);
  });
  it("refuses wrong check digits and unknown countries", () => {
    expect(texts(ibanCodeRecognizer, "DE88370400440532013000 NL92ABNA0517164300 XX89370400440532013000")).toEqual([]);
  });
});

import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { phonePlan } from "./phone-plans.ts";

// The compiled plans must say what libphonenumber-js's own isValid() says, on numbers near the boundary.
function* nationalNumbers(region: string, count: number): Generator<string> {
  let seed = 12345 + region.charCodeAt(0) * 7 + region.charCodeAt(1);
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const length = 7 + Math.floor(next() * 6);
    let digits = String(1 + Math.floor(next() * 9));
    while (digits.length < length) digits += String(Math.floor(next() * 10));
    yield digits;
  }
}

describe("phone plans", () => {
  it.each(["US", "GB", "DE", "FR", "JP", "IN"])("agree with libphonenumber-js isValid for %s", (region) => {
    const plan = phonePlan(region)!;
    let valid = 0;
    for (const nsn of nationalNumbers(region, 3000)) {
      const parsed = parsePhoneNumberFromString(`+${plan.callingCode}${nsn}`, region as CountryCode);
      // The library sometimes reads digits as a trunk prefix and drops them (+1 1630…): not the same NSN.
      if (parsed && parsed.nationalNumber !== nsn) continue;
      const expected = parsed?.isValid() ?? false;
      const country = parsed?.country;
      // Numbers of another country sharing the calling code (CA for +1, GG/JE/IM for +44) are not this plan's.
      if (expected && country !== undefined && country !== region) continue;
      expect(plan.isValidNationalNumber(nsn), `${region} ${nsn}`).toBe(expected);
      if (expected) valid++;
    }
    // The sample must hold valid numbers too, or the test proves little.
    expect(valid).toBeGreaterThan(50);
  });

  it("knows calling codes and trunk prefixes", () => {
    expect(phonePlan("US")).toMatchObject({ callingCode: "1", nationalPrefix: "1" });
    expect(phonePlan("DE")).toMatchObject({ callingCode: "49", nationalPrefix: "0" });
    expect(phonePlan("ZZ")).toBeUndefined();
  });
});

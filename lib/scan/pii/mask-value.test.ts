import { describe, expect, it } from "vitest";
import { maskValue } from "./mask-value.ts";

describe("maskValue", () => {
  it.each([
    ["EMAIL_ADDRESS", "jane@example.com", "j***@example.com"],
    ["CREDIT_CARD", "4111 1111 1111 1234", "**** **** **** 1234"],
    ["CREDIT_CARD", "4111111111111234", "**** **** **** 1234"],
    ["US_SSN", "536-22-6789", "***-**-6789"],
    ["US_SSN", "536226789", "***-**-6789"],
    ["PHONE_NUMBER", "+44 20 7946 0958", "+** ** **** **58"],
    ["IBAN_CODE", "DE89 3704 0044 0532 0130 00", "DE** **** **** **** **30 00"],
    ["IP_ADDRESS", "203.0.113.7", "203.***.***.***"],
    ["IP_ADDRESS", "2001:db8::1", "2001:****:****"],
    ["URL", "https://example.com/u/jane?id=7", "https://example.com/***"],
    ["DATE_TIME", "March 5, 1985", "*** *, ****"],
    ["PERSON", "Anna Schmidt", "A*** S***"],
    ["LOCATION", "New York", "N*** Y***"],
    ["UK_NHS", "943 476 5919", "*** *** **19"],
  ] as const)("%s %s → %s", (type, value, masked) => {
    expect(maskValue(type, value)).toBe(masked);
  });

  it("never returns the raw value, even when the rule would keep it whole", () => {
    expect(maskValue("PHONE_NUMBER", "12")).not.toBe("12");
    expect(maskValue("URL", "example.com")).not.toBe("example.com");
    expect(maskValue("PERSON", "A")).not.toBe("A");
  });
});

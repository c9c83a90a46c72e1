import { describe, expect, it } from "vitest";
import { scanText } from "./scan-text.ts";

function found(text: string, fieldName?: string): [string, string][] {
  const chars = [...text];
  return scanText(text, { fieldName }).map((s) => [s.type, chars.slice(s.start, s.end).join("")]);
}

describe("scanText: entities in free text", () => {
  it("finds each structured type with its exact span", () => {
    expect(found("Reach Jane at jane.doe@example.com or (201) 555-0123.")).toEqual([
      ["EMAIL_ADDRESS", "jane.doe@example.com"],
      ["PHONE_NUMBER", "(201) 555-0123"],
    ]);
    expect(found("Pay to IBAN DE89 3704 0044 0532 0130 00 by card 5555 5555 5555 4444")).toEqual([
      ["IBAN_CODE", "DE89 3704 0044 0532 0130 00"],
      ["CREDIT_CARD", "5555 5555 5555 4444"],
    ]);
    expect(found("SSN 536-22-1457, login from 203.0.113.7 on 2024-03-05 via https://example.com/login")).toEqual([
      ["US_SSN", "536-22-1457"],
      ["IP_ADDRESS", "203.0.113.7"],
      ["DATE_TIME", "2024-03-05"],
      ["URL", "https://example.com/login"],
    ]);
  });

  it("prefers the email over the URL-looking domain inside it", () => {
    expect(found("write to support@example.co.uk")).toEqual([["EMAIL_ADDRESS", "support@example.co.uk"]]);
  });
});

describe("scanText: decoys do not fire", () => {
  const decoys: [string, string][] = [
    ["16 digits failing Luhn", "reference 4111 1111 1111 1112"],
    ["16 digits passing Luhn with no issuer prefix", "batch 9999999999999995"],
    ["IBAN with wrong check digits", "account DE88 3704 0044 0532 0130 00"],
    ["IBAN with wrong check digits whose tail looks like a phone number", "The transfer to NL51 CSLT 7373 4787 92 was rejected."],
    ["SSN area 000", "id 000-12-3456"],
    ["SSN area 666", "id 666-12-3456"],
    ["SSN area 9xx", "id 912-12-3456"],
    ["SSN group 00", "id 536-00-3456"],
    ["SSN serial 0000", "id 536-12-0000"],
    ["SSN advertised sample", "id 078-05-1120"],
    ["SSN mixed delimiters", "id 536-12.3456"],
    ["semver", "upgrade to v1.2.3 or 2.10.4-beta.1"],
    ["four-part version with v", "firmware v1.2.3.4"],
    ["four-part version with word", "release version 10.2.3.4"],
    ["four-part version with suffix", "build 1.2.3.4-rc1"],
    ["five-part version", "1.2.3.4.5"],
    ["UUID", "request 550e8400-e29b-41d4-a716-446655440000 failed"],
    ["hex hash", "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
    ["md5 hash", "md5 d41d8cd98f00b204e9800998ecf8427e"],
    ["order number", "order ORD-2024-000123 shipped"],
    ["order number without dashes", "INV2024000123"],
    ["ISBN-13", "ISBN 978-3-16-148410-0"],
    ["ISBN-10", "ISBN 0-306-40615-2"],
    ["bare ISBN-13", "9780306406157"],
    ["invalid date", "due 2023-02-30"],
    ["epoch milliseconds", "ts=1700000000000"],
    ["MAC address", "mac 00:1A:2B:3C:4D:5E"],
    ["clock time", "at 12:30:45"],
    ["file names", "edit setup.py and index.js"],
    ["decimal numbers", "pi is 3.14159 and e is 2.71828"],
    ["money", "total $1,234,567.89"],
    ["short numbers", "room 101, floor 3"],
  ];
  it.each(decoys)("%s", (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("scanText: column names are context", () => {
  it("reports a bare nine-digit SSN only in an SSN column", () => {
    expect(found("536221457")).toEqual([]);
    expect(found("536221457", "customer_ssn")).toEqual([["US_SSN", "536221457"]]);
  });

  it("reports a bare ten-digit phone number only in a phone column", () => {
    expect(found("2015550123")).toEqual([]);
    expect(found("2015550123", "mobilePhone")).toEqual([["PHONE_NUMBER", "2015550123"]]);
  });

  it("lowers numbers in order columns", () => {
    expect(found("(201) 555-0123", "order_id")).toEqual([]);
  });

  it("respects minScore", () => {
    expect(scanText("(201) 555-0123", { minScore: 0.6 })).toEqual([]);
    expect(scanText("(201) 555-0123", { minScore: 0.5 })).toHaveLength(1);
  });
});

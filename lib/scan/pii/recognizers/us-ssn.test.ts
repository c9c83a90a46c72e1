import { describe, expect, it } from "vitest";
import { isInvalidSsn, usSsnRecognizer } from "./us-ssn.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("US_SSN", () => {
  it("scores dashed 0.5, spaced 0.4, bare 0.3, each +0.35 with context", () => {
    expect(matches(usSsnRecognizer, "536-22-1457")).toEqual([["536-22-1457", 0.5]]);
    expect(matches(usSsnRecognizer, "536 22 1457")).toEqual([["536 22 1457", 0.4]]);
    expect(matches(usSsnRecognizer, "536221457")).toEqual([["536221457", 0.3]]);
    expect(matches(usSsnRecognizer, "SSN 536-22-1457")).toEqual([["536-22-1457", 0.85]]);
    expect(matches(usSsnRecognizer, "536221457", "ssn")).toEqual([["536221457", 0.65]]);
  });
  it("refuses ranges never issued and Presidio's known samples", () => {
    for (const ssn of ["000-22-1457", "666-22-1457", "900-22-1457", "999-22-1457", "536-00-1457", "536-22-0000", "111-11-1111", "123-45-6789", "078-05-1120", "219-09-9999"]) {
      expect(texts(usSsnRecognizer, ssn), ssn).toEqual([]);
    }
    expect(isInvalidSsn("536221457")).toBe(false);
    expect(isInvalidSsn("987654320")).toBe(true);
  });
  it("refuses mixed delimiters and identifiers", () => {
    expect(texts(usSsnRecognizer, "536.22-1457 ORD-536-22-1457 536-22-14570")).toEqual([]);
  });
});

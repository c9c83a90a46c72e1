import { describe, expect, it } from "vitest";
import { dateTimeRecognizer, isCalendarDate } from "./date-time.ts";
import { matches, texts } from "./recognizer-matches.test-support.ts";

describe("DATE_TIME", () => {
  it("scores ISO date-times 0.8 and dates 0.6 (Presidio's scores), +0.35 with context", () => {
    expect(matches(dateTimeRecognizer, "2024-01-15T10:30:00Z")).toEqual([["2024-01-15T10:30:00Z", 0.8]]);
    expect(matches(dateTimeRecognizer, "2024-02-29")).toEqual([["2024-02-29", 0.6]]);
    expect(matches(dateTimeRecognizer, "born 1985-03-14")).toEqual([["1985-03-14", 0.95]]);
  });
  it("reads numeric dates month-first or day-first and month names", () => {
    expect(texts(dateTimeRecognizer, "12/31/2024, 31/12/2024, 2024/1/5, 01.02.2023, 12-05-2024, 3/4/21")).toEqual([
      "12/31/2024",
      "31/12/2024",
      "2024/1/5",
      "01.02.2023",
      "12-05-2024",
      "3/4/21",
    ]);
    expect(texts(dateTimeRecognizer, "March 5, 2024; 5 March 2024; 5th of March 2024; 05-Mar-2024; Mar 2024")).toEqual([
      "March 5, 2024",
      "5 March 2024",
      "5th of March 2024",
      "05-Mar-2024",
      "Mar 2024",
    ]);
  });
  it("refuses impossible dates and version strings", () => {
    expect(texts(dateTimeRecognizer, "2023-02-29 31/04/2024 99/99/9999 1.2.10 2.1.10 v1.2.2024 1.2.3.4 ORD-2024-000123")).toEqual([]);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
  });
});

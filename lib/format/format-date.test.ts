import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDuration } from "./format-date.ts";

describe("formatDate / formatDateTime", () => {
  it("prints UTC whatever the local zone", () => {
    // 23:30 on the 31st in New York is already the 1st in UTC.
    expect(formatDate("2026-01-01T04:30:00Z")).toBe("2026-01-01");
    expect(formatDateTime("2025-12-31T23:30:00-05:00")).toBe("2026-01-01 04:30 UTC");
  });

  it("accepts Date objects and epoch milliseconds", () => {
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 23, 8, 5)))).toBe("2026-11-23 08:05 UTC");
    expect(formatDate(0)).toBe("1970-01-01");
  });

  it("shows a dash for missing or invalid input", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });
});

describe("formatDuration", () => {
  const start = "2026-11-23T10:00:00.000Z";

  it("scales from milliseconds to hours", () => {
    expect(formatDuration(start, "2026-11-23T10:00:00.250Z")).toBe("250 ms");
    expect(formatDuration(start, "2026-11-23T10:00:04.200Z")).toBe("4.2 s");
    expect(formatDuration(start, "2026-11-23T10:03:05Z")).toBe("3 min 5 s");
    expect(formatDuration(start, "2026-11-23T12:10:00Z")).toBe("2 h 10 min");
  });

  it("is a dash when an end is missing or precedes the start", () => {
    expect(formatDuration(start, null)).toBe("—");
    expect(formatDuration(start, "2026-11-23T09:59:59Z")).toBe("—");
  });
});

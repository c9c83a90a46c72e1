import { describe, expect, it } from "vitest";
import { formatCount, shortHash } from "./format-number.ts";

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount("98765")).toBe("98,765");
    expect(formatCount(12345678901234567890n)).toBe("12,345,678,901,234,567,890");
  });

  it("shows a dash for missing values", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatCount(undefined)).toBe("—");
    expect(formatCount("x")).toBe("—");
  });
});

describe("shortHash", () => {
  const sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  it("keeps the first 12 hex digits by default", () => {
    expect(shortHash(sha)).toBe("9f86d081884c");
    expect(shortHash(sha, 8)).toBe("9f86d081");
  });

  it("leaves short values whole and dashes missing ones", () => {
    expect(shortHash("abc")).toBe("abc");
    expect(shortHash(null)).toBe("—");
  });
});

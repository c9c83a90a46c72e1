import { describe, expect, it } from "vitest";
import { formatNumber } from "./format-number.ts";

describe("formatNumber", () => {
  it("shows fixed decimals, short exponents for tiny values, and full digits where rounding would hide a difference", () => {
    expect(formatNumber(3.2)).toBe("3.20");
    expect(formatNumber(0.55, 3)).toBe("0.550");
    expect(formatNumber(1e-5)).toBe("1e-5");
    expect(formatNumber(2.5e-6)).toBe("2.5e-6");
    expect(formatNumber(0.005, 3)).toBe("0.005");
    expect(formatNumber(0.0004, 3)).toBe("4e-4");
    expect(formatNumber(0, 2)).toBe("0.00");
    expect(formatNumber(0.5504, 3, 0.55)).toBe("0.5504");
    expect(formatNumber(0.55, 3, 0.55)).toBe("0.550");
    expect(formatNumber(3.001, 2, 3)).toBe("3.001");
  });
});

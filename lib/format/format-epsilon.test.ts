import { describe, expect, it } from "vitest";
import { formatEpsilon } from "./format-epsilon.ts";

describe("formatEpsilon", () => {
  it("shows two decimals by default, or as many as asked", () => {
    expect(formatEpsilon(2.5967)).toBe("2.60");
    expect(formatEpsilon(0)).toBe("0.00");
    expect(formatEpsilon(2.59674, 4)).toBe("2.5967");
  });

  it("drops the decimals from 100 up", () => {
    expect(formatEpsilon(99.994)).toBe("99.99");
    expect(formatEpsilon(1234.56)).toBe("1235");
  });

  it("says ∞ without privacy and — without an ε", () => {
    expect(formatEpsilon(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(formatEpsilon(null)).toBe("—");
    expect(formatEpsilon(undefined)).toBe("—");
    expect(formatEpsilon(Number.NaN)).toBe("—");
  });
});

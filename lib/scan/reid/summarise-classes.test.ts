import { describe, expect, it } from "vitest";
import { summariseClasses } from "./summarise-classes.ts";

describe("summariseClasses", () => {
  it("gives k, records at risk and prosecutor risks (classes of 3, 2, 1, 2)", () => {
    expect(summariseClasses(Int32Array.of(3, 2, 1, 2), 3)).toEqual({
      records: 8,
      classes: 4,
      k: 1,
      recordsAtRisk: 5, // the classes of 2, 1 and 2
      prosecutorMaxRisk: 1,
      prosecutorAvgRisk: 0.5, // (3·⅓ + 2·½ + 1·1 + 2·½) / 8 = 4 / 8
    });
  });

  it("counts nobody at risk when every class reaches the threshold", () => {
    expect(summariseClasses(Int32Array.of(5, 6), 5)).toMatchObject({ k: 5, recordsAtRisk: 0, prosecutorMaxRisk: 0.2, prosecutorAvgRisk: 2 / 11 });
  });

  it("reports zeros without records", () => {
    expect(summariseClasses(new Int32Array(0), 5)).toEqual({ records: 0, classes: 0, k: 0, recordsAtRisk: 0, prosecutorMaxRisk: 0, prosecutorAvgRisk: 0 });
  });
});

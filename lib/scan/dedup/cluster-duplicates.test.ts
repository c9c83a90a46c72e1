import { describe, expect, it } from "vitest";
import { clusterDuplicates } from "./cluster-duplicates.ts";

describe("clusterDuplicates", () => {
  it("joins chains of pairs into clusters", () => {
    const result = clusterDuplicates(
      [
        { a: "1", b: "2" },
        { a: "2", b: "3" },
        { a: "7", b: "8" },
        { a: "1", b: "3" },
      ],
      10,
    );
    expect(result.clusters).toEqual([
      ["1", "2", "3"],
      ["7", "8"],
    ]);
    // Keeping one record per cluster removes 2 + 1 of 10 records.
    expect(result.duplicateRate).toBeCloseTo(0.3, 12);
  });

  it("is empty without pairs, and 0 without records", () => {
    expect(clusterDuplicates([], 5)).toEqual({ clusters: [], duplicateRate: 0 });
    expect(clusterDuplicates([], 0)).toEqual({ clusters: [], duplicateRate: 0 });
  });
});

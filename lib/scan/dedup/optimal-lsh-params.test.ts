import { describe, expect, it } from "vitest";
import { optimalLshParams } from "./optimal-lsh-params.ts";

// Reference: datasketch's MinHashLSH._optimal_param (ekzhu/datasketch, datasketch/lsh.py), run as
// its code is written with scipy 1.17.1's integrate.quad:
//   >>> [_optimal_param(t, n, 0.5, 0.5) for t, n in [(0.8,128),(0.5,128),(0.9,128),(0.7,128),(0.75,256),(0.8,256),(0.3,64),(0.95,128)]]
//   [(9, 13), (25, 5), (5, 25), (14, 9), (21, 12), (17, 15), (21, 3), (3, 42)]
//   >>> _optimal_param(0.75, 256, 0.1, 0.9), _optimal_param(0.8, 128, 0.1, 0.9)
//   ((28, 9), (14, 9))
describe("optimalLshParams", () => {
  it.each([
    [0.8, 128, 9, 13],
    [0.5, 128, 25, 5],
    [0.9, 128, 5, 25],
    [0.7, 128, 14, 9],
    [0.75, 256, 21, 12],
    [0.8, 256, 17, 15],
    [0.3, 64, 21, 3],
    [0.95, 128, 3, 42],
  ])("threshold %d with %d permutations gives datasketch's %d bands × %d rows", (threshold, numPerm, bands, rows) => {
    expect(optimalLshParams(threshold, numPerm)).toEqual({ bands, rows });
  });

  it("weighs false negatives when asked, as datasketch's weights", () => {
    expect(optimalLshParams(0.75, 256, { falsePositiveWeight: 0.1, falseNegativeWeight: 0.9 })).toEqual({ bands: 28, rows: 9 });
    expect(optimalLshParams(0.8, 128, { falsePositiveWeight: 0.1, falseNegativeWeight: 0.9 })).toEqual({ bands: 14, rows: 9 });
  });

  it("refuses thresholds outside (0, 1] and bad permutation counts", () => {
    expect(() => optimalLshParams(0, 128)).toThrow(/threshold must be in \(0, 1\]/);
    expect(() => optimalLshParams(1.2, 128)).toThrow(/threshold/);
    expect(() => optimalLshParams(0.8, 0)).toThrow(/numPerm/);
  });
});

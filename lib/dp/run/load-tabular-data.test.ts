import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTabularData } from "./prepare-training.ts";

describe("loadTabularData", () => {
  it("reads CSV and JSONL; a non-private run fits the encoding on the training file only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "canary-tabular-"));
    writeFileSync(path.join(dir, "train.csv"), "x,kind,y\n1,a,0\n3,b,1\n5,a,0\n7,b,1\n");
    writeFileSync(path.join(dir, "eval.jsonl"), '{"x": 100, "kind": "b", "y": 1}\n{"x": 4, "kind": "z", "y": 0}\n');
    const { input, train, eval: evalSet } = await loadTabularData({ train: path.join(dir, "train.csv"), eval: path.join(dir, "eval.jsonl"), target: "y", private: false });
    if (input.kind !== "tabular") throw new Error("expected a tabular encoding");
    expect(input.encoding.source).toBe("training");
    expect(input.encoding.columns[0]).toEqual({ name: "x", kind: "numeric", mean: 4, std: Math.sqrt(5) });
    expect(train.count).toBe(4);
    expect(evalSet!.count).toBe(2);
    expect(Array.from(evalSet!.labels)).toEqual([1, 0]);
    expect(evalSet!.features[0]).toBeCloseTo(96 / Math.sqrt(5), 5);
    expect(Array.from(evalSet!.features.subarray(3, 6))).toEqual([0, 0, 0]);
  });
});

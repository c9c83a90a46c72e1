import { describe, expect, it } from "vitest";
import { distinctLDiversity } from "./distinct-l-diversity.ts";

const coding = (...codes: number[]) => ({ codes: Int32Array.from(codes), cardinality: Math.max(-1, ...codes) + 1 });

describe("distinctLDiversity", () => {
  it("is the fewest distinct sensitive values in any class", () => {
    // Classes of people.test-support.ts: A {flu, cold, flu}, B {flu, flu}, C {asthma}, D {flu, cold}.
    const classes = coding(0, 0, 0, 1, 1, 2, 3, 3);
    const diagnosis = coding(0, 1, 0, 0, 0, 2, 0, 1);
    expect(distinctLDiversity(classes, diagnosis)).toBe(1);
    // Without classes B and C: min(2, 2) = 2.
    expect(distinctLDiversity(coding(0, 0, 0, 1, 1), coding(0, 1, 0, 0, 1))).toBe(2);
  });

  it("is 0 without records", () => {
    expect(distinctLDiversity({ codes: new Int32Array(0), cardinality: 0 }, { codes: new Int32Array(0), cardinality: 0 })).toBe(0);
  });
});

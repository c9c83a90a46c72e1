import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/index.ts";
import { MembershipScores } from "./membership-scores.ts";

describe("MembershipScores", () => {
  it("accepts non-empty arrays of finite numbers, plain or typed", () => {
    expect(() => new MembershipScores({ members: [1, -2.5, 0], nonMembers: [3] }).validate()).not.toThrow();
    expect(() => new MembershipScores({ members: new Float64Array([1]), nonMembers: new Float32Array([2]) }).validate()).not.toThrow();
  });

  it("throws a bad_request AppError naming the caller and the rule", () => {
    const cases: [unknown, unknown, RegExp][] = [
      [[], [1], /^computeRoc: members must not be empty$/],
      [[1], [], /^computeRoc: nonMembers must not be empty$/],
      [[1, Number.NaN], [1], /^computeRoc: members\[1\] must be a finite number, got NaN$/],
      [[1], [Number.POSITIVE_INFINITY], /^computeRoc: nonMembers\[0\] must be a finite number, got Infinity$/],
      [[1, "2"], [1], /^computeRoc: members\[1\] must be a finite number, got a string$/],
      [[null], [1], /^computeRoc: members\[0\] must be a finite number, got null$/],
      ["1,2", [1], /^computeRoc: members must be an array of finite numbers$/],
      [[1], { 0: 1 }, /^computeRoc: nonMembers must be an array of finite numbers$/],
    ];
    for (const [members, nonMembers, message] of cases) {
      const scores = new MembershipScores({ members, nonMembers } as never);
      let caught: unknown;
      try {
        scores.validate("computeRoc");
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe("bad_request");
      expect((caught as AppError).message).toMatch(message);
    }
  });

  it("sorts both sides ascending once and reuses the result", () => {
    const scores = new MembershipScores({ members: [3, 1, 2], nonMembers: [0.5, -1] });
    const sorted = scores.sorted();
    expect(Array.from(sorted.members)).toEqual([1, 2, 3]);
    expect(Array.from(sorted.nonMembers)).toEqual([-1, 0.5]);
    expect(scores.sorted()).toBe(sorted);
  });
});

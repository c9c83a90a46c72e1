import { describe, expect, it } from "vitest";
import { gradeOf, verdictOf } from "./grade.ts";
import type { CriterionStatus } from "./criterion-result.ts";

const required = (status: CriterionStatus) => ({ status, required: true });
const optional = (status: CriterionStatus) => ({ status, required: false });
const times = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

describe("gradeOf", () => {
  it("gives A when everything passes", () => {
    expect(gradeOf([required("pass"), optional("pass")])).toBe("A");
  });

  it("gives F when a required criterion fails or is missing, whatever else passes", () => {
    expect(gradeOf([required("fail"), ...times(20, optional("pass"))])).toBe("F");
    expect(gradeOf([required("missing"), ...times(20, required("pass"))])).toBe("F");
  });

  it("grades optional failures by the share passing: B ≥ 80%, C ≥ 60%, D below, boundaries included", () => {
    // 4 of 5 = 80% exactly → B; 3 of 5 = 60% exactly → C; 2 of 5 → D.
    expect(gradeOf([...times(4, required("pass")), optional("fail")])).toBe("B");
    expect(gradeOf([...times(3, required("pass")), optional("fail"), optional("missing")])).toBe("C");
    expect(gradeOf([...times(2, required("pass")), ...times(3, optional("missing"))])).toBe("D");
    // The default policy's 9 criteria: one optional miss is 8/9 → B, two 7/9 → C, three 6/9 → C.
    expect(gradeOf([...times(8, required("pass")), optional("missing")])).toBe("B");
    expect(gradeOf([...times(7, required("pass")), ...times(2, optional("fail"))])).toBe("C");
    expect(gradeOf([...times(6, required("pass")), ...times(3, optional("fail"))])).toBe("C");
    expect(gradeOf(times(3, optional("fail")))).toBe("D");
  });

  it("maps grades to verdicts", () => {
    expect(["A", "B", "C", "D", "F"].map((grade) => verdictOf(grade as "A"))).toEqual(["pass", "conditional", "conditional", "conditional", "fail"]);
  });
});

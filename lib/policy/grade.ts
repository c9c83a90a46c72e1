import type { CriterionResult } from "./criterion-result.ts";

/**
 * The letter grade of a policy evaluation, and what it means:
 * - "F" (verdict fail): a required criterion failed or had no evidence. Nothing else matters.
 * - "A" (verdict pass): every criterion passed.
 * - "B", "C", "D" (verdict conditional): every required criterion passed but some optional ones
 *   failed or had no evidence; by the share of all criteria that passed: B ≥ 80%, C ≥ 60%, D below.
 * Missing evidence counts as not passing, everywhere. There is no "E".
 */
export type Grade = "A" | "B" | "C" | "D" | "F";
export type Verdict = "pass" | "conditional" | "fail";

export const GRADE_SHARE = { B: 0.8, C: 0.6 } as const;

/** Grades results whose `required` flags come from the policy, in the same order. */
export function gradeOf(results: Array<Pick<CriterionResult, "status"> & { required: boolean }>): Grade {
  if (results.some((result) => result.required && result.status !== "pass")) return "F";
  const passed = results.filter((result) => result.status === "pass").length;
  if (passed === results.length) return "A";
  const share = passed / results.length;
  if (share >= GRADE_SHARE.B) return "B";
  if (share >= GRADE_SHARE.C) return "C";
  return "D";
}

/** pass for A, conditional for B–D, fail for F. */
export function verdictOf(grade: Grade): Verdict {
  return grade === "A" ? "pass" : grade === "F" ? "fail" : "conditional";
}

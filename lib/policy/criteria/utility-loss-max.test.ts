import { describe, expect, it } from "vitest";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateUtilityLossMax } from "./utility-loss-max.ts";

const criterion = { id: "u", kind: "utility_loss_max" as const, threshold: 0.05, required: false };
const utility = (accuracy: number | null | undefined, baselineAccuracy: number | null | undefined) => ({ ...emptyEvidence(), utility: { accuracy, baselineAccuracy } });

describe("evaluateUtilityLossMax", () => {
  it("passes a loss equal to the threshold despite floating point (0.90 − 0.85 = 0.05000000000000004)", () => {
    expect(0.9 - 0.85).not.toBe(0.05);
    expect(evaluateUtilityLossMax(criterion, utility(0.85, 0.9))).toMatchObject({ value: 0.05, status: "pass" });
    expect(evaluateUtilityLossMax(criterion, utility(0.7, 0.75))).toMatchObject({ value: 0.05, status: "pass" });
  });

  it("passes a model better than its baseline and fails a larger drop", () => {
    expect(evaluateUtilityLossMax(criterion, utility(0.93, 0.9))).toMatchObject({ value: -0.03, status: "pass" });
    expect(evaluateUtilityLossMax(criterion, utility(0.8, 0.9))).toEqual({
      value: 0.1,
      threshold: 0.05,
      status: "fail",
      reason: "Utility loss = 0.100 (baseline accuracy 0.900 − model accuracy 0.800) exceeds the policy's 0.050",
    });
  });

  it("is missing without either accuracy", () => {
    expect(evaluateUtilityLossMax(criterion, utility(0.9, null))).toEqual({
      value: null,
      threshold: 0.05,
      status: "missing",
      reason: "No baseline accuracy in the evidence; the policy requires at most 0.050",
    });
    expect(evaluateUtilityLossMax(criterion, utility(undefined, 0.9)).status).toBe("missing");
    expect(evaluateUtilityLossMax(criterion, emptyEvidence()).status).toBe("missing");
  });
});

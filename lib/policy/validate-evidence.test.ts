import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { evidenceAtThresholds } from "./test-evidence.ts";
import { validateEvidence } from "./validate-evidence.ts";

function pathOf(json: unknown): { path: unknown; message: string } {
  try {
    validateEvidence(json);
  } catch (error) {
    if (error instanceof AppError && error.code === "unprocessable") return { path: error.details?.path, message: error.message };
    throw error;
  }
  throw new Error("expected validateEvidence to throw");
}

function edited(edit: (bundle: Record<string, any>) => void): unknown {
  const bundle = JSON.parse(JSON.stringify(evidenceAtThresholds()));
  edit(bundle);
  return bundle;
}

describe("validateEvidence", () => {
  it("accepts a full bundle, a bare one, a null guarantee, null measurements, and keeps extra keys", () => {
    expect(validateEvidence(JSON.parse(JSON.stringify(evidenceAtThresholds())))).toEqual(evidenceAtThresholds());
    expect(validateEvidence({ schemaVersion: 1, model: { name: "m", version: 1 } })).toEqual({ schemaVersion: 1, model: { name: "m", version: 1 } });
    const extra = validateEvidence(
      edited((bundle) => {
        bundle.guarantee = null;
        bundle.contaminationRate = null;
        bundle.audits.membershipInference.attack = "lira";
      }),
    );
    expect(extra.guarantee).toBeNull();
    expect(extra.audits?.membershipInference).toMatchObject({ attack: "lira" });
  });

  it.each([
    [(bundle: Record<string, any>) => (bundle.audits.membershipInference.tprAtFpr["0.001"] = 1.2), '$.audits.membershipInference.tprAtFpr["0.001"]'],
    [(bundle: Record<string, any>) => (bundle.datasets[1].role = "training"), "$.datasets[1].role"],
    [(bundle: Record<string, any>) => (bundle.datasets[0].openFindings.high = -1), "$.datasets[0].openFindings.high"],
    [(bundle: Record<string, any>) => (bundle.datasets[0].license.verdict = "ok"), "$.datasets[0].license.verdict"],
    [(bundle: Record<string, any>) => (bundle.datasets[0].kAnonymity = 0), "$.datasets[0].kAnonymity"],
    [(bundle: Record<string, any>) => delete bundle.guarantee.epsilon, "$.guarantee.epsilon"],
    [(bundle: Record<string, any>) => (bundle.guarantee.delta = 1), "$.guarantee.delta"],
    [(bundle: Record<string, any>) => (bundle.guarantee.source = "verified-by-us"), "$.guarantee.source"],
    [(bundle: Record<string, any>) => (bundle.contaminationRate = "1%"), "$.contaminationRate"],
    [(bundle: Record<string, any>) => (bundle.utility.accuracy = 85), "$.utility.accuracy"],
    [(bundle: Record<string, any>) => delete bundle.model, "$.model"],
  ])("names the JSON path of the first error (%#)", (edit, path) => {
    const { path: reported, message } = pathOf(edited(edit));
    expect(reported).toBe(path);
    expect(message.startsWith(`${path}: `)).toBe(true);
  });
});

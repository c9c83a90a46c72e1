import { describe, expect, it } from "vitest";
import type { EvidenceBundle, EvidenceDataset } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateKAnonymityMin } from "./k-anonymity-min.ts";

const criterion = { id: "k", kind: "k_anonymity_min" as const, threshold: 5, required: false };
const dataset = (name: string, kAnonymity: number | null | undefined, role: EvidenceDataset["role"] = "train"): EvidenceDataset => ({ name, version: 1, role, kAnonymity });
const bundle = (...datasets: EvidenceDataset[]): EvidenceBundle => ({ ...emptyEvidence(), datasets });

describe("evaluateKAnonymityMin", () => {
  it("passes k equal to the threshold, judged on the smallest training k", () => {
    expect(evaluateKAnonymityMin(criterion, bundle(dataset("a", 5), dataset("b", 12), dataset("c", 1, "eval")))).toEqual({
      value: 5,
      threshold: 5,
      status: "pass",
      reason: "k = 5 (the smallest over 2 training datasets) is at least the policy's 5",
    });
  });

  it("fails below the threshold even if another training dataset is unmeasured", () => {
    expect(evaluateKAnonymityMin(criterion, bundle(dataset("a", 2), dataset("b", 4), dataset("c", null)))).toMatchObject({
      value: 2,
      status: "fail",
      reason: "k = 2 in training datasets a v1 (k = 2) and b v1 (k = 4) is below the policy's 5",
    });
  });

  it("is missing when a training dataset has no k or there are none", () => {
    expect(evaluateKAnonymityMin(criterion, bundle(dataset("a", 9), dataset("b", undefined)))).toMatchObject({
      value: null,
      status: "missing",
      reason: "No k-anonymity measurement for training dataset b v1; the policy requires k ≥ 5",
    });
    expect(evaluateKAnonymityMin(criterion, bundle(dataset("a", 9, "public"))).status).toBe("missing");
  });
});

import { describe, expect, it } from "vitest";
import type { EvidenceBundle, EvidenceDataset, Severity } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateNoOpenPiiFindings } from "./no-open-pii-findings.ts";

const criterion = (threshold: Severity) => ({ id: "pii", kind: "no_open_pii_findings" as const, threshold, required: true });
const dataset = (name: string, role: EvidenceDataset["role"], openFindings: EvidenceDataset["openFindings"]): EvidenceDataset => ({ name, version: 1, role, openFindings });
const bundle = (...datasets: EvidenceDataset[]): EvidenceBundle => ({ ...emptyEvidence(), datasets });
const clean = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };

describe("evaluateNoOpenPiiFindings", () => {
  it("counts only severities at or above the threshold, in training datasets only", () => {
    const evidence = bundle(dataset("a", "train", { ...clean, medium: 7 }), dataset("b", "eval", { ...clean, critical: 2 }));
    expect(evaluateNoOpenPiiFindings(criterion("high"), evidence)).toEqual({
      value: 0,
      threshold: "high",
      status: "pass",
      reason: "No open PII findings of high severity or above in 1 training dataset",
    });
    expect(evaluateNoOpenPiiFindings(criterion("medium"), evidence)).toMatchObject({
      value: 7,
      status: "fail",
      reason: "7 open PII findings of medium severity or above in training dataset a v1 (7)",
    });
  });

  it("fails on a known finding even when another training dataset was not scanned", () => {
    const evidence = bundle(dataset("a", "train", undefined), dataset("b", "train", { high: 1, critical: 2 }), dataset("c", "train", { high: 1 }));
    expect(evaluateNoOpenPiiFindings(criterion("high"), evidence)).toMatchObject({
      value: 4,
      status: "fail",
      reason: "4 open PII findings of high severity or above in training datasets b v1 (3) and c v1 (1)",
    });
  });

  it("is missing when a counted severity is not reported, or there is no training data", () => {
    expect(evaluateNoOpenPiiFindings(criterion("high"), bundle(dataset("a", "train", { high: 0 }), dataset("b", "train", clean)))).toEqual({
      value: null,
      threshold: "high",
      status: "missing",
      reason: "No PII scan counts of high severity or above for training dataset a v1",
    });
    expect(evaluateNoOpenPiiFindings(criterion("critical"), bundle(dataset("a", "train", { critical: 0 }))).status).toBe("pass");
    expect(evaluateNoOpenPiiFindings(criterion("info"), bundle(dataset("a", "eval", clean))).reason).toBe(
      "No training datasets in the evidence to check for open PII findings of any severity",
    );
  });
});

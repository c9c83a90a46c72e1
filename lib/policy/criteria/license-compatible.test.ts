import { describe, expect, it } from "vitest";
import type { EvidenceBundle, EvidenceDataset } from "../schemas.ts";
import { emptyEvidence } from "../test-evidence.ts";
import { evaluateLicenseCompatible } from "./license-compatible.ts";

const criterion = { id: "license", kind: "license_compatible" as const, required: true };
const dataset = (name: string, license: EvidenceDataset["license"]): EvidenceDataset => ({ name, version: 2, role: "public", license });
const bundle = (...datasets: EvidenceDataset[]): EvidenceBundle => ({ ...emptyEvidence(), datasets });

describe("evaluateLicenseCompatible", () => {
  it("passes when every dataset, of any role, is compatible", () => {
    expect(evaluateLicenseCompatible(criterion, bundle(dataset("a", { verdict: "compatible", reasons: [] }), dataset("b", { verdict: "compatible" })))).toEqual({
      value: { compatible: 2, conflict: 0, unknown: 0 },
      threshold: "compatible",
      status: "pass",
      reason: "The licenses of all 2 datasets are compatible with the intended use through their lineage",
    });
  });

  it("fails on a conflict even when other verdicts are unknown, giving the first reason", () => {
    const evidence = bundle(dataset("a", { verdict: "unknown", reasons: [] }), dataset("b", { verdict: "conflict", reasons: ["parent c v1 is GPL-3.0-only", "x"] }));
    expect(evaluateLicenseCompatible(criterion, evidence)).toMatchObject({
      value: { compatible: 0, conflict: 1, unknown: 1 },
      status: "fail",
      reason: "The license of b v2 (parent c v1 is GPL-3.0-only) conflicts with the intended use",
    });
  });

  it("is missing for an unknown or absent verdict, and without datasets", () => {
    expect(evaluateLicenseCompatible(criterion, bundle(dataset("a", { verdict: "compatible" }), dataset("b", null)))).toMatchObject({
      status: "missing",
      reason: "License compatibility with the intended use is not known for b v2",
    });
    expect(evaluateLicenseCompatible(criterion, bundle(dataset("a", { verdict: "unknown" }))).status).toBe("missing");
    expect(evaluateLicenseCompatible(criterion, emptyEvidence()).status).toBe("missing");
  });
});

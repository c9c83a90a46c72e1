import { describe, expect, it } from "vitest";
import { PROVENANCE_WEIGHTS, provenanceCompleteness } from "./provenance-completeness.ts";

const complete = {
  source: "CRM export",
  collectionMethod: "web form",
  consentBasis: "consent" as const,
  licenseExpression: "LicenseRef-Proprietary",
  ownerId: "user_1",
  collectionPeriodStart: new Date("2024-01-01"),
  collectionPeriodEnd: "2024-12-31",
  retention: "3 years after collection",
  description: "Customer support tickets",
};

describe("provenanceCompleteness", () => {
  it("weights sum to 100 percent", () => {
    expect(Object.values(PROVENANCE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("scores a complete record exactly 1", () => {
    expect(provenanceCompleteness(complete)).toEqual({
      score: 1,
      missing: [],
      present: ["consentBasis", "source", "collectionMethod", "licenseExpression", "ownerId", "retention", "collectionPeriodStart", "collectionPeriodEnd", "description"],
    });
  });

  it("counts unknown consent, LicenseRef-Unknown, blanks and nulls as missing", () => {
    const result = provenanceCompleteness({
      ...complete,
      consentBasis: "unknown",
      licenseExpression: "LicenseRef-Unknown",
      retention: null,
      description: "   ",
      collectionPeriodEnd: undefined,
    });
    // 100 - consent 20 - license 15 - retention 10 - description 5 - period end 5
    expect(result.score).toBe(0.45);
    expect(result.missing).toEqual(["consentBasis", "licenseExpression", "retention", "collectionPeriodEnd", "description"]);
    expect(result.present).toEqual(["source", "collectionMethod", "ownerId", "collectionPeriodStart"]);
  });

  it("scores an empty record 0 and an invalid date as missing", () => {
    expect(provenanceCompleteness({})).toMatchObject({ score: 0, present: [] });
    expect(provenanceCompleteness({ source: "scrape", collectionPeriodStart: new Date("nonsense") })).toMatchObject({ score: 0.15, present: ["source"] });
  });
});

import { describe, expect, it } from "vitest";
import { CONSENT_BASIS_LABELS, INTENDED_USE_LABELS, ROLE_LABELS, labelOf } from "./labels.ts";
import { ConsentBasis, IntendedUse, Role } from "../db/index.ts";

describe("labels", () => {
  it("label every enum value of the schema", () => {
    expect(Object.keys(CONSENT_BASIS_LABELS).sort()).toEqual(Object.values(ConsentBasis).sort());
    expect(Object.keys(INTENDED_USE_LABELS).sort()).toEqual(Object.values(IntendedUse).sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual(Object.values(Role).sort());
  });

  it("labelOf gives the human label, falling back to the spaced raw value", () => {
    expect(labelOf(CONSENT_BASIS_LABELS, "legitimate_interest")).toBe("Legitimate interests");
    expect(labelOf(ROLE_LABELS, "ml_engineer")).toBe("ML engineer");
    expect(labelOf(INTENDED_USE_LABELS, "future_use_case")).toBe("future use case");
    expect(labelOf(ROLE_LABELS, "toString")).toBe("toString");
    expect(labelOf(ROLE_LABELS, null)).toBe("—");
  });
});

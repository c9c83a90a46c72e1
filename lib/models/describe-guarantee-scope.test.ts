import { describe, expect, it } from "vitest";
import { describeGuaranteeScope } from "./describe-guarantee-scope.ts";

describe("describeGuaranteeScope", () => {
  it("says what an accountant's (ε, δ) covers and what it leaves out", () => {
    expect(describeGuaranteeScope({ source: "accountant", epsilon: 2.9912, delta: 1e-5, accountant: "prv" })).toBe(
      "(ε = 2.99, δ = 1e-5), computed by Canary's PRV accountant over the training run it executed, covers the trained weights and whatever is computed from them alone; " +
        "the training-loss curve is not covered and is visible only to the data owner and roles allowed to see personal data.",
    );
  });

  it("says a declared (ε, δ), or one without a source, is the uploader's word, not verified", () => {
    for (const source of ["declared", null] as const) {
      expect(describeGuaranteeScope({ source, epsilon: 3, delta: 1e-5, accountant: "rdp" })).toBe(
        "(ε = 3.00, δ = 1e-5) is declared by the uploader and not verified by Canary, so no policy counts it as a guarantee.",
      );
    }
  });

  it("says there is no guarantee when none is stored", () => {
    expect(describeGuaranteeScope({ source: null, epsilon: null, delta: null, accountant: null })).toBe(
      "No DP guarantee: nothing bounds what this model reveals about its training records.",
    );
  });

  it("is one sentence in every case", () => {
    const cases = [
      { source: "accountant", epsilon: 1, delta: 1e-6, accountant: "rdp" },
      { source: "declared", epsilon: 8, delta: 1e-5, accountant: null },
      { source: null, epsilon: null, delta: null, accountant: null },
    ] as const;
    for (const guarantee of cases) expect(describeGuaranteeScope(guarantee).match(/\.(\s|$)/g)).toHaveLength(1);
  });
});

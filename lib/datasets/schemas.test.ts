import { describe, expect, it } from "vitest";
import { registerDatasetSchema } from "./schemas.ts";

const base = { name: "ds", source: "CRM", collectionMethod: "export", consentBasis: "consent", intendedUse: "research_only" } as const;

describe("registerDatasetSchema licenseExpression", () => {
  it.each(["MIT", "CC-BY-4.0 OR ODbL-1.0", "LicenseRef-proprietary", "GPL-3.0-only WITH GCC-exception-3.1"])("accepts the SPDX expression %s", (licenseExpression) => {
    expect(registerDatasetSchema.safeParse({ ...base, licenseExpression }).success).toBe(true);
  });

  it.each(["MIT AND", "Apache 2", "cc-by-nc"])("refuses %s, saying it is not valid SPDX", (licenseExpression) => {
    const result = registerDatasetSchema.safeParse({ ...base, licenseExpression });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["licenseExpression"], message: expect.stringContaining("is not valid SPDX") });
  });
});

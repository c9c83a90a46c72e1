import { describe, expect, it } from "vitest";
import { IntendedUse } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { checkLicenseForUse } from "./check-license-for-use.ts";
import { isApprovedBy } from "./is-approved-by.ts";
import { LICENSE_RULES } from "./license-rules.ts";

describe("checkLicenseForUse", () => {
  it("judges a single license by its row", () => {
    expect(checkLicenseForUse("CC-BY-NC-4.0", "commercial_training")).toEqual({
      verdict: "conflict",
      obligations: ["attribution", "non_commercial"],
      reasons: [
        "CC-BY-NC-4.0 does not allow commercial_training: CC BY-NC 4.0 s2(a)(1) licenses the material for NonCommercial purposes only; commercial training is outside the grant",
      ],
      licenses: ["CC-BY-NC-4.0"],
    });
    expect(checkLicenseForUse("CC-BY-NC-4.0", "research_only").verdict).toBe("compatible");
    expect(checkLicenseForUse("CC0-1.0", "redistribution_model")).toMatchObject({
      verdict: "compatible",
      obligations: [],
      reasons: ["CC0-1.0 allows redistribution_model without conditions"],
    });
    expect(checkLicenseForUse("CC-BY-SA-4.0", "redistribution_data").obligations).toEqual(["attribution", "share_alike"]);
  });

  it("answers unknown, never compatible, for ids without a row and for LicenseRef-Unknown", () => {
    expect(checkLicenseForUse("LicenseRef-Acme-Terms", "internal_evaluation")).toEqual({
      verdict: "unknown",
      obligations: [],
      reasons: ["LicenseRef-Acme-Terms has no rule in Canary's license table; review its terms before internal_evaluation"],
      licenses: ["LicenseRef-Acme-Terms"],
    });
    expect(checkLicenseForUse("Zlib", "research_only").verdict).toBe("unknown");
    for (const use of Object.values(IntendedUse)) expect(checkLicenseForUse("LicenseRef-Unknown", use).verdict, use).toBe("unknown");
    expect(checkLicenseForUse("LicenseRef-Proprietary", "redistribution_data").verdict).toBe("conflict");
    expect(checkLicenseForUse("LicenseRef-Proprietary", "internal_evaluation").verdict).toBe("unknown");
  });

  it("OR takes a choice that allows the use and says which", () => {
    const check = checkLicenseForUse("CC-BY-NC-4.0 OR MIT", "commercial_training");
    expect(check.verdict).toBe("compatible");
    expect(check.licenses).toEqual(["MIT"]);
    expect(check.obligations).toEqual(["attribution", "include_license"]);
    expect(check.reasons[0]).toBe("CC-BY-NC-4.0 OR MIT: taking MIT (compatible) over CC-BY-NC-4.0 (conflict) for commercial_training");
  });

  it("OR between two compatible choices takes the one with fewer obligations", () => {
    const check = checkLicenseForUse("CC-BY-SA-4.0 OR CC-BY-4.0", "redistribution_data");
    expect(check).toMatchObject({ verdict: "compatible", licenses: ["CC-BY-4.0"], obligations: ["attribution"] });
    expect(check.reasons[0]).toBe("CC-BY-SA-4.0 OR CC-BY-4.0: both allow redistribution_data; taking CC-BY-4.0, the one with fewer obligations");
  });

  it("OR prefers unknown over conflict, and is a conflict only when every choice is", () => {
    expect(checkLicenseForUse("CC-BY-NC-4.0 OR LicenseRef-Foo", "commercial_training").verdict).toBe("unknown");
    const both = checkLicenseForUse("CC-BY-NC-4.0 OR CC-BY-NC-SA-4.0", "commercial_training");
    expect(both.verdict).toBe("conflict");
    expect(both.reasons[0]).toBe("CC-BY-NC-4.0 OR CC-BY-NC-SA-4.0: neither choice allows commercial_training (conflict)");
  });

  it("AND needs every part, adding up obligations", () => {
    const check = checkLicenseForUse("CC-BY-SA-4.0 AND ODbL-1.0 AND Apache-2.0", "commercial_training");
    expect(check.verdict).toBe("compatible");
    expect(check.obligations).toEqual(["attribution", "share_alike", "include_license", "state_changes"]);
    expect(check.licenses).toEqual(["CC-BY-SA-4.0", "ODbL-1.0", "Apache-2.0"]);

    const conflict = checkLicenseForUse("CC-BY-4.0 AND CC-BY-NC-4.0", "commercial_training");
    expect(conflict.verdict).toBe("conflict");
    expect(conflict.reasons).toHaveLength(2);
    expect(conflict.reasons[1]).toMatch(/^CC-BY-NC-4.0 does not allow commercial_training/);
    expect(checkLicenseForUse("CC-BY-4.0 AND LicenseRef-Foo", "commercial_training").verdict).toBe("unknown");
    expect(checkLicenseForUse("LicenseRef-Foo AND CC-BY-NC-4.0", "commercial_training").verdict).toBe("conflict");
  });

  it("follows precedence and parentheses: AND binds tighter than OR", () => {
    // MIT OR (CC0 AND NC): MIT alone suffices.
    expect(checkLicenseForUse("MIT OR CC0-1.0 AND CC-BY-NC-4.0", "commercial_training").licenses).toEqual(["MIT"]);
    // (MIT OR CC0) AND NC: the NC part binds whatever is chosen.
    const grouped = checkLicenseForUse("(MIT OR CC0-1.0) AND CC-BY-NC-4.0", "commercial_training");
    expect(grouped.verdict).toBe("conflict");
    expect(grouped.licenses).toEqual(["CC0-1.0", "CC-BY-NC-4.0"]);
  });

  it("judges WITH by the base license and + as the version named", () => {
    const withException = checkLicenseForUse("GPL-3.0-only WITH GCC-exception-3.1", "redistribution_data");
    expect(withException.verdict).toBe("compatible");
    expect(withException.obligations).toEqual(["attribution", "include_license", "copyleft"]);
    expect(withException.reasons[1]).toBe("the exception GCC-exception-3.1 only adds permissions, so GPL-3.0-only is judged without it");
    expect(checkLicenseForUse("GPL-3.0-only WITH GCC-exception-3.1", "redistribution_model").verdict).toBe("unknown");
    expect(checkLicenseForUse("CC-BY-NC-4.0+", "commercial_training").verdict).toBe("conflict");
    expect(checkLicenseForUse("GPL-3.0-or-later", "commercial_training").reasons[0]).toMatch(/^GPL-3.0-or-later \(read as GPL-3.0-only\) allows/);
  });

  it("refuses invalid expressions with the parser's clear message", () => {
    expect(() => checkLicenseForUse("CC BY 4.0", "research_only")).toThrow(AppError);
    expect(() => checkLicenseForUse("CC BY 4.0", "research_only")).toThrow(/license expression "CC BY 4.0" is not valid SPDX: "CC" at offset 0/);
  });

  it("agrees with spdx-satisfies over the table: compatible exactly when the allowed ids satisfy the expression", () => {
    const ids = [...LICENSE_RULES.keys()];
    const expressions = [...ids, ...ids.flatMap((a, i) => [ids[(i + 3) % ids.length], ids[(i + 7) % ids.length]].flatMap((b) => [`${a} OR ${b}`, `${a} AND ${b}`]))];
    for (const use of Object.values(IntendedUse)) {
      const allowed = ids.filter((id) => LICENSE_RULES.get(id)?.uses[use] === "allowed");
      for (const expression of expressions) {
        expect(checkLicenseForUse(expression, use).verdict === "compatible", `${expression} for ${use}`).toBe(isApprovedBy(expression, allowed));
      }
    }
  });
});

describe("isApprovedBy", () => {
  it("checks an expression against an allow-list", () => {
    expect(isApprovedBy("MIT OR GPL-3.0-only", ["MIT"])).toBe(true);
    expect(isApprovedBy("MIT AND GPL-3.0-only", ["MIT"])).toBe(false);
    expect(isApprovedBy("LicenseRef-Proprietary", ["LicenseRef-Proprietary"])).toBe(true);
  });

  it("refuses compound allow-list entries", () => {
    expect(() => isApprovedBy("MIT", ["MIT OR CC0-1.0"])).toThrow(/approved license "MIT OR CC0-1.0" must be a single license id/);
  });
});

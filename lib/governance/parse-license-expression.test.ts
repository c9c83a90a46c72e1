import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { parseLicenseExpression } from "./parse-license-expression.ts";

function refusal(expression: string): AppError {
  try {
    parseLicenseExpression(expression);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected "${expression}" to be refused`);
}

describe("parseLicenseExpression", () => {
  it("parses single ids, OR/AND with AND binding tighter, WITH and +", () => {
    expect(parseLicenseExpression("CC-BY-4.0")).toEqual({ license: "CC-BY-4.0" });
    expect(parseLicenseExpression("MIT OR CC0-1.0 AND ODbL-1.0")).toEqual({
      left: { license: "MIT" },
      conjunction: "or",
      right: { left: { license: "CC0-1.0" }, conjunction: "and", right: { license: "ODbL-1.0" } },
    });
    expect(parseLicenseExpression("GPL-3.0-only WITH GCC-exception-3.1")).toEqual({ license: "GPL-3.0-only", exception: "GCC-exception-3.1" });
    expect(parseLicenseExpression("CC-BY-4.0+")).toEqual({ license: "CC-BY-4.0", plus: true });
  });

  it("accepts LicenseRef- ids as custom licenses", () => {
    expect(parseLicenseExpression("LicenseRef-Proprietary")).toEqual({ license: "LicenseRef-Proprietary" });
    expect(parseLicenseExpression(" LicenseRef-Acme-Data-2.1 OR CC-BY-4.0 ")).toEqual({
      left: { license: "LicenseRef-Acme-Data-2.1" },
      conjunction: "or",
      right: { license: "CC-BY-4.0" },
    });
  });

  it("refuses an empty expression", () => {
    const error = refusal("  ");
    expect(error.code).toBe("unprocessable");
    expect(error.message).toMatch(/^license expression is empty/);
    expect(error.details).toEqual({ field: "licenseExpression" });
  });

  it("names a wrongly cased id and suggests the SPDX spelling", () => {
    const error = refusal("mit");
    expect(error.code).toBe("unprocessable");
    expect(error.message).toBe(
      'license expression "mit" is not valid SPDX: "mit" at offset 0 is not an SPDX license id or exception (did you mean "MIT"?); use LicenseRef-<name> for a custom license',
    );
    expect(error.details).toEqual({ field: "licenseExpression", expression: "mit" });
  });

  it("names the unknown word and its offset", () => {
    expect(refusal("CC-BY-4.0 AND Apache 2").message).toContain('"Apache" at offset 14 is not an SPDX license id');
    expect(refusal("MIT WITH Foo-exception").message).toContain('"Foo-exception" at offset 9');
  });

  it("explains dangling operators, unclosed parentheses and missing operators", () => {
    expect(refusal("MIT AND").message).toBe(
      'license expression "MIT AND" is not valid SPDX: it ends where a license id was expected (after AND, OR, WITH or an opening parenthesis)',
    );
    expect(refusal("MIT OR (CC0-1.0").message).toMatch(/a parenthesis is not closed$/);
    expect(refusal("MIT CC0-1.0").message).toMatch(/operators and license ids are not in a valid order/);
    expect(refusal("MIT WITH CC0-1.0").message).toMatch(/WITH must be followed by an SPDX exception id/);
  });
});

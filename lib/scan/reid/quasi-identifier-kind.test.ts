import { describe, expect, it } from "vitest";
import { quasiIdentifierKind } from "./quasi-identifier-kind.ts";
import { suggestQuasiIdentifiers } from "./suggest-quasi-identifiers.ts";

describe("quasiIdentifierKind", () => {
  it.each([
    ["age", "age"],
    ["patientAge", "age"],
    ["AGE_YEARS", "age"],
    ["dob", "date_of_birth"],
    ["date_of_birth", "date_of_birth"],
    ["birthDate", "date_of_birth"],
    ["zip", "postcode"],
    ["zip_code", "postcode"],
    ["PostalCode", "postcode"],
    ["postcode", "postcode"],
    ["sex", "sex"],
    ["Gender", "sex"],
    ["race", "ethnicity"],
    ["home_city", "city"],
    ["state", "region"],
    ["country", "country"],
    ["marital_status", "marital_status"],
    ["occupation", "occupation"],
    ["admission_date", "date"],
  ])("reads %s as %s", (name, kind) => {
    expect(quasiIdentifierKind(name)).toBe(kind);
  });

  it.each(["stage", "usage", "page", "id", "email", "diagnosis", "notes"])("does not read %s as a quasi-identifier", (name) => {
    expect(quasiIdentifierKind(name)).toBeNull();
  });

  it("falls back on the values when the name says nothing", () => {
    expect(quasiIdentifierKind("c7", ["1990-02-01", "1985-11-30", null, "01/02/1999"])).toBe("date");
    expect(quasiIdentifierKind("c8", ["M", "F", "f", "male"])).toBe("sex");
    expect(quasiIdentifierKind("c9", ["M", "F", "Oslo", "Bergen"])).toBeNull();
    expect(quasiIdentifierKind("c10", [null, null])).toBeNull();
    expect(quasiIdentifierKind("c11", ["x", "x"])).toBeNull(); // one value proves nothing
    expect(quasiIdentifierKind("c12", ["x", "u", "other"])).toBeNull(); // no M/F at all
  });
});

describe("suggestQuasiIdentifiers", () => {
  it("lists recognised columns in column order", () => {
    expect(suggestQuasiIdentifiers(["id", "email", "age", "zip", "diagnosis", "c5"], [{ c5: "2001-01-01" }, { c5: "1999-12-31" }])).toEqual([
      { column: "age", kind: "age" },
      { column: "zip", kind: "postcode" },
      { column: "c5", kind: "date" },
    ]);
  });
});

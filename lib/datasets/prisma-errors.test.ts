import { describe, expect, it } from "vitest";
import { Prisma } from "../db/index.ts";
import { isUniqueViolation } from "./prisma-errors.ts";

// The meta the pg driver adapter reports (captured from Prisma 7.10 on PostgreSQL 15).
function p2002(index: string) {
  return new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
    code: "P2002",
    clientVersion: "7",
    meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index } } }, modelName: "DatasetVersion" },
  });
}

describe("isUniqueViolation", () => {
  it("tells the version constraint from the sha256 one", () => {
    expect(isUniqueViolation(p2002("DatasetVersion_datasetId_version_key"), "version")).toBe(true);
    expect(isUniqueViolation(p2002("DatasetVersion_datasetId_sha256_key"), "version")).toBe(false);
    expect(isUniqueViolation(p2002("DatasetVersion_datasetId_sha256_key"), "sha256")).toBe(true);
    expect(isUniqueViolation(p2002("Dataset_name_key"))).toBe(true);
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  });
});

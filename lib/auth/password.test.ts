import { describe, expect, it } from "vitest";
import { AppError } from "../errors/index.ts";
import { hashPassword, verifyPassword } from "./password.ts";

// Cost 4 (the minimum) keeps the tests fast; production uses BCRYPT_COST.
describe("hashPassword / verifyPassword", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("canary-demo", 4);
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(hash).not.toContain("canary-demo");
    expect(await verifyPassword("canary-demo", hash)).toBe(true);
    expect(await verifyPassword("canary-demO", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts: the same password hashes differently each time", async () => {
    expect(await hashPassword("same", 4)).not.toBe(await hashPassword("same", 4));
  });

  it("answers false, not an exception, for a malformed hash", async () => {
    expect(await verifyPassword("x", "not-a-bcrypt-hash")).toBe(false);
  });

  it("refuses passwords bcrypt would truncate, and empty ones", async () => {
    const long = "é".repeat(37); // 74 bytes in UTF-8
    await expect(hashPassword(long, 4)).rejects.toThrow(AppError);
    await expect(hashPassword("", 4)).rejects.toThrow(/must not be empty/);
    const hash = await hashPassword("a".repeat(72), 4);
    expect(await verifyPassword("a".repeat(72), hash)).toBe(true);
    // bcrypt alone would accept this (it reads 72 bytes); we do not.
    expect(await verifyPassword(`${"a".repeat(72)}b`, hash)).toBe(false);
  });
});

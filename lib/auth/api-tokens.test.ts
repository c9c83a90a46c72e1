import { describe, expect, it, vi } from "vitest";
import type { Db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import {
  checkTokenScopes,
  createApiTokenSchema,
  generateApiToken,
  hashApiToken,
  LAST_USED_RESOLUTION_MS,
  resolveToken,
} from "./api-tokens.ts";
import { permissionsOf } from "./permissions.ts";

describe("hashApiToken", () => {
  it("is sha256 in hex (FIPS 180-2 test vector for 'abc')", () => {
    expect(hashApiToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("generateApiToken", () => {
  it("is cnry_ and 32 random bytes in base64url, never twice the same", () => {
    const tokens = Array.from({ length: 50 }, generateApiToken);
    for (const token of tokens) {
      expect(token).toMatch(/^cnry_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(5), "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(50);
  });
});

describe("checkTokenScopes", () => {
  it("defaults to everything the owner's roles allow", () => {
    expect(checkTokenScopes(["auditor"], undefined)).toEqual(permissionsOf(["auditor"]));
  });

  it("accepts a subset and drops duplicates", () => {
    expect(checkTokenScopes(["ml_engineer"], ["datasets.read", "datasets.upload", "datasets.read"])).toEqual([
      "datasets.read",
      "datasets.upload",
    ]);
  });

  it("refuses a scope beyond the owner's roles with forbidden, naming it", () => {
    const attempt = () => checkTokenScopes(["auditor"], ["datasets.read", "datasets.upload"]);
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/"datasets\.upload" exceeds/);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe("forbidden");
      expect((error as AppError).status).toBe(403);
    }
  });

  it("refuses a name that is no permission as invalid input", () => {
    try {
      checkTokenScopes(["admin"], ["datasets.delete"]);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("unprocessable");
    }
  });
});

describe("createApiTokenSchema", () => {
  it("requires an expiry: 90 days by default, at most 365", () => {
    expect(createApiTokenSchema.parse({ name: "ci" }).expiresInDays).toBe(90);
    expect(createApiTokenSchema.parse({ name: "ci", expiresInDays: 365 }).expiresInDays).toBe(365);
    expect(createApiTokenSchema.safeParse({ name: "ci", expiresInDays: 366 }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "ci", expiresInDays: 0 }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "ci", expiresInDays: null }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: "  " }).success).toBe(false);
  });
});

// resolveToken against a stand-in database: the rules, without PostgreSQL.
function fakeDb(row: Record<string, unknown> | null) {
  const findUnique = vi.fn(async () => row);
  const updateMany = vi.fn(async () => ({ count: 1 }));
  return { db: { apiToken: { findUnique, updateMany } } as unknown as Db, findUnique, updateMany };
}

const NOW = new Date("2026-03-01T12:00:00Z");
const token = generateApiToken();
const row = (overrides: Record<string, unknown> = {}, userOverrides: Record<string, unknown> = {}) => ({
  id: "tok1",
  name: "ci",
  tokenHash: hashApiToken(token),
  scopes: ["datasets.read", "datasets.upload", "no.such.permission"],
  expiresAt: new Date(NOW.getTime() + 86_400_000),
  revokedAt: null,
  lastUsedAt: null,
  user: { id: "u1", email: "svc@canary.local", disabledAt: null, roles: [{ role: "service" }], ...userOverrides },
  ...overrides,
});

describe("resolveToken", () => {
  it("looks the token up by its hash and acts for the owner within the scopes", async () => {
    const { db, findUnique } = fakeDb(row());
    const principal = await resolveToken(db, token, NOW);
    expect(findUnique).toHaveBeenCalledWith(expect.objectContaining({ where: { tokenHash: hashApiToken(token) } }));
    expect(principal).toEqual({
      userId: "u1",
      email: "svc@canary.local",
      label: "token:ci (svc@canary.local)",
      roles: ["service"],
      via: "token",
      scopes: ["datasets.read", "datasets.upload"],
    });
  });

  it.each([
    ["malformed", "cnry_short", row(), /malformed/],
    ["unknown", token, null, /unknown API token/],
    ["revoked", token, row({ revokedAt: new Date(NOW.getTime() - 1000) }), /revoked/],
    ["expired", token, row({ expiresAt: NOW }), /expired/],
    ["owned by a disabled user", token, row({}, { disabledAt: new Date(0) }), /disabled/],
  ])("refuses a %s token as unauthenticated", async (_what, value, found, message) => {
    const { db } = fakeDb(found);
    const attempt = resolveToken(db, value, NOW);
    await expect(attempt).rejects.toThrow(message);
    await expect(resolveToken(db, value, NOW)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("records lastUsedAt at most once a minute", async () => {
    const recent = fakeDb(row({ lastUsedAt: new Date(NOW.getTime() - LAST_USED_RESOLUTION_MS + 1000) }));
    await resolveToken(recent.db, token, NOW);
    expect(recent.updateMany).not.toHaveBeenCalled();

    const stale = fakeDb(row({ lastUsedAt: new Date(NOW.getTime() - LAST_USED_RESOLUTION_MS) }));
    await resolveToken(stale.db, token, NOW);
    expect(stale.updateMany).toHaveBeenCalledTimes(1);
    expect(stale.updateMany).toHaveBeenCalledWith(expect.objectContaining({ data: { lastUsedAt: NOW } }));
  });
});

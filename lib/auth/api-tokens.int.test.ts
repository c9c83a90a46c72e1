import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Role } from "../db/index.ts";
import { createApiToken, hashApiToken, LAST_USED_RESOLUTION_MS, listApiTokens, resolveToken, revokeApiToken } from "./api-tokens.ts";
import type { Principal } from "./principal.ts";

const db = createDb();
afterAll(() => db.$disconnect());

async function person(roles: Role[], options: { isService?: boolean } = {}): Promise<Principal> {
  const email = `tok-${randomUUID().slice(0, 8)}@canary.test`;
  const user = await db.user.create({
    data: { email, name: "Token test", isService: options.isService ?? false, roles: { create: roles.map((role) => ({ role })) } },
  });
  return { userId: user.id, email, label: email, roles, via: "session" };
}

describe("createApiToken", () => {
  it("stores only the token's sha256 and a short prefix, and audits the creation", async () => {
    const owner = await person(["ml_engineer"]);
    const { token, apiToken } = await createApiToken(db, owner, { name: "laptop", scopes: ["datasets.read", "datasets.upload"] });
    expect(token).toMatch(/^cnry_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.prefix).toBe(token.slice(0, 12));
    expect(JSON.stringify(row)).not.toContain(token.slice(12));
    expect(row.scopes).toEqual(["datasets.read", "datasets.upload"]);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);

    const audit = await db.auditLogEntry.findFirstOrThrow({ where: { action: "api_token.create", targetId: apiToken.id } });
    expect(audit.actorLabel).toBe(owner.email);
    expect(JSON.stringify(audit.details)).not.toContain(token);
  });

  it("refuses scopes beyond the owner's roles", async () => {
    const auditor = await person(["auditor"]);
    await expect(createApiToken(db, auditor, { name: "x", scopes: ["datasets.upload"] })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.apiToken.count({ where: { userId: auditor.userId } })).toBe(0);
  });

  it("lets an admin mint a service account's token, but never another person's", async () => {
    const admin = await person(["admin"]);
    const service = await person(["service"], { isService: true });
    const { apiToken } = await createApiToken(db, admin, { name: "ci", userId: service.userId, expiresInDays: 7 });
    expect(apiToken.userId).toBe(service.userId);
    expect(apiToken.scopes).toContain("datasets.upload");
    expect(apiToken.scopes).not.toContain("users.manage");

    const human = await person(["ml_engineer"]);
    await expect(createApiToken(db, admin, { name: "x", userId: human.userId })).rejects.toMatchObject({ code: "forbidden" });
    const engineer = await person(["ml_engineer"]);
    await expect(createApiToken(db, engineer, { name: "x", userId: service.userId })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("resolveToken", () => {
  it("acts as the owner, narrowed by the scopes, and follows role changes at once", async () => {
    const owner = await person(["ml_engineer"]);
    const { token } = await createApiToken(db, owner, { name: "ci", scopes: ["datasets.read", "datasets.upload"] });
    const principal = await resolveToken(db, token);
    expect(principal).toMatchObject({ userId: owner.userId, via: "token", roles: ["ml_engineer"], label: `token:ci (${owner.email})` });
    expect(principal.scopes).toEqual(["datasets.read", "datasets.upload"]);

    await db.roleMembership.deleteMany({ where: { userId: owner.userId } });
    await db.roleMembership.create({ data: { userId: owner.userId, role: "auditor" } });
    expect((await resolveToken(db, token)).roles).toEqual(["auditor"]);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const owner = await person(["auditor"]);
    const { token, apiToken } = await createApiToken(db, owner, { name: "ci" });
    const t0 = new Date();
    await resolveToken(db, token, t0);
    await resolveToken(db, token, new Date(t0.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS);
    await resolveToken(db, token, t1);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toEqual(t1);
  });

  it("refuses expired, revoked and unknown tokens and disabled owners", async () => {
    const owner = await person(["auditor"]);
    const { token, apiToken } = await createApiToken(db, owner, { name: "ci", expiresInDays: 1 });
    const later = new Date(Date.now() + 2 * 86_400_000);
    await expect(resolveToken(db, token, later)).rejects.toMatchObject({ code: "unauthenticated", message: expect.stringContaining("expired") });
    await expect(resolveToken(db, `cnry_${"x".repeat(43)}`)).rejects.toMatchObject({ code: "unauthenticated" });

    await db.user.update({ where: { id: owner.userId }, data: { disabledAt: new Date() } });
    await expect(resolveToken(db, token)).rejects.toMatchObject({ message: expect.stringContaining("disabled") });
    await db.user.update({ where: { id: owner.userId }, data: { disabledAt: null } });

    await revokeApiToken(db, owner, apiToken.id);
    await expect(resolveToken(db, token)).rejects.toMatchObject({ message: expect.stringContaining("revoked") });
    const audit = await db.auditLogEntry.findFirst({ where: { action: "api_token.revoke", targetId: apiToken.id } });
    expect(audit).not.toBeNull();
  });
});

describe("listApiTokens / revokeApiToken", () => {
  it("shows people their own tokens and hides others' behind not_found", async () => {
    const alice = await person(["ml_engineer"]);
    const bob = await person(["ml_engineer"]);
    const { apiToken } = await createApiToken(db, alice, { name: "a" });
    expect((await listApiTokens(db, alice)).map((t) => t.id)).toEqual([apiToken.id]);
    expect(await listApiTokens(db, bob)).toEqual([]);
    await expect(listApiTokens(db, bob, alice.userId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiToken(db, bob, apiToken.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listApiTokens(db, alice))[0]!.revokedAt).toBeNull();
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Principal } from "../auth/index.ts";
import { createDb, createScratchDatabase, type Db, type Role } from "../db/index.ts";
import { listUsers } from "./list-users.ts";
import { setUserRoles } from "./set-user-roles.ts";

const shared = createDb();
const cleanups: (() => Promise<unknown>)[] = [() => shared.$disconnect()];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function person(db: Db, roles: Role[]): Promise<Principal> {
  const email = `roles-${randomUUID().slice(0, 8)}@canary.test`;
  const user = await db.user.create({ data: { email, name: "Roles test", roles: { create: roles.map((role) => ({ role })) } } });
  return { userId: user.id, email, label: email, roles, via: "session" };
}

describe("setUserRoles", () => {
  it("replaces the roles and audits before and after in the same transaction", async () => {
    const admin = await person(shared, ["admin"]);
    const target = await person(shared, ["auditor"]);
    const updated = await setUserRoles(shared, admin, target.userId, ["ml_engineer", "compliance_officer", "ml_engineer"]);
    expect(updated.roles).toEqual(["compliance_officer", "ml_engineer"]);
    const stored = await shared.roleMembership.findMany({ where: { userId: target.userId }, orderBy: { role: "asc" } });
    expect(stored.map((m) => [m.role, m.grantedById])).toEqual([
      ["ml_engineer", admin.userId],
      ["compliance_officer", admin.userId],
    ]);
    const audit = await shared.auditLogEntry.findFirstOrThrow({ where: { action: "user.roles_change", targetId: target.userId } });
    expect(audit.actorLabel).toBe(admin.email);
    expect(audit.details).toEqual({
      before: ["auditor"],
      after: ["compliance_officer", "ml_engineer"],
      added: ["compliance_officer", "ml_engineer"],
      removed: ["auditor"],
    });
    const listed = (await listUsers(shared)).find((u) => u.id === target.userId);
    expect(listed?.roles).toEqual(["compliance_officer", "ml_engineer"]);
  });

  it("refuses non-admins, unknown users and unknown roles", async () => {
    const engineer = await person(shared, ["ml_engineer"]);
    const target = await person(shared, ["auditor"]);
    await expect(setUserRoles(shared, engineer, target.userId, ["admin"])).rejects.toMatchObject({ code: "forbidden" });
    const admin = await person(shared, ["admin"]);
    await expect(setUserRoles(shared, admin, "no-such-user", ["auditor"])).rejects.toMatchObject({ code: "not_found" });
    await expect(setUserRoles(shared, admin, target.userId, ["root" as Role])).rejects.toThrow();
    const audits = await shared.auditLogEntry.count({ where: { action: "user.roles_change", targetId: target.userId } });
    expect(audits).toBe(0);
  });

  it("writes no audit entry when nothing changes", async () => {
    const admin = await person(shared, ["admin"]);
    const target = await person(shared, ["auditor"]);
    await setUserRoles(shared, admin, target.userId, ["auditor"]);
    expect(await shared.auditLogEntry.count({ where: { action: "user.roles_change", targetId: target.userId } })).toBe(0);
  });
});

// Whether an admin is the last one depends on every user, so this needs a database of its own.
describe("the last admin", () => {
  it("cannot lose the admin role; with a second admin, either can", async () => {
    const scratch = await createScratchDatabase("roles", { template: process.env.CANARY_TEST_TEMPLATE_DB });
    cleanups.push(() => scratch.drop());
    const db = createDb(scratch.url);
    cleanups.push(() => db.$disconnect());

    const only = await person(db, ["admin", "auditor"]);
    await expect(setUserRoles(db, only, only.userId, ["auditor"])).rejects.toMatchObject({
      code: "conflict",
      message: "cannot remove the admin role from the last admin",
    });
    expect((await listUsers(db))[0]!.roles).toEqual(["admin", "auditor"]);

    // A disabled admin does not count.
    const disabled = await person(db, ["admin"]);
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    await expect(setUserRoles(db, only, only.userId, [])).rejects.toMatchObject({ code: "conflict" });

    const second = await person(db, ["admin"]);
    await setUserRoles(db, only, only.userId, ["auditor"]);
    await expect(setUserRoles(db, second, second.userId, [])).rejects.toMatchObject({ code: "conflict" });
  });

  it("holds when two admins demote each other at the same time", async () => {
    const scratch = await createScratchDatabase("roles", { template: process.env.CANARY_TEST_TEMPLATE_DB });
    cleanups.push(() => scratch.drop());
    const db = createDb(scratch.url);
    cleanups.push(() => db.$disconnect());
    const a = await person(db, ["admin"]);
    const b = await person(db, ["admin"]);
    const results = await Promise.allSettled([setUserRoles(db, a, b.userId, ["auditor"]), setUserRoles(db, b, a.userId, ["auditor"])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.roleMembership.count({ where: { role: "admin" } })).toBe(1);
  });
});

import { appendAuditLog } from "../audit-log/index.ts";
import { principalCan, type Principal } from "../auth/index.ts";
import { ADVISORY_LOCK_KEYS, type Db, type Role } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import type { UserWithRoles } from "./list-users.ts";
import { setUserRolesSchema } from "./schemas.ts";

/**
 * Replaces a user's roles (admins only). Refuses to leave no enabled admin. Audited as
 * `user.roles_change` with the roles before and after, in the same transaction.
 */
export async function setUserRoles(db: Db, principal: Principal, userId: string, roles: readonly Role[]): Promise<UserWithRoles> {
  if (!principalCan(principal, "users.manage")) throw new AppError("forbidden", "only admins may change roles");
  const wanted = [...new Set(setUserRolesSchema.parse({ roles }).roles)].sort();

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEYS.roleChange})`;
    const user = await tx.user.findUnique({ where: { id: userId }, include: { roles: true } });
    if (!user) throw new AppError("not_found", `no user with id ${userId}`);
    const before = user.roles.map((m) => m.role).sort();

    if (before.includes("admin") && !wanted.includes("admin")) {
      const otherAdmins = await tx.roleMembership.count({
        where: { role: "admin", userId: { not: userId }, user: { disabledAt: null } },
      });
      if (otherAdmins === 0) throw new AppError("conflict", "cannot remove the admin role from the last admin");
    }

    const removed = before.filter((role) => !wanted.includes(role));
    const added = wanted.filter((role) => !before.includes(role));
    if (removed.length > 0) await tx.roleMembership.deleteMany({ where: { userId, role: { in: removed } } });
    if (added.length > 0) {
      await tx.roleMembership.createMany({ data: added.map((role) => ({ userId, role, grantedById: principal.userId })) });
    }
    if (removed.length > 0 || added.length > 0) {
      await appendAuditLog(tx, {
        actor: { id: principal.userId, label: principal.label },
        action: "user.roles_change",
        targetType: "user",
        targetId: userId,
        details: { before, after: wanted, added, removed },
      });
    }
    const { id, email, name, isService, disabledAt, createdAt } = user;
    return { id, email, name, isService, disabledAt, createdAt, roles: wanted };
  });
}

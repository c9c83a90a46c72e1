import type { Role } from "../db/index.ts";
import { can, type Permission } from "./permissions.ts";

/** Who is acting: a signed-in person, or an API token acting for its owner within its scopes. */
export interface Principal {
  userId: string;
  email: string;
  /** Shown in the audit log: the email, or `token:<name> (<email>)`. */
  label: string;
  roles: Role[];
  via: "session" | "token";
  /** A token's scopes; its effective permissions are its owner's roles intersected with these. */
  scopes?: Permission[];
  /** For a service account's token: the person who minted it, who answers for what it does. */
  tokenCreatedById?: string;
}

/** A user row with its role memberships, as `include: { roles: true }` reads it. */
export interface UserWithRoleRows {
  id: string;
  email: string;
  roles: readonly { role: Role }[];
}

/**
 * The principal of a user row: the person acting in a session, or the system acting for them (then
 * `label` says so in the audit log, e.g. "schedule (ana@example.com)").
 */
export function principalOfUser(user: UserWithRoleRows, label = user.email): Principal {
  return { userId: user.id, email: user.email, label, roles: user.roles.map((m) => m.role), via: "session" };
}

/**
 * Whether `userId` is, or answers for, this principal: the person signed in or owning the token,
 * or the person who minted the service token in use. Separation-of-duties rules ask this.
 */
export function actsAs(principal: Principal, userId: string): boolean {
  return principal.userId === userId || principal.tokenCreatedById === userId;
}

export function principalCan(principal: Principal, permission: Permission): boolean {
  if (!can(principal.roles, permission)) return false;
  return principal.scopes === undefined || principal.scopes.includes(permission);
}

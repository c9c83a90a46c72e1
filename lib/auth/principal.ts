import type { Role } from "../db/generated/enums.ts";
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
}

export function principalCan(principal: Principal, permission: Permission): boolean {
  if (!can(principal.roles, permission)) return false;
  return principal.scopes === undefined || principal.scopes.includes(permission);
}

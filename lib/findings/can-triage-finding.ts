import { principalCan, type Principal } from "../auth/index.ts";

/** Roles that triage any dataset's findings; anyone else with findings.triage only their own datasets'. */
const TRIAGE_ANY_ROLES = ["admin", "compliance_officer"] as const;

/**
 * Whether the principal may triage a finding of a dataset owned by `ownerId`: the permission table's
 * `findings.triage`, and then either a compliance officer or admin, or the dataset's owner.
 */
export function canTriageFinding(principal: Principal, ownerId: string): boolean {
  if (!principalCan(principal, "findings.triage")) return false;
  return principal.roles.some((role) => (TRIAGE_ANY_ROLES as readonly string[]).includes(role)) || principal.userId === ownerId;
}

// The one permission table. Pages, route handlers, server actions, the CLI and workers all ask
// `can(roles, permission)`; nothing else decides who may do what.
import type { Role } from "../db/index.ts";

export const ROLES = ["admin", "ml_engineer", "compliance_officer", "auditor", "service"] as const satisfies readonly Role[];

const READERS: readonly Role[] = ["admin", "ml_engineer", "compliance_officer", "auditor", "service"];
const PEOPLE: readonly Role[] = ["admin", "ml_engineer", "compliance_officer", "auditor"];
const BUILDERS: readonly Role[] = ["admin", "ml_engineer", "service"];

export const PERMISSIONS = [
  { name: "datasets.read", description: "List and read datasets, versions and lineage", roles: READERS },
  { name: "datasets.write", description: "Register datasets and edit their provenance", roles: BUILDERS },
  { name: "datasets.upload", description: "Upload immutable dataset versions", roles: BUILDERS },
  { name: "datasets.upload_any", description: "Upload versions of datasets owned by others", roles: ["admin"] },
  { name: "pii.unmasked", description: "See PII that scans found, unmasked", roles: ["admin", "compliance_officer"] },
  { name: "findings.read", description: "Read scan findings (masked)", roles: READERS },
  { name: "findings.triage", description: "Triage findings", roles: ["admin", "compliance_officer", "ml_engineer"] },
  { name: "scans.run", description: "Start scans on dataset versions", roles: BUILDERS },
  { name: "budgets.write", description: "Set privacy budgets: owners set or lower their own; compliance officers and admins also raise others'", roles: ["admin", "ml_engineer", "compliance_officer", "service"] },
  { name: "budgets.allow_non_private", description: "Allow training without DP on a dataset version with a privacy budget (never on one's own dataset)", roles: ["admin", "compliance_officer"] },
  { name: "models.read", description: "Read models, versions and training runs", roles: READERS },
  { name: "models.write", description: "Register models, upload versions, start training", roles: BUILDERS },
  { name: "audits.read", description: "Read leakage audits", roles: READERS },
  { name: "audits.run", description: "Start leakage audits", roles: BUILDERS },
  { name: "scorecards.read", description: "Read scorecards", roles: READERS },
  { name: "scorecards.approve", description: "Approve or reject scorecard snapshots", roles: ["admin", "compliance_officer"] },
  { name: "policies.read", description: "Read privacy policies", roles: READERS },
  { name: "policies.write", description: "Edit privacy policies", roles: ["admin", "compliance_officer"] },
  { name: "deployments.read", description: "Read deployments", roles: READERS },
  { name: "deployments.write", description: "Promote and roll back deployments", roles: ["admin", "ml_engineer"] },
  { name: "schedules.write", description: "Schedule re-audits and re-scans", roles: ["admin"] },
  { name: "jobs.read", description: "Read queue jobs and their progress", roles: READERS },
  { name: "jobs.cancel", description: "Cancel queue jobs", roles: BUILDERS },
  { name: "jobs.cancel_any", description: "Cancel jobs started by others", roles: ["admin"] },
  { name: "auditlog.read", description: "Read and verify the audit log", roles: ["admin", "compliance_officer", "auditor"] },
  { name: "users.manage", description: "Create users and change roles", roles: ["admin"] },
  { name: "tokens.manage", description: "Create and revoke one's own API tokens", roles: PEOPLE },
  { name: "settings.read", description: "See the settings page", roles: PEOPLE },
] as const satisfies readonly { name: string; description: string; roles: readonly Role[] }[];

export type Permission = (typeof PERMISSIONS)[number]["name"];

const rolesByPermission = new Map<string, readonly Role[]>(PERMISSIONS.map((p) => [p.name, p.roles]));

export function isPermission(name: string): name is Permission {
  return rolesByPermission.has(name);
}

/** True when any of `roles` grants `permission`. Unknown permissions are refused, never granted. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed = rolesByPermission.get(permission);
  return allowed !== undefined && roles.some((role) => allowed.includes(role));
}

/** Every permission the roles grant, e.g. for the largest scope a token may carry. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => roles.some((role) => (p.roles as readonly Role[]).includes(role))).map((p) => p.name);
}


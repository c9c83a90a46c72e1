// The role × permission table written out by hand, not derived from PERMISSIONS: a grant added to,
// or dropped from, lib/auth/permissions.ts fails here until this literal is changed to match on purpose.
// (e2e/role-matrix.spec.ts and app/_server/route-table.test.ts take their expectations from the table
// itself, so they cannot catch a wrong grant.)
import { describe, expect, it } from "vitest";
import type { Role } from "../db/index.ts";
import { can, PERMISSIONS, permissionsOf, ROLES, type Permission } from "./permissions.ts";

const GRANTED: Record<Role, readonly Permission[]> = {
  admin: [
    "datasets.read", "datasets.write", "datasets.upload", "datasets.upload_any",
    "pii.unmasked", "findings.read", "findings.triage", "scans.run",
    "budgets.write", "budgets.allow_non_private",
    "models.read", "models.write", "audits.read", "audits.run",
    "scorecards.read", "scorecards.approve", "policies.read", "policies.write",
    "deployments.read", "deployments.write", "schedules.write",
    "jobs.read", "jobs.cancel", "jobs.cancel_any",
    "auditlog.read", "users.manage", "tokens.manage", "settings.read",
  ],
  ml_engineer: [
    "datasets.read", "datasets.write", "datasets.upload",
    "findings.read", "findings.triage", "scans.run",
    "budgets.write",
    "models.read", "models.write", "audits.read", "audits.run",
    "scorecards.read", "policies.read",
    "deployments.read", "deployments.write",
    "jobs.read", "jobs.cancel",
    "tokens.manage", "settings.read",
  ],
  compliance_officer: [
    "datasets.read",
    "pii.unmasked", "findings.read", "findings.triage",
    "budgets.write", "budgets.allow_non_private",
    "models.read", "audits.read",
    "scorecards.read", "scorecards.approve", "policies.read", "policies.write",
    "deployments.read",
    "jobs.read",
    "auditlog.read", "tokens.manage", "settings.read",
  ],
  auditor: [
    "datasets.read", "findings.read",
    "models.read", "audits.read",
    "scorecards.read", "policies.read", "deployments.read",
    "jobs.read",
    "auditlog.read", "tokens.manage", "settings.read",
  ],
  // Tokens for pipelines: read and build, never approve, manage people or see unmasked PII.
  service: [
    "datasets.read", "datasets.write", "datasets.upload",
    "findings.read", "scans.run",
    "budgets.write",
    "models.read", "models.write", "audits.read", "audits.run",
    "scorecards.read", "policies.read", "deployments.read",
    "jobs.read", "jobs.cancel",
  ],
};

const sorted = (names: readonly string[]) => [...names].sort();

describe("permission table", () => {
  it("has exactly the roles written here", () => {
    expect(sorted(ROLES)).toEqual(sorted(Object.keys(GRANTED)));
  });

  it("has exactly the permissions written here", () => {
    expect(sorted(PERMISSIONS.map((p) => p.name))).toEqual(sorted([...new Set(Object.values(GRANTED).flat())]));
  });

  it.each(ROLES)("grants %s exactly the permissions written here", (role) => {
    expect(sorted(permissionsOf([role]))).toEqual(sorted(GRANTED[role]));
    for (const { name } of PERMISSIONS) expect(can([role], name), `${role} ${name}`).toBe(GRANTED[role].includes(name));
  });

  it("refuses everything to no roles", () => {
    expect(permissionsOf([])).toEqual([]);
    for (const { name } of PERMISSIONS) expect(can([], name)).toBe(false);
  });
});

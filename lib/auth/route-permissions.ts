// THE table of who may reach which route. Every page (app/**/page.tsx) and every API method
// (app/**/route.ts) has exactly one row; e2e/role-matrix.spec.ts fails on a route missing here.
// proxy.ts enforces it for every request as a first line; pages and route handlers check again.
// Patterns use Next.js folder syntax: `[name]` is one segment, `[...rest]` one or more.
import { isPermission, type Permission } from "./permissions.ts";

export type RouteAccess = Permission | "public" | "authenticated";
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteRule =
  | { kind: "page"; pattern: string; access: RouteAccess }
  | { kind: "api"; pattern: string; method: HttpMethod; access: RouteAccess };

const page = (pattern: string, access: RouteAccess): RouteRule => ({ kind: "page", pattern, access });
const api = (method: HttpMethod, pattern: string, access: RouteAccess): RouteRule => ({ kind: "api", pattern, method, access });

export const ROUTE_PERMISSIONS: readonly RouteRule[] = [
  // pages
  page("/", "authenticated"),
  page("/signin", "public"),
  page("/forbidden", "public"),
  page("/datasets", "datasets.read"),
  page("/datasets/new", "datasets.write"),
  page("/datasets/[name]", "datasets.read"),
  page("/jobs", "jobs.read"),
  page("/audit-log", "auditlog.read"),
  page("/models", "models.read"),
  page("/scorecards", "scorecards.read"),
  page("/audits", "audits.read"),
  page("/audits/new", "audits.run"),
  page("/audits/[id]", "audits.read"),
  page("/settings", "settings.read"),
  // scorecards, policies, deployments, schedules, notifications (issue 8)
  page("/scorecards/[id]", "scorecards.read"),
  page("/scorecards/[id]/print", "scorecards.read"),
  page("/policies", "policies.read"),
  page("/deployments", "deployments.read"),
  page("/schedules", "deployments.read"),
  page("/notifications", "authenticated"),
  // models, training runs, privacy budgets (issue 5)
  page("/models/new", "models.write"),
  page("/models/[name]", "models.read"),
  page("/models/[name]/versions/[version]", "models.read"),
  page("/models/[name]/runs/[id]", "models.read"),

  // next-auth's own endpoints: sign-in, callbacks, csrf, session
  api("GET", "/api/auth/[...nextauth]", "public"),
  api("POST", "/api/auth/[...nextauth]", "public"),

  // REST API v1
  api("GET", "/api/v1/openapi.json", "public"),
  api("GET", "/api/v1/me", "authenticated"),
  api("GET", "/api/v1/datasets", "datasets.read"),
  api("POST", "/api/v1/datasets", "datasets.write"),
  api("GET", "/api/v1/datasets/[name]", "datasets.read"),
  api("POST", "/api/v1/datasets/[name]/versions", "datasets.upload"),
  api("GET", "/api/v1/datasets/[name]/versions/[version]", "datasets.read"),
  api("GET", "/api/v1/jobs", "jobs.read"),
  api("GET", "/api/v1/jobs/[id]", "jobs.read"),
  api("GET", "/api/v1/audit-log", "auditlog.read"),
  api("GET", "/api/v1/audit-log/verify", "auditlog.read"),
  api("GET", "/api/v1/tokens", "tokens.manage"),
  api("POST", "/api/v1/tokens", "tokens.manage"),
  api("DELETE", "/api/v1/tokens/[id]", "tokens.manage"),
  api("GET", "/api/v1/users", "users.manage"),
  api("PUT", "/api/v1/users/[id]/roles", "users.manage"),
  // scorecards, policies, deployments, schedules, notifications (issue 8)
  api("GET", "/api/v1/scorecards", "scorecards.read"),
  api("POST", "/api/v1/scorecards/recompute", "models.write"),
  api("GET", "/api/v1/scorecards/[id]", "scorecards.read"),
  api("POST", "/api/v1/scorecards/[id]/decision", "scorecards.approve"),
  api("GET", "/api/v1/scorecards/[id]/export", "scorecards.read"),
  api("GET", "/api/v1/policies", "policies.read"),
  api("POST", "/api/v1/policies", "policies.write"),
  api("GET", "/api/v1/policies/schema", "policies.read"),
  api("GET", "/api/v1/evidence/schema", "policies.read"),
  api("GET", "/api/v1/deployments", "deployments.read"),
  api("GET", "/api/v1/deployments/current", "deployments.read"),
  api("POST", "/api/v1/deployments/promote", "deployments.write"),
  api("POST", "/api/v1/deployments/rollback", "deployments.write"),
  api("GET", "/api/v1/models/[name]/deployments/[environment]", "deployments.read"),
  api("GET", "/api/v1/schedules", "deployments.read"),
  api("POST", "/api/v1/schedules", "schedules.write"),
  api("PATCH", "/api/v1/schedules/[id]", "schedules.write"),
  api("POST", "/api/v1/schedules/[id]/run", "schedules.write"),
  api("GET", "/api/v1/notifications", "authenticated"),
  api("POST", "/api/v1/notifications/[id]/read", "authenticated"),
  // scans, findings, lineage, governance (issue 4)
  api("GET", "/api/v1/datasets/[name]/versions/[version]/scans", "findings.read"),
  api("POST", "/api/v1/datasets/[name]/versions/[version]/scans", "scans.run"),
  api("GET", "/api/v1/datasets/[name]/versions/[version]/governance", "findings.read"),
  api("GET", "/api/v1/datasets/[name]/versions/[version]/record-pair", "findings.read"),
  api("GET", "/api/v1/datasets/[name]/lineage", "datasets.read"),
  api("GET", "/api/v1/scans/[id]", "findings.read"),
  api("GET", "/api/v1/findings", "findings.read"),
  api("PATCH", "/api/v1/findings/[id]", "findings.triage"),
  api("GET", "/api/v1/findings/[id]/value", "pii.unmasked"),
  api("POST", "/api/v1/jobs/[id]/cancel", "jobs.cancel"),
  // models, training runs, privacy budgets (issue 5)
  api("GET", "/api/v1/models", "models.read"),
  api("POST", "/api/v1/models", "models.write"),
  api("GET", "/api/v1/models/[name]", "models.read"),
  api("POST", "/api/v1/models/[name]/versions", "models.write"),
  api("GET", "/api/v1/models/[name]/versions/[version]", "models.read"),
  api("GET", "/api/v1/models/[name]/versions/[version]/artifact", "models.read"),
  api("GET", "/api/v1/models/[name]/versions/[version]/artifact/model.json", "models.read"),
  api("GET", "/api/v1/models/[name]/versions/[version]/artifact/weights.bin", "models.read"),
  api("POST", "/api/v1/training-runs", "models.write"),
  api("GET", "/api/v1/training-runs/[id]", "models.read"),
  api("GET", "/api/v1/datasets/[name]/versions/[version]/budget", "datasets.read"),
  api("PUT", "/api/v1/datasets/[name]/versions/[version]/budget", "budgets.write"),
  api("PUT", "/api/v1/datasets/[name]/versions/[version]/budget/non-private-use", "budgets.allow_non_private"),
  // leakage audits (issue 6)
  api("GET", "/api/v1/audits", "audits.read"),
  api("GET", "/api/v1/audits/[id]", "audits.read"),
  api("POST", "/api/v1/audits/[id]/cancel", "audits.run"),
  api("POST", "/api/v1/audits/estimate", "audits.run"),
  api("POST", "/api/v1/audits/scores", "audits.run"),
  api("GET", "/api/v1/models/[name]/versions/[version]/audits", "audits.read"),
  api("POST", "/api/v1/models/[name]/versions/[version]/audits", "audits.run"),
];

/** True for the three values a table row may hold: a permission name, "public" or "authenticated". */
export function isRouteAccess(value: string): value is RouteAccess {
  return value === "public" || value === "authenticated" || isPermission(value);
}

interface CompiledRule {
  rule: RouteRule;
  regex: RegExp;
  /** Per segment: 2 static, 1 dynamic, 0 catch-all; a higher score wins, as in Next's own routing. */
  specificity: number[];
}

function compile(rule: RouteRule): CompiledRule {
  const segments = rule.pattern.split("/").filter(Boolean);
  const specificity: number[] = [];
  const parts = segments.map((segment) => {
    if (/^\[\[?\.\.\.[^\]]+\]\]?$/.test(segment)) {
      specificity.push(0);
      return "/.+";
    }
    if (/^\[[^\]]+\]$/.test(segment)) {
      specificity.push(1);
      return "/[^/]+";
    }
    specificity.push(2);
    return "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  return { rule, regex: new RegExp(`^${parts.join("") || "/"}$`), specificity };
}

function moreSpecific(a: CompiledRule, b: CompiledRule): number {
  for (let i = 0; i < Math.max(a.specificity.length, b.specificity.length); i += 1) {
    const diff = (b.specificity[i] ?? -1) - (a.specificity[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

const COMPILED = ROUTE_PERMISSIONS.map(compile).sort(moreSpecific);

/**
 * The row for a request: for paths under /api/ the API row of that method, else the page row.
 * `undefined` when no row matches; callers then require at least a signed-in user.
 */
export function findRouteRule(pathname: string, method: string): RouteRule | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const isApi = path === "/api" || path.startsWith("/api/");
  const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  for (const { rule, regex } of COMPILED) {
    if (!regex.test(path)) continue;
    if (isApi && rule.kind === "api" && rule.method === wanted) return rule;
    if (!isApi && rule.kind === "page") return rule;
  }
  return undefined;
}

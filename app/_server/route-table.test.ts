// Static checks that the app's route files and lib/auth/route-permissions.ts agree: every route
// has a row, every row a route, and every handler and page asks for the permission its row names.
// (e2e/role-matrix.spec.ts then checks the running server does what the table says.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, ROUTE_PERMISSIONS, type RouteRule } from "@/lib/auth";

const appDir = path.resolve(import.meta.dirname, "..");

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry.startsWith("_") || entry === "node_modules" ? [] : walk(full, name);
    return entry === name ? [full] : [];
  });
}

/** app/(app)/datasets/[name]/page.tsx → /datasets/[name]: route groups and the file name drop out. */
function patternOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!;
      if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
    }
  }
  return [...methods];
}

function apiRow(pattern: string, method: string) {
  return ROUTE_PERMISSIONS.find((r): r is Extract<RouteRule, { kind: "api" }> => r.kind === "api" && r.pattern === pattern && r.method === method);
}

const routeFiles = walk(appDir, "route.ts");
const pageFiles = walk(appDir, "page.tsx");

describe("route handlers", () => {
  it("exist", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
  });

  it.each(routeFiles.map((file) => [patternOf(file), file]))("%s has a row per method, and asks for that row's access", (pattern, file) => {
    const source = readFileSync(file, "utf8");
    const methods = exportedMethods(source);
    expect(methods.length, "exports no HTTP method").toBeGreaterThan(0);
    for (const method of methods) {
      expect(HTTP_METHODS as readonly string[], `${method} is not in HTTP_METHODS`).toContain(method);
      const row = apiRow(pattern, method);
      expect(row, `no row for ${method} ${pattern} in lib/auth/route-permissions.ts`).toBeDefined();
      if (pattern.startsWith("/api/auth/")) continue; // next-auth's own handler
      const wrapper = new RegExp(`export const ${method}\\s*=\\s*(withPermission(?:<[^>]*>)?\\(\\s*"([^"]+)"|withPublicAccess)`).exec(source);
      expect(wrapper, `${method} ${pattern} is not wrapped in withPermission or withPublicAccess`).not.toBeNull();
      if (row!.access === "public") expect(wrapper![1]).toBe("withPublicAccess");
      else expect(wrapper![2], `${method} ${pattern}`).toBe(row!.access);
    }
  });

  it("keeps each /api/v1 handler file under 40 lines", () => {
    for (const file of routeFiles.filter((f) => patternOf(f).startsWith("/api/v1/"))) {
      expect(readFileSync(file, "utf8").trimEnd().split("\n").length, patternOf(file)).toBeLessThan(40);
    }
  });

  it("has a handler for every API row of the table", () => {
    const served = new Set(routeFiles.flatMap((file) => exportedMethods(readFileSync(file, "utf8")).map((m) => `${m} ${patternOf(file)}`)));
    const rows = ROUTE_PERMISSIONS.filter((r) => r.kind === "api").map((r) => `${r.kind === "api" ? r.method : ""} ${r.pattern}`);
    expect(rows.filter((row) => !served.has(row))).toEqual([]);
  });
});

describe("pages", () => {
  it.each(pageFiles.map((file) => [patternOf(file), file]))("%s has a row, and checks that row's access", (pattern, file) => {
    const row = ROUTE_PERMISSIONS.find((r) => r.kind === "page" && r.pattern === pattern);
    expect(row, `no page row for ${pattern} in lib/auth/route-permissions.ts`).toBeDefined();
    if (row!.access === "public") return;
    const source = readFileSync(file, "utf8");
    const check = /requirePagePermission\(\s*"([^"]+)"\s*\)/.exec(source);
    // A page that only redirects elsewhere shows nothing and reads nothing.
    const redirectOnly = check === null && /\bredirect\(/.test(source) && !/@\/lib\//.test(source);
    if (redirectOnly) return;
    expect(check, `${pattern} does not call requirePagePermission("${row!.access}")`).not.toBeNull();
    expect(check![1], pattern).toBe(row!.access);
  });
});

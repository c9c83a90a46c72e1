import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, type Permission } from "./permissions.ts";
import { findRouteRule, HTTP_METHODS, isRouteAccess, ROUTE_PERMISSIONS } from "./route-permissions.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("ROUTE_PERMISSIONS", () => {
  it("gives every row a valid access value and a well-formed pattern", () => {
    for (const rule of ROUTE_PERMISSIONS) {
      expect(isRouteAccess(rule.access), `${rule.pattern}: ${rule.access}`).toBe(true);
      expect(rule.pattern).toMatch(/^\/([\w.-]+|\[(\.\.\.)?\w+\])?(\/([\w.-]+|\[(\.\.\.)?\w+\]))*$/);
      if (rule.kind === "api") {
        expect(HTTP_METHODS).toContain(rule.method);
        expect(rule.pattern.startsWith("/api/")).toBe(true);
      } else {
        expect(rule.pattern.startsWith("/api/")).toBe(false);
      }
    }
  });

  it("has no duplicate rows", () => {
    const keys = ROUTE_PERMISSIONS.map((r) => `${r.kind} ${r.kind === "api" ? r.method : ""} ${r.pattern}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("keeps the sign-in page and next-auth's endpoints public, and everything under /api/v1 but the document closed", () => {
    expect(findRouteRule("/signin", "GET")?.access).toBe("public");
    expect(findRouteRule("/api/auth/callback/credentials", "POST")?.access).toBe("public");
    expect(findRouteRule("/api/v1/openapi.json", "GET")?.access).toBe("public");
    const openV1 = ROUTE_PERMISSIONS.filter((r) => r.pattern.startsWith("/api/v1/") && r.access === "public").map((r) => r.pattern);
    expect(openV1).toEqual(["/api/v1/openapi.json"]);
  });
});

describe("findRouteRule", () => {
  it("prefers a static segment over a dynamic one, as Next's router does", () => {
    expect(findRouteRule("/datasets/new", "GET")?.access).toBe("datasets.write");
    expect(findRouteRule("/datasets/census-2020", "GET")?.access).toBe("datasets.read");
  });

  it("matches API rows by method, HEAD as GET", () => {
    expect(findRouteRule("/api/v1/datasets", "POST")?.access).toBe("datasets.write");
    expect(findRouteRule("/api/v1/datasets", "get")?.access).toBe("datasets.read");
    expect(findRouteRule("/api/v1/datasets", "HEAD")?.access).toBe("datasets.read");
    expect(findRouteRule("/api/v1/datasets", "DELETE")).toBeUndefined();
    expect(findRouteRule("/api/v1/datasets/x/versions", "POST")?.access).toBe("datasets.upload");
    expect(findRouteRule("/api/v1/datasets/x/versions/3", "GET")?.access).toBe("datasets.read");
    expect(findRouteRule("/api/v1/users/u1/roles", "PUT")?.access).toBe("users.manage");
  });

  it("ignores a trailing slash and never matches across segments", () => {
    expect(findRouteRule("/jobs/", "GET")?.access).toBe("jobs.read");
    expect(findRouteRule("/datasets/a/b", "GET")).toBeUndefined();
    expect(findRouteRule("/api/v1/jobs/a/b", "GET")).toBeUndefined();
    expect(findRouteRule("/nowhere", "GET")).toBeUndefined();
  });

  it("does not treat a page row as an API row or the reverse", () => {
    expect(findRouteRule("/api/v1/me", "GET")?.kind).toBe("api");
    expect(findRouteRule("/settings", "POST")?.kind).toBe("page");
  });
});

// A permission nobody checks is either dead or a hole waiting to be noticed. Features still being
// built are listed here and must leave the list when their code lands (the second test says when).
const NOT_YET_USED = new Set<Permission>([
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(full);
  }
  return out;
}

describe("every permission is used", () => {
  const files = ["lib", "app", "workers"]
    .flatMap((dir) => {
      try {
        return sourceFiles(path.join(root, dir));
      } catch {
        return [];
      }
    })
    .concat(path.join(root, "proxy.ts"))
    .filter((file) => !file.endsWith(path.join("lib", "auth", "permissions.ts")) && !file.endsWith(path.join("lib", "auth", "route-permissions.ts")));
  const text = files.map((file) => readFileSync(file, "utf8")).join("\n");
  const used = (name: string) => ROUTE_PERMISSIONS.some((r) => r.access === name) || text.includes(`"${name}"`);

  it("checks each permission in a route row or in code, unless it is listed as not yet used", () => {
    const unused = PERMISSIONS.map((p) => p.name).filter((name) => !used(name) && !NOT_YET_USED.has(name));
    expect(unused).toEqual([]);
  });

  it("lists as not yet used only permissions that are in fact unused", () => {
    expect([...NOT_YET_USED].filter(used)).toEqual([]);
  });
});

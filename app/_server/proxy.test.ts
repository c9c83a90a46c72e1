import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { encode, type JWT } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_REFRESH_MS } from "@/lib/auth";
import { config, proxy } from "../../proxy";

const root = path.resolve(import.meta.dirname, "../..");
// Next's own matcher compiler (internal, untyped): the test matches paths exactly as `next build` would.
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info.js") as {
  getMiddlewareMatchers: (matchers: string[], nextConfig: object) => { regexp: string }[];
};
const SECRET = "proxy-test-secret";
let savedSecret: string | undefined;
let savedUrl: string | undefined;

beforeAll(() => {
  savedSecret = process.env.NEXTAUTH_SECRET;
  savedUrl = process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL; // plain-http cookie name
});
afterAll(() => {
  process.env.NEXTAUTH_SECRET = savedSecret;
  if (savedUrl !== undefined) process.env.NEXTAUTH_URL = savedUrl;
});

async function request(pathname: string, options: { method?: string; token?: JWT; headers?: Record<string, string> } = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("cookie", `next-auth.session-token=${await encode({ token: options.token, secret: SECRET })}`);
  return proxy(new NextRequest(`http://localhost:3000${pathname}`, { method: options.method ?? "GET", headers }));
}

const passedThrough = (response: Response) => response.headers.get("x-middleware-next") === "1";
const fresh = (roles: JWT["roles"]): JWT => ({ sub: "u1", email: "a@canary.local", roles, rolesCheckedAt: Date.now() });
const stale = (roles: JWT["roles"]): JWT => ({ sub: "u1", email: "a@canary.local", roles, rolesCheckedAt: Date.now() - ROLE_REFRESH_MS - 1 });

describe("proxy", () => {
  it("lets public routes through without a session", async () => {
    expect(passedThrough(await request("/signin"))).toBe(true);
    expect(passedThrough(await request("/api/v1/openapi.json"))).toBe(true);
    expect(passedThrough(await request("/api/auth/csrf"))).toBe(true);
  });

  it("redirects a signed-out page request to /signin with the way back", async () => {
    const response = await request("/datasets?q=census");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("callbackUrl")).toBe("/datasets?q=census");
  });

  it("answers a signed-out API request with 401 JSON", async () => {
    const response = await request("/api/v1/datasets", { method: "POST" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("requires a session even for paths the table does not know", async () => {
    expect((await request("/no-such-page")).status).toBe(307);
    expect((await request("/api/v1/no-such-thing")).status).toBe(401);
  });

  it("passes bearer-token API requests on to the handler, which resolves the token", async () => {
    expect(passedThrough(await request("/api/v1/users", { headers: { authorization: "Bearer cnry_x" } }))).toBe(true);
    // …but never for pages: a header cannot stand in for a session there.
    expect((await request("/settings", { headers: { authorization: "Bearer cnry_x" } })).status).toBe(307);
  });

  it("refuses a signed-in user without the permission: 403 JSON for the API, the 403 page for pages", async () => {
    const api = await request("/api/v1/users", { token: fresh(["auditor"]) });
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: { code: "forbidden", message: 'you lack the permission "users.manage"' } });

    const page = await request("/datasets/new", { token: fresh(["auditor"]) });
    expect(new URL(page.headers.get("x-middleware-rewrite")!).pathname).toBe("/forbidden");
  });

  it("lets a permitted user through and tells the page its own path", async () => {
    const response = await request("/datasets/new?from=x", { token: fresh(["ml_engineer"]) });
    expect(passedThrough(response)).toBe(true);
    expect(response.headers.get("x-middleware-request-x-canary-path")).toBe("/datasets/new?from=x");
    expect(passedThrough(await request("/api/v1/me", { token: fresh([]) }))).toBe(true);
  });

  it("does not refuse on roles older than the refresh interval: the handler re-reads them", async () => {
    expect(passedThrough(await request("/api/v1/users", { token: stale(["auditor"]) }))).toBe(true);
  });

  it("sends a Content-Security-Policy with a fresh script nonce and no framing on every answer, and gives Next the same nonce", async () => {
    const answers = [
      await request("/signin"),
      await request("/datasets"),
      await request("/api/v1/me", { method: "POST" }),
      await request("/users", { token: fresh(["auditor"]) }),
      await request("/datasets", { token: fresh(["auditor"]) }),
    ];
    const nonces = answers.map((response) => {
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      return /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic'/.exec(policy)?.[1];
    });
    expect(nonces.every(Boolean)).toBe(true);
    expect(new Set(nonces).size).toBe(nonces.length);
    // Next.js reads the nonce from the request's policy when it renders the page.
    expect(answers[4]!.headers.get("x-middleware-request-content-security-policy")).toBe(answers[4]!.headers.get("content-security-policy"));
  });

  it("ignores a cookie it cannot decrypt", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/api/v1/me", { headers: { cookie: "next-auth.session-token=forged" } }));
    expect(response.status).toBe(401);
  });
});

// Next buffers request bodies for the proxy and cuts them at 10 MB, so streamed uploads must skip it.
describe("proxy matcher", () => {
  // Compiled by Next's own function, exactly as `next build` does.
  const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
  const matched = (pathname: string) => matchers.some((m) => m.test(pathname));

  function routeFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
    });
  }
  const urlOf = (file: string) =>
    "/" + path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(\.\.\.)?\w+\]$/, "sample")).join("/");

  it("covers pages and API routes but not build assets", () => {
    for (const pathname of ["/", "/datasets", "/datasets/x", "/api/v1/datasets", "/api/v1/openapi.json", "/api/v1/datasets/x/versions/2"]) {
      expect(matched(pathname), pathname).toBe(true);
    }
    for (const pathname of ["/_next/static/chunks/a.js", "/favicon.ico"]) expect(matched(pathname), pathname).toBe(false);
  });

  it("skips every route handler that streams its request body", () => {
    const streaming = routeFiles(path.join(root, "app")).filter((file) => /Readable\.fromWeb\(\s*request\.body/.test(readFileSync(file, "utf8")));
    expect(streaming.length).toBeGreaterThan(0);
    for (const file of streaming) expect(matched(urlOf(file)), urlOf(file)).toBe(false);
  });
});

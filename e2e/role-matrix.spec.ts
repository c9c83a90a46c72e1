// THE role matrix: every page and every API method in app/, requested as every role, as a service
// account's API token, and with no session, against the running server. Allowed must hold exactly
// when lib/auth/permissions.ts says `can(role, permission)` for the route's row in
// lib/auth/route-permissions.ts; anything else is a leak (or a lock-out) and fails the test.
//
// Each role is also tried with a session whose roles are more than a minute old: proxy.ts then
// lets the request through without judging it, so the page's requirePagePermission or the
// handler's withPermission must refuse on its own (defense in depth, checked, not assumed).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { can, FORBIDDEN_PAGE, ROLE_REFRESH_MS, ROUTE_PERMISSIONS, SIGN_IN_PAGE, type Permission, type RouteAccess } from "../lib/auth/index.ts";
import type { Role } from "../lib/db/index.ts";
import { signInRequest } from "./support";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const appDir = path.join(root, "app");
const PEOPLE: { role: Role; email: string }[] = [
  { role: "admin", email: "admin@canary.local" },
  { role: "ml_engineer", email: "engineer@canary.local" },
  { role: "compliance_officer", email: "compliance@canary.local" },
  { role: "auditor", email: "auditor@canary.local" },
];
const SERVICE_EMAIL = "ci@canary.local";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

// ---------- the routes, from the filesystem ----------

interface AppRoute {
  kind: "page" | "api";
  method: string;
  /** Folder syntax, as in the table: /datasets/[name]. */
  pattern: string;
  file: string;
}

function walk(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry.startsWith("_") ? [] : walk(full, name);
    return entry === name ? [full] : [];
  });
}

function patternOf(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function methodsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|async function|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!);
  }
  return [...found].filter((name) => (METHODS as readonly string[]).includes(name));
}

function discoverRoutes(): AppRoute[] {
  const pages = walk(appDir, "page.tsx").map((file) => ({ kind: "page" as const, method: "GET", pattern: patternOf(file), file }));
  const handlers = walk(appDir, "route.ts").flatMap((file) =>
    methodsOf(readFileSync(file, "utf8")).map((method) => ({ kind: "api" as const, method, pattern: patternOf(file), file })),
  );
  // next-auth's own endpoints go last: GET /api/auth/session re-issues the session cookie, which
  // would turn a deliberately stale session (below) into a fresh one for every later request.
  const order = (r: AppRoute) => `${r.pattern.startsWith("/api/auth/") ? 1 : 0} ${r.pattern} ${r.method}`;
  return [...pages, ...handlers].sort((a, b) => order(a).localeCompare(order(b)));
}

function accessOf(route: AppRoute): RouteAccess | undefined {
  return ROUTE_PERMISSIONS.find((r) => r.pattern === route.pattern && r.kind === route.kind && (r.kind === "page" || r.method === route.method))?.access;
}

const ROUTES = discoverRoutes();

test("every page and API method in app/ has a row in lib/auth/route-permissions.ts", () => {
  expect(ROUTES.filter((r) => r.kind === "page").length).toBeGreaterThan(5);
  expect(ROUTES.filter((r) => r.kind === "api").length).toBeGreaterThan(10);
  const unlisted = ROUTES.filter((route) => accessOf(route) === undefined).map((r) => `${r.method} ${r.pattern} (${path.relative(root, r.file)})`);
  expect(unlisted, "routes without a row: add them to lib/auth/route-permissions.ts").toEqual([]);
});

// ---------- who asks ----------

interface Caller {
  label: string;
  /** For a stale session: the cookie value that must still be the one sent. */
  staleCookie?: string;
  /** Whether the caller holds the access; undefined = no session at all. */
  may?: (access: RouteAccess) => boolean;
  /** A bearer token: opens API routes only, never pages. */
  bearer?: string;
  context: () => APIRequestContext;
}

let baseURL: string;
const contexts: APIRequestContext[] = [];
const callers: Caller[] = [];
let sampleDataset = "matrix-sample-missing";
let serviceTokenId: string | undefined;
let adminContext: APIRequestContext;

async function newContext(options: Parameters<typeof playwrightRequest.newContext>[0] = {}) {
  const context = await playwrightRequest.newContext({ baseURL, ...options });
  contexts.push(context);
  return context;
}

/** Signs in through next-auth's credentials callback, as the sign-in form does. */
async function signIn(email: string): Promise<APIRequestContext> {
  const context = await newContext();
  await signInRequest(context, email);
  return context;
}

/** The same person's session, but with roles last read more than a minute ago: the proxy defers. */
async function staleSession(fresh: APIRequestContext, email: string): Promise<{ context: APIRequestContext; value: string }> {
  const secret = process.env.NEXTAUTH_SECRET;
  expect(secret, "NEXTAUTH_SECRET must be in the environment (scripts/env.sh exports it) to make stale sessions").toBeTruthy();
  const me = (await (await fresh.get("/api/v1/me")).json()) as { id: string; roles: Role[] };
  const state = await fresh.storageState();
  const cookie = state.cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, `session cookie of ${email}`).toBeDefined();
  const value = await encode({
    secret: secret!,
    token: { sub: me.id, email, name: email, roles: me.roles, rolesCheckedAt: Date.now() - ROLE_REFRESH_MS - 60_000 },
  });
  return { context: await newContext({ storageState: { cookies: [{ ...cookie!, value }], origins: [] } }), value };
}

async function sessionCookieOf(context: APIRequestContext): Promise<string | undefined> {
  return (await context.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"))?.value;
}

// Not serial: after a failure Playwright starts a fresh worker (beforeAll runs again), so every
// caller is still tried and one run lists every leak.
test.describe("role matrix", () => {
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    baseURL = String(testInfo.project.use.baseURL);
    const anonymous = await newContext();
    callers.push({ label: "no session", context: () => anonymous });

    for (const person of PEOPLE) {
      const fresh = await signIn(person.email);
      const may = (access: RouteAccess) => access === "public" || access === "authenticated" || can([person.role], access);
      callers.push({ label: person.role, may, context: () => fresh });
      if (person.role === "admin") adminContext = fresh;
      const stale = await staleSession(fresh, person.email);
      callers.push({ label: `${person.role} (roles older than a minute)`, may, staleCookie: stale.value, context: () => stale.context });
    }

    // A dataset that exists, so pages such as /datasets/[name] render rather than 404.
    sampleDataset = `matrix-${Date.now().toString(36)}`;
    const created = await adminContext.post("/api/v1/datasets", {
      data: { name: sampleDataset, source: "role matrix", collectionMethod: "test", consentBasis: "consent", licenseExpression: "CC0-1.0", intendedUse: "research_only" },
    });
    expect(created.status(), await created.text()).toBe(201);

    // The service account's token, minted by the admin (service accounts cannot sign in).
    const users = (await (await adminContext.get("/api/v1/users")).json()) as { items: { id: string; email: string }[] };
    const service = users.items.find((u) => u.email === SERVICE_EMAIL);
    expect(service, `${SERVICE_EMAIL} must be seeded (scripts/seed.ts --users-only)`).toBeDefined();
    const minted = await adminContext.post("/api/v1/tokens", { data: { name: "role-matrix", userId: service!.id, expiresInDays: 1 } });
    expect(minted.status(), await minted.text()).toBe(201);
    const { token, apiToken } = (await minted.json()) as { token: string; apiToken: { id: string; scopes: Permission[] } };
    serviceTokenId = apiToken.id;
    const scopes = apiToken.scopes;
    const tokenContext = await newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    callers.push({
      label: "service account (API token)",
      bearer: token,
      may: (access) => access === "public" || access === "authenticated" || (can(["service"], access) && scopes.includes(access)),
      context: () => tokenContext,
    });
  });

  test.afterAll(async () => {
    if (serviceTokenId && adminContext) await adminContext.delete(`/api/v1/tokens/${serviceTokenId}`);
    await Promise.all(contexts.map((c) => c.dispose()));
  });

  // ---------- the requests ----------

  function urlOf(pattern: string): string {
    const samples: Record<string, string> = { name: sampleDataset, version: "1", id: "matrix-missing-id", nextauth: "session" };
    return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, param: string) => samples[param] ?? "sample");
  }

  async function send(context: APIRequestContext, route: AppRoute, url: string): Promise<APIResponse> {
    // Bodies are deliberately invalid ({}), so an allowed write answers 4xx and changes nothing.
    const body = route.method === "POST" || route.method === "PUT" || route.method === "PATCH" ? { data: {} } : {};
    return context.fetch(url, { method: route.method, maxRedirects: 0, failOnStatusCode: false, ...body });
  }

  function locationPath(response: APIResponse): string | null {
    const location = response.headers()["location"];
    return location ? new URL(location, baseURL).pathname : null;
  }

  /** Why the answer is wrong for this caller, or null when it is right. */
  function judge(caller: Caller, route: AppRoute, access: RouteAccess, url: string, response: APIResponse): string | null {
    const status = response.status();
    const isRedirect = status >= 300 && status < 400;
    const to = isRedirect ? locationPath(response) : null;
    const tokenOnly = caller.bearer !== undefined;

    if (status >= 500) return `server error ${status}`;
    if (route.kind === "page" && route.pattern === FORBIDDEN_PAGE) return status === 403 ? null : `the 403 page answered ${status}`;

    if (access === "public") {
      if (status === 401 || status === 403) return `public route answered ${status}`;
      if (route.kind === "page" && to === SIGN_IN_PAGE) return "public page redirected to sign-in";
      return null;
    }

    const signedOut = caller.may === undefined || (tokenOnly && route.kind === "page");
    if (signedOut) {
      if (route.kind === "api") return status === 401 ? null : `expected 401, got ${status}`;
      if (to !== SIGN_IN_PAGE) return `expected a redirect to ${SIGN_IN_PAGE}, got ${status}${to ? ` to ${to}` : ""}`;
      const callbackUrl = new URL(response.headers()["location"]!, baseURL).searchParams.get("callbackUrl");
      return callbackUrl === url ? null : `callbackUrl is ${callbackUrl}, expected ${url}`;
    }

    if (caller.may!(access)) {
      if (status === 401 || status === 403) return `LOCKED OUT: ${status} although allowed (${access})`;
      if (to === SIGN_IN_PAGE || to === FORBIDDEN_PAGE) return `LOCKED OUT: redirected to ${to} although allowed (${access})`;
      return null;
    }
    return status === 403 ? null : `LEAK: ${status}${to ? ` to ${to}` : ""} although it lacks "${access}"`;
  }

  const CALLER_LABELS = [
    "no session",
    ...PEOPLE.flatMap((p) => [p.role, `${p.role} (roles older than a minute)`]),
    "service account (API token)",
  ];

  for (const label of CALLER_LABELS) {
    test(`as ${label}`, async () => {
      test.setTimeout(180_000);
      const caller = callers.find((c) => c.label === label);
      expect(caller, `no caller "${label}" was set up`).toBeDefined();
      const wrong: string[] = [];
      let checked = 0;
      const listed = ROUTES.filter((route) => accessOf(route) !== undefined); // unlisted ones: the first test
      let staleChecked = false;
      for (const route of listed) {
        const access = accessOf(route)!;
        if (caller!.staleCookie && !staleChecked && route.pattern.startsWith("/api/auth/")) {
          staleChecked = true;
          // Everything before next-auth's endpoints must have been judged on the stale session.
          expect(await sessionCookieOf(caller!.context()), "the stale session cookie was replaced mid-run").toBe(caller!.staleCookie);
        }
        const url = urlOf(route.pattern);
        const response = await send(caller!.context(), route, url);
        const problem = judge(caller!, route, access, url, response);
        checked += 1;
        if (problem) wrong.push(`${route.method} ${url} [${access}]: ${problem}`);
      }
      expect(checked).toBe(listed.length);
      expect(wrong, `${label}: answers that disagree with lib/auth/route-permissions.ts`).toEqual([]);
    });
  }
});

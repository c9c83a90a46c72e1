import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Principal } from "@/lib/auth";
import { AppError } from "@/lib/errors";

const getServerSession = vi.fn();
const resolveToken = vi.fn();
vi.mock("next-auth", () => ({ getServerSession: (...args: unknown[]) => getServerSession(...args) }));
vi.mock("@/lib/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth")>()),
  getAuthOptions: () => ({}),
  resolveToken: (...args: unknown[]) => resolveToken(...args),
}));
// Keep the real module's enums (imported by schemas at load time); only the client is a stub.
vi.mock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), getDb: () => ({}) }));

const { readJsonBody, withPermission, withPublicAccess } = await import("./with-permission");

const context = <P>(params: P) => ({ params: Promise.resolve(params) });
const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/v1/x", { headers });
const session = (roles: string[]) => ({ user: { id: "u1", email: "a@canary.local", name: "A", roles } });

beforeEach(() => {
  getServerSession.mockReset();
  resolveToken.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe("withPermission", () => {
  it("answers 401 JSON without a session or token, never running the handler", async () => {
    getServerSession.mockResolvedValue(null);
    const handler = vi.fn();
    const response = await withPermission("datasets.read", handler)(get(), context({}));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 naming the permission the caller lacks", async () => {
    getServerSession.mockResolvedValue(session(["auditor"]));
    const handler = vi.fn();
    const response = await withPermission("datasets.write", handler)(get(), context({}));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "forbidden", message: 'you lack the permission "datasets.write"', details: { permission: "datasets.write" } },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler with the session's principal and the awaited params", async () => {
    getServerSession.mockResolvedValue(session(["ml_engineer"]));
    let seen: { principal: Principal; params: { name: string } } | undefined;
    const response = await withPermission<{ name: string }>("datasets.upload", async (args) => {
      seen = args;
      return new Response("ok");
    })(get(), context({ name: "census" }));
    expect(response.status).toBe(200);
    expect(seen!.params).toEqual({ name: "census" });
    expect(seen!.principal).toEqual({ userId: "u1", email: "a@canary.local", label: "a@canary.local", roles: ["ml_engineer"], via: "session" });
  });

  it("uses a bearer token instead of the session, within the token's scopes", async () => {
    resolveToken.mockResolvedValue({ userId: "s1", email: "svc@x", label: "token:ci (svc@x)", roles: ["service"], via: "token", scopes: ["datasets.read"] });
    const ok = await withPermission("datasets.read", async ({ principal }) => new Response(principal.label))(get({ authorization: "Bearer cnry_abc" }), context({}));
    expect(await ok.text()).toBe("token:ci (svc@x)");
    expect(resolveToken).toHaveBeenCalledWith({}, "cnry_abc");
    expect(getServerSession).not.toHaveBeenCalled();

    const denied = await withPermission("datasets.upload", vi.fn())(get({ authorization: "Bearer cnry_abc" }), context({}));
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toBe('this API token\'s scopes do not include "datasets.upload"');
  });

  it("refuses a malformed Authorization header rather than falling back to the cookie", async () => {
    getServerSession.mockResolvedValue(session(["admin"]));
    const response = await withPermission("datasets.read", vi.fn())(get({ authorization: "Basic YTpi" }), context({}));
    expect(response.status).toBe(401);
  });

  it("passes a token refusal (unknown, expired, revoked) on as 401", async () => {
    resolveToken.mockRejectedValue(new AppError("unauthenticated", "this API token has expired"));
    const response = await withPermission("datasets.read", vi.fn())(get({ authorization: "Bearer cnry_old" }), context({}));
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe("this API token has expired");
  });

  it("lets any caller through 'authenticated'", async () => {
    getServerSession.mockResolvedValue(session([]));
    const response = await withPermission("authenticated", async () => new Response(null, { status: 204 }))(get(), context({}));
    expect(response.status).toBe(204);
  });

  it("refuses a session's mutation from another origin; same origin, no Origin, reads and bearer tokens pass", async () => {
    getServerSession.mockResolvedValue(session(["admin"]));
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const call = (method: string, headers: Record<string, string>) =>
      withPermission("datasets.write", handler)(new Request("http://localhost:3000/api/v1/datasets", { method, headers: { host: "localhost:3000", ...headers } }), context({}));

    for (const origin of ["https://evil.example", "null", "http://localhost:3001", "https://localhost:3000"]) {
      const refused = await call("POST", { origin });
      expect(refused.status, origin).toBe(403);
      expect((await refused.json()).error.message).toMatch(/^cross-origin request refused/);
    }
    expect((await call("DELETE", { origin: "https://evil.example" })).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();

    expect((await call("POST", { origin: "http://localhost:3000" })).status).toBe(204);
    expect((await call("PUT", {})).status).toBe(204);
    expect((await call("GET", { origin: "https://evil.example" })).status).toBe(204);
    // Behind a proxy: the public host it forwarded.
    expect((await call("POST", { origin: "https://canary.example.org", "x-forwarded-host": "canary.example.org", "x-forwarded-proto": "https" })).status).toBe(204);

    resolveToken.mockResolvedValue({ userId: "s1", email: "svc@x", label: "token:ci (svc@x)", roles: ["service"], via: "token", scopes: ["datasets.write"] });
    expect((await call("POST", { origin: "https://evil.example", authorization: "Bearer cnry_abc" })).status).toBe(204);
  });

  it("turns what the handler throws into the API's error JSON", async () => {
    getServerSession.mockResolvedValue(session(["admin"]));
    const zod = await withPermission("datasets.read", async () => {
      z.object({ page: z.number() }).parse({ page: "x" });
      return new Response();
    })(get(), context({}));
    expect(zod.status).toBe(422);
    expect((await zod.json()).error.details.issues[0].path).toEqual(["page"]);

    vi.spyOn(console, "error").mockImplementation(() => {});
    const crash = await withPermission("datasets.read", async () => {
      throw new TypeError("secret internals");
    })(get(), context({}));
    expect(crash.status).toBe(500);
    expect(await crash.text()).toBe('{"error":{"code":"internal","message":"internal error"}}');
  });
});

describe("withPublicAccess", () => {
  it("asks for no caller", async () => {
    const response = await withPublicAccess(async () => new Response("doc"))(get(), context({}));
    expect(await response.text()).toBe("doc");
    expect(getServerSession).not.toHaveBeenCalled();
  });
});

describe("readJsonBody", () => {  const post = (body: string) => new Request("http://localhost/api/v1/x", { method: "POST", body });

  it("parses JSON and answers 400 for an empty or malformed body, 413 for a huge one", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
    await expect(readJsonBody(post(""))).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("empty") });
    await expect(readJsonBody(post("{nope"))).rejects.toMatchObject({ code: "bad_request", message: "the request body is not valid JSON" });
    await expect(readJsonBody(post(`"${"x".repeat(1_000_001)}"`))).rejects.toMatchObject({ code: "payload_too_large" });
  });
});

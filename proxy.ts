// The first line of access control (Next 16's middleware): every page and /api request is checked
// against lib/auth/route-permissions.ts before any route code runs. Pages and route handlers check
// again (requirePagePermission, withPermission): this file narrows, it is never the only check.
//
// - Signed out: pages redirect to /signin?callbackUrl=…, API requests get 401 JSON.
// - Bearer-token API requests pass through; the handler resolves the token (the database lives
//   there, not here).
// - Signed in without the permission: API 403 JSON; pages are rewritten to /forbidden, which
//   renders the designed 403 at the requested URL. This is decided on the session's roles only
//   while they are fresh (< ROLE_REFRESH_MS old); older sessions go on to the page or handler,
//   which re-reads the roles from the database, so a newly granted role is never refused here.
// - Every answer carries the Content-Security-Policy with a fresh script nonce (and no framing).
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
// Deep imports on purpose: these two files are pure, and lib/auth's index would pull the
// database client into the proxy bundle.
import { contentSecurityPolicy, CSP_HEADER, newCspNonce } from "@/lib/auth/content-security-policy";
import { can } from "@/lib/auth/permissions";
import { findRouteRule } from "@/lib/auth/route-permissions";
import { FORBIDDEN_PAGE, PATH_HEADER, rolesAreFresh, SIGN_IN_PAGE } from "@/lib/auth/session-policy";

function apiError(status: 401 | 403, code: "unauthenticated" | "forbidden", message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const csp = contentSecurityPolicy(newCspNonce(), { development: process.env.NODE_ENV === "development" });
  const forwarded = new Headers(request.headers);
  // Next.js takes the nonce for its script tags from the request's policy.
  forwarded.set(CSP_HEADER, csp);
  const response = await admit(request, forwarded);
  response.headers.set(CSP_HEADER, csp);
  // For browsers without CSP level 2's frame-ancestors.
  response.headers.set("X-Frame-Options", "DENY");
  return response;
}

async function admit(request: NextRequest, forwarded: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  // No row: still require a signed-in caller; Next then answers 404 or 405.
  const access = findRouteRule(pathname, request.method)?.access ?? "authenticated";

  forwarded.set(PATH_HEADER, `${pathname}${search}`);
  const proceed = () => NextResponse.next({ request: { headers: forwarded } });

  if (access === "public") return proceed();
  if (isApi && request.headers.has("authorization")) return proceed();

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token?.sub) {
    if (isApi) return apiError(401, "unauthenticated", "sign in, or send an API token as `Authorization: Bearer <token>`");
    const signIn = new URL(SIGN_IN_PAGE, request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  if (access === "authenticated" || !rolesAreFresh(token.rolesCheckedAt) || can(token.roles ?? [], access)) return proceed();

  if (isApi) return apiError(403, "forbidden", `you lack the permission "${access}"`);
  return NextResponse.rewrite(new URL(FORBIDDEN_PAGE, request.url), { request: { headers: forwarded } });
}

export const config = {
  // Everything but build assets (/api/v1/openapi.json has an extension, so nothing is excluded by
  // one) and streamed uploads: while a proxy runs, Next buffers the request body and silently cuts
  // it at proxyClientMaxBodySize (10 MB), so upload routes skip the proxy and check in the handler.
  // A new streaming upload route must be added here; proxy-matcher.test.ts checks every route
  // handler that streams request.body.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|robots\\.txt|api/v1/datasets/[^/]+/versions/?$).*)"],
};

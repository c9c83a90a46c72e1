// The one wrapper for /api route handlers (after dub's withWorkspace): who is calling, may they,
// then the handler; whatever it throws becomes the API's error JSON via handleApiError.
import { handleApiError } from "@/lib/api";
import { isCrossOriginMutation, principalCan, type Permission, type Principal } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getRequestPrincipal } from "./get-principal";
import { jsonResponse } from "./json-response";

type Params = Record<string, string | string[]>;

/** What Next.js passes a route handler as its second argument (params are a Promise in Next 16). */
export interface RouteContext<P extends Params> {
  params: Promise<P>;
}

export interface HandlerArgs<P extends Params> {
  request: Request;
  principal: Principal;
  params: P;
}

export function errorResponse(error: unknown): Response {
  const { status, body } = handleApiError(error);
  return jsonResponse(body, { status });
}

function deniedMessage(principal: Principal, permission: Permission): string {
  if (principal.via === "token" && principal.scopes && !principal.scopes.includes(permission)) {
    return `this API token's scopes do not include "${permission}"`;
  }
  return `you lack the permission "${permission}"`;
}

/**
 * Wraps a route handler: 401 without a session or token, 403 for a session's cross-origin
 * mutation (lib/auth/cross-origin.ts) or unless the caller has `access`
 * (a permission from lib/auth/permissions.ts, or "authenticated" for any caller), else runs it.
 * `access` must equal the route's row in lib/auth/route-permissions.ts (a unit test checks).
 */
export function withPermission<P extends Params = Record<string, never>>(
  access: Permission | "authenticated",
  handler: (args: HandlerArgs<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await getRequestPrincipal(request);
      if (!principal) throw new AppError("unauthenticated", "sign in, or send an API token as `Authorization: Bearer <token>`");
      if (principal.via === "session" && isCrossOriginMutation(request)) {
        throw new AppError("forbidden", "cross-origin request refused: a signed-in browser may change data only from Canary's own pages");
      }
      if (access !== "authenticated" && !principalCan(principal, access)) {
        throw new AppError("forbidden", deniedMessage(principal, access), { permission: access });
      }
      return await handler({ request, principal, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For the few public routes: no caller needed, errors still answered as the API's JSON. */
export function withPublicAccess<P extends Params = Record<string, never>>(
  handler: (args: { request: Request; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      return await handler({ request, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** JSON bodies are small (a form's worth); files go through the streaming upload route instead. */
export const MAX_JSON_BODY_BYTES = 1_000_000;

/** The request's JSON body; a body that is not JSON is a 400 naming the problem, not a 500. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const tooLarge = () => new AppError("payload_too_large", `a JSON body may be at most ${MAX_JSON_BODY_BYTES} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (text.trim() === "") throw new AppError("bad_request", "the request body must be JSON; it was empty");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "the request body is not valid JSON");
  }
}

/** The query string as a plain object, for a zod query schema. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

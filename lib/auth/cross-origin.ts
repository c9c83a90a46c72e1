// CSRF defence in depth for cookie-authenticated API calls (bearer-token calls carry no ambient
// credential and are exempt). next-auth's cookies are SameSite=Lax already; this also refuses a
// same-site but cross-origin page, and browsers that do not honour SameSite.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this server answers as: the request's own (as the proxy forwarded it) and NEXTAUTH_URL's. */
function ownOrigins(request: Request, publicUrl: string | undefined): Set<string> {
  const url = new URL(request.url);
  const origins = new Set([url.origin]);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  if (host) origins.add(`${proto}://${host}`);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/**
 * True for a state-changing request whose Origin header names another site (or is `null`, as from
 * a sandboxed frame). A request without Origin passes: browsers send it on every cross-origin
 * POST, PUT, PATCH and DELETE, so its absence means a same-origin navigation or a non-browser client.
 */
export function isCrossOriginMutation(request: Request, publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !ownOrigins(request, publicUrl).has(origin);
}

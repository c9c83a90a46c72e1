// Session constants shared by lib/auth/auth-options.ts and proxy.ts. Kept apart so the proxy can
// read them without loading the database client.

/** Roles in a session are re-read from the database when older than this. */
export const ROLE_REFRESH_MS = 60_000;
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
export const SIGN_IN_PAGE = "/signin";
/** Where the proxy sends signed-in people who lack a page's permission; the page renders the 403. */
export const FORBIDDEN_PAGE = "/forbidden";
/** Request header the proxy sets to the requested path and query (pages use it for callbackUrl). */
export const PATH_HEADER = "x-canary-path";

/** True while a session's roles are recent enough to deny on; older ones are re-checked by the page or handler. */
export function rolesAreFresh(rolesCheckedAt: number | undefined, now = Date.now()): boolean {
  return rolesCheckedAt !== undefined && now - rolesCheckedAt < ROLE_REFRESH_MS;
}

import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions, resolveToken, type Principal } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The signed-in person of this request, from the next-auth session cookie, or null. Roles come
 * from the session, which re-reads them from the database at most once a minute. Cached per
 * request, so a layout and its page share one look-up.
 */
export const getSessionPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user;
  if (!user?.id) return null;
  return { userId: user.id, email: user.email, label: user.email, roles: user.roles, via: "session" };
});

/**
 * The caller of an API request: an `Authorization: Bearer cnry_…` token if the header is present
 * (a bad token is refused, never ignored in favour of a cookie), else the session, else null.
 * Throws AppError unauthenticated for a malformed header or an unknown, expired or revoked token.
 */
export async function getRequestPrincipal(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return getSessionPrincipal();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AppError("unauthenticated", "the Authorization header must be `Bearer <API token>`");
  return resolveToken(getDb(), match[1]!);
}

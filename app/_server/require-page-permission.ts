// For server components (pages, layouts): the proxy already turned away most requests; this is
// the check that holds even if the proxy is bypassed or its copy of the roles is stale.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { PATH_HEADER, principalCan, SIGN_IN_PAGE, type Permission, type Principal } from "@/lib/auth";
import { getSessionPrincipal } from "./get-principal";

async function currentPath(): Promise<string> {
  const path = (await headers()).get(PATH_HEADER);
  return path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/**
 * The signed-in principal, if they may see this page. Signed out: redirects to
 * /signin?callbackUrl=<this page>. Signed in without `access`: calls `forbidden()`, which renders
 * app's forbidden.tsx with status 403 (needs `experimental.authInterrupts`, set in next.config.js).
 * Call it first, before any data is read: `const principal = await requirePagePermission("datasets.read");`
 */
export async function requirePagePermission(access: Permission | "authenticated"): Promise<Principal> {
  const principal = await getSessionPrincipal();
  if (!principal) redirect(`${SIGN_IN_PAGE}?callbackUrl=${encodeURIComponent(await currentPath())}`);
  if (access !== "authenticated" && !principalCan(principal, access)) forbidden();
  return principal;
}

/** The signed-in principal or null, for parts of a page that only vary with who is looking. */
export async function getPagePrincipal(): Promise<Principal | null> {
  return getSessionPrincipal();
}

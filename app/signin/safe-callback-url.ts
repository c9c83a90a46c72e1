/**
 * Where to go after signing in: only ever a path on this site, or this page would be an open
 * redirect. next-auth passes absolute URLs of this site; their origin is dropped, keeping the path.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return "/datasets";
  let path: string;
  try {
    const url = new URL(raw, "http://canary.invalid");
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/datasets";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.startsWith("/signin")) return "/datasets";
  return path;
}
